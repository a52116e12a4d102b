import {
  type DistrictCode,
  type DistrictGazetteer,
  districtGazetteer,
  type ProvinceCode,
  provinces,
} from "@coop-ledger/domain";

/**
 * A district of the 2008-08-01 gazetteer: code and short name (without "Huyện", "Thị xã"...). A province
 * with no district in the gazetteer given has one stand-in "district" with no code, named after the
 * province, so co-op names and issuers still read naturally.
 */
export interface GenDistrict {
  readonly code: DistrictCode | undefined;
  readonly name: string;
}

/** A province of the 2008-08-01 gazetteer as the generator sees it, with the 2025 province it went into. */
export interface GenProvince {
  readonly code: ProvinceCode;
  readonly name: string;
  /** The districts in GSO file order; one code-less stand-in when the gazetteer lists none. */
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

const build = (gazetteer: DistrictGazetteer): ReadonlyArray<GenProvince> =>
  // Province facts are typed into the domain (in code order, which is the GSO file order); districts
  // come from the gazetteer (by default the one shipped with the domain package), in file order, so the
  // generator's draws are the same as ever.
  provinces("2008-08-01").map((p) => {
    const name = shortName(p.name);
    const [successorCode, successorName] = successors.get(p.code) ?? [p.code, name];
    const listed = gazetteer.districtsOf(p.code);
    const districts: ReadonlyArray<GenDistrict> =
      listed.length > 0
        ? listed.map((d) => ({ code: d.code, name: shortName(d.name) }))
        : [{ code: undefined, name }];
    return { code: p.code, name, districts, successorCode, successorName };
  });

/**
 * The 63 provinces of the 2008-08-01 gazetteer with their districts and 2025 successors. Districts come
 * from `gazetteer`, by default the GSO list shipped with `@coop-ledger/domain` (`districtGazetteer()`),
 * so an installed package generates the same bytes as the repository.
 *
 * @example genProvinces().find((p) => p.code === "60")?.successorCode // "68" (Bình Thuận → Lâm Đồng)
 */
export const genProvinces = (
  gazetteer: DistrictGazetteer = districtGazetteer(),
): ReadonlyArray<GenProvince> => {
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
