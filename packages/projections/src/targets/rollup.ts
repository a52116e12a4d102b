import type { BusinessDate } from "@coop-ledger/domain";
import type { TargetStatus } from "./status.js";
import type { TargetRow } from "./target-report.js";

/**
 * The status of a whole from the statuses of its parts (the years of a "mỗi năm" target, or the
 * sub-targets of a numbered target): one part not met fails the whole; then one that cannot be
 * measured leaves the whole unmeasurable; then one still open leaves it pending; the whole is met
 * only when every part is, and ahead of schedule while some part is.
 *
 * @example
 * console.log(combineStatuses([{ _tag: "met" }, { _tag: "notMet" }], "no year is due yet")._tag); // "notMet"
 * console.log(combineStatuses([], "no year is due yet")); // { _tag: "notYetDue", why: "no year is due yet" }
 */
export const combineStatuses = (parts: ReadonlyArray<TargetStatus>, pendingWhy: string): TargetStatus => {
  const first = <T extends TargetStatus["_tag"]>(tag: T) =>
    parts.find((s): s is Extract<TargetStatus, { _tag: T }> => s._tag === tag);
  if (parts.length === 0) return { _tag: "notYetDue", why: pendingWhy };
  if (first("notMet") !== undefined) return { _tag: "notMet" };
  const unmeasurable = first("notMeasurable");
  if (unmeasurable !== undefined) return unmeasurable;
  if (first("pending") !== undefined) return { _tag: "pending", why: pendingWhy };
  if (parts.every((s) => s._tag === "notYetDue")) return { _tag: "notYetDue", why: pendingWhy };
  if (first("notYetDue") !== undefined) return { _tag: "pending", why: pendingWhy };
  return parts.some((s) => s._tag === "met" && s.aheadOfSchedule === true)
    ? { _tag: "met", aheadOfSchedule: true }
    : { _tag: "met" };
};

/**
 * A "mỗi năm" (every year) target as one row: its status from its yearly rows, which it carries as
 * `detail`. It is met when every year of its range is met and final; not met as soon as one closed
 * year falls short ("mỗi năm" asks for each year, not for a total); pending while every year so far is
 * met (on track) or a year is still open.
 *
 * @example
 * import type { BusinessDate } from "@coop-ledger/domain";
 * import { evaluateTargets, resolution003 } from "@coop-ledger/projections";
 * // A source that reads 0 for every figure; the report's "mỗi năm" rows carry their years as detail.
 * const report = evaluateTargets(() => ({ _tag: "Value", value: 0 }), resolution003, { validAt: "2022-06-30" as BusinessDate });
 * const yearly = report.targets.find((r) => r.detail !== undefined);
 * if (yearly?.detail !== undefined) {
 *   const { status: _s, final: _f, detail, ...head } = yearly;
 *   // Resolution 003's yearly target runs 2020–2024; on 2022-06-30, 2020 to 2022 have rows.
 *   const rolled = rollUpYears(head, detail, { fromYear: 2020, toYear: 2024 });
 *   console.log(detail.map((r) => r.year), rolled.status._tag); // [2020, 2021, 2022] "notMeasurable" (a year that cannot be measured decides before a pending one)
 * }
 */
export const rollUpYears = (
  head: Omit<TargetRow, "status" | "final" | "detail">,
  years: ReadonlyArray<TargetRow>,
  range: { readonly fromYear: number; readonly toYear: number },
): TargetRow => {
  const expected = range.toYear - range.fromYear + 1;
  const met = years.filter((r) => r.status._tag === "met").length;
  const complete = years.length === expected && years.every((r) => r.final);
  const last = years[years.length - 1];
  const why =
    years.length === 0
      ? `Its first year, ${range.fromYear}, has not started.`
      : `Met in ${met} of ${years.length} year(s) so far (${range.fromYear}–${last?.year ?? range.fromYear}); every year to ${range.toYear} counts.`;
  const parts = years.map((r) => r.status);
  const status =
    complete || parts.some((s) => s._tag === "notMet" || s._tag === "notMeasurable")
      ? combineStatuses(parts, why)
      : years.length > 0 && parts.every((s) => s._tag === "met")
        ? ({ _tag: "pending", why: `On track: ${why}` } as const)
        : combineStatuses(parts, why);
  return {
    ...head,
    period: {
      from: `${range.fromYear}-01-01` as BusinessDate,
      to: `${range.toYear}-12-31` as BusinessDate,
    },
    yearsMet: { met, of: expected },
    final: complete,
    status: status._tag === "met" ? { _tag: "met" } : status,
    detail: years,
  };
};
