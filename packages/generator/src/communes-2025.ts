import { communeGazetteer, communeTransfers, shippedCommuneOrigins } from "@coop-ledger/domain";

let byDistrict: Map<string, string[]> | undefined;

/**
 * The 2025-07-01 communes formed (wholly or partly) from communes of an old (2008) district and counted
 * in that district's old province by the transfer table (no split communes), in code order; from the
 * gazetteer shipped with `@coop-ledger/domain`. Empty for an unknown district.
 *
 * @example communesFromDistrict("593").length > 0 // true: Phan Thiết's communes went into new communes of Lâm Đồng
 */
export const communesFromDistrict = (districtCode: string): ReadonlyArray<string> => {
  if (byDistrict === undefined) {
    const old = communeGazetteer();
    const built = new Map<string, Set<string>>();
    for (const t of communeTransfers().transfers) {
      const district = t.oldLevel === "district" ? t.oldCode : old.commune(t.oldCode)?.districtCode;
      const province = t.oldLevel === "district" ? undefined : old.commune(t.oldCode)?.provinceCode;
      const origin = shippedCommuneOrigins(t.newCommuneCode);
      if (district === undefined || origin === undefined || origin.split) continue;
      if (province !== undefined && origin.province !== province) continue;
      const set = built.get(district) ?? new Set<string>();
      set.add(t.newCommuneCode);
      built.set(district, set);
    }
    byDistrict = new Map([...built].map(([d, s]) => [d, [...s].sort()]));
  }
  return byDistrict.get(districtCode) ?? [];
};

/**
 * A 2025 commune for a co-op of an old district, chosen by a hash of its id (no random draw, so the
 * rest of a generated ledger is unchanged by the choice); `undefined` when the district has none.
 *
 * @example communeFor("htx-60-000001", "593") // one of communesFromDistrict("593")
 */
export const communeFor = (id: string, districtCode: string | undefined): string | undefined => {
  if (districtCode === undefined) return undefined;
  const list = communesFromDistrict(districtCode);
  if (list.length === 0) return undefined;
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return list[(h >>> 0) % list.length];
};
