import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureBatch, fixtureEvent, storeContract } from "../contract/index.js";
import { type FileLedger, openFileLedger } from "./file-ledger.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

const now = () => new Date("2026-01-01T00:00:00.000Z");

storeContract("file ledger", async () => {
  const t = await tempDir();
  const r = await openFileLedger(join(t.dir, "ledger.jsonl"), { now })();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return { store: r.right, cleanup: t.remove };
});

describe("file ledger", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  const setup = async (): Promise<{ path: string; ledger: FileLedger }> => {
    const t = await tempDir();
    const path = join(t.dir, "ledger.jsonl");
    const r = await openFileLedger(path, { now })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    cleanups.push(async () => {
      await r.right.close();
      await t.remove();
    });
    return { path, ledger: r.right };
  };

  it("reopens with the same events, revisions and positions, and the file verifies", async () => {
    const { path, ledger } = await setup();
    await ledger.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), {
      expectedRevision: "noStream",
    })();
    await ledger.append(fixtureEvent("b", 0).streamId, fixtureBatch("b", 2), {
      expectedRevision: "noStream",
    })();
    const before = await ledger.readAll()();
    const info = ledger.info();
    await ledger.close();
    const again = await openFileLedger(path)();
    if (E.isLeft(again)) throw new Error(again.left.message);
    cleanups.push(() => again.right.close());
    expect(await again.right.readAll()()).toEqual(before);
    expect(again.right.info()).toEqual(info);
    const v = await verifyLedger(path)();
    expect(v).toEqual(E.right(expect.objectContaining({ events: 5, streams: 2, lastHash: info.lastHash })));
    const appended = await again.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 1, 3), {
      expectedRevision: 2,
    })();
    expect(appended).toEqual(E.right({ nextExpectedRevision: 3, lastPosition: 5, written: true }));
  });

  it("a second writer gets LedgerLocked naming the holder; a reader may open alongside", async () => {
    const { path } = await setup();
    const second = await openFileLedger(path)();
    expect(second).toEqual(
      E.left(
        expect.objectContaining({
          _tag: "LedgerLocked",
          holder: expect.stringContaining(`pid ${process.pid}`),
        }),
      ),
    );
    const reader = await openFileLedger(path, { readOnly: true })();
    expect(E.isRight(reader)).toBe(true);
    if (E.isRight(reader)) {
      const refused = await reader.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 1), {
        expectedRevision: "any",
      })();
      expect(refused).toEqual(E.left(expect.objectContaining({ _tag: "InvalidAppend" })));
      await reader.right.close();
    }
  });

  it("appendBatch writes several streams in one append, all or nothing", async () => {
    const { path, ledger } = await setup();
    const a = fixtureEvent("a", 0).streamId;
    const b = fixtureEvent("b", 0).streamId;
    const ok = await ledger.appendBatch([
      { streamId: a, events: fixtureBatch("a", 2), expectedRevision: "noStream" },
      { streamId: b, events: fixtureBatch("b", 1), expectedRevision: "noStream" },
      { streamId: a, events: fixtureBatch("a", 1, 2), expectedRevision: 1 },
    ])();
    expect(ok).toEqual(
      E.right([
        { nextExpectedRevision: 1, lastPosition: 1, written: true },
        { nextExpectedRevision: 0, lastPosition: 2, written: true },
        { nextExpectedRevision: 2, lastPosition: 3, written: true },
      ]),
    );
    const bad = await ledger.appendBatch([
      { streamId: b, events: fixtureBatch("b", 1, 1), expectedRevision: 0 },
      { streamId: a, events: fixtureBatch("a", 1, 3), expectedRevision: 0 },
    ])();
    expect(bad).toEqual(E.left(expect.objectContaining({ _tag: "WrongExpectedRevision", actual: 2 })));
    expect(ledger.info().events).toBe(4);
    const text = await readFile(path, "utf8");
    const remaining = text
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => JSON.parse(l).batchRemaining);
    expect(remaining).toEqual([3, 2, 1, 0]);
  });

  it("refuses a line over the 1 MiB limit before writing", async () => {
    const { ledger } = await setup();
    const e = fixtureEvent("a", 0);
    const big = {
      ...e.newEvent,
      metadata: { ...e.newEvent.metadata, correlationId: "x".repeat(1024 * 1024) },
    };
    const r = await ledger.append(e.streamId, [big], { expectedRevision: "any" })();
    expect(r).toEqual(
      E.left(expect.objectContaining({ _tag: "InvalidAppend", reason: expect.stringContaining("limit") })),
    );
    expect(ledger.info().events).toBe(0);
  });

  it("keeps __proto__ and constructor keys in data away from prototypes", async () => {
    const { ledger } = await setup();
    const e = fixtureEvent("a", 0);
    const evil = JSON.parse(
      `{"type":"CoopSuspended","schemaVersion":1,"data":{"coopId":"htx-a","effectiveDate":"2021-03-01","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}`,
    );
    const r = await ledger.append(e.streamId, [{ ...e.newEvent, event: evil }], {
      expectedRevision: "any",
    })();
    expect(E.isRight(r)).toBe(true);
    const read = await ledger.readStream(e.streamId)();
    if (E.isLeft(read)) throw new Error(read.left.message);
    const data = read.right[0]!.event.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(["coopId", "effectiveDate"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
