import type { TimedEvent } from "./live-events.js";
import {
  affectsAnnual,
  annualStocks,
  applyEvent,
  type FlowSink,
  initialStreamState,
  nextScheduledDay,
  STOCK_SLOTS,
  stocksAt,
} from "./stream-state.js";

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

/** An empty delta list. @example emptyDeltas().keys.length // 0 */
export const emptyDeltas = (): Deltas => ({ keys: [], cells: [], days: [], amounts: [], causes: [] });

const SLOTS = STOCK_SLOTS.length;

/**
 * Sweeps a stream's live events (valid-time order) and returns the deltas on days `>= fromDay` (the
 * ones before are unchanged by anything at or after `fromDay`, since the fold is causal in valid time).
 * Breakpoints are the event days and the scheduled days of {@link nextScheduledDay}; at each, the stock
 * vector is compared with the previous one. When the organisation moves (its cell changes) every stock,
 * annual ones included, moves with it; flows stay in the cell where they happened.
 *
 * @example const d = sweepStream(live, Number.NEGATIVE_INFINITY); // the whole contribution
 */
export const sweepStream = (events: ReadonlyArray<TimedEvent>, fromDay: number): Deltas => {
  const out = emptyDeltas();
  const s = initialStreamState();
  const ignore: FlowSink = () => undefined;
  let i = 0;
  while (i < events.length && (events[i] as TimedEvent).day < fromDay) {
    applyEvent(s, (events[i] as TimedEvent).recorded.event, ignore);
    i++;
  }
  let t = fromDay === Number.NEGATIVE_INFINITY ? fromDay : fromDay - 1;
  let prevCell = s.cell;
  let prevV = new Float64Array(SLOTS);
  let curV = new Float64Array(SLOTS);
  stocksAt(s, t, prevV);
  let prevAnnual = new Map<number, number>();
  annualStocks(s, prevAnnual);
  // The cause of a stock change: the last event applied (a scheduled change is attributed to the
  // latest event before it, which the explain view refines by the series).
  let cause = i - 1;
  let day = t;
  const flow: FlowSink = (key, cell, amount) => {
    if (amount === 0) return;
    out.keys.push(key);
    out.cells.push(cell);
    out.days.push(day);
    out.amounts.push(amount);
    out.causes.push(cause);
  };
  const emit = (key: number, cell: string | undefined, amount: number): void => {
    if (amount === 0 || cell === undefined) return;
    out.keys.push(key);
    out.cells.push(cell);
    out.days.push(day);
    out.amounts.push(amount);
    out.causes.push(cause);
  };
  for (;;) {
    const nextEvent = i < events.length ? (events[i] as TimedEvent).day : Number.POSITIVE_INFINITY;
    const nextScheduled = Number.POSITIVE_INFINITY + 0 * nextScheduledDay(s, t);
    const b = Math.min(nextEvent, nextScheduled);
    if (b === Number.POSITIVE_INFINITY) break;
    day = b;
    let annualTouched = false;
    while (i < events.length && (events[i] as TimedEvent).day === b) {
      const e = (events[i] as TimedEvent).recorded.event;
      cause = i;
      applyEvent(s, e, flow);
      if (affectsAnnual(e)) annualTouched = true;
      i++;
    }
    stocksAt(s, b, curV);
    const cell = s.cell;
    if (cell !== prevCell) {
      for (let k = 0; k < SLOTS; k++) {
        emit(STOCK_SLOTS[k] as number, prevCell, -(prevV[k] as number));
        emit(STOCK_SLOTS[k] as number, cell, curV[k] as number);
      }
      const annual = new Map<number, number>();
      annualStocks(s, annual);
      for (const [k, v] of prevAnnual) emit(k, prevCell, -v);
      for (const [k, v] of annual) emit(k, cell, v);
      prevAnnual = annual;
    } else {
      for (let k = 0; k < SLOTS; k++) emit(STOCK_SLOTS[k] as number, cell, (curV[k] as number) - (prevV[k] as number));
      if (annualTouched) {
        const annual = new Map<number, number>();
        annualStocks(s, annual);
        for (const [k, v] of annual) emit(k, cell, v - (prevAnnual.get(k) ?? 0));
        for (const [k, v] of prevAnnual) if (!annual.has(k)) emit(k, cell, -v);
        prevAnnual = annual;
      }
    }
    const swap = prevV;
    prevV = curV;
    curV = swap;
    prevCell = cell;
    t = b;
  }
  return out;
};
