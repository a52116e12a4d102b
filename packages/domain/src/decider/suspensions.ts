import { dayOf } from "../values/day-number.js";
import { addDays, type BusinessDate, endOfYear, startOfYear } from "../values/time.js";
import type { SuspensionPeriod } from "./stream-state.js";

/**
 * The suspensions after one more ends on `date` (a CoopResumed, a dissolution or a change of form that day):
 * the open or still-running last period now ends the day before `date`. A period that had already ended
 * before `date` (its recorded `until` passed) is left as it was.
 *
 * @example
 * endSuspension([{ from: "2022-03-01" as BusinessDate, until: undefined }], "2022-08-01" as BusinessDate)
 * // [{ from: "2022-03-01", until: "2022-07-31" }]
 */
export const endSuspension = (
  periods: ReadonlyArray<SuspensionPeriod>,
  date: BusinessDate,
): ReadonlyArray<SuspensionPeriod> => {
  const last = periods[periods.length - 1];
  if (last === undefined || (last.until !== undefined && last.until < date)) return periods;
  const until = addDays(date, -1);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compared as text; Math.max would coerce them to NaN
  return [...periods.slice(0, -1), { from: last.from, until: until < last.from ? last.from : until }];
};

/**
 * How many days of `year` a co-op was suspended, the days of every suspension added up (a period with no
 * end runs to the end of the year). Rating schemes that exclude co-ops which stopped operating count these.
 *
 * @example
 * daysStoppedIn([{ from: "2021-11-01" as BusinessDate, until: "2022-02-28" as BusinessDate }], 2022) // 59
 */
export const daysStoppedIn = (periods: ReadonlyArray<SuspensionPeriod>, year: number): number => {
  const first = dayOf(startOfYear(year));
  const last = dayOf(endOfYear(year));
  let days = 0;
  for (const p of periods) {
    const from = Math.max(first, dayOf(p.from));
    const until = Math.min(last, p.until === undefined ? last : dayOf(p.until));
    if (until >= from) days += until - from + 1;
  }
  return days;
};
