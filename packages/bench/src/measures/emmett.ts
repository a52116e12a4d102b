import { isDeepStrictEqual } from "node:util";
import type { RecordedEvent } from "@coop-ledger/domain";
import { getInMemoryEventStore } from "@event-driven-io/emmett";
import * as E from "fp-ts/lib/Either.js";
import type { DatasetRef, Figures } from "../child/protocol.js";
import { collectGarbage, nowMs } from "../harness/clock.js";
import type { Subjects } from "../subjects.js";
import { loadAll } from "./load.js";
import { need } from "./not-available.js";

/**
 * Measurement 5: aggregate replay of every stream, side by side with Emmett's in-memory event store.
 * Both stores hold the same events per stream; both folds call the same domain `evolve` with the same
 * domain event object (Emmett's event `data` is our domain event, so neither side pays an adapter the
 * other does not). Emmett: `aggregateStream(stream, { evolve, initialState })`; ours: `readStream` of the
 * in-memory store, then the same reduce. Repetitions alternate the two; the final states of the first
 * streams are compared so a fast wrong answer cannot win.
 *
 * @example
 * import { type DatasetRef, liveSubjects, need } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 200, "emmett.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "emmett.jsonl", events: made.events };
 * const figures = await emmett(liveSubjects, dataset, 1);
 * console.log(Object.keys(figures).length > 0); // true
 */
export const emmett = async (subjects: Subjects, dataset: DatasetRef, reps: number): Promise<Figures> => {
  const readLedger = need(subjects.readLedger, "readLedger (store)");
  const fold = need(subjects.fold, "the domain decider's evolve (domain)");
  const inMemoryStore = need(subjects.inMemoryStore, "in-memory store (store)");

  const events = await loadAll(readLedger, dataset.path);
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    if (!fold.appliesTo(e.streamId)) continue;
    const run = byStream.get(e.streamId);
    if (run === undefined) byStream.set(e.streamId, [e]);
    else run.push(e);
  }
  const streams = [...byStream.keys()];
  let folded = 0;
  for (const run of byStream.values()) folded += run.length;

  const ours = inMemoryStore();
  const theirs = getInMemoryEventStore();
  let t0 = nowMs();
  for (const [streamId, run] of byStream) {
    const r = await ours.append(
      streamId as RecordedEvent["streamId"],
      run.map((e) => ({ eventId: e.eventId, event: e.event, metadata: e.metadata })),
      { expectedRevision: "noStream" },
    )();
    if (E.isLeft(r)) throw new Error(`in-memory append failed: ${JSON.stringify(r.left)}`);
  }
  const oursLoadMs = nowMs() - t0;
  t0 = nowMs();
  for (const [streamId, run] of byStream) {
    await theirs.appendToStream(
      streamId,
      run.map((e) => ({ type: e.event.type, data: e.event })),
    );
  }
  const emmettLoadMs = nowMs() - t0;

  const { evolve, initialState } = fold;
  const replayOurs = async (): Promise<unknown[]> => {
    const states: unknown[] = [];
    for (const id of streams) {
      const r = await ours.readStream(id as RecordedEvent["streamId"])();
      if (E.isLeft(r)) throw new Error(`readStream failed: ${JSON.stringify(r.left)}`);
      let s = initialState;
      for (const e of r.right) s = evolve(s, e.event);
      states.push(s);
    }
    return states;
  };
  const replayEmmett = async (): Promise<unknown[]> => {
    const states: unknown[] = [];
    for (const id of streams) {
      const r = await theirs.aggregateStream(id, {
        evolve: (s: unknown, e: { data: unknown }) => evolve(s, e.data as RecordedEvent["event"]),
        initialState: () => initialState,
      });
      states.push(r.state);
    }
    return states;
  };

  const a = await replayOurs();
  const b = await replayEmmett();
  const sample = Math.min(200, streams.length);
  for (let i = 0; i < sample; i++) {
    if (!isDeepStrictEqual(a[i], b[i])) throw new Error(`states differ on ${streams[i]}`);
  }

  const oursMs: number[] = [];
  const emmettMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    collectGarbage();
    t0 = nowMs();
    await replayOurs();
    oursMs.push(nowMs() - t0);
    collectGarbage();
    t0 = nowMs();
    await replayEmmett();
    emmettMs.push(nowMs() - t0);
  }
  return { streams: streams.length, events: folded, oursMs, emmettMs, oursLoadMs, emmettLoadMs };
};
