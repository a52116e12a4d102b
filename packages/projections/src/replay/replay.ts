import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { type ResolvedQuery, resolveQuery } from "../evaluate/resolve-query.js";
import type { SeriesReader } from "../evaluate/series-reader.js";
import { type Snapshot, snapshotFrom } from "../evaluate/snapshot.js";
import { type CellInfo, cellInPopulation, cellInScope, parseCell } from "../model/cells.js";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { applyEvent, initialStreamState } from "../model/stream-state.js";
import { annualStocks, STOCK_SLOTS, stocksAt } from "../model/stream-stocks.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";

type Totals = Map<number, Map<string, number>>;

/**
 * Groups events by stream, keeping arrival order.
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const streams = groupByStream(events);
 * [...streams.values()].reduce((n, s) => n + s.length, 0) === events.length // true
 */
export const groupByStream = (events: Iterable<RecordedEvent>): Map<string, TimedEvent[]> => {
  const streams = new Map<string, TimedEvent[]>();
  for (const e of events) {
    let s = streams.get(e.streamId);
    if (s === undefined) {
      s = [];
      streams.set(e.streamId, s);
    }
    s.push(timed(e));
  }
  return streams;
};

/**
 * The plain fold: every stream's live events (as known at the query's instant) folded up to day `day`,
 * and the state read off directly — stocks on that day, annual stocks, and every flow up to that day in
 * the cell where it happened (annual stocks in the cell of their fiscal year's last day). No deltas, no
 * index: the reference the index is checked against.
 */
const foldTotalsAt = (streams: ReadonlyArray<ReadonlyArray<TimedEvent>>, day: number): Totals => {
  const totals: Totals = new Map();
  const add = (key: number, cell: string, amount: number): void => {
    if (amount === 0) return;
    let m = totals.get(key);
    if (m === undefined) {
      m = new Map();
      totals.set(key, m);
    }
    m.set(cell, (m.get(cell) ?? 0) + amount);
  };
  const v = new Float64Array(STOCK_SLOTS.length);
  for (const live of streams) {
    const s = initialStreamState();
    for (const e of live) {
      if (e.day > day) break;
      applyEvent(s, e.recorded.event, add);
    }
    if (s.cell === undefined) continue;
    stocksAt(s, day, v);
    for (let k = 0; k < v.length; k++) add(STOCK_SLOTS[k] as number, s.cell, v[k] as number);
    const annual = new Map<number, number>();
    const cells = new Map<number, string>();
    annualStocks(s, annual, cells);
    for (const [k, a] of annual) add(k, cells.get(k) as string, a);
  }
  return totals;
};

/**
 * A series reader over the plain fold (a fold per day asked, memoised).
 * @example
 * import { liveEvents } from "../src/model/live-events.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const q = resolveQuery({ validAt: "2022-12-31" });
 * if (E.isLeft(q)) throw new Error(q.left.message);
 * // Each stream as known at the query's knowledge instant (its retractions applied), as replay folds it.
 * const streams = [...groupByStream(events).values()].map((s) => liveEvents(s, q.right.knownAtMs));
 * const reader = replayReader(streams, q.right);
 * // What replay answers is the snapshot assembled from this reader.
 * JSON.stringify(snapshotFrom(q.right, reader)) === JSON.stringify(replay(events, { validAt: "2022-12-31" })) // true
 */
export const replayReader = (
  streams: ReadonlyArray<ReadonlyArray<TimedEvent>>,
  q: ResolvedQuery,
): SeriesReader => {
  const byDay = new Map<number, Totals>();
  const cells = new Map<string, { info: CellInfo; inScope: boolean }>();
  const totalsAt = (day: number): Totals => {
    let t = byDay.get(day);
    if (t === undefined) {
      t = foldTotalsAt(streams, day);
      byDay.set(day, t);
    }
    return t;
  };
  const cellOf = (key: string): { info: CellInfo; inScope: boolean } => {
    let c = cells.get(key);
    if (c === undefined) {
      const info = parseCell(key);
      c = { info, inScope: cellInScope(info, q.scope) };
      cells.set(key, c);
    }
    return c;
  };
  return {
    value: (key, day, population) => {
      let sum = 0;
      for (const [cell, v] of totalsAt(day).get(key) ?? []) {
        const c = cellOf(cell);
        if (c.inScope && cellInPopulation(c.info, population)) sum += v;
      }
      return sum;
    },
    positiveDistricts: (key, day, population) => {
      const byDistrict = new Map<string, number>();
      for (const [cell, v] of totalsAt(day).get(key) ?? []) {
        const c = cellOf(cell);
        if (c.info.district === "" || !c.inScope || !cellInPopulation(c.info, population)) continue;
        byDistrict.set(c.info.district, (byDistrict.get(c.info.district) ?? 0) + v);
      }
      let n = 0;
      for (const x of byDistrict.values()) if (x > 0) n++;
      return n;
    },
  };
};

/**
 * The reference: computes the same snapshot as `snapshot` (evaluate/snapshot-of-index.ts) from scratch, by folding the events
 * (no index). Used by the laws (index = replay) and by the benchmarks as the "full replay" baseline.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const q = { validAt: "2022-12-31", knownAt: "2022-06-30T23:59:59.999Z" };
 * // The reference fold and the index give the same snapshot (the laws check this on random histories).
 * console.log(JSON.stringify(replay(events, q)) === JSON.stringify(snapshot(buildIndex(events), q))); // true
 */
export const replay = (
  events: Iterable<RecordedEvent>,
  query: QueryInput,
): E.Either<ProjectionError, Snapshot> =>
  pipe(
    resolveQuery(query),
    E.chain((q) => {
      const streams = [...groupByStream(events).values()].map((s) => liveEvents(s, q.knownAtMs));
      return snapshotFrom(q, replayReader(streams, q));
    }),
  );
