import { join } from "node:path";
import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { makeCommandHandler } from "../handler/command-handler.js";
import { type TestCommand, testDecider, testStreamOf } from "../handler/test-support/test-decider.js";
import { openFileLedger } from "./file-ledger.js";
import { importEvents } from "./import-events.js";
import { readLedger } from "./read-ledger.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

describe("bulk import and concurrent writers on a file ledger", () => {
  it("copies a ledger event for event (ids, revisions, positions); a second import writes nothing", async () => {
    const t = await tempDir();
    try {
      const source = await writeSampleLedger(t.dir, "source.jsonl");
      const events: RecordedEvent[] = [];
      for await (const r of readLedger(source.path)) if (E.isRight(r)) events.push(r.right);
      const opened = await openFileLedger(join(t.dir, "copy.jsonl"))();
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      const copy = opened.right;
      expect(await importEvents(copy, events, { batchSize: 5 })()).toEqual(
        E.right({ events: 12, written: 12, batches: 3 }),
      );
      expect(await importEvents(copy, events, { batchSize: 5 })()).toEqual(
        E.right({ events: 12, written: 0, batches: 3 }),
      );
      const all = await copy.readAll()();
      expect(E.isRight(all) && all.right.events).toEqual(events);
      await copy.close();
      expect(E.isRight(await verifyLedger(join(t.dir, "copy.jsonl"))())).toBe(true);
    } finally {
      await t.remove();
    }
  });

  it("concurrent command handlers on one stream of a file ledger: every command once, no lost update", async () => {
    const t = await tempDir();
    try {
      const opened = await openFileLedger(join(t.dir, "l.jsonl"))();
      if (E.isLeft(opened)) throw new Error(opened.left.message);
      const store = opened.right;
      const clock = () => "2024-05-06T07:08:09.000Z" as never;
      const command: TestCommand = { type: "Note", coopId: "htx-1" as never };
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          makeCommandHandler({
            store,
            decider: testDecider,
            streamOf: testStreamOf,
            clock,
            maxRetries: 10,
          }).handle({ commandId: `c-${i}`, command })(),
        ),
      );
      expect(results.every(E.isRight)).toBe(true);
      const s = await store.readStream(testStreamOf(command))();
      if (E.isLeft(s)) throw new Error(s.left.message);
      const dates = s.right.map((e) => e.event.data.effectiveDate);
      expect(new Set(dates).size).toBe(6);
      expect(dates).toEqual([...dates].sort());
      await store.close();
    } finally {
      await t.remove();
    }
  });
});
