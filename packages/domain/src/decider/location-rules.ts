import { isProvince } from "../geography/provinces.js";
import type { GazetteerVersion, Location } from "../values/location.js";
import { gazetteerOn } from "../values/location.js";
import type { BusinessDate } from "../values/time.js";
import { type Check, fail, ok, type RuleContext } from "./rule-context.js";

/**
 * A province reference must use the gazetteer in force on the effective date (2008-08-01 before
 * 2025-07-01, then 2025-07-01: Resolution 202/2025/QH15) and a province code of that gazetteer.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "FoundCoop" } as const;
 * const r = checkProvinceRef(ctx, "location", "2008-08-01", "60", "2025-08-01" as BusinessDate);
 * E.isLeft(r) && r.left._tag // "WrongGazetteer"
 */
export const checkProvinceRef = (
  ctx: RuleContext,
  field: string,
  gazetteer: GazetteerVersion,
  provinceCode: string,
  effectiveDate: BusinessDate,
): Check => {
  const expected = gazetteerOn(effectiveDate);
  if (gazetteer !== expected) {
    return fail(
      ctx,
      "WrongGazetteer",
      { field, gazetteer, expected, effectiveDate },
      `${field} uses gazetteer ${gazetteer}, but on ${effectiveDate} the gazetteer in force is ${expected} (a location must use the units in force on its effective date; Resolution 202/2025/QH15)`,
    );
  }
  if (!isProvince(gazetteer, provinceCode)) {
    return fail(
      ctx,
      "UnknownProvince",
      { field, gazetteer, provinceCode },
      `${field}: province code ${provinceCode} does not exist in gazetteer ${gazetteer}`,
    );
  }
  return ok;
};

/**
 * A location: gazetteer in force and a known province; its district and commune when the unit lists
 * are supplied (districts exist only in 2008-08-01; the `Location` codec already refuses one in 2025).
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "FoundCoop" } as const;
 * const loc = Location.decode({ gazetteer: "2025-07-01", provinceCode: "68" });
 * E.isRight(loc) && checkLocation(ctx, "location", loc.right, "2025-08-01" as BusinessDate)._tag // "Right" (68 Lâm Đồng)
 */
export const checkLocation = (
  ctx: RuleContext,
  field: string,
  location: Location,
  effectiveDate: BusinessDate,
): Check => {
  const province = checkProvinceRef(ctx, field, location.gazetteer, location.provinceCode, effectiveDate);
  if (province._tag === "Left") return province;
  const { districts, communes, communeTransfers } = ctx.geography ?? {};
  const { provinceCode, districtCode, communeCode } = location;
  if (location.gazetteer === "2008-08-01") {
    if (
      districtCode !== undefined &&
      districts !== undefined &&
      !districts.hasDistrict(provinceCode, districtCode)
    ) {
      return fail(
        ctx,
        "UnknownDistrict",
        { field, provinceCode, districtCode },
        `${field}: district ${districtCode} is not a district of province ${provinceCode} in gazetteer 2008-08-01`,
      );
    }
    if (
      communeCode !== undefined &&
      communes !== undefined &&
      !communes.hasCommune(provinceCode, communeCode, districtCode)
    ) {
      return fail(
        ctx,
        "UnknownCommune",
        { field, gazetteer: location.gazetteer, provinceCode, communeCode },
        `${field}: commune ${communeCode} is not a commune of province ${provinceCode}${districtCode === undefined ? "" : `, district ${districtCode}`} in gazetteer 2008-08-01`,
      );
    }
  } else if (
    communeCode !== undefined &&
    communeTransfers !== undefined &&
    !communeTransfers.hasCommune(provinceCode, communeCode)
  ) {
    return fail(
      ctx,
      "UnknownCommune",
      { field, gazetteer: location.gazetteer, provinceCode, communeCode },
      `${field}: commune ${communeCode} is not a commune of province ${provinceCode} in gazetteer 2025-07-01`,
    );
  }
  return ok;
};
