import { mulberry32 } from "@coop-ledger/generator/internal";
import type { DatasetRef, Figures } from "../child/protocol.js";
import { collectGarbage, nowMs } from "../harness/clock.js";
import { quantileSorted, spread } from "../harness/stats.js";
import type { Subjects } from "../subjects.js";
import { factsOf, loadAll } from "./load.js";
import { need } from "./not-available.js";

/**
 * Measurement 3: point-in-time queries on an index built from the whole dataset. `queries` random
 * queries (seeded: random `validAt`, `knownAt` half of the time, a random scope) are timed one by one,
 * `reps` times over the same list; the first `replayQueries` of them are also answered by a full replay
 * of the in-memory events (generous to the replay: no file read), and the ratio is median replay time
 * over median indexed latency.
 *
 * @example
 * import { type DatasetRef, liveSubjects, need } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 300, "queries.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "queries.jsonl", events: made.events };
 * // Seed 7, 50 random queries, 1 repetition, 5 of them also answered by a full replay.
 * const figures = await queries(liveSubjects, dataset, 7, 50, 1, 5);
 * console.log(Object.keys(figures).length > 0); // true
 */
export const queries = async (
  subjects: Subjects,
  dataset: DatasetRef,
  seed: number,
  count: number,
  reps: number,
  replayQueries: number,
): Promise<Figures> => {
  const readLedger = need(subjects.readLedger, "readLedger (store)");
  const newIndex = need(subjects.newIndex, "point-in-time index (projections)");
  const randomQuery = need(subjects.randomQuery, "query shape (projections)");
  const queryByReplay = need(subjects.queryByReplay, "query by replay (projections)");

  const events = await loadAll(readLedger, dataset.path);
  const facts = factsOf(events);
  const index = newIndex();
  for (const e of events) index.apply(e);
  const random = mulberry32(seed);
  const list = Array.from({ length: count }, () => randomQuery(random, facts));

  // Warm-up: every query once, untimed.
  for (const q of list) index.query(q);

  const qps: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  for (let r = 0; r < reps; r++) {
    collectGarbage();
    const lat = new Float64Array(list.length);
    const t0 = nowMs();
    for (let i = 0; i < list.length; i++) {
      const s = nowMs();
      index.query(list[i]);
      lat[i] = nowMs() - s;
    }
    const total = nowMs() - t0;
    const sorted = Array.from(lat).sort((a, b) => a - b);
    qps.push((list.length / total) * 1000);
    p50.push(quantileSorted(sorted, 0.5));
    p99.push(quantileSorted(sorted, 0.99));
  }

  const replayMs: number[] = [];
  const sameQueriesIndexedMs: number[] = [];
  for (let i = 0; i < Math.min(replayQueries, list.length); i++) {
    collectGarbage();
    const t0 = nowMs();
    queryByReplay(events, list[i]);
    replayMs.push(nowMs() - t0);
    const s = nowMs();
    index.query(list[i]);
    sameQueriesIndexedMs.push(nowMs() - s);
  }
  return {
    events: events.length,
    queries: list.length,
    qps,
    p50Ms: p50,
    p99Ms: p99,
    replayMs,
    sameQueriesIndexedMs,
    replayOverIndexed: spread(replayMs).median / spread(p50).median,
  };
};
