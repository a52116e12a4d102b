import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { DatasetRef, Figures } from "../child/protocol.js";
import { nowMs } from "../harness/clock.js";
import type { NewEventOnStream, Subjects } from "../subjects.js";
import { need } from "./not-available.js";

const toNew = (e: RecordedEvent): NewEventOnStream => ({
  streamId: e.streamId,
  eventId: e.eventId,
  event: e.event,
  metadata: e.metadata,
});

const firstEvents = async (
  readLedger: (path: string) => AsyncIterable<RecordedEvent>,
  path: string,
  n: number,
): Promise<NewEventOnStream[]> => {
  const out: NewEventOnStream[] = [];
  for await (const e of readLedger(path)) {
    if (out.length >= n) break;
    out.push(toNew(e));
  }
  return out;
};

/**
 * The events grouped by stream, each stream's order kept (an append takes one stream; interleaving
 * streams differently changes no figure — law 4 — so this is a valid way to write the same history).
 */
const runsByStream = (events: ReadonlyArray<NewEventOnStream>): NewEventOnStream[][] => {
  const byStream = new Map<string, NewEventOnStream[]>();
  for (const e of events) {
    const run = byStream.get(e.streamId);
    if (run === undefined) byStream.set(e.streamId, [e]);
    else run.push(e);
  }
  return [...byStream.values()];
};

/**
 * Measurement 4: appends to a fresh file ledger, each acknowledged only after fsync:
 * - `single`: one event per `append` call (one fsync each);
 * - `perStream`: the same history appended one call per stream (all of that stream's events);
 * - `import`: the store's batched import, `batchSize` events of any streams per call (when available).
 * The ledgers are written under `dir` (same disk as the cache) and removed afterwards.
 *
 * @example
 * import { type DatasetRef, liveSubjects, need } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 200, "appends.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "appends.jsonl", events: made.events };
 * // 20 single appends, then the first 200 events per stream and by batched import (batches of 50), once.
 * const figures = await appends(liveSubjects, dataset, "appends-tmp", 20, 200, 50, 1);
 * console.log(Object.keys(figures).length > 0); // true
 */
export const appends = async (
  subjects: Subjects,
  dataset: DatasetRef,
  dir: string,
  single: number,
  batched: number,
  batchSize: number,
  reps: number,
): Promise<Figures> => {
  const readLedger = need(subjects.readLedger, "readLedger (store)");
  const open = need(subjects.openFileLedger, "file ledger (store)");
  const events = await firstEvents(readLedger, dataset.path, Math.max(single, batched));
  const singleRate: number[] = [];
  const perStreamRate: number[] = [];
  const importRate: number[] = [];
  const fail = (what: string, e: unknown): never => {
    throw new Error(`${what}: ${JSON.stringify(e)}`);
  };
  await mkdir(dir, { recursive: true });
  for (let r = 0; r < reps; r++) {
    const path = join(dir, `append-${process.pid}-${r}.jsonl`);
    await rm(path, { force: true });
    let store = await open(path);
    let t0 = nowMs();
    for (const e of events.slice(0, single)) {
      const res = await store.append(e.streamId, [e], { expectedRevision: "any" })();
      if (E.isLeft(res)) fail("single append", res.left);
    }
    singleRate.push((single / (nowMs() - t0)) * 1000);
    await store.close();
    await rm(path, { force: true });

    store = await open(path);
    const runs = runsByStream(events.slice(0, batched));
    t0 = nowMs();
    for (const run of runs) {
      const head = run[0] as NewEventOnStream;
      const res = await store.append(head.streamId, run, { expectedRevision: "any" })();
      if (E.isLeft(res)) fail("per-stream append", res.left);
    }
    perStreamRate.push((batched / (nowMs() - t0)) * 1000);
    await store.close();
    await rm(path, { force: true });

    if (subjects.importBatch !== undefined) {
      store = await open(path);
      t0 = nowMs();
      for (let i = 0; i < batched; i += batchSize) {
        await subjects.importBatch(store, events.slice(i, Math.min(batched, i + batchSize)));
      }
      importRate.push((batched / (nowMs() - t0)) * 1000);
      await store.close();
      await rm(path, { force: true });
    }
  }
  const runs = runsByStream(events.slice(0, batched)).length;
  return {
    single,
    batched,
    batchSize,
    perStreamCalls: runs,
    singleEventsPerSec: singleRate,
    perStreamEventsPerSec: perStreamRate,
    importEventsPerSec: importRate,
  };
};
