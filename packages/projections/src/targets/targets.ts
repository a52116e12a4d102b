import { chain, type Either, left, right } from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { findResolution, type UnknownResolution } from "./bundled-resolutions.js";
import { figureSourceOf } from "./engine-source.js";
import { evaluateTargets, type TargetsQuery, type TargetsReport } from "./evaluate-targets.js";
import type { FigureSource } from "./figure-source.js";
import { indexHoldsProvince, type NoDataForProvince, noDataForProvince } from "./province-data.js";
import { type Resolution, withProvince } from "./resolution.js";

/**
 * Errors of {@link targets}: the resolution id is not bundled, or the ledger holds nothing for the
 * province the resolution is evaluated on.
 * @example const e: TargetsError = { _tag: "UnknownResolution", id: "009", known: ["000", "001", "002", "004"] };
 */
export type TargetsError = UnknownResolution | NoDataForProvince;

/**
 * `targets(index, resolutionId | resolution, query)`: each target with its figure, threshold,
 * deadline and status, and "k of n met". The figures come from the projection index (or from any
 * {@link FigureSource}); a resolution is named by a bundled id or given as data. It is evaluated on
 * its own province, or on `query.whatIf.province` (a what-if, which the report says). Given an index
 * that holds nothing for that province, it refuses (`NoDataForProvince`) rather than score every
 * target "not met" on another province's data; a bare figure source is trusted.
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
 * import { buildIndex, targets } from "@coop-ledger/projections";
 * const r = targets(buildIndex(events), "004", { validAt: "2025-12-31" as BusinessDate });
 * console.log(r._tag === "Left" ? r.left._tag : r.right.summary); // "NoDataForProvince" (004 is Bắc Kạn's, the ledger Bình Thuận's)
 */
export const targets = (
  index: ProjectionIndex | FigureSource,
  resolution: string | Resolution,
  query: TargetsQuery,
): Either<TargetsError, TargetsReport> =>
  pipe(
    typeof resolution === "string" ? findResolution(resolution) : right<TargetsError, Resolution>(resolution),
    chain((own) => {
      const r = query.whatIf === undefined ? own : withProvince(own, query.whatIf.province);
      if (typeof index !== "function" && !indexHoldsProvince(index, r.province))
        return left<TargetsError, TargetsReport>(noDataForProvince(r.id, r.province));
      const report = evaluateTargets(typeof index === "function" ? index : figureSourceOf(index), r, query);
      const moved = r.province.code !== own.province.code || r.province.gazetteer !== own.province.gazetteer;
      return right(
        moved ? { ...report, whatIf: { province: r.province, resolutionProvince: own.province } } : report,
      );
    }),
  );
