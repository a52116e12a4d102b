import type { GazetteerVersion } from "@coop-ledger/domain";

/**
 * Why a projection query cannot be answered; a tagged union, matched exhaustively by callers:
 * - `InvalidQuery`: the query does not satisfy `ProjectionQuery` (projection-query.ts) (`problems` name each field);
 * - `DistrictsNotInGazetteer`: a district scope was asked in a geography without districts (the
 *   34-province gazetteer of 2025-07-01 abolished them);
 * - `UnknownProvince`: the scope's province is not a province of the reporting geography;
 * - `UnknownIndicator`: an indicator id that is not in the catalogue;
 * - `ArithmeticOverflow`: a sum left the range of exact (safe) integers.
 *
 * @example
 * // Districts were abolished on 2025-07-01: a district scope in the 2025 geography cannot be answered.
 * const r = snapshot(buildIndex([]), { validAt: "2025-12-31", scope: { district: "593" }, geography: "2025-07-01" });
 * if (E.isLeft(r)) {
 *   const err: ProjectionError = r.left;
 *   console.log(
 *     match(err)
 *       .with({ _tag: "DistrictsNotInGazetteer" }, (e) => `no districts in the ${e.gazetteer} gazetteer`)
 *       .with({ _tag: "InvalidQuery" }, (e) => e.problems.join("; "))
 *       .with({ _tag: "UnknownProvince" }, { _tag: "UnknownIndicator" }, { _tag: "ArithmeticOverflow" }, (e) => e.message)
 *       .exhaustive(),
 *   ); // "no districts in the 2025-07-01 gazetteer"
 * }
 */
export type ProjectionError =
  | { readonly _tag: "InvalidQuery"; readonly problems: ReadonlyArray<string>; readonly message: string }
  | {
      readonly _tag: "DistrictsNotInGazetteer";
      readonly gazetteer: GazetteerVersion;
      readonly message: string;
    }
  | {
      readonly _tag: "UnknownProvince";
      readonly province: string;
      readonly gazetteer: GazetteerVersion;
      readonly message: string;
    }
  | { readonly _tag: "UnknownIndicator"; readonly id: string; readonly message: string }
  | { readonly _tag: "ArithmeticOverflow"; readonly indicator: string; readonly message: string };
