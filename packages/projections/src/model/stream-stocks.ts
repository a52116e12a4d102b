import { dayOf, makeDate } from "@coop-ledger/domain";
import { type AnnualTally, addToTally, annualTally } from "./annual-tally.js";
import { financeParameter, SeriesCode, Slot, STOCK_SLOTS, scoreParameter, seriesKey } from "./series-keys.js";
import { cellOnDay, type StreamState } from "./stream-state.js";

// What a stream state holds on a day: its stocks (one number per slot), the next day they change by
// themselves, and its annual figures. The state itself and the fold that builds it: stream-state.ts.

export { STOCK_SLOTS };

/** The last day of each fiscal year asked, memoised (a handful of years in any ledger). */
const yearEnds = new Map<number, number>();
const yearEndDay = (year: number): number => {
  let d = yearEnds.get(year);
  if (d === undefined) {
    d = dayOf(makeDate(year, 12, 31));
    yearEnds.set(year, d);
  }
  return d;
};

/**
 * Writes the non-annual stocks of a state on day `t` into `out` (one number per {@link STOCK_SLOTS}
 * slot). Co-op stocks count only while the co-op exists and has not ended; loans stay outstanding after
 * the co-op ends (a debt does not vanish with its debtor).
 *
 * @example
 * import { applyEvent, initialStreamState } from "../src/model/stream-state.js";
 * import { STOCK_SLOTS } from "../src/model/series-keys.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const state = initialStreamState();
 * applyEvent(state, founding.event, () => undefined);
 * const out = new Float64Array(STOCK_SLOTS.length);
 * stocksAt(state, dayOf("2022-12-31"), out);
 * console.log(out.some((v) => v !== 0)); // true: an existing co-op counts in the stocks (active, members, …)
 */
export const stocksAt = (s: StreamState, t: number, out: Float64Array): void => {
  out.fill(0);
  if (!s.exists) return;
  out[Slot.fundCapital] = s.fundCapital;
  // Size checks first: most streams have no loans or products, and an iterator per call adds up over
  // two calls per event at a million events.
  if (s.loans.size !== 0)
    for (const l of s.loans.values()) {
      out[Slot.outstanding0 + l.fund] = (out[Slot.outstanding0 + l.fund] ?? 0) + l.outstanding;
      if (t > l.maturityDay) out[Slot.overdue0 + l.fund] = (out[Slot.overdue0 + l.fund] ?? 0) + l.outstanding;
    }
  if (s.ended || s.form === "") return;
  out[Slot.active] = 1;
  out[Slot.agricultural] = s.sector === "agriculture" ? 1 : 0;
  out[Slot.law2012] = s.regime === "2012" ? 1 : 0;
  out[Slot.law2023] = s.regime === "2023" ? 1 : 0;
  out[Slot.members] = s.members;
  out[Slot.over100] = s.members > 100 ? 1 : 0;
  out[Slot.farmHouseholds] = s.farmHouseholds;
  out[Slot.managers] = s.managers.size;
  let q = 0;
  if (s.managers.size !== 0) for (const m of s.managers.values()) if (m.qualified && t < m.turns50Day) q++;
  out[Slot.managersUnder50Qualified] = q;
  let p = 0;
  if (s.products.size !== 0)
    for (const pr of s.products.values()) if (!pr.ended && t <= pr.validUntilDay) p++;
  out[Slot.ocopProducts] = p;
  out[Slot.ocopCoops] = p > 0 ? 1 : 0;
  out[Slot.linkages] = s.linkages.size;
  out[Slot.valueChainCoops] = s.linkages.size > 0 ? 1 : 0;
  out[Slot.workers] = s.workers;
  out[Slot.suspended] = t < s.suspendedUntilDay ? 1 : 0;
  out[Slot.allianceMembers] = s.allianceMember ? 1 : 0;
};

/**
 * The first day after `t` on which {@link stocksAt} may change without an event: a manager turning 50,
 * an OCOP certificate lapsing, a loan falling overdue, a suspension reaching its end date. `Infinity`
 * when none.
 *
 * @example
 * import { applyEvent, initialStreamState } from "../src/model/stream-state.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const state = initialStreamState();
 * applyEvent(state, founding.event, () => undefined);
 * const next = nextScheduledDay(state, dayOf("2022-12-31"));
 * console.log(next > dayOf("2022-12-31")); // true (Infinity when nothing is scheduled: no manager turning 50, no certificate lapsing)
 */
export const nextScheduledDay = (s: StreamState, t: number): number => {
  if (!s.exists) return Number.POSITIVE_INFINITY;
  let next = Number.POSITIVE_INFINITY;
  // Size checks first, as in stocksAt: an iterator per map per call, twice a sweep, is garbage.
  if (s.loans.size !== 0)
    for (const l of s.loans.values()) {
      const d = l.maturityDay + 1;
      if (l.outstanding > 0 && d > t && d < next) next = d;
    }
  if (s.ended) return next;
  if (s.managers.size !== 0)
    for (const m of s.managers.values())
      if (m.qualified && m.turns50Day > t && m.turns50Day < next) next = m.turns50Day;
  if (s.products.size !== 0)
    for (const p of s.products.values()) {
      const d = p.validUntilDay + 1;
      if (!p.ended && d > t && d < next) next = d;
    }
  // A suspension with an end date lapses by itself.
  if (s.suspendedUntilDay > t && s.suspendedUntilDay < next) next = s.suspendedUntilDay;
  return next;
};

/** Where each annual key of {@link annualStocks} is counted: the cell of its fiscal year's last day. */
export type AnnualCells = Map<number, string>;

type RatingFacts = StreamState["ratings"] extends Map<number, infer R> ? R : never;
type ReportFacts = StreamState["reports"] extends Map<number, infer R> ? R : never;

// The walk's arguments, module-level so that the callbacks of `forEach` are made once (no closure, and
// no entry array per visit as `for (const [year, r] of map)` makes, for each of a million sweeps).
let into: AnnualTally = annualTally();
let annualCell = "";
let walkState: StreamState | undefined;
let walkYears: ReadonlySet<number> | undefined;
let walkEndingFrom = Number.POSITIVE_INFINITY;
const addAnnual = (k: number, v: number): void => {
  if (v !== 0) addToTally(into, k, v, annualCell);
};

/** Whether the walk counts `year`, and if so sets `annualCell` to where it is counted. */
const countsYear = (s: StreamState, year: number): boolean => {
  if (walkYears !== undefined && !walkYears.has(year) && yearEndDay(year) < walkEndingFrom) return false;
  const cell = cellOnDay(s, yearEndDay(year));
  if (cell === undefined) return false;
  annualCell = cell;
  return true;
};

const addRating = (r: RatingFacts, year: number): void => {
  if (!countsYear(walkState as StreamState, year)) return;
  addAnnual(seriesKey(SeriesCode.rated, year), 1);
  if (r.fairOrGood) addAnnual(seriesKey(SeriesCode.fairOrGood, year), 1);
  if (r.weak) addAnnual(seriesKey(SeriesCode.weak, year), 1);
  addAnnual(seriesKey(SeriesCode.scoreFloor, scoreParameter(year, r.scoreFloor)), 1);
};

const addReport = (r: ReportFacts, year: number): void => {
  const s = walkState as StreamState;
  if (!countsYear(s, year)) return;
  addAnnual(seriesKey(SeriesCode.financeReported, year), 1);
  if (r.highTech) addAnnual(seriesKey(SeriesCode.highTech, year), 1);
  // Levels (not growth): revenue and profit of every co-op that reported the year.
  addAnnual(seriesKey(SeriesCode.financeLevel, financeParameter(year, 2)), r.finance[2]);
  addAnnual(seriesKey(SeriesCode.financeLevel, financeParameter(year, 3)), r.finance[3]);
  const prev = s.reports.get(year - 1);
  if (prev !== undefined) {
    addAnnual(seriesKey(SeriesCode.financeBoth, year), 1);
    for (let m = 0; m < 4; m++) {
      addAnnual(seriesKey(SeriesCode.financeCurrent, financeParameter(year, m)), r.finance[m] ?? 0);
      addAnnual(seriesKey(SeriesCode.financePrevious, financeParameter(year, m)), prev.finance[m] ?? 0);
    }
  }
  if (r.workerIncome !== undefined) {
    addAnnual(seriesKey(SeriesCode.workerIncomeSum, year), r.workerIncome);
    addAnnual(seriesKey(SeriesCode.workerIncomeCount, year), 1);
    if (r.workers !== undefined && r.workers > 0) {
      addAnnual(seriesKey(SeriesCode.workerIncomeWeighted, year), r.workerIncome * r.workers);
      addAnnual(seriesKey(SeriesCode.workerIncomeWorkers, year), r.workers);
    }
  }
  if (r.memberIncome !== undefined) {
    addAnnual(seriesKey(SeriesCode.memberIncomeSum, year), r.memberIncome);
    addAnnual(seriesKey(SeriesCode.memberIncomeCount, year), 1);
    if (r.members > 0) {
      addAnnual(seriesKey(SeriesCode.memberIncomeWeighted, year), r.memberIncome * r.members);
      addAnnual(seriesKey(SeriesCode.memberIncomeMembers, year), r.members);
    }
  }
};

/**
 * Adds the annual stocks of a state (per fiscal year: ratings, finance of co-ops reporting two
 * consecutive years, incomes) to the tally `out`, for every year or only `years` and those ending on or
 * after day `endingFrom` (default: none), each with the cell it is counted in. They stand once
 * reported, also after the co-op ends, and they stay in the cell the organisation was in on the fiscal
 * year's last day (31 December): a figure about a closed year does not move when the co-op moves later
 * (docs/indicators.md, "Annual figures"). What the index's sweeps use; {@link annualStocks} is the same
 * into maps.
 *
 * @example
 * import { applyEvent, initialStreamState } from "../src/model/stream-state.js";
 * import { annualTally } from "../src/model/annual-tally.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2021-01-01", to: "2022-12-31" }));
 * const report = events.find((e) => e.event.type === "AnnualReportFiled");
 * if (report === undefined) throw new Error("no annual report");
 * const state = initialStreamState();
 * for (const e of events.filter((x) => x.streamId === report.streamId && x.position <= report.position))
 *   applyEvent(state, e.event, () => undefined);
 * const t = annualTally();
 * annualStocksInto(state, t);
 * console.log(t.n > 0); // true: the reported year's figures, each in the cell the co-op was in
 */
export const annualStocksInto = (
  s: StreamState,
  out: AnnualTally,
  years?: ReadonlySet<number>,
  endingFrom = Number.POSITIVE_INFINITY,
): void => {
  if (!s.exists || s.form === "") return;
  into = out;
  walkState = s;
  walkYears = years;
  walkEndingFrom = endingFrom;
  if (s.ratings.size !== 0) s.ratings.forEach(addRating);
  if (s.reports.size !== 0) s.reports.forEach(addReport);
  walkState = undefined;
  walkYears = undefined;
};

const mapScratch = annualTally();

/**
 * {@link annualStocksInto}, added to a map of figures by series key and a map of their cells (the
 * replay's reference fold and the back-dated report's fold use these).
 *
 * @example
 * import { applyEvent, initialStreamState } from "../src/model/stream-state.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2021-01-01", to: "2022-12-31" }));
 * const report = events.find((e) => e.event.type === "AnnualReportFiled");
 * if (report === undefined) throw new Error("no annual report");
 * const state = initialStreamState();
 * for (const e of events.filter((x) => x.streamId === report.streamId && x.position <= report.position))
 *   applyEvent(state, e.event, () => undefined);
 * const m = new Map<number, number>();
 * const c = new Map<number, string>();
 * annualStocks(state, m, c);
 * console.log(m.size > 0, c.size > 0); // true true: the reported year's figures, each in the cell the co-op was in
 */
export const annualStocks = (
  s: StreamState,
  out: Map<number, number>,
  cells: AnnualCells,
  years?: ReadonlySet<number>,
  endingFrom = Number.POSITIVE_INFINITY,
): void => {
  mapScratch.n = 0;
  annualStocksInto(s, mapScratch, years, endingFrom);
  for (let i = 0; i < mapScratch.n; i++) {
    const k = mapScratch.keys[i] as number;
    out.set(k, (out.get(k) ?? 0) + (mapScratch.values[i] as number));
    cells.set(k, mapScratch.cells[i] as string);
  }
};
