import {
  type CommuneOrigins,
  type GazetteerVersion,
  type Location,
  predecessorProvinces,
  successorProvince,
} from "@coop-ledger/domain";

/**
 * How a place recorded in the 2025-07-01 gazetteer is traced back to one old (2008-08-01) province, so
 * that old provinces keep their co-ops after the reform (docs/concepts.md, "Old provinces after
 * 2025-07-01"), in order of preference:
 * - `commune`: the 2025 commune code, through the official commune transfer table (all but 8 of the
 *   3,321 new communes come from a single old province);
 * - `split`: the commune was formed from communes of several old provinces; counted in the one chosen
 *   by the domain's `splitCommuneRule` (figures say so);
 * - `carried`: no commune, but the co-op was recorded in one of the merged old provinces before (a head
 *   office re-recorded in the new geography has not moved);
 * - `sole`: the new province is one old province (nothing was merged into it);
 * - `seat`: none of the above: counted in the old province whose code the new province kept (new Lâm
 *   Đồng 68 ← old Lâm Đồng 68). An assumption, which figures say.
 *
 * @example const b: OriginBasis = "carried";
 */
export type OriginBasis = "commune" | "split" | "carried" | "sole" | "seat";

/** An old province and how it was found; `undefined` for a place recorded in the 2008-08-01 gazetteer. */
export interface Origin {
  readonly province: string;
  readonly basis: OriginBasis;
}

/**
 * The cell-key form of an origin: `"60:commune"`, or `""` for none.
 * @example originKey({ province: "60", basis: "carried" }) // "60:carried"
 */
export const originKey = (o: Origin | undefined): string =>
  o === undefined ? "" : `${o.province}:${o.basis}`;

/**
 * Parses {@link originKey}'s form.
 * @example parseOrigin("60:carried") // { province: "60", basis: "carried" }
 */
export const parseOrigin = (key: string): Origin | undefined => {
  const i = key.indexOf(":");
  return i < 0 ? undefined : { province: key.slice(0, i), basis: key.slice(i + 1) as OriginBasis };
};

const fallback = (provinceCode: string): Origin | undefined => {
  const olds = predecessorProvinces(provinceCode);
  if (olds.length === 1) return { province: olds[0] as string, basis: "sole" };
  if (olds.includes(provinceCode as never)) return { province: provinceCode, basis: "seat" };
  const first = olds[0];
  return first === undefined ? undefined : { province: first, basis: "seat" };
};

/**
 * The old province of a place of a fund or an alliance recorded in gazetteer `gazetteer` (no commune,
 * no history): `sole` or `seat`; `undefined` in the 2008-08-01 gazetteer.
 *
 * @example placeOrigin("2025-07-01", "68") // { province: "68", basis: "seat" }
 */
export const placeOrigin = (
  gazetteer: GazetteerVersion | undefined,
  provinceCode: string | undefined,
): Origin | undefined =>
  gazetteer !== "2025-07-01" || provinceCode === undefined ? undefined : fallback(provinceCode);

/** Where a co-op was before, as the fold knows it: the gazetteer, province and origin of its last cell. */
export interface PreviousPlace {
  readonly gazetteer: string;
  readonly province: string;
  readonly origin?: Origin;
}

/**
 * The old province of a co-op's location (see {@link OriginBasis}); `undefined` for a location in the
 * 2008-08-01 gazetteer, which needs none.
 *
 * @example
 * // A co-op of old Bình Thuận (60) re-recorded in new Lâm Đồng (68) with no commune: carried from its previous place.
 * const moved = { gazetteer: "2025-07-01", provinceCode: "68" } as Location;
 * console.log(locationOrigin(moved, { gazetteer: "2008-08-01", province: "60" }, shippedCommuneOrigins)); // { province: "60", basis: "carried" }
 */
export const locationOrigin = (
  location: Location,
  previous: PreviousPlace | undefined,
  origins: CommuneOrigins,
): Origin | undefined => {
  if (location.gazetteer !== "2025-07-01") return undefined;
  const province = location.provinceCode as string;
  if (location.communeCode !== undefined) {
    const o = origins(location.communeCode);
    // A commune of another province (a recording error the decider would have refused) is not trusted.
    if (o !== undefined && successorProvince(o.province) === province)
      return { province: o.province, basis: o.split ? "split" : "commune" };
  }
  if (previous !== undefined) {
    if (previous.gazetteer === "2008-08-01" && successorProvince(previous.province) === province)
      return { province: previous.province, basis: "carried" };
    if (
      previous.gazetteer === "2025-07-01" &&
      previous.province === province &&
      previous.origin !== undefined
    )
      return previous.origin.basis === "commune" || previous.origin.basis === "carried"
        ? { province: previous.origin.province, basis: "carried" }
        : previous.origin;
  }
  return fallback(province);
};
