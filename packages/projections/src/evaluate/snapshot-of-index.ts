import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { indexReader } from "../bitemporal-index/index-reader.js";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";
import { resolveQuery } from "./resolve-query.js";
import { type Snapshot, snapshotFrom } from "./snapshot.js";

/**
 * Every indicator at a point in time, answered from the index without re-folding the history:
 * `validAt` any date (before the first event, between events, after the last), `knownAt` any instant
 * (what was recorded by then, retractions included), in a scope and a geography.
 *
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * // Today's Lâm Đồng (68: old 60 + 67 + 68) as known on 15/01/2023, in the 2025 geography.
 * const s = snapshot(index, { validAt: "2022-12-31", knownAt: "2023-01-15T23:59:59.999Z", scope: { province: "68" }, geography: "2025-07-01" });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * console.log(indicatorValue(s.right, "coops.active")?.value); // 128: the co-ops of old Bình Thuận, the only province generated
 */
export const snapshot = (index: ProjectionIndex, query: QueryInput): E.Either<ProjectionError, Snapshot> =>
  pipe(
    resolveQuery(query),
    E.chain((q) => snapshotFrom(q, indexReader(index, q))),
  );
