import type { BusinessDate } from "@coop-ledger/domain";
import type { TargetsReport } from "./target-report.js";

/**
 * `targets.met` — *chỉ tiêu đạt* (targets of a resolution met on a date): an indicator-like value,
 * met rows over all goal rows, as a ratio with its share in basis points (floored).
 *
 * @example
 * import { type BusinessDate, decide, initialState, makeCommand, type ProvinceCode, type RecordedEvent } from "@coop-ledger/domain";
 * // Two co-ops founded in Bình Thuận (province 60), as a store would record them.
 * const events: RecordedEvent[] = [];
 * for (const [n, coopId] of ["htx-1", "htx-2"].entries()) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId, effectiveDate: "2019-03-01", name: `HTX ${coopId}`, form: "cooperative", sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 *   });
 *   if (found._tag === "Left") throw new Error(found.left.message);
 *   const decided = decide(found.right, initialState);
 *   if (decided._tag === "Left") throw new Error(decided.left.message);
 *   for (const event of decided.right)
 *     events.push({ streamId: `coop-${coopId}`, revision: 0, position: n, eventId: `00000000-0000-5000-8000-00000000000${n}`, event, metadata: { recordedAt: "2019-03-02T08:00:00.000Z" } } as RecordedEvent);
 * }
 * import { buildIndex, evaluateTargets, figureSourceOf, resolution001, type TargetsMetFigure, targetsMet } from "@coop-ledger/projections";
 * const report = evaluateTargets(figureSourceOf(buildIndex(events)), resolution001, { validAt: "2025-12-31" as BusinessDate });
 * const f: TargetsMetFigure = targetsMet(report);
 * console.log(f.resolutionId, f.numerator, f.denominator); // "001" 0 3
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
 * @example
 * import { type BusinessDate, decide, initialState, makeCommand, type RecordedEvent } from "@coop-ledger/domain";
 * // Two co-ops founded in Bình Thuận (province 60), as a store would record them.
 * const events: RecordedEvent[] = [];
 * for (const [n, coopId] of ["htx-1", "htx-2"].entries()) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId, effectiveDate: "2019-03-01", name: `HTX ${coopId}`, form: "cooperative", sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7,
 *   });
 *   if (found._tag === "Left") throw new Error(found.left.message);
 *   const decided = decide(found.right, initialState);
 *   if (decided._tag === "Left") throw new Error(decided.left.message);
 *   for (const event of decided.right)
 *     events.push({ streamId: `coop-${coopId}`, revision: 0, position: n, eventId: `00000000-0000-5000-8000-00000000000${n}`, event, metadata: { recordedAt: "2019-03-02T08:00:00.000Z" } } as RecordedEvent);
 * }
 * import { buildIndex, evaluateTargets, figureSourceOf, resolution001, targetsMet } from "@coop-ledger/projections";
 * const report = evaluateTargets(figureSourceOf(buildIndex(events)), resolution001, { validAt: "2025-12-31" as BusinessDate });
 * const f = targetsMet(report);
 * console.log(f.indicatorId, f.numerator, f.denominator); // "targets.met" 0 3
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
