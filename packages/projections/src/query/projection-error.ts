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
 * @example match(err).with({ _tag: "DistrictsNotInGazetteer" }, (e) => e.message).otherwise(() => "")
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
