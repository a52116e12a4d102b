import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLedger } from "@coop-ledger/generator";
import { buildIndex, snapshot } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  allEvents,
  appendInOrder,
  BOTH_CLIENTS,
  type DoubleStore,
  doubleStore,
} from "../test-support/double-store.js";
import { fileCheckpointStore } from "./file-checkpoint-store.js";
import { eventsIndexSerializer } from "./index-serializer.js";
import { indexStateCodec, runIndexProjection } from "./run-index-projection.js";

const open: DoubleStore[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

const revisions = new Map<string, number>();

const figures = (index: Parameters<typeof snapshot>[0]) => {
  const s = snapshot(index, { validAt: "2013-12-31" });
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};

describe.each(BOTH_CLIENTS)("runIndexProjection with %s", (client) => {
  it("keeps the index with its position; a restart loads it and resumes after that position", async () => {
    const d = await doubleStore({ client });
    open.push(d);
    revisions.clear();
    const generated = [...generateLedger({ preset: "province", seed: 5, to: "2013-06-30" })];
    const half = Math.floor(generated.length / 2);
    await appendInOrder(d.store, revisions, generated.slice(0, half));

    const path = join(mkdtempSync(join(tmpdir(), "coop-index-")), "index.checkpoint");
    const checkpointStore = fileCheckpointStore(path, indexStateCodec(eventsIndexSerializer));
    const first = runIndexProjection({ client: d.client, checkpointStore });
    await first.caughtUp;
    await first.stop();
    const saved = first.position();
    expect(saved).toBeDefined();
    expect(first.state().size).toBe(half);

    // The service is down while more is recorded; then it restarts from the file.
    await appendInOrder(d.store, revisions, generated.slice(half));
    const second = runIndexProjection({ client: d.client, checkpointStore });
    await second.caughtUp;
    // It asked the server for what follows the saved position only, not for the whole log.
    expect(d.server.subscriptionStarts.at(-1)).toBe(saved!.commit);
    expect(second.state().size).toBe(generated.length);
    // The figures equal an index built from the whole log at once.
    expect(figures(second.state())).toEqual(figures(buildIndex(await allEvents(d.store))));
    await second.stop();
  });
});

describe("fileCheckpointStore", () => {
  it("a torn or altered checkpoint is CheckpointUnreadable, never a silent restart", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "coop-ckpt-")), "x.checkpoint");
    const codec = {
      format: "text@1",
      encode: (s: string) => Buffer.from(s, "utf8"),
      decode: (b: Uint8Array) => E.right(Buffer.from(b).toString("utf8")),
    };
    const cps = fileCheckpointStore(path, codec);
    expect(await cps.load()()).toEqual(E.right(undefined));
    const saved = await cps.save({ position: { commit: 5n, prepare: 5n }, state: "hello" })();
    expect(E.isRight(saved)).toBe(true);
    expect(await cps.load()()).toEqual(E.right({ position: { commit: 5n, prepare: 5n }, state: "hello" }));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 2));
    expect(await cps.load()()).toMatchObject(E.left({ _tag: "CheckpointUnreadable" }));
    writeFileSync(path, Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from("X")]));
    expect(await cps.load()()).toMatchObject(E.left({ _tag: "CheckpointUnreadable" }));
    const other = fileCheckpointStore(path, { ...codec, format: "other@1" });
    writeFileSync(path, bytes);
    expect(await other.load()()).toMatchObject(E.left({ _tag: "CheckpointUnreadable" }));
  });
});
