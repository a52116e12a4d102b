import type { DistrictCode, ProvinceCode } from "@coop-ledger/domain";
import { PROVINCE_ROWS_2008, PROVINCE_ROWS_2025 } from "./geography-data.js";

/** A district of the 2008-08-01 gazetteer: code and short name (without "Huyện", "Thị xã"...). */
export interface GenDistrict {
  readonly code: DistrictCode;
  readonly name: string;
}

/** A province of the 2008-08-01 gazetteer as the generator sees it, with the 2025 province it went into. */
export interface GenProvince {
  readonly code: ProvinceCode;
  readonly name: string;
  readonly districts: ReadonlyArray<GenDistrict>;
  /** The 2025-07-01 province (Resolution 202/2025/QH15) this province went into, whole. */
  readonly successorCode: ProvinceCode;
  readonly successorName: string;
}

const successors = new Map<string, readonly [string, string]>();
for (const [code, name, mergedFrom] of PROVINCE_ROWS_2025) {
  for (const old of mergedFrom) successors.set(old, [code, name]);
}

/**
 * The 63 provinces of the 2008-08-01 gazetteer with districts and 2025 successors, from the GSO lists.
 * @example GEN_PROVINCES.find((p) => p.code === "60")?.successorCode // "68" (Bình Thuận → Lâm Đồng)
 */
export const GEN_PROVINCES: ReadonlyArray<GenProvince> = PROVINCE_ROWS_2008.map(([code, name, districts]) => {
  const [successorCode, successorName] = successors.get(code) ?? [code, name];
  return {
    code: code as ProvinceCode,
    name,
    districts: districts.split("|").map((d) => {
      const [c, n] = d.split(":");
      return { code: c as DistrictCode, name: n ?? "" };
    }),
    successorCode: successorCode as ProvinceCode,
    successorName,
  };
});

/**
 * The generator's province by its 2008 code, or `undefined`.
 * @example genProvince("60")?.name // "Bình Thuận"
 */
export const genProvince = (code: string): GenProvince | undefined =>
  GEN_PROVINCES.find((p) => p.code === code);
