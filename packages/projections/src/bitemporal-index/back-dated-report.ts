import { dayOf, makeDate } from "@coop-ledger/domain";
import type { TimedEvent } from "../model/live-events.js";
import { applyEvent, type StreamState } from "../model/stream-state.js";
import { type AnnualCells, annualStocks, STOCK_SLOTS, stocksAt } from "../model/stream-stocks.js";
import type { DeltaSink } from "./column-layout.js";

/**
 * The facts about a stream's live events that decide whether a back-dated annual report can be folded
 * from the stream's fold alone (see {@link foldBackDatedReport}): the valid day of the last live event
 * that set the member count, and the valid day of the report in force for each fiscal year.
 *
 * @example
 * const facts: ReportFacts = { membersDay: Number.NEGATIVE_INFINITY, reportDays: new Map() };
 * console.log(facts.reportDays.size); // 0: no report yet
 */
export interface ReportFacts {
  membersDay: number;
  readonly reportDays: Map<number, number>;
}

/** The events that set a co-op's member count (see `applyEvent`). */
const SETS_MEMBERS = new Set(["CoopFounded", "MembershipReported", "CoopSpunOff", "CoopMergerReceived"]);

/**
 * Records an event that comes after (or with) every live event of its stream in valid time.
 * @example
 * import { timed } from "../src/model/live-events.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const facts = reportFactsOf([]);
 * noteLaterEvent(facts, timed(founding));
 * console.log(facts.membersDay > 0); // true: a founding sets the member count on its day
 */
export const noteLaterEvent = (f: ReportFacts, te: TimedEvent): void => {
  const e = te.recorded.event;
  if (SETS_MEMBERS.has(e.type)) f.membersDay = te.day;
  else if (e.type === "AnnualReportFiled") f.reportDays.set(e.data.fiscalYear, te.day);
};

/**
 * The facts of a live list (valid-time order).
 * @example
 * console.log(reportFactsOf([]).membersDay); // -Infinity: no event set the member count
 */
export const reportFactsOf = (live: ReadonlyArray<TimedEvent>): ReportFacts => {
  const f: ReportFacts = { membersDay: Number.NEGATIVE_INFINITY, reportDays: new Map() };
  for (const te of live) noteLaterEvent(f, te);
  return f;
};

const yearEnd = (year: number): number => dayOf(makeDate(year, 12, 31));
const before = new Map<number, number>();
const after = new Map<number, number>();
const beforeCells: AnnualCells = new Map();
const afterCells: AnnualCells = new Map();
const noFlows = (): void => undefined;

/** What {@link foldBackDatedReport} reads of a stream's fold. */
type ReportFold = ReportFacts & {
  readonly state: StreamState;
  readonly firstType: string | undefined;
  readonly firstDay: number;
};

/**
 * Whether a back-dated `AnnualReportFiled` (dated before its stream's last live event, as a report
 * dated at its fiscal year's end usually is) can be folded into the fold of the stream's live events
 * without its history ({@link foldBackDatedReport}), giving what the full re-fold gives.
 *
 * Why it holds. A report changes no stock and schedules nothing (`stocksAt`, `nextScheduledDay` do not
 * read reports): the only deltas that differ are the annual keys of its fiscal year Y (and Y + 1's
 * growth, which needs a report for Y + 1). In the re-fold they appear on the report's day `d`, as the
 * annual figures of Y after the day's events minus before, and change again only where Y's keys
 * change: a later report for Y, Y − 1 or Y + 1, or a move that changes where Y ended. So it is folded
 * from the fold only when: the stream is a co-op founded before `d` (so it exists on `d`); no report for
 * Y or Y + 1 is live; the report for Y − 1 in force (if any) took effect before `d`; the member count
 * (which the report keeps as its weight) was last set before `d`; and no move enters a cell in (`d`,
 * 31 December Y]. Then the final fold's facts for Y are the ones on `d`, and Y's figures in it before
 * and after the report are the re-fold's (ratings of Y are in both and cancel).
 *
 * A back-dated `CoopAssessed` (a rating of year Y, dated after the co-op's later events) is taken the
 * same way: it changes only Y's rating keys, in the cell of Y's last day, and nothing after it reads
 * them; so when no rating for Y is live (else which one stands depends on their days, which the fold
 * does not keep), the co-op was founded before `d` and enters no cell in (`d`, 31 December Y], its
 * difference is Y's figures after the rating minus before, on `d`.
 *
 * @example
 * import { liveEvents, timed } from "../src/model/live-events.js";
 * import { sweepStream } from "../src/model/stream-sweep.js";
 * import { reportFactsOf } from "../src/bitemporal-index/back-dated-report.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2021-01-01", to: "2023-12-31" }));
 * // A co-op's live events, its last annual report taken out and dated at its fiscal year's end.
 * const report = [...events].reverse().find((e) => e.event.type === "AnnualReportFiled");
 * if (report === undefined || report.event.type !== "AnnualReportFiled") throw new Error("no annual report");
 * const others = liveEvents(events.filter((e) => e.streamId === report.streamId && e !== report).map(timed));
 * const first = others[0];
 * if (first === undefined) throw new Error("no events");
 * const fold = { state: sweepStream(others, Number.NEGATIVE_INFINITY).state, firstType: first.recorded.event.type, firstDay: first.day, ...reportFactsOf(others) };
 * const te = timed({ ...report, event: { ...report.event, data: { ...report.event.data, effectiveDate: `${report.event.data.fiscalYear}-12-31` } } } as typeof report);
 * const deltas: number[] = [];
 * const taken = backDatedReportFoldable(fold, te);
 * if (taken) foldBackDatedReport(fold, te, { push: (_k, _c, _d, amount) => deltas.push(amount) });
 * // Taken: its fiscal year's figures change on its day; else the index re-folds the co-op's events.
 * console.log(taken ? deltas.length > 0 : "re-folded");
 */
export const backDatedReportFoldable = (f: ReportFold, te: TimedEvent): boolean => {
  const e = te.recorded.event;
  const s = f.state;
  const d = te.day;
  if (f.firstType !== "CoopFounded" || !(f.firstDay < d) || !s.exists || s.form === "") return false;
  if (e.type === "CoopAssessed") return !s.ratings.has(e.data.year) && noMoveIn(s, d, yearEnd(e.data.year));
  if (!(f.membersDay < d)) return false;
  if (e.type === "MembershipReported") return membershipFoldable(f, d);
  if (e.type !== "AnnualReportFiled") return false;
  const y = e.data.fiscalYear;
  if (s.reports.has(y) || s.reports.has(y + 1)) return false;
  if (s.reports.has(y - 1)) {
    const prev = f.reportDays.get(y - 1);
    if (prev === undefined || !(prev < d)) return false;
  }
  return noMoveIn(s, d, yearEnd(y));
};

/** Whether the organisation enters no cell on a day in (`d`, `end`]. */
const noMoveIn = (s: StreamState, d: number, end: number): boolean => {
  for (const c of s.cellDays) if (c > d && c <= end) return false;
  return true;
};

/**
 * Folds a back-dated annual report that {@link backDatedReportFoldable} accepts into the fold (its state
 * and report facts) and pushes to `out` the full sweep with it minus the one without it: its fiscal
 * year's annual figures after the report minus before, on the report's day.
 *
 * @example
 * // See backDatedReportFoldable's example: the two are used together.
 * console.log(typeof foldBackDatedReport); // "function"
 */
export const foldBackDatedReport = (f: ReportFold, te: TimedEvent, out: DeltaSink): void => {
  const e = te.recorded.event;
  if (e.type === "MembershipReported") {
    foldMembership(f, te, out);
    return;
  }
  if (e.type !== "AnnualReportFiled" && e.type !== "CoopAssessed") return;
  const s = f.state;
  const d = te.day;
  const y = e.type === "CoopAssessed" ? e.data.year : e.data.fiscalYear;
  const years = new Set([y]);
  before.clear();
  beforeCells.clear();
  after.clear();
  afterCells.clear();
  annualStocks(s, before, beforeCells, years);
  applyEvent(s, e, noFlows);
  annualStocks(s, after, afterCells, years);
  const rec = te.recordedMs;
  for (const [k, v] of after) {
    const b = before.get(k);
    const to = afterCells.get(k) as string;
    if (b === undefined) out.push(k, to, d, v, rec);
    else {
      const from = beforeCells.get(k) as string;
      if (from === to) {
        if (v !== b) out.push(k, to, d, v - b, rec);
      } else {
        out.push(k, from, d, -b, rec);
        out.push(k, to, d, v, rec);
      }
    }
  }
  for (const [k, v] of before) if (!after.has(k)) out.push(k, beforeCells.get(k) as string, d, -v, rec);
  if (e.type === "AnnualReportFiled") f.reportDays.set(y, d);
};

/**
 * A back-dated `MembershipReported` (members reported as of a year's end, recorded after the co-op's
 * later events) sets the member count, farm households and regular workers from its day `d` until the
 * next event that sets them. With none after `d` (checked by the caller: `membersDay` < `d`), what
 * changes in the re-fold is: those stocks from `d` on (they count while the co-op exists and has not
 * ended: it must not have ended; and in the cell it is in, which must not change after `d`), and the
 * weight of any annual report taking effect on `d` or later (there must be none: on `d` itself the
 * order of the day's events would decide which count a report keeps).
 * The re-fold's difference is then those stocks after minus before, on `d`, and nothing later (each
 * later breakpoint compares the same member count on both sides).
 */
const membershipFoldable = (f: ReportFold, d: number): boolean => {
  const s = f.state;
  if (s.ended || s.cell === undefined) return false;
  const n = s.cellDays.length;
  if (n > 0 && (s.cellDays[n - 1] as number) > d) return false;
  for (const r of f.reportDays.values()) if (r >= d) return false;
  return true;
};

const stocksBefore = new Float64Array(STOCK_SLOTS.length);
const stocksAfter = new Float64Array(STOCK_SLOTS.length);

const foldMembership = (f: ReportFold, te: TimedEvent, out: DeltaSink): void => {
  const s = f.state;
  const d = te.day;
  stocksAt(s, d, stocksBefore);
  applyEvent(s, te.recorded.event, noFlows);
  stocksAt(s, d, stocksAfter);
  const cell = s.cell as string;
  for (let k = 0; k < STOCK_SLOTS.length; k++) {
    const delta = (stocksAfter[k] as number) - (stocksBefore[k] as number);
    if (delta !== 0) out.push(STOCK_SLOTS[k] as number, cell, d, delta, te.recordedMs);
  }
  f.membersDay = d;
};
