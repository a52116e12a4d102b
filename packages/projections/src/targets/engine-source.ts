import type { Either } from "fp-ts/lib/Either.js";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { IndicatorId } from "../catalogue/indicator-id.js";
import { indicatorValue, type Snapshot } from "../evaluate/snapshot.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";
import type { FigureQuery, FigureSource, IndicatorFigure } from "./figure-source.js";

/**
 * The engine's query for one target figure: one indicator, the scope's province reported in the
 * province's own gazetteer (so "province 06 of 2008-08-01" means that area even after 2025), the fiscal
 * year of an annual figure and the start of a flow's period (which ends on `validAt`).
 *
 * @example
 * import type { BusinessDate, ProvinceCode } from "@coop-ledger/domain";
 * import { toQueryInput } from "@coop-ledger/projections/internal";
 * const bacKan = { code: "06" as ProvinceCode, gazetteer: "2008-08-01" as const };
 * console.log(toQueryInput({ indicatorId: "coops.active", validAt: "2024-12-31" as BusinessDate, scope: { province: bacKan } }));
 * // { validAt: "2024-12-31", scope: { province: "06" }, geography: "2008-08-01", options: {}, indicators: ["coops.active"] }
 */
export const toQueryInput = (q: FigureQuery): QueryInput => ({
  validAt: q.validAt,
  ...(q.knownAt === undefined ? {} : { knownAt: q.knownAt }),
  scope: {
    ...(q.scope.province === undefined ? {} : { province: q.scope.province.code }),
    ...(q.scope.form === undefined ? {} : { form: q.scope.form }),
    ...(q.scope.sector === undefined ? {} : { sector: q.scope.sector }),
  },
  geography: q.scope.province?.gazetteer ?? "asOf",
  options: {
    ...q.options,
    ...(q.year === undefined ? {} : { fiscalYear: q.year }),
    ...(q.period === undefined ? {} : { periodFrom: q.period.from }),
  },
  indicators: [q.indicatorId],
});

/**
 * A {@link FigureSource} over any function that answers the engine's queries with a snapshot (the
 * index, or a replay). A figure without a value, an unknown indicator or a rejected query becomes
 * `Unavailable` with the engine's words; a ratio or an average keeps its exact numerator/denominator.
 *
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
 * import { replay } from "@coop-ledger/projections";
 * import { figureSourceFromSnapshots } from "@coop-ledger/projections/internal";
 * const source = figureSourceFromSnapshots((q) => replay(events, q)); // no index: replays on each ask
 * console.log(source({ indicatorId: "coops.active", validAt: "2020-01-01" as BusinessDate, scope: {} })); // { _tag: "Value", value: 2 }
 */
export const figureSourceFromSnapshots =
  (answer: (query: QueryInput) => Either<ProjectionError, Snapshot>): FigureSource =>
  (q): IndicatorFigure => {
    if (!IndicatorId.is(q.indicatorId))
      return { _tag: "Unavailable", reason: `${q.indicatorId} is not in the indicator catalogue` };
    const result = answer(toQueryInput(q));
    if (result._tag === "Left") return { _tag: "Unavailable", reason: result.left.message };
    const f = indicatorValue(result.right, q.indicatorId);
    if (f === undefined) return { _tag: "Unavailable", reason: `${q.indicatorId} was not computed` };
    // A ratio with nothing to divide by (0/0) stays a ratio: the evaluator says why it has no value,
    // and a sum over several forms (co-ops and groups) can still add a form that reported nothing.
    if (f.value === null && (f.numerator === undefined || f.denominator === undefined))
      return { _tag: "Unavailable", reason: f.note ?? "no value" };
    return f.numerator !== undefined && f.denominator !== undefined
      ? { _tag: "Ratio", numerator: f.numerator, denominator: f.denominator }
      : f.value === null
        ? { _tag: "Unavailable", reason: f.note ?? "no value" }
        : { _tag: "Value", value: f.value };
  };

/**
 * The figure source of a projection index: every target figure is a point-in-time query on the index
 * (no re-fold of the history).
 *
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
 * import { buildIndex, figureSourceOf } from "@coop-ledger/projections";
 * const source = figureSourceOf(buildIndex(events));
 * console.log(source({ indicatorId: "coops.active", validAt: "2020-01-01" as BusinessDate, scope: {} })); // { _tag: "Value", value: 2 }
 */
export const figureSourceOf = (index: ProjectionIndex): FigureSource =>
  figureSourceFromSnapshots((query) => snapshot(index, query));
