import type { GazetteerVersion } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import type { ResolvedScope } from "../model/cells.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { Geography } from "../query/projection-query.js";
import { evaluateIndicator } from "./evaluate-indicators.js";
import type { Figure } from "./figure.js";
import type { ResolvedOptions, ResolvedQuery } from "./resolve-query.js";
import type { SeriesReader } from "./series-reader.js";

/**
 * Every requested indicator at one point in time (valid date × knowledge instant), in one scope and
 * geography, with the options used (defaults filled in) so that the figure can be reproduced.
 *
 * @example indicatorValue(snapshot, "coops.active")?.value // 234
 */
export interface Snapshot {
  readonly validAt: string;
  readonly knownAt: string | undefined;
  readonly geography: Geography;
  /** The gazetteer the provinces are reported in (as of `validAt`, or the chosen version). */
  readonly reportIn: GazetteerVersion;
  readonly scope: ResolvedScope;
  readonly options: ResolvedOptions;
  readonly figures: ReadonlyArray<Figure>;
}

/**
 * The figure of one indicator in a snapshot (`undefined` if it was not asked for).
 * @example indicatorValue(snapshot, "rating.fairOrGoodShare")?.numerator
 */
export const indicatorValue = (snapshot: Snapshot, id: IndicatorId): Figure | undefined =>
  snapshot.figures.find((f) => f.id === id);

/**
 * Assembles a snapshot from a series reader (index or replay).
 * @example snapshotFrom(resolved, reader)
 */
export const snapshotFrom = (q: ResolvedQuery, reader: SeriesReader): E.Either<ProjectionError, Snapshot> => {
  const figures: Figure[] = [];
  for (const id of q.indicators) {
    const f = evaluateIndicator(id, q, reader);
    if (E.isLeft(f)) return f;
    figures.push(f.right);
  }
  return E.right({
    validAt: q.validAt,
    knownAt: q.knownAt,
    geography: q.geography,
    reportIn: q.reportIn,
    scope: q.scope,
    options: q.options,
    figures,
  });
};
