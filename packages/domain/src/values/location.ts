import * as t from "io-ts";
import { literals, struct } from "./codec-helpers.js";
import type { BusinessDate } from "./time.js";

/** Brand of {@link ProvinceCode}. */
export interface ProvinceCodeBrand {
  readonly ProvinceCode: unique symbol;
}

/** Brand of {@link DistrictCode}. */
export interface DistrictCodeBrand {
  readonly DistrictCode: unique symbol;
}

/** Brand of {@link CommuneCode}. */
export interface CommuneCodeBrand {
  readonly CommuneCode: unique symbol;
}

/** Brand of {@link Location}. */
export interface LocationBrand {
  readonly Location: unique symbol;
}

/**
 * A version of Vietnam's administrative-unit list (gazetteer), named by the day it took effect:
 * - `2008-08-01`: 63 provinces with districts (the list as recorded on 2025-03-01), until 2025-06-30;
 * - `2025-07-01`: 34 provinces, no districts (Resolution 202/2025/QH15).
 * A code is meaningful only together with its version: codes were reused with new meanings in 2025.
 *
 * @example GazetteerVersion.decode("2025-07-01") // Right
 */
export const GazetteerVersion = literals(["2008-08-01", "2025-07-01"], "GazetteerVersion");
/** @see GazetteerVersion */
export type GazetteerVersion = t.TypeOf<typeof GazetteerVersion>;

/**
 * The first day of the 34-province gazetteer.
 * @example
 * gazetteerOn(GAZETTEER_2025_EFFECTIVE) // "2025-07-01"
 */
export const GAZETTEER_2025_EFFECTIVE = "2025-07-01" as BusinessDate;

/**
 * The gazetteer version in force on a date.
 * @example gazetteerOn("2025-06-30" as BusinessDate) // "2008-08-01"
 */
export const gazetteerOn = (date: BusinessDate): GazetteerVersion =>
  date < GAZETTEER_2025_EFFECTIVE ? "2008-08-01" : "2025-07-01";

/**
 * A province code (mã tỉnh) of the GSO: two digits.
 * @example
 * E.isRight(ProvinceCode.decode("60")) // true
 */
export const ProvinceCode = t.brand(
  t.string,
  (s): s is t.Branded<string, ProvinceCodeBrand> => /^\d{2}$/.test(s),
  "ProvinceCode",
);
/** @see ProvinceCode */
export type ProvinceCode = t.TypeOf<typeof ProvinceCode>;

/**
 * A district code (mã huyện) of the GSO: three digits.
 * @example
 * E.isRight(DistrictCode.decode("593")) // true
 */
export const DistrictCode = t.brand(
  t.string,
  (s): s is t.Branded<string, DistrictCodeBrand> => /^\d{3}$/.test(s),
  "DistrictCode",
);
/** @see DistrictCode */
export type DistrictCode = t.TypeOf<typeof DistrictCode>;

/**
 * A commune code (mã xã) of the GSO: five digits.
 * @example
 * E.isRight(CommuneCode.decode("22918")) // true
 */
export const CommuneCode = t.brand(
  t.string,
  (s): s is t.Branded<string, CommuneCodeBrand> => /^\d{5}$/.test(s),
  "CommuneCode",
);
/** @see CommuneCode */
export type CommuneCode = t.TypeOf<typeof CommuneCode>;

const LocationShape = struct(
  { gazetteer: GazetteerVersion, provinceCode: ProvinceCode },
  { districtCode: DistrictCode, communeCode: CommuneCode },
  "LocationShape",
);

/**
 * An address at province / district / commune level, tagged with the gazetteer version its codes
 * belong to. A district is only allowed in a gazetteer that has districts (`2008-08-01`). Whether the
 * codes exist in that gazetteer is checked by the decider (provinces always; districts and communes
 * against the unit lists it is given, `GeographyData`), not here.
 *
 * @example Location.decode({ gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" }) // Right
 * @example Location.decode({ gazetteer: "2025-07-01", provinceCode: "68", districtCode: "593" }) // Left
 */
export const Location = t.brand(
  LocationShape,
  (l): l is t.Branded<t.TypeOf<typeof LocationShape>, LocationBrand> =>
    l.gazetteer === "2008-08-01" || l.districtCode === undefined,
  "Location",
);
/** @see Location */
export type Location = t.TypeOf<typeof Location>;
