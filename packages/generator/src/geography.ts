import { type DistrictCode, type DistrictGazetteer, type ProvinceCode, provinces } from "@coop-ledger/domain";

/**
 * A district of the 2008-08-01 gazetteer: code and short name (without "Huyện", "Thị xã"...). When the
 * generator runs without a district gazetteer, each province has one stand-in "district" with no code,
 * named after the province, so co-op names and issuers still read naturally.
 */
export interface GenDistrict {
  readonly code: DistrictCode | undefined;
  readonly name: string;
}

/** A province of the 2008-08-01 gazetteer as the generator sees it, with the 2025 province it went into. */
export interface GenProvince {
  readonly code: ProvinceCode;
  readonly name: string;
  /** The districts in GSO file order; one code-less stand-in when no gazetteer was supplied. */
  readonly districts: ReadonlyArray<GenDistrict>;
  /** The 2025-07-01 province (Resolution 202/2025/QH15) this province went into, whole. */
  readonly successorCode: ProvinceCode;
  readonly successorName: string;
}

// The generator has always used short names in co-op names and issuers ("Phòng Tài chính – Kế hoạch Phan
// Thiết", not "... Thành phố Phan Thiết"): strip the administrative prefix, exactly as before.
const shortName = (name: string): string => name.replace(/^(Thành phố|Tỉnh|Huyện|Thị xã|Quận)\s+/u, "");

const successors = new Map<string, readonly [ProvinceCode, string]>();
for (const p of provinces("2025-07-01")) {
  for (const old of p.mergedFrom) successors.set(old, [p.code, shortName(p.name)]);
}

const cache = new WeakMap<DistrictGazetteer, ReadonlyArray<GenProvince>>();
let withoutDistricts: ReadonlyArray<GenProvince> | undefined;

const build = (gazetteer: DistrictGazetteer | undefined): ReadonlyArray<GenProvince> =>
  // Province facts are typed into the domain (in code order, which is the GSO file order); districts
  // come from the caller's gazetteer, in file order, so the generator's draws are the same as ever.
  provinces("2008-08-01").map((p) => {
    const name = shortName(p.name);
    const [successorCode, successorName] = successors.get(p.code) ?? [p.code, name];
    const listed = gazetteer?.districtsOf(p.code) ?? [];
    const districts: ReadonlyArray<GenDistrict> =
      listed.length > 0
        ? listed.map((d) => ({ code: d.code, name: shortName(d.name) }))
        : [{ code: undefined, name }];
    return { code: p.code, name, districts, successorCode, successorName };
  });

/**
 * The 63 provinces of the 2008-08-01 gazetteer with districts (from `gazetteer`, read by the caller with
 * the domain's `parseDistrictGazetteer`) and their 2025 successors. Without a gazetteer each province has
 * one code-less stand-in district, so generated locations carry no district code.
 *
 * @example genProvinces(gazetteer).find((p) => p.code === "60")?.successorCode // "68" (Bình Thuận → Lâm Đồng)
 */
export const genProvinces = (gazetteer?: DistrictGazetteer): ReadonlyArray<GenProvince> => {
  if (gazetteer === undefined) {
    withoutDistricts ??= build(undefined);
    return withoutDistricts;
  }
  const hit = cache.get(gazetteer);
  if (hit !== undefined) return hit;
  const built = build(gazetteer);
  cache.set(gazetteer, built);
  return built;
};

/**
 * The generator's province by its 2008 code, or `undefined`.
 * @example genProvince("60")?.name // "Bình Thuận"
 */
export const genProvince = (code: string, gazetteer?: DistrictGazetteer): GenProvince | undefined =>
  genProvinces(gazetteer).find((p) => p.code === code);
