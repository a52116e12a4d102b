import { isDeepStrictEqual } from "node:util";
import type { RecordedEvent } from "@coop-ledger/domain";
import { getInMemoryEventStore } from "@event-driven-io/emmett";
import * as E from "fp-ts/lib/Either.js";
import type { DatasetRef, Figures } from "../child/protocol.js";
import { collectGarbage, cpuMs, nowMs } from "../harness/clock.js";
import type { Subjects } from "../subjects.js";
import { loadAll } from "./load.js";
import { need } from "./not-available.js";
import { statesDigest } from "./states-digest.js";

/**
 * How many streams one Emmett in-memory store is given by default. Emmett 0.42's `appendToStream` gives
 * each new event a global position by summing the lengths of every stream in the store
 * (`getAllEventsCount`, once per appended event), so loading S streams into one store costs
 * O(events × S) even through its bulk path (one append per stream with all its events): at national
 * (38,598 co-op streams, 1.26 M events) that is minutes of CPU (docs/performance.md). Stores of 1,000
 * streams load in seconds; reading a stream back costs the same in either (a `Map.get` and a slice).
 *
 * @example
 * EMMETT_STREAMS_PER_STORE // 1000
 */
export const EMMETT_STREAMS_PER_STORE = 1000;

type EmmettStore = ReturnType<typeof getInMemoryEventStore>;

/**
 * Measurement 5: aggregate replay of every stream, side by side with Emmett's in-memory event store.
 * Both stores hold the same events per stream, loaded through each one's bulk path (one append per
 * stream with all its events; the load is timed apart and is not part of the ratio). Both folds call the
 * same domain `evolve` with the same domain event object (Emmett's event `data` is our domain event, so
 * neither side pays an adapter the other does not). Emmett: `aggregateStream(stream, { evolve,
 * initialState })` on the store holding the stream; ours: `readStream` of the in-memory store, then the
 * same reduce. Before timing, every stream's state is compared (deep equality, histories included);
 * every timed repetition's states must then give the same {@link statesDigest}, so a fast wrong answer
 * cannot win. Repetitions alternate the two. `streamsPerStore` (0: one store for everything) splits
 * Emmett's side, see {@link EMMETT_STREAMS_PER_STORE}.
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
export const emmett = async (
  subjects: Subjects,
  dataset: DatasetRef,
  reps: number,
  streamsPerStore: number = EMMETT_STREAMS_PER_STORE,
): Promise<Figures> => {
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
  let t0 = nowMs();
  let c0 = cpuMs();
  for (const [streamId, run] of byStream) {
    const r = await ours.append(
      streamId as RecordedEvent["streamId"],
      run.map((e) => ({ eventId: e.eventId, event: e.event, metadata: e.metadata })),
      { expectedRevision: "noStream" },
    )();
    if (E.isLeft(r)) throw new Error(`in-memory append failed: ${JSON.stringify(r.left)}`);
  }
  const oursLoadMs = nowMs() - t0;
  const oursLoadCpuMs = cpuMs() - c0;

  // Emmett's side: the i-th stream goes to store ⌊i / perStore⌋; `storeOf[i]` is that store, so the
  // replay looks it up by index (cheaper than the `Map.get` each side then does in its own store).
  const perStore = streamsPerStore > 0 ? streamsPerStore : Math.max(1, streams.length);
  const stores: EmmettStore[] = [];
  const storeOf: EmmettStore[] = [];
  t0 = nowMs();
  c0 = cpuMs();
  for (let i = 0; i < streams.length; i++) {
    if (i % perStore === 0) stores.push(getInMemoryEventStore());
    const store = stores[stores.length - 1] as EmmettStore;
    storeOf.push(store);
    const id = streams[i] as string;
    const run = byStream.get(id) as RecordedEvent[];
    await store.appendToStream(
      id,
      run.map((e) => ({ type: e.event.type, data: e.event })),
    );
  }
  const emmettLoadMs = nowMs() - t0;
  const emmettLoadCpuMs = cpuMs() - c0;
  byStream.clear();
  events.length = 0;

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
  const emmettOptions = {
    evolve: (s: unknown, e: { data: unknown }) => evolve(s, e.data as RecordedEvent["event"]),
    initialState: () => initialState,
  };
  const replayEmmett = async (): Promise<unknown[]> => {
    const states: unknown[] = [];
    for (let i = 0; i < streams.length; i++) {
      const r = await (storeOf[i] as EmmettStore).aggregateStream(streams[i] as string, emmettOptions);
      states.push(r.state);
    }
    return states;
  };

  const a = await replayOurs();
  const b = await replayEmmett();
  for (let i = 0; i < streams.length; i++) {
    if (!isDeepStrictEqual(a[i], b[i])) throw new Error(`states differ on ${streams[i]}`);
  }
  const digest = statesDigest(a);
  const checked = (side: string, states: unknown[]): void => {
    if (statesDigest(states) !== digest) throw new Error(`${side}: a timed replay folded other states`);
  };

  const oursMs: number[] = [];
  const emmettMs: number[] = [];
  const oursCpuMs: number[] = [];
  const emmettCpuMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    collectGarbage();
    t0 = nowMs();
    c0 = cpuMs();
    const o = await replayOurs();
    oursMs.push(nowMs() - t0);
    oursCpuMs.push(cpuMs() - c0);
    checked("ours", o);
    collectGarbage();
    t0 = nowMs();
    c0 = cpuMs();
    const m = await replayEmmett();
    emmettMs.push(nowMs() - t0);
    emmettCpuMs.push(cpuMs() - c0);
    checked("Emmett", m);
  }
  return {
    streams: streams.length,
    events: folded,
    emmettStores: stores.length,
    statesDigest: digest.slice(0, 16),
    oursMs,
    emmettMs,
    oursCpuMs,
    emmettCpuMs,
    oursLoadMs,
    oursLoadCpuMs,
    emmettLoadMs,
    emmettLoadCpuMs,
  };
};
