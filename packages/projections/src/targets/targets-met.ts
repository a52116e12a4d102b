import type { BusinessDate } from "@coop-ledger/domain";
import type { TargetsReport } from "./evaluate.js";

/**
 * `targets.met` — *chỉ tiêu đạt* (targets of a resolution met on a date): an indicator-like value,
 * met rows over all goal rows, as a ratio with its share in basis points (floored).
 *
 * @example targetsMet(report) // { indicatorId: "targets.met", numerator: 3, denominator: 7, basisPoints: 4285, … }
 */
export interface TargetsMetFigure {
  readonly indicatorId: "targets.met";
  readonly resolutionId: string;
  readonly validAt: BusinessDate;
  readonly numerator: number;
  readonly denominator: number;
  readonly basisPoints: number | undefined;
}

/**
 * The `targets.met` figure of a report.
 * @example targetsMet(evaluateTargets(source, resolution001, { validAt })).numerator
 */
export const targetsMet = (report: TargetsReport): TargetsMetFigure => ({
  indicatorId: "targets.met",
  resolutionId: report.resolutionId,
  validAt: report.validAt,
  numerator: report.summary.met,
  denominator: report.summary.total,
  basisPoints:
    report.summary.total === 0 ? undefined : Math.floor((report.summary.met * 10_000) / report.summary.total),
});
