import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { formatValidationErrors } from "../events/decode-error.js";
import { DistrictCode, ProvinceCode } from "../values/location.js";
import type { BusinessDate } from "../values/time.js";
import { BusinessDate as BusinessDateCodec } from "../values/time.js";
import type { GeoParseError } from "./geo-parse-error.js";
import { isProvince, type Province2008Code } from "./provinces.js";

/**
 * The kind of a district-level unit (đơn vị hành chính cấp huyện): urban district (quận), rural
 * district (huyện), town (thị xã), provincial city (thành phố thuộc tỉnh).
 * @example DISTRICT_KINDS["Thị xã"] // "town"
 */
export const DISTRICT_KINDS = {
  Quận: "urbanDistrict",
  Huyện: "ruralDistrict",
  "Thị xã": "town",
  "Thành phố": "city",
} as const;
/** @see DISTRICT_KINDS */
export type DistrictKind = (typeof DISTRICT_KINDS)[keyof typeof DISTRICT_KINDS];

/** A district of the `2008-08-01` gazetteer (there are no districts from 2025-07-01). */
export interface District {
  readonly code: DistrictCode;
  readonly name: string;
  readonly kind: DistrictKind;
  readonly provinceCode: Province2008Code;
}

/**
 * The districts of the 63-province gazetteer `2008-08-01`, read from the GSO list by
 * {@link parseDistrictGazetteer}. District codes are unique nationally, so a district code alone finds
 * its province; `hasDistrict` checks the pair, as a location carries both.
 *
 * @example
 * import { type DistrictGazetteer, districtGazetteer } from "@coop-ledger/domain";
 * const g: DistrictGazetteer = districtGazetteer(); // the 2008-08-01 districts shipped with the package
 * console.log(g.hasDistrict("60", "593"), g.districtName("593")); // true "Thành phố Phan Thiết" (in Bình Thuận)
 */
export interface DistrictGazetteer {
  readonly gazetteer: "2008-08-01";
  /** The day the list was taken (the file's `asRecordedOn`), if it says. */
  readonly asRecordedOn: BusinessDate | undefined;
  /** Every district, in file order (province code order in the GSO list). */
  readonly districts: ReadonlyArray<District>;
  /** Whether `districtCode` is a district of province `provinceCode`. */
  readonly hasDistrict: (provinceCode: string, districtCode: string) => boolean;
  /** The districts of a province (empty for an unknown province). */
  readonly districtsOf: (provinceCode: string) => ReadonlyArray<District>;
  /** The district with a code, if any. */
  readonly district: (districtCode: string) => District | undefined;
  /** The Vietnamese name of a district, if the code exists. */
  readonly districtName: (districtCode: string) => string | undefined;
  /** The province a district belongs to, if the code exists. */
  readonly provinceOfDistrict: (districtCode: string) => Province2008Code | undefined;
}

const DistrictJson = t.type({
  code: DistrictCode,
  name: t.string,
  type: t.keyof(
    Object.fromEntries(Object.keys(DISTRICT_KINDS).map((k) => [k, null])) as {
      [K in keyof typeof DISTRICT_KINDS]: null;
    },
  ),
});
const GazetteerJson = t.intersection([
  t.type({
    provinces: t.array(t.type({ code: ProvinceCode, name: t.string, districts: t.array(DistrictJson) })),
  }),
  t.partial({ asRecordedOn: BusinessDateCodec }),
]);

const parseJson = (text: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch (e) {
    return E.left(e instanceof Error ? e.message : String(e));
  }
};

/**
 * Parses the district gazetteer file (`gazetteer-2025-03-01-provinces-districts.json`: 63 provinces and
 * their districts, valid up to 2025-06-30). Pure: the caller reads the file. Checks every province code
 * is in the typed-in 63-province list and no district code repeats.
 *
 * @example
 * import { parseDistrictGazetteer } from "@coop-ledger/domain";
 * const json = JSON.stringify({
 *   asRecordedOn: "2025-03-01",
 *   provinces: [{ code: "60", name: "Bình Thuận", districts: [{ code: "593", name: "Thành phố Phan Thiết", type: "Thành phố" }] }],
 * });
 * const g = parseDistrictGazetteer(json);
 * if (g._tag === "Right") console.log(g.right.districtsOf("60").map((d) => d.kind), g.right.asRecordedOn); // ["city"] "2025-03-01"
 * const bad = parseDistrictGazetteer('{"provinces": [{ "code": "99", "name": "?", "districts": [] }]}');
 * if (bad._tag === "Left") console.log(bad.left._tag); // "UnknownProvince" (not one of the 63)
 */
export const parseDistrictGazetteer = (jsonText: string): E.Either<GeoParseError, DistrictGazetteer> => {
  const json = parseJson(jsonText);
  if (E.isLeft(json)) {
    return E.left({
      _tag: "InvalidJson",
      file: "districtGazetteer",
      message: `district gazetteer is not JSON: ${json.left}`,
    });
  }
  const decoded = GazetteerJson.decode(json.right);
  if (E.isLeft(decoded)) {
    const problems = formatValidationErrors(decoded.left);
    return E.left({
      _tag: "InvalidShape",
      file: "districtGazetteer",
      problems,
      message: `district gazetteer has the wrong shape: ${problems.slice(0, 5).join("; ")}`,
    });
  }
  const districts: District[] = [];
  const byCode = new Map<string, District>();
  const byProvince = new Map<string, District[]>();
  for (const p of decoded.right.provinces) {
    if (!isProvince("2008-08-01", p.code)) {
      return E.left({
        _tag: "UnknownProvince",
        file: "districtGazetteer",
        code: p.code,
        message: `district gazetteer lists province ${p.code}, which is not in the 63-province gazetteer 2008-08-01`,
      });
    }
    const list = byProvince.get(p.code) ?? [];
    byProvince.set(p.code, list);
    for (const d of p.districts) {
      if (byCode.has(d.code)) {
        return E.left({
          _tag: "DuplicateCode",
          file: "districtGazetteer",
          code: d.code,
          message: `district gazetteer lists district ${d.code} twice`,
        });
      }
      const district: District = Object.freeze({
        code: d.code,
        name: d.name,
        kind: DISTRICT_KINDS[d.type],
        provinceCode: p.code,
      });
      districts.push(district);
      byCode.set(d.code, district);
      list.push(district);
    }
  }
  return E.right(districtGazetteerOf(districts, decoded.right.asRecordedOn));
};

/**
 * The {@link DistrictGazetteer} lookups over a list of districts already checked (codes unique, provinces
 * of the 63-province list): what {@link parseDistrictGazetteer} returns, and what the shipped gazetteer
 * (`districtGazetteer()`) is built with.
 *
 * @example
 * import { type DistrictCode, districtGazetteerOf, type Province2008Code } from "@coop-ledger/domain";
 * const g = districtGazetteerOf([{ code: "593" as DistrictCode, name: "Thành phố Phan Thiết", kind: "city", provinceCode: "60" as Province2008Code }], undefined);
 * console.log(g.hasDistrict("60", "593"), g.hasDistrict("01", "593")); // true false
 */
export const districtGazetteerOf = (
  districts: ReadonlyArray<District>,
  asRecordedOn: BusinessDate | undefined,
): DistrictGazetteer => {
  const byCode = new Map<string, District>();
  const byProvince = new Map<string, District[]>();
  for (const d of districts) {
    byCode.set(d.code, d);
    const list = byProvince.get(d.provinceCode);
    if (list === undefined) byProvince.set(d.provinceCode, [d]);
    else list.push(d);
  }
  return Object.freeze({
    gazetteer: "2008-08-01" as const,
    asRecordedOn,
    districts,
    hasDistrict: (provinceCode: string, districtCode: string) =>
      byCode.get(districtCode)?.provinceCode === provinceCode,
    districtsOf: (provinceCode: string) => byProvince.get(provinceCode) ?? [],
    district: (districtCode: string) => byCode.get(districtCode),
    districtName: (districtCode: string) => byCode.get(districtCode)?.name,
    provinceOfDistrict: (districtCode: string) => byCode.get(districtCode)?.provinceCode,
  });
};
