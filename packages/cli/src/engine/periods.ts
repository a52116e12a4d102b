import { addDays, addMonths, type BusinessDate, dateParts, makeDate } from "@coop-ledger/domain";

/** The steps of a series. */
export type Every = "month" | "quarter" | "year";

/** One step of a series: its first and last day. */
export interface Step {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}

const MONTHS: Record<Every, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The calendar periods (months, quarters or years) whose end falls in `[from, to]`, each with its
 * first day, so that flows are read per period and stocks at each period end. The first period is
 * the one containing `from`.
 *
 * @example
 * const ends = periodEnds("2022-01-15" as BusinessDate, "2022-12-31" as BusinessDate, "quarter").map((s) => s.to);
 * console.log(ends); // ["2022-03-31", "2022-06-30", "2022-09-30", "2022-12-31"]
 */
export const periodEnds = (from: BusinessDate, to: BusinessDate, every: Every): ReadonlyArray<Step> => {
  const n = MONTHS[every];
  const { year, month } = dateParts(from);
  const firstMonth = Math.floor((month - 1) / n) * n + 1;
  let start = makeDate(year, firstMonth, 1);
  const out: Step[] = [];
  while (start <= to && out.length < 10_000) {
    const next = addMonths(start, n);
    const end = addDays(next, -1);
    if (end >= from && end <= to) out.push({ from: start, to: end });
    start = next;
  }
  return out;
};
