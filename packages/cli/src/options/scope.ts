import {
  type CoopForm,
  type DistrictCode,
  DistrictCode as DistrictCodeCodec,
  districtGazetteer,
  type GazetteerVersion,
  GazetteerVersion as GazetteerVersionCodec,
  type ProvinceCode,
  ProvinceCode as ProvinceCodeCodec,
  type Sector,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";

/**
 * Which slice of the ledger a query covers, as typed on the command line. `geography` is how provinces
 * are reported: `as-of` (as they were on the valid date) or re-mapped to a gazetteer version.
 *
 * @example const s: CliScope = { province: "60" as ProvinceCode, geography: "as-of" };
 */
export interface CliScope {
  readonly province?: ProvinceCode;
  readonly district?: DistrictCode;
  readonly sector?: Sector;
  readonly form?: CoopForm;
  readonly geography: "as-of" | GazetteerVersion;
}

/** The raw scope options as commander hands them over. */
export interface RawScopeOptions {
  readonly province?: string;
  readonly district?: string;
  readonly sector?: string;
  readonly form?: string;
  readonly geography?: string;
}

/**
 * Checks the scope options: codes' shapes (a usage error, exit 2) and a district's existence in the
 * shipped gazetteer, and its province when both are given (a query error, exit 5, like an unknown
 * province); whether a province exists in the reporting geography is the engine's question.
 * @example parseScope({ province: "60" }) // Right({ province: "60", geography: "as-of" })
 * @example parseScope({ district: "999" }) // Left(QueryError "--district 999: no such district …")
 */
export const parseScope = (raw: RawScopeOptions): E.Either<CliError, CliScope> => {
  if (raw.province !== undefined && !ProvinceCodeCodec.is(raw.province))
    return E.left(
      usage(`--province: not a province code: ${JSON.stringify(raw.province)}`, "use two digits, e.g. 60"),
    );
  if (raw.district !== undefined && !DistrictCodeCodec.is(raw.district))
    return E.left(
      usage(`--district: not a district code: ${JSON.stringify(raw.district)}`, "use three digits, e.g. 593"),
    );
  if (raw.district !== undefined) {
    // Whether the district exists is answered here, from the gazetteer shipped in the domain: an
    // unknown code would otherwise select nothing and print zeros as if they were figures.
    const gazetteer = districtGazetteer();
    const home = gazetteer.provinceOfDistrict(raw.district);
    if (home === undefined)
      return E.left(
        queryError(
          `--district ${raw.district}: no such district in the ${gazetteer.gazetteer} gazetteer (${gazetteer.districts.length} districts, as recorded on ${gazetteer.asRecordedOn ?? "its list's date"})`,
          "district codes are three digits from the GSO list (mã huyện), e.g. 593 = Thành phố Phan Thiết (Bình Thuận)",
        ),
      );
    if (raw.province !== undefined && raw.province !== home)
      return E.left(
        queryError(
          `--district ${raw.district} (${gazetteer.districtName(raw.district) ?? raw.district}) is in province ${home}, not in --province ${raw.province}`,
          `drop --province, or give --province ${home}`,
        ),
      );
  }
  const geography = raw.geography ?? "as-of";
  if (geography !== "as-of" && !GazetteerVersionCodec.is(geography))
    return E.left(
      usage(`--geography: ${geography}`, `use as-of or ${GazetteerVersionCodec.values.join(", ")}`),
    );
  return E.right({
    ...(raw.province !== undefined ? { province: raw.province as ProvinceCode } : {}),
    ...(raw.district !== undefined ? { district: raw.district as DistrictCode } : {}),
    ...(raw.sector !== undefined ? { sector: raw.sector as Sector } : {}),
    ...(raw.form !== undefined ? { form: raw.form as CoopForm } : {}),
    geography,
  });
};

/**
 * Describes a scope for the notes under a table.
 * @example describeScope({ geography: "as-of" }) // "whole ledger, provinces as of the valid date"
 */
export const describeScope = (s: CliScope): string => {
  const parts = [
    s.province !== undefined ? `province ${s.province}` : undefined,
    s.district !== undefined ? `district ${s.district}` : undefined,
    s.sector !== undefined ? `sector ${s.sector}` : undefined,
    s.form !== undefined ? `form ${s.form}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const geo =
    s.geography === "as-of"
      ? "provinces as of the valid date"
      : `provinces re-mapped to the ${s.geography} gazetteer`;
  return `${parts.length > 0 ? parts.join(", ") : "whole ledger"}, ${geo}`;
};
