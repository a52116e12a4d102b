import type { DomainEvent } from "@coop-ledger/domain";
import type { TimedEvent } from "../model/live-events.js";
import { applyEvent, type FlowSink, type StreamState } from "../model/stream-state.js";
import { nextScheduledDay, STOCK_SLOTS, stocksAt } from "../model/stream-stocks.js";
import { appendDeltas, type Deltas, emptyDeltas } from "../model/stream-sweep.js";
import type { DeltaSink } from "./column-layout.js";

/**
 * The facts that decide whether a back-dated event of one of the kinds that change a single aspect of
 * a stream's state (a manager, a loan, the law regime, the value-chain links, a suspension, the
 * alliance membership, the OCOP products, a fund's capital) can be folded from the stream's fold alone
 * ({@link foldBackDatedAspect}): the valid day of the last live event of each aspect, and of the last
 * live event that places, founds or ends the organisation (aspect `"s"`).
 *
 * @example
 * const facts: AspectFacts = { aspectDays: new Map([["s", 18_000]]) };
 * console.log(facts.aspectDays.get("s")); // 18000: founded (or last moved, or ended) on that day
 */
export interface AspectFacts {
  readonly aspectDays: Map<string, number>;
}

/** The aspect of the events that found, place or end an organisation (what every stock reads). */
const PLACE = "s";
/** The aspect of the events the fold ignores (a decision announced: what it decides comes later). */
const NOTHING = "";

/**
 * The aspect of the state an event changes (the facts keep the last day of each), or undefined for the
 * events no rule here reads (reports, membership, ratings, flows). Managers and loans are counted one
 * by one in the stocks (a sum over them), so each is an aspect of its own; the links and products are
 * one aspect each (a co-op counts once when it has any), as is what the place events set.
 */
const aspectOf = (e: DomainEvent): string | undefined => {
  switch (e.type) {
    case "CoopFounded":
    case "HeadOfficeMoved":
    case "FundEstablished":
    case "CoopConverted":
    case "CoopReorganisedAway":
    case "CoopDissolved":
      return PLACE;
    case "CoopConformedToLaw":
      return "law";
    case "ManagerAppointed":
    case "ManagerLeft":
      return `m:${e.data.managerId}`;
    case "LoanDisbursed":
    case "LoanRepaid":
    case "LoanRescheduled":
      return `l:${e.data.loanId}`;
    case "ValueChainLinked":
    case "ValueChainUnlinked":
      return "link";
    case "CoopSuspended":
    case "CoopResumed":
      return "susp";
    case "CoopJoinedAlliance":
    case "CoopLeftAlliance":
      return "alliance";
    case "OcopCertified":
    case "OcopEnded":
      return "ocop";
    case "FundCapitalChanged":
      return "capital";
    case "DissolutionStarted":
    case "ReorganisationDecided":
      return NOTHING;
    default:
      return undefined;
  }
};

/**
 * Records an event that comes after (or with) every live event of its stream in valid time.
 * @example
 * import { timed } from "../src/model/live-events.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const facts = aspectFactsOf([]);
 * noteAspect(facts, timed(founding));
 * console.log(facts.aspectDays.get("s") === timed(founding).day); // true: a founding places the co-op on its day
 */
export const noteAspect = (f: AspectFacts, te: TimedEvent): void => {
  const a = aspectOf(te.recorded.event);
  if (a !== undefined && a !== NOTHING) f.aspectDays.set(a, te.day);
};

/**
 * The facts of a live list (valid-time order).
 * @example
 * console.log(aspectFactsOf([]).aspectDays.size); // 0: no event yet
 */
export const aspectFactsOf = (live: ReadonlyArray<TimedEvent>): AspectFacts => {
  const f: AspectFacts = { aspectDays: new Map() };
  for (const te of live) noteAspect(f, te);
  return f;
};

/** What {@link foldBackDatedAspect} reads and changes of a stream's fold. */
type AspectFold = AspectFacts & { readonly state: StreamState; tail: Deltas; lastDay: number };

/**
 * Whether a back-dated event (dated before its stream's last live event) that changes one aspect of the
 * state can be folded from the fold without the stream's history ({@link foldBackDatedAspect}), giving
 * what the full re-fold gives, and leaving every later event's marginal contribution (its provenance)
 * as it was.
 *
 * Why it holds. Every stock slot reads one aspect of the state (and where the organisation is, whether
 * it exists and has ended: the place aspect). When no live event of the event's aspect nor of the place
 * aspect is dated on or after its day `d`, those aspects stand from `d` on as they stand in the fold's
 * state (the final one), and in the re-fold as that state with the event applied: the re-fold differs
 * by the stocks of the state with the event minus those without, on every day from `d` on (the other
 * aspects change over time alike on both sides and cancel), in the one cell the organisation is in,
 * plus the event's own flows on `d` in that cell. The later events touch other aspects, so their
 * marginals do not change. The events of these kinds change no annual figure.
 *
 * @example
 * import { liveEvents, timed } from "../src/model/live-events.js";
 * import { sweepStream } from "../src/model/stream-sweep.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2021-01-01", to: "2023-12-31" }));
 * const stream = events.filter((e) => e.streamId === events[0]?.streamId).map(timed);
 * const live = liveEvents(stream);
 * // Each live event but the last, as if it had arrived last (back-dated): which of them the fold takes.
 * const taken = live.slice(0, -1).filter((te, i) => {
 *   const others = live.filter((_, j) => j !== i);
 *   const fold = { state: sweepStream(others, Number.NEGATIVE_INFINITY).state, ...aspectFactsOf(others) };
 *   return backDatedAspectFoldable(fold, te);
 * });
 * console.log(taken.every((te) => te.recorded.event.type !== "CoopFounded")); // true: never a founding
 */
export const backDatedAspectFoldable = (f: AspectFacts, te: TimedEvent): boolean => {
  const a = aspectOf(te.recorded.event);
  if (a === undefined || a === PLACE) return false;
  if (a === NOTHING) return true;
  const d = te.day;
  const place = f.aspectDays.get(PLACE);
  if (place !== undefined && !(place < d)) return false;
  const last = f.aspectDays.get(a);
  return last === undefined || last < d;
};

const SLOTS = STOCK_SLOTS.length;
const flowsOf: Array<[number, string, number]> = [];
const noteFlow: FlowSink = (key, cell, amount) => {
  if (amount !== 0) flowsOf.push([key, cell, amount]);
};

/** The stocks of `s` from day `d` on: the days they change (the first is `d`) and their values. */
const stocksFrom = (s: StreamState, d: number): { days: number[]; values: Float64Array[] } => {
  const days: number[] = [];
  const values: Float64Array[] = [];
  for (let t = d; t !== Number.POSITIVE_INFINITY; t = nextScheduledDay(s, t)) {
    const v = new Float64Array(SLOTS);
    stocksAt(s, t, v);
    days.push(t);
    values.push(v);
  }
  return { days, values };
};

/**
 * Adds a delta to a tail (day order): to the entry of its series, cell and day when there is one (and
 * that entry goes when they cancel), else after the entries of its day. So the tail is what the
 * re-fold's sweep gives, one entry per series, cell and day (a later event's difference then pushes what
 * the re-fold's would: as many deltas).
 */
const addToTail = (
  tail: Deltas,
  key: number,
  cell: string,
  day: number,
  amount: number,
  cause: number,
): void => {
  let i = tail.days.length;
  while (i > 0 && (tail.days[i - 1] as number) > day) i--;
  for (let k = i - 1; k >= 0 && tail.days[k] === day; k--) {
    if (tail.keys[k] !== key || tail.cells[k] !== cell) continue;
    const sum = (tail.amounts[k] as number) + amount;
    if (sum !== 0) tail.amounts[k] = sum;
    else {
      tail.keys.splice(k, 1);
      tail.cells.splice(k, 1);
      tail.days.splice(k, 1);
      tail.amounts.splice(k, 1);
      tail.causes.splice(k, 1);
    }
    return;
  }
  tail.keys.splice(i, 0, key);
  tail.cells.splice(i, 0, cell);
  tail.days.splice(i, 0, day);
  tail.amounts.splice(i, 0, amount);
  tail.causes.splice(i, 0, cause);
};

/**
 * Folds a back-dated event that {@link backDatedAspectFoldable} accepts into the fold (its state, its
 * tail and its facts) and pushes to `out` what the full re-fold changes: its flows on its day, and the
 * stocks of the state with it minus those without it, on its day and on each later day either one
 * changes by itself (a manager turning 50, a loan falling overdue, a suspension or a certificate
 * lapsing), in the organisation's cell. Those after the stream's last live day join its tail (what a
 * later event may undo). `cause` is what the tail's entries name as their cause.
 *
 * @example
 * // See backDatedAspectFoldable's example: the two are used together.
 * console.log(typeof foldBackDatedAspect); // "function"
 */
export const foldBackDatedAspect = (f: AspectFold, te: TimedEvent, out: DeltaSink, cause: number): void => {
  const a = aspectOf(te.recorded.event);
  if (a === NOTHING) return;
  const s = f.state;
  const d = te.day;
  const rec = te.recordedMs;
  const without = stocksFrom(s, d);
  flowsOf.length = 0;
  applyEvent(s, te.recorded.event, noteFlow);
  const withIt = stocksFrom(s, d);
  for (const [key, cell, amount] of flowsOf) out.push(key, cell, d, amount, rec);
  f.aspectDays.set(a as string, d);
  const cell = s.cell;
  if (cell === undefined) return;
  // Both step functions from `d` on, merged: the difference changes only where one of them does.
  let i = 0;
  let j = 0;
  let tailed: Deltas | undefined;
  const prev = new Float64Array(SLOTS);
  while (i < without.days.length || j < withIt.days.length) {
    const t = Math.min(
      without.days[i] ?? Number.POSITIVE_INFINITY,
      withIt.days[j] ?? Number.POSITIVE_INFINITY,
    );
    if (without.days[i] === t) i++;
    if (withIt.days[j] === t) j++;
    const a = without.values[i - 1] as Float64Array;
    const b = withIt.values[j - 1] as Float64Array;
    for (let k = 0; k < SLOTS; k++) {
      const diff = (b[k] as number) - (a[k] as number);
      const delta = diff - (prev[k] as number);
      if (delta === 0) continue;
      prev[k] = diff;
      const key = STOCK_SLOTS[k] as number;
      out.push(key, cell, t, delta, rec);
      if (t > f.lastDay) {
        // The tail may be shared (the feed's frozen empty list): copied once before it grows.
        tailed ??= appendDeltas(emptyDeltas(), f.tail);
        addToTail(tailed, key, cell, t, delta, cause);
      }
    }
  }
  if (tailed !== undefined) f.tail = tailed;
};
