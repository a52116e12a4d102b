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
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const s = snapshot(index, { validAt: "2022-12-31" });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * const snap: Snapshot = s.right;
 * console.log(snap.figures.length === INDICATORS.length, indicatorValue(snap, "coops.active")?.value); // true, the count
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
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const s = snapshot(index, { validAt: "2022-12-31", indicators: ["members.averagePerCoop"] });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * const average = indicatorValue(s.right, "members.averagePerCoop");
 * console.log(average?.numerator, average?.denominator, average?.value); // 5840 128 45.625: members ÷ active co-ops, exact
 * console.log(indicatorValue(s.right, "coops.active")); // undefined: not asked for
 */
export const indicatorValue = (snapshot: Snapshot, id: IndicatorId): Figure | undefined =>
  snapshot.figures.find((f) => f.id === id);

/**
 * Assembles a snapshot from a series reader (index or replay).
 * @example
 * import { groupByStream, replayReader } from "../src/replay/replay.js";
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const q = resolveQuery({ validAt: "2022-12-31" });
 * if (E.isLeft(q)) throw new Error(q.left.message);
 * // The replay's reader (a plain fold of each stream); the index gives its own reader to the same function.
 * const s = snapshotFrom(q.right, replayReader([...groupByStream(events).values()], q.right));
 * console.log(E.isRight(s) && s.right.validAt); // "2022-12-31"
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
