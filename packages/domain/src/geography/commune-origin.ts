import type { CommuneTransfer } from "./commune-transfers.js";
import { isProvince, type Province2008Code, predecessorProvinces } from "./provinces.js";

/**
 * Where a commune of the 2025-07-01 gazetteer comes from, at province level: the old (2008-08-01)
 * province it is counted in when figures are reported in the old geography, and every old province
 * that contributed to it.
 *
 * All but 8 of the 3,321 new communes were formed from communes of a single old province (`split:
 * false`). For those 8 (`split: true`) the whole commune is counted in one old province, chosen by
 * {@link splitCommuneRule}; figures that include one carry a note (see docs/concepts.md, "Old provinces
 * after 2025-07-01").
 *
 * @example
 * import { type CommuneOrigin, communeGazetteer, communeOriginsOf, communeTransfers, districtGazetteer } from "@coop-ledger/domain";
 * const origins = communeOriginsOf(communeTransfers(), (code, level) =>
 *   level === "commune" ? communeGazetteer().commune(code)?.provinceCode : districtGazetteer().district(code)?.provinceCode,
 * );
 * // Phường Mũi Né (2025, province 68) was formed from three communes of Bình Thuận (60).
 * const origin: CommuneOrigin | undefined = origins("22918");
 * console.log(origin); // { province: "60", split: false, from: ["60"] }
 */
export interface CommuneOrigin {
  readonly province: Province2008Code;
  readonly split: boolean;
  /** The old provinces with at least one old commune (or island district) in the new commune, in code order. */
  readonly from: ReadonlyArray<Province2008Code>;
}

/**
 * The data-access seam for the 2025 commune transfer table: the origin of a 2025 commune code, or
 * `undefined` for a code that is not a commune of the 2025-07-01 gazetteer. The projections take it
 * as a parameter; {@link noCommuneOrigins} is the lookup that knows no commune.
 *
 * @example
 * import type { CommuneOrigins, Province2008Code } from "@coop-ledger/domain";
 * // A hand-made lookup (tests, or a province's own table): one 2025 commune, formed within province 60.
 * const origins: CommuneOrigins = (code) => (code === "22918" ? { province: "60" as Province2008Code, split: false, from: ["60" as Province2008Code] } : undefined);
 * console.log(origins("22918")?.province, origins("00001")); // "60" undefined
 */
export type CommuneOrigins = (newCommuneCode: string) => CommuneOrigin | undefined;

/**
 * A lookup that knows no 2025 commune (figures then fall back to the other rules).
 * @example
 * noCommuneOrigins("22918") // undefined
 */
export const noCommuneOrigins: CommuneOrigins = () => undefined;

/**
 * The rule for a 2025 commune formed from communes of several old provinces: it is counted in the old
 * province that gave it the most whole (`full`) old communes; a tie goes to the province that gave it
 * the most old communes in all, then to the old province of the old commune whose code the new
 * commune kept (GSO letter 1027/CTK-CSCL reuses the code of the seat commune), then to the lowest code.
 * On the 2025-07-01 table this picks, for each of the 8 split communes, the province whose code-seat
 * commune it kept.
 *
 * @example
 * import { type Province2008Code, splitCommuneRule } from "@coop-ledger/domain";
 * // A 2025 commune formed from part of a commune of province 93 and the whole of one of province 94.
 * const province = splitCommuneRule("31582", [
 *   { province: "93" as Province2008Code, transfer: "partial", oldCode: "31379" },
 *   { province: "94" as Province2008Code, transfer: "full", oldCode: "31576" },
 * ]);
 * console.log(province); // "94" (the province that gave it the most whole communes)
 */
export const splitCommuneRule = (
  newCommuneCode: string,
  parts: ReadonlyArray<{
    readonly province: Province2008Code;
    readonly transfer: "full" | "partial";
    readonly oldCode: string;
  }>,
): Province2008Code | undefined => {
  const score = new Map<Province2008Code, { full: number; all: number; seat: boolean }>();
  for (const p of parts) {
    const s = score.get(p.province) ?? { full: 0, all: 0, seat: false };
    score.set(p.province, {
      full: s.full + (p.transfer === "full" ? 1 : 0),
      all: s.all + 1,
      seat: s.seat || p.oldCode === newCommuneCode,
    });
  }
  let best: Province2008Code | undefined;
  for (const [province, s] of [...score].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (best === undefined) {
      best = province;
      continue;
    }
    const b = score.get(best) as { full: number; all: number; seat: boolean };
    const better = s.full !== b.full ? s.full > b.full : s.all !== b.all ? s.all > b.all : s.seat && !b.seat;
    if (better) best = province;
  }
  return best;
};

/**
 * Builds the {@link CommuneOrigins} lookup from the parsed transfer table and a function giving the old
 * province of an old unit (a 5-digit commune or, for island districts without communes, a 3-digit
 * district). Pure: the caller supplies the data (in the product, the gazetteer shipped with the domain
 * package; in tests, the GSO reference files). Old units whose province is unknown are ignored; an old
 * province not merged into the new commune's province is listed in `from` but never chosen.
 *
 * @example
 * import { communeGazetteer, communeOriginsOf, communeTransfers, districtGazetteer } from "@coop-ledger/domain";
 * const communes = communeGazetteer();
 * const districts = districtGazetteer();
 * const origins = communeOriginsOf(communeTransfers(), (code, level) =>
 *   level === "commune" ? communes.commune(code)?.provinceCode : districts.district(code)?.provinceCode,
 * );
 * console.log(origins("22918")); // { province: "60", split: false, from: ["60"] }
 */
export const communeOriginsOf = (
  transfers: {
    readonly transfers: ReadonlyArray<
      Pick<CommuneTransfer, "newProvinceCode" | "newCommuneCode" | "oldLevel" | "oldCode" | "transfer">
    >;
  },
  oldProvinceOf: (oldCode: string, level: CommuneTransfer["oldLevel"]) => string | undefined,
): CommuneOrigins => {
  const parts = new Map<
    string,
    { province: Province2008Code; transfer: "full" | "partial"; oldCode: string; merged: boolean }[]
  >();
  for (const t of transfers.transfers) {
    const province = oldProvinceOf(t.oldCode, t.oldLevel);
    if (province === undefined || !isProvince("2008-08-01", province)) continue;
    const list = parts.get(t.newCommuneCode) ?? [];
    list.push({
      province,
      transfer: t.transfer,
      oldCode: t.oldCode,
      merged: predecessorProvinces(t.newProvinceCode).includes(province),
    });
    parts.set(t.newCommuneCode, list);
  }
  const origins = new Map<string, CommuneOrigin>();
  for (const [code, list] of parts) {
    const from = [...new Set(list.map((p) => p.province))].sort();
    // Only a province merged into the new commune's province can be its origin, or "new province =
    // sum of its old provinces" would break: one old commune of An Giang (89) went whole into a
    // commune of new Đồng Tháp (82), which is made of old 82 and 87.
    const candidates = list.filter((p) => p.merged);
    const single = [...new Set(candidates.map((p) => p.province))];
    const province = single.length === 1 ? single[0] : splitCommuneRule(code, candidates);
    if (province === undefined) continue;
    origins.set(code, Object.freeze({ province, split: from.length > 1, from: Object.freeze(from) }));
  }
  return (code) => origins.get(code);
};
