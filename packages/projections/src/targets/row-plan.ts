import { type BusinessDate, dateParts, endOfYear, makeDate, startOfYear } from "@coop-ledger/domain";
import { match } from "ts-pattern";
import type { IndicatorBasis } from "./target.js";
import type { Timing } from "./timing.js";

/**
 * When annual figures (ratings, annual reports) for a year are taken as final: by default 31 March of
 * the following year, when co-ops' annual reports and the year's ratings are due [verify: reporting
 * deadlines under Decree 193/2013/NĐ-CP and Circular 01/2020/TT-BKHĐT]. A query can change it.
 *
 * @example defaultAnnualFiguresFinalOn(2025) // "2026-03-31"
 */
export const defaultAnnualFiguresFinalOn = (year: number): BusinessDate => makeDate(year + 1, 3, 31);

/**
 * One row to evaluate: the valid date the figure is read at, the period a flow covers, the fiscal year
 * of an annual figure, and the date from which the row is final. `notYetDue` when the query date is
 * before the period starts.
 *
 * @example const p: RowPlan = { asOf: "2021-12-31" as BusinessDate, finalFrom: "2021-12-31" as BusinessDate, notYetDue: false };
 */
export interface RowPlan {
  readonly asOf: BusinessDate;
  readonly period?: { readonly from: BusinessDate; readonly to: BusinessDate };
  readonly year?: number;
  /** The calendar year of a per-year row (for every basis; `year` is only asked of annual figures). */
  readonly calendarYear?: number;
  readonly finalFrom: BusinessDate;
  readonly notYetDue: boolean;
}

const minDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a < b ? a : b);

/** Inputs of {@link planRows}. @example const i: PlanInput = { timing, basis: "instant", termFrom, validAt, annualFinalOn: defaultAnnualFiguresFinalOn }; */
export interface PlanInput {
  readonly timing: Timing;
  readonly basis: IndicatorBasis;
  readonly fixedYear?: number;
  readonly termFrom: BusinessDate;
  readonly validAt: BusinessDate;
  readonly annualFinalOn: (year: number) => BusinessDate;
}

const windowRow = (
  from: BusinessDate,
  to: BusinessDate,
  year: number,
  i: Omit<PlanInput, "timing">,
): RowPlan => {
  const notYetDue = i.validAt < from;
  return match(i.basis)
    .with("instant", (): RowPlan => ({ asOf: minDate(to, i.validAt), finalFrom: to, notYetDue }))
    .with(
      "period",
      (): RowPlan => ({
        asOf: minDate(to, i.validAt),
        period: { from, to: minDate(to, i.validAt) },
        finalFrom: to,
        notYetDue,
      }),
    )
    .with(
      "fiscalYear",
      (): RowPlan => ({ asOf: i.validAt, year, finalFrom: i.annualFinalOn(year), notYetDue }),
    )
    .exhaustive();
};

/**
 * Expands a target's timing into rows as of a query date. A figure reported `at` a date is read on
 * that date (an annual one defaults to the year before). A state (`instant`) is read on the deadline,
 * or on the query date while the deadline is ahead; a flow (`period`) is counted from the start of the
 * window to the deadline or the query date; an annual figure (`fiscalYear`) is read as known on the
 * query date, since the year's reports arrive after it closes. `perYear` gives one row per calendar
 * year up to the query date's year.
 *
 * @example
 * import type { BusinessDate, FiscalYear } from "@coop-ledger/domain";
 * // A flow counted every year of 2021–2025, asked on 30 June 2022: 2021 whole, 2022 so far.
 * const rows = planRows({
 *   timing: { kind: "perYear", fromYear: 2021 as FiscalYear, toYear: 2025 as FiscalYear },
 *   basis: "period",
 *   termFrom: "2021-01-01" as BusinessDate,
 *   validAt: "2022-06-30" as BusinessDate,
 *   annualFinalOn: defaultAnnualFiguresFinalOn,
 * });
 * console.log(rows.map((r) => `${r.period?.from}..${r.period?.to}`)); // ["2021-01-01..2021-12-31", "2022-01-01..2022-06-30"]
 */
export const planRows = (i: PlanInput): ReadonlyArray<RowPlan> =>
  match(i.timing)
    .with(
      { kind: "at" },
      ({ date }): ReadonlyArray<RowPlan> => [
        {
          // A figure reported "as of" a date is read on that date, whatever its basis: later
          // (effective-dated) events must not change what the resolution could have seen.
          asOf: date,
          ...(i.basis === "period" ? { period: { from: i.termFrom, to: date } } : {}),
          ...(i.basis === "fiscalYear" ? { year: i.fixedYear ?? dateParts(date).year - 1 } : {}),
          finalFrom: date,
          notYetDue: i.validAt < date,
        },
      ],
    )
    .with({ kind: "by" }, ({ date }) => [windowRow(i.termFrom, date, i.fixedYear ?? dateParts(date).year, i)])
    .with({ kind: "period" }, ({ from, to }) => [windowRow(from, to, i.fixedYear ?? dateParts(to).year, i)])
    .with({ kind: "perYear" }, ({ fromYear, toYear }) => {
      const last = Math.min(toYear, dateParts(i.validAt).year);
      const rows: RowPlan[] = [];
      for (let y = fromYear; y <= last; y++)
        rows.push({ ...windowRow(startOfYear(y), endOfYear(y), y, i), calendarYear: y });
      return rows;
    })
    .exhaustive();
