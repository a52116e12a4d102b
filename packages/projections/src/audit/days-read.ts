import type { IndicatorId } from "../catalogue/indicator-id.js";
import { evaluateIndicator } from "../evaluate/evaluate-indicators.js";
import type { ResolvedQuery } from "../evaluate/resolve-query.js";

/**
 * The days an indicator reads each of its series at under a query, ascending, by series key (its
 * arithmetic does not depend on the values read, as `seriesRead` says of the series themselves).
 * @example
 * import { resolveQuery } from "@coop-ledger/projections";
 * import { daysReadOf } from "../src/audit/days-read.js";
 * const q = resolveQuery({ validAt: "2022-12-31" });
 * if (E.isLeft(q)) throw new Error("unexpected");
 * console.log([...daysReadOf("coops.active", q.right).values()]); // [[19357]]: one series, read at the valid date
 */
export const daysReadOf = (id: IndicatorId, q: ResolvedQuery): Map<number, number[]> => {
  const days = new Map<number, number[]>();
  const note = (key: number, day: number): number => {
    const list = days.get(key);
    if (list === undefined) days.set(key, [day]);
    else if (!list.includes(day)) list.push(day);
    return 0;
  };
  evaluateIndicator(id, q, { value: note, positiveDistricts: note });
  for (const list of days.values()) list.sort((a, b) => a - b);
  return days;
};

/**
 * Which of the days a series is read at (ascending, from {@link daysReadOf}) come before `day`, as a
 * number: entries of the series on days with the same number are summed alike by the indicator, so
 * their events contribute alike. A series not read keeps its day (as −1 − day): nothing is merged.
 * @example
 * daysBefore([19_000, 19_365], 19_100) // 1: counted at 19,365 only, as any day from 19,001 to 19,365
 */
export const daysBefore = (days: ReadonlyArray<number> | undefined, day: number): number => {
  if (days === undefined) return -1 - day;
  let i = 0;
  while (i < days.length && (days[i] as number) < day) i++;
  return i;
};
