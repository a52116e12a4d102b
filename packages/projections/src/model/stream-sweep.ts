import { annualTally, tallyIndexOf } from "./annual-tally.js";
import type { TimedEvent } from "./live-events.js";
import { applyEvent, type FlowSink, initialStreamState, type StreamState } from "./stream-state.js";
import { annualStocksInto, nextScheduledDay, STOCK_SLOTS, stocksAt } from "./stream-stocks.js";

/**
 * A stream's contribution as step-function deltas on valid time, in day order: on `days[i]` the series
 * `keys[i]` of cell `cells[i]` changes by `amounts[i]`; `causes[i]` is the index (in the folded event
 * list) of the event that produced it (for a scheduled change, the event that scheduled it).
 */
export interface Deltas {
  readonly keys: number[];
  readonly cells: string[];
  readonly days: number[];
  readonly amounts: number[];
  readonly causes: number[];
}

/**
 * An empty delta list.
 * @example
 * emptyDeltas().keys.length // 0
 */
export const emptyDeltas = (): Deltas => ({ keys: [], cells: [], days: [], amounts: [], causes: [] });

/**
 * Empties a delta list in place (to reuse it as scratch).
 * @example
 * const d = emptyDeltas();
 * clearDeltas(d);
 * d.keys.length // 0
 */
export const clearDeltas = (d: Deltas): Deltas => truncateDeltas(d, 0);

/**
 * Cuts a delta list to its first `n` entries, in place.
 * @example
 * const d = appendDeltas(emptyDeltas(), { keys: [1, 1], cells: ["c", "c"], days: [5, 9], amounts: [1, -1], causes: [0, 0] });
 * truncateDeltas(d, 1).days // [5]
 */
export const truncateDeltas = (d: Deltas, n: number): Deltas => {
  d.keys.length = n;
  d.cells.length = n;
  d.days.length = n;
  d.amounts.length = n;
  d.causes.length = n;
  return d;
};

/**
 * Appends entries `from` (inclusive) to `to` (exclusive) of `src` to `out`, in place: how a stream's
 * kept deltas are joined to a new sweep's, or a tail is copied out of a scratch list.
 * @example appendDeltas(emptyDeltas(), { keys: [1, 1], cells: ["c", "c"], days: [5, 9], amounts: [1, -1], causes: [0, 0] }, 1).days // [9]
 */
export const appendDeltas = (out: Deltas, src: Deltas, from = 0, to = src.keys.length): Deltas => {
  for (let i = from; i < to; i++) {
    out.keys.push(src.keys[i] as number);
    out.cells.push(src.cells[i] as string);
    out.days.push(src.days[i] as number);
    out.amounts.push(src.amounts[i] as number);
    out.causes.push(src.causes[i] as number);
  }
  return out;
};

/**
 * Makes `out` hold entries `from` (inclusive) to `to` (exclusive) of `src` (another list), written over
 * its own entries: unlike emptying it and appending (`length = 0` drops an array's storage, so each
 * reuse grew it anew), its arrays keep their storage when the new list is no longer than the old.
 * @example copyDeltas(emptyDeltas(), { keys: [1, 1], cells: ["c", "c"], days: [5, 9], amounts: [1, -1], causes: [0, 0] }, 1).days // [9]
 */
export const copyDeltas = (out: Deltas, src: Deltas, from = 0, to = src.keys.length): Deltas => {
  const n = to - from;
  for (let i = 0; i < n; i++) {
    out.keys[i] = src.keys[from + i] as number;
    out.cells[i] = src.cells[from + i] as string;
    out.days[i] = src.days[from + i] as number;
    out.amounts[i] = src.amounts[from + i] as number;
    out.causes[i] = src.causes[from + i] as number;
  }
  return truncateDeltas(out, n);
};

const SLOTS = STOCK_SLOTS.length;

/** The fiscal years whose annual keys an event changes (a report for Y also changes Y + 1's growth). */
const touchedYears = (e: TimedEvent["recorded"]["event"], into: Set<number>): void => {
  if (e.type === "AnnualReportFiled") {
    into.add(e.data.fiscalYear);
    into.add(e.data.fiscalYear + 1);
  } else if (e.type === "CoopAssessed") into.add(e.data.year);
};

/** The result of a sweep: the deltas, and the state with every event folded (to resume from). */
export interface Sweep {
  readonly deltas: Deltas;
  readonly state: StreamState;
}

/**
 * Sweeps a stream's live events (valid-time order) and returns the deltas on days `>= fromDay` (the
 * ones before are unchanged by anything at or after `fromDay`, since the fold is causal in valid time).
 * Breakpoints are the event days and the scheduled days of {@link nextScheduledDay}; at each, the stock
 * vector is compared with the previous one. When the organisation moves (its cell changes) every stock
 * moves with it, except the annual ones of fiscal years already over (they stay where the year ended);
 * flows stay in the cell where they happened.
 *
 * @example
 * import { liveEvents, timed } from "../src/model/live-events.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const live = liveEvents(events.filter((e) => e.streamId === events[0]?.streamId).map(timed));
 * const { deltas, state } = sweepStream(live, Number.NEGATIVE_INFINITY); // the stream's whole contribution
 * console.log(deltas.keys.length > 0, state.exists); // true true
 */
export const sweepStream = (
  events: ReadonlyArray<TimedEvent>,
  fromDay: number,
  out: Deltas = emptyDeltas(),
): Sweep => {
  const s = initialStreamState();
  const ignore: FlowSink = () => undefined;
  let i = 0;
  while (i < events.length && (events[i] as TimedEvent).day < fromDay) {
    applyEvent(s, (events[i] as TimedEvent).recorded.event, ignore);
    i++;
  }
  return { deltas: sweepFrom(s, events, i, fromDay, false, out), state: s };
};

let scratchA = new Float64Array(SLOTS);
let scratchB = new Float64Array(SLOTS);
// Per-sweep scratch shared by every call (a sweep never re-enters itself): the index sweeps once per
// event fed, and allocating a Set, two Maps and two closures per sweep was a good share of the garbage
// collection at a million events.
const touchedScratch = new Set<number>();
const annualBeforeScratch = annualTally();
const annualAfterScratch = annualTally();
let sinkOut: Deltas = emptyDeltas();
/** Entries written to `sinkOut` by this sweep: written over its old ones, cut to this at the end. */
let sinkN = 0;
let sinkDay = 0;
let sinkCause = 0;
/** Writes a delta on the current breakpoint day (no closure per sweep). */
const emitDelta = (key: number, cell: string | undefined, amount: number): void => {
  if (amount === 0 || cell === undefined) return;
  const i = sinkN++;
  sinkOut.keys[i] = key;
  sinkOut.cells[i] = cell;
  sinkOut.days[i] = sinkDay;
  sinkOut.amounts[i] = amount;
  sinkOut.causes[i] = sinkCause;
};
const flowSink: FlowSink = emitDelta;

/**
 * The core of {@link sweepStream}: `s` holds the fold of `events[0..from)` (all on days before
 * `fromDay`); folds the rest into it (mutating it) and returns the deltas on days `>= fromDay`. The
 * index resumes from a stream's stored state when an event comes after all the others in valid time,
 * so that feeding costs one event's fold, not the stream's. The deltas are written into `out` (emptied
 * first; the index passes a scratch list so that feeding allocates none).
 *
 * @example
 * import { liveEvents, timed } from "../src/model/live-events.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const live = liveEvents(events.filter((e) => e.streamId === events[0]?.streamId).map(timed));
 * // Sweep all but the last event, then resume from the stored state for the last one.
 * const last = live.length - 1;
 * const { state } = sweepStream(live.slice(0, last), Number.NEGATIVE_INFINITY);
 * const more = sweepFrom(state, live, last, live[last]?.day ?? 0);
 * console.log(Array.isArray(more.keys)); // true: the deltas the last event adds
 */
export const sweepFrom = (
  s: StreamState,
  events: ReadonlyArray<TimedEvent>,
  from: number,
  fromDay: number,
  continuing = false,
  out: Deltas = emptyDeltas(),
): Deltas => {
  // Not emptied first: the deltas are written over the old entries (an array emptied loses its storage,
  // and a scratch list grown anew for each of a million sweeps was a good share of the garbage).
  sinkOut = out;
  sinkN = 0;
  let i = from;
  // Continuing: `s` already holds events on `fromDay` itself (the new one comes after them on the same
  // day), so the value to compare with is the one on `fromDay`, and the deltas returned for `fromDay`
  // are increments on top of those already emitted for that day.
  let t = fromDay === Number.NEGATIVE_INFINITY || continuing ? fromDay : fromDay - 1;
  let prevCell = s.cell;
  let prevV = scratchA;
  let curV = scratchB;
  stocksAt(s, t, prevV);
  const touched = touchedScratch;
  const annualBefore = annualBeforeScratch;
  const annualAfter = annualAfterScratch;
  // The cause of a stock change: the last event applied (a scheduled change is attributed to the
  // latest event before it).
  sinkCause = i - 1;
  sinkDay = t;
  const emit = emitDelta;
  for (;;) {
    const nextEvent = i < events.length ? (events[i] as TimedEvent).day : Number.POSITIVE_INFINITY;
    const nextScheduled = nextScheduledDay(s, t);
    const b = Math.min(nextEvent, nextScheduled);
    if (b === Number.POSITIVE_INFINITY) break;
    sinkDay = b;
    // Before folding the breakpoint's events: the annual keys they may change, as they stand now (all
    // years when the organisation may move, else only the years its reports and ratings touch: a
    // co-op's annual keys grow with its years, and most breakpoints touch none).
    // Map and Set `clear()` allocate a new table: only when there is something to clear.
    if (touched.size !== 0) touched.clear();
    let moves = false;
    for (let j = i; j < events.length && (events[j] as TimedEvent).day === b; j++) {
      const e = (events[j] as TimedEvent).recorded.event;
      if (e.type === "CoopFounded" || e.type === "HeadOfficeMoved" || e.type === "FundEstablished")
        moves = true;
      touchedYears(e, touched);
    }
    const annual = moves || touched.size > 0;
    // A move changes the cell of the fiscal years not over on its day only: a year that ended before
    // it is counted where the organisation was on its last day (cellOnDay), which a later place does
    // not change, and its figures change only if this day's events touch it (`touched`). Comparing
    // the years still open gives the same deltas as comparing all of them, and an old co-op's move no
    // longer walks dozens of closed years (a fifth of a national extension's events are moves). All
    // years when the organisation had no place before this day (its first place also counts for the
    // years before it: a pre-existing co-op's earlier reports) or did not count (no co-op form yet).
    const openFrom = !moves
      ? Number.POSITIVE_INFINITY
      : s.exists && s.form !== "" && s.cellDays.length > 0 && (s.cellDays[0] as number) < b
        ? b
        : Number.NEGATIVE_INFINITY;
    annualBefore.n = 0;
    annualAfter.n = 0;
    if (annual) annualStocksInto(s, annualBefore, touched, openFrom);
    while (i < events.length && (events[i] as TimedEvent).day === b) {
      sinkCause = i;
      applyEvent(s, (events[i] as TimedEvent).recorded.event, flowSink);
      i++;
    }
    stocksAt(s, b, curV);
    const cell = s.cell;
    if (annual) annualStocksInto(s, annualAfter, touched, openFrom);
    if (cell !== prevCell) {
      // Stocks follow the organisation: withdraw everything from the old cell, add it to the new one.
      for (let k = 0; k < SLOTS; k++) {
        emit(STOCK_SLOTS[k] as number, prevCell, -(prevV[k] as number));
        emit(STOCK_SLOTS[k] as number, cell, curV[k] as number);
      }
    } else {
      for (let k = 0; k < SLOTS; k++) {
        const d = (curV[k] as number) - (prevV[k] as number);
        if (d !== 0) emit(STOCK_SLOTS[k] as number, cell, d);
      }
    }
    if (annual) {
      // Annual stocks stay in the cell of their fiscal year's last day: a move moves only the years
      // not yet over on the day of the move (and a report for a year is counted where the year ended).
      for (let a = 0; a < annualAfter.n; a++) {
        const k = annualAfter.keys[a] as number;
        const v = annualAfter.values[a] as number;
        const to = annualAfter.cells[a] as string;
        const j = tallyIndexOf(annualBefore, k);
        if (j < 0) emit(k, to, v);
        else {
          const before = annualBefore.values[j] as number;
          const from = annualBefore.cells[j] as string;
          if (from === to) emit(k, to, v - before);
          else {
            emit(k, from, -before);
            emit(k, to, v);
          }
        }
      }
      for (let j = 0; j < annualBefore.n; j++) {
        const k = annualBefore.keys[j] as number;
        if (tallyIndexOf(annualAfter, k) < 0)
          emit(k, annualBefore.cells[j], -(annualBefore.values[j] as number));
      }
    }
    const swap = prevV;
    prevV = curV;
    curV = swap;
    prevCell = cell;
    t = b;
  }
  scratchA = prevV;
  scratchB = curV;
  return truncateDeltas(out, sinkN);
};
