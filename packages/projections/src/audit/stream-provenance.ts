import type { RecordedEvent } from "@coop-ledger/domain";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { initialStreamState, type StreamState } from "../model/stream-state.js";
import {
  appendDeltas,
  type Deltas,
  emptyDeltas,
  sweepFrom,
  sweepStream,
  truncateDeltas,
} from "../model/stream-sweep.js";

/**
 * Receives one provenance entry: recorded at `rec` (ms), the marginal contribution of the event at
 * global `position` changed by `amount` on series `key` of `cell` from valid day `day` on.
 */
export type ProvenanceSink = (
  position: number,
  key: number,
  cell: string,
  day: number,
  amount: number,
  rec: number,
) => void;

/** One event's marginal deltas (see {@link streamProvenance}), in day order. */
interface Marginal {
  readonly keys: number[];
  readonly cells: string[];
  readonly days: number[];
  readonly amounts: number[];
}

/** Deltas summed per (series, cell, day), visited in day order (first seen first on a day), zeros left out. */
class NetDeltas {
  private readonly net = new Map<string, number>();
  private readonly order: Array<[number, string, number]> = [];
  add(key: number, cell: string, day: number, amount: number): void {
    const id = `${day}|${key}|${cell}`;
    const cur = this.net.get(id);
    if (cur === undefined) {
      this.net.set(id, amount);
      this.order.push([key, cell, day]);
    } else this.net.set(id, cur + amount);
  }
  /** Adds `sign` times each delta of `d` from index `from` on. */
  addFrom(d: Marginal, from: number, sign: 1 | -1): void {
    for (let i = from; i < d.keys.length; i++)
      this.add(
        d.keys[i] as number,
        d.cells[i] as string,
        d.days[i] as number,
        sign * (d.amounts[i] as number),
      );
  }
  each(visit: (key: number, cell: string, day: number, amount: number) => void): void {
    this.order.sort((a, b) => a[2] - b[2]);
    for (const [key, cell, day] of this.order) {
      const amount = this.net.get(`${day}|${key}|${cell}`) as number;
      if (amount !== 0) visit(key, cell, day, amount);
    }
  }
}

/** The fold of a valid-time prefix, resumed event by event (as `streamContributions` does). */
interface PrefixFold {
  readonly state: StreamState;
  readonly prefix: TimedEvent[];
  all: Deltas;
}

const newFold = (): PrefixFold => ({ state: initialStreamState(), prefix: [], all: emptyDeltas() });

/**
 * The fold of a whole prefix in one sweep: the state of folding it event by event, and its deltas with
 * the same sum per (series, cell, day) — all that {@link foldNext} reads of them. A back-dated event
 * makes the prefix before it be folded again; one sweep does that without the per-event marginals it
 * would throw away (most of the national first build's provenance time went there).
 */
const foldWhole = (prefix: TimedEvent[]): PrefixFold => {
  if (prefix.length === 0) return newFold();
  const { deltas, state } = sweepStream(prefix, Number.NEGATIVE_INFINITY);
  return { state, prefix, all: deltas };
};

/**
 * Folds the next live event `e` into the prefix and returns its **marginal deltas**: the prefix's
 * deltas with `e` minus those without it. Only days from `e`'s on can change (the fold is causal in
 * valid time), so it is the new sweep from `e`'s day minus the old deltas from that day. The same steps
 * as `streamContributions` (explain.ts), without the valid-date cut: the cut is applied when a query
 * reads the entries (a marginal's days are all on or after its event's day).
 */
const foldNext = (f: PrefixFold, e: TimedEvent): Marginal => {
  const previous = f.prefix[f.prefix.length - 1];
  const continuing = previous !== undefined && previous.day === e.day;
  f.prefix.push(e);
  const k = f.prefix.length - 1;
  const suffix = sweepFrom(f.state, f.prefix, k, e.day, continuing);
  const keepTo = continuing ? e.day : e.day - 1;
  const all = f.all;
  let cut = all.days.length;
  while (cut > 0 && (all.days[cut - 1] as number) > keepTo) cut--;
  const m: Marginal = { keys: [], cells: [], days: [], amounts: [] };
  if (cut === all.days.length) {
    // The usual case: nothing scheduled after the event's day to withdraw; the marginal is the sweep.
    for (let i = 0; i < suffix.keys.length; i++) {
      m.keys.push(suffix.keys[i] as number);
      m.cells.push(suffix.cells[i] as string);
      m.days.push(suffix.days[i] as number);
      m.amounts.push(suffix.amounts[i] as number);
    }
    appendDeltas(all, suffix);
    return m;
  }
  // Net the withdrawn old tail against the new sweep per (series, cell, day): most of a tail comes back
  // unchanged (a scheduled change the event does not touch), and storing it twice would cost nothing
  // in a sum but a lot in the table.
  const net = new NetDeltas();
  net.addFrom(all, cut, -1);
  net.addFrom(suffix, 0, 1);
  net.each((key, cell, day, amount) => {
    m.keys.push(key);
    m.cells.push(cell);
    m.days.push(day);
    m.amounts.push(amount);
  });
  appendDeltas(truncateDeltas(all, cut), suffix);
  return m;
};

const emitMarginal = (
  sink: ProvenanceSink,
  position: number,
  m: Marginal,
  sign: 1 | -1,
  rec: number,
): void => {
  for (let i = 0; i < m.keys.length; i++)
    sink(
      position,
      m.keys[i] as number,
      m.cells[i] as string,
      m.days[i] as number,
      sign * (m.amounts[i] as number),
      rec,
    );
};

/**
 * Emits what an event's marginal changed by, `now − was`, netted per (series, cell, day) and in day
 * order: the entries an unchanged marginal would add are a withdrawal and its repetition, which sum
 * to nothing at every instant but cost the table two rows each.
 */
const emitChange = (
  sink: ProvenanceSink,
  position: number,
  was: Marginal,
  now: Marginal,
  rec: number,
): void => {
  const net = new NetDeltas();
  net.addFrom(was, 0, -1);
  net.addFrom(now, 0, 1);
  net.each((key, cell, day, amount) => sink(position, key, cell, day, amount, rec));
};

/** Inserts `e` into a valid-time-ordered list (after events of the same day with a lower revision). */
const insertByValidTime = (live: TimedEvent[], e: TimedEvent): void => {
  let i = live.length;
  while (i > 0) {
    const p = live[i - 1] as TimedEvent;
    if (p.day < e.day || (p.day === e.day && p.recorded.revision < e.recorded.revision)) break;
    i--;
  }
  live.splice(i, 0, e);
};

/** How many leading events two live lists share (the same objects, in the same places). */
const sharedPrefix = (live: ReadonlyArray<TimedEvent>, next: ReadonlyArray<TimedEvent>): number => {
  let c = 0;
  while (c < live.length && c < next.length && live[c] === next[c]) c++;
  return c;
};

/**
 * One recording instant `rec` of a stream's provenance: the live list becomes `next`, of which the
 * first `c` events are unchanged and folded in `fold`; `before` holds the marginals, as they were, of
 * the events that were live from place `c` on (undefined when none was). Emits each event's marginal
 * from `c` on (a new event's whole, an event already live what its marginal changed by) and withdraws
 * those of events no longer live; pushes the marginals from `c` on to `marginals`.
 */
const emitInstant = (
  sink: ProvenanceSink,
  rec: number,
  next: ReadonlyArray<TimedEvent>,
  c: number,
  fold: PrefixFold,
  before: Map<TimedEvent, Marginal> | undefined,
  marginals: Marginal[],
): void => {
  for (let k = c; k < next.length; k++) {
    const e = next[k] as TimedEvent;
    const m = foldNext(fold, e);
    marginals.push(m);
    const old = before?.get(e);
    if (old === undefined) emitMarginal(sink, e.recorded.position, m, 1, rec);
    else {
      // An event already live: only what its marginal changed by is recorded at `rec` (nothing when
      // it did not change, as for every event after a back-dated flow, which moves no stock).
      before?.delete(e);
      emitChange(sink, e.recorded.position, old, m, rec);
    }
  }
  // Events no longer live (retracted): their marginals are withdrawn.
  if (before !== undefined)
    for (const [e, old] of before) emitMarginal(sink, e.recorded.position, old, -1, rec);
};

/**
 * The provenance entries one recording instant `rec` adds to a stream's (see {@link streamProvenance}),
 * from its live list before (`live`) and after (`next`, sharing the unchanged events' objects): what
 * the marginal of each event after the first change became, and those of retracted events withdrawn.
 * Costs two folds of the stream's live events, not its history: what lets the index's first build fold
 * the provenance of a back-dated event or a retraction as it feeds it (`ProvenanceTap.restated`)
 * instead of re-deriving the stream from its events afterwards.
 *
 * @example
 * // A stream whose only event is retracted at the instant `rec`: its marginal is withdrawn.
 * import { timed } from "../src/model/live-events.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const amounts: number[] = [];
 * provenanceChange([timed(founding)], [], Date.parse("2023-01-01T00:00:00Z"), (_p, _k, _c, _d, amount) => {
 *   amounts.push(amount);
 * });
 * console.log(amounts.length > 0 && amounts.every((a) => a < 0)); // true: only withdrawals
 */
export const provenanceChange = (
  live: ReadonlyArray<TimedEvent>,
  next: ReadonlyArray<TimedEvent>,
  rec: number,
  sink: ProvenanceSink,
): void => {
  const c = sharedPrefix(live, next);
  let before: Map<TimedEvent, Marginal> | undefined;
  if (c < live.length) {
    before = new Map();
    const was = foldWhole(live.slice(0, c));
    for (let k = c; k < live.length; k++)
      before.set(live[k] as TimedEvent, foldNext(was, live[k] as TimedEvent));
  }
  emitInstant(sink, rec, next, c, foldWhole(next.slice(0, c)), before, []);
};

/**
 * The provenance history of one stream, as entries for {@link ProvenanceSink}: for every instant at
 * which the stream recorded something, each live event's **marginal contribution** (its valid-time
 * prefix's deltas minus those of the prefix before it — the attribution `explain` uses, see
 * `streamContributions`) as known from that instant, written as changes: an event whose marginal
 * changes at instant `r` (a back-dated event came before it, an event before it was retracted, it was
 * retracted itself) gets the difference, recorded at `r`. So the entries of an event recorded at or
 * before K sum to its marginal contribution as known at K, for every K — explain at any knowledge
 * instant is a sum over the entries, without reading or folding the events again.
 *
 * `events` are the stream's events in arrival order, each once (as the index keeps them).
 *
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const [streamId] = index.streamIds();
 * const log: Array<{ position: number; key: number; day: number; amount: number }> = [];
 * streamProvenance(index.streamEvents(streamId ?? ""), (position, key, _cell, day, amount) => {
 *   log.push({ position, key, day, amount });
 * });
 * console.log(log.length > 0); // true: the founding alone changes the active count
 */
export const streamProvenance = (events: ReadonlyArray<RecordedEvent>, sink: ProvenanceSink): void => {
  const all = events.map(timed);
  const byRecording = all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.recordedMs - b.e.recordedMs || a.i - b.i)
    .map((x) => x.e);
  const retractions = all.some((e) => e.recorded.event.type === "EventRetracted");
  let live: TimedEvent[] = [];
  let marginals: Marginal[] = [];
  let fold = newFold();
  let i = 0;
  while (i < byRecording.length) {
    const rec = (byRecording[i] as TimedEvent).recordedMs;
    let next: TimedEvent[];
    if (retractions) {
      while (i < byRecording.length && (byRecording[i] as TimedEvent).recordedMs === rec) i++;
      next = liveEvents(all, rec);
    } else {
      next = live.slice();
      while (i < byRecording.length && (byRecording[i] as TimedEvent).recordedMs === rec) {
        insertByValidTime(next, byRecording[i] as TimedEvent);
        i++;
      }
    }
    const c = sharedPrefix(live, next);
    // The live list changed before its end: the prefix fold is rebuilt up to `c` (in one sweep) and the
    // marginals from `c` on are recomputed.
    let before: Map<TimedEvent, Marginal> | undefined;
    if (c < live.length) {
      before = new Map();
      for (let k = c; k < live.length; k++) before.set(live[k] as TimedEvent, marginals[k] as Marginal);
      marginals = marginals.slice(0, c);
      fold = foldWhole(next.slice(0, c));
    }
    emitInstant(sink, rec, next, c, fold, before, marginals);
    live = next;
  }
};
