import type { GazetteerVersion, ProvinceCode } from "../values/location.js";
import { PROVINCES_2008, PROVINCES_2025 } from "./province-facts.js";

/** A province code of the 63-province gazetteer `2008-08-01` (a {@link ProvinceCode} known to exist there). */
export type Province2008Code = ProvinceCode & (typeof PROVINCES_2008)[number][0];
/** A province code of the 34-province gazetteer `2025-07-01` (a {@link ProvinceCode} known to exist there). */
export type Province2025Code = ProvinceCode & (typeof PROVINCES_2025)[number][0];
/** The province codes of a gazetteer version. @example const c: ProvinceCodeOf<"2025-07-01"> = ... */
export type ProvinceCodeOf<V extends GazetteerVersion> = V extends "2008-08-01"
  ? Province2008Code
  : Province2025Code;

/**
 * The kind of a province-level unit: a province (tỉnh) or a centrally-governed city (thành phố trực
 * thuộc trung ương).
 */
export type ProvinceKind = "province" | "municipality";

/**
 * A province of a gazetteer version: its code, Vietnamese name, kind and, for the 2025 list, the
 * 2008-list provinces merged into it (Resolution 202/2025/QH15). For the 2008 list `mergedFrom` is
 * empty: it is the base list.
 *
 * @example provinces("2025-07-01").find((p) => p.code === "68")?.mergedFrom // ["60", "67", "68"]
 */
export interface Province<V extends GazetteerVersion = GazetteerVersion> {
  readonly gazetteer: V;
  readonly code: ProvinceCodeOf<V>;
  readonly name: string;
  readonly kind: ProvinceKind;
  readonly mergedFrom: ReadonlyArray<Province2008Code>;
}

const LIST_2008: ReadonlyArray<Province<"2008-08-01">> = PROVINCES_2008.map(([code, name, kind]) =>
  Object.freeze({
    gazetteer: "2008-08-01" as const,
    code: code as Province2008Code,
    name,
    kind,
    mergedFrom: Object.freeze([]),
  }),
);

const LIST_2025: ReadonlyArray<Province<"2025-07-01">> = PROVINCES_2025.map(
  ([code, name, kind, mergedFrom]) =>
    Object.freeze({
      gazetteer: "2025-07-01" as const,
      code: code as Province2025Code,
      name,
      kind,
      mergedFrom: Object.freeze([...mergedFrom] as Province2008Code[]),
    }),
);

// Maps, not objects: a code such as "__proto__" must never find a prototype member.
const BY_CODE_2008 = new Map<string, Province<"2008-08-01">>(LIST_2008.map((p) => [p.code, p]));
const BY_CODE_2025 = new Map<string, Province<"2025-07-01">>(LIST_2025.map((p) => [p.code, p]));
const SUCCESSOR = new Map<string, Province2025Code>(
  LIST_2025.flatMap((p) => p.mergedFrom.map((old) => [old, p.code] as const)),
);

const byCode = (version: GazetteerVersion): ReadonlyMap<string, Province> =>
  version === "2008-08-01" ? BY_CODE_2008 : BY_CODE_2025;

/**
 * The provinces of a gazetteer version, in code order: 63 for `2008-08-01`, 34 for `2025-07-01`.
 *
 * @example provinces("2008-08-01").length // 63
 * @example provinces("2025-07-01").map((p) => p.code) // ["01", "04", "08", ...]
 */
export const provinces = <V extends GazetteerVersion>(version: V): ReadonlyArray<Province<V>> =>
  (version === "2008-08-01" ? LIST_2008 : LIST_2025) as ReadonlyArray<Province<V>>;

/**
 * The province with a code in a gazetteer version, or `undefined` when the code does not exist there.
 *
 * @example province("2025-07-01", "24" as ProvinceCode)?.name // "Tỉnh Bắc Ninh"
 * @example province("2008-08-01", "24" as ProvinceCode)?.name // "Tỉnh Bắc Giang"
 */
export const province = <V extends GazetteerVersion>(version: V, code: string): Province<V> | undefined =>
  byCode(version).get(code) as Province<V> | undefined;

/**
 * Whether a code names a province in a gazetteer version (codes are only meaningful with their version:
 * 27 is old Bắc Ninh in `2008-08-01` and does not exist in `2025-07-01`). Narrows the code's type.
 *
 * @example isProvince("2008-08-01", "27") // true
 * @example isProvince("2025-07-01", "27") // false
 */
export const isProvince = <V extends GazetteerVersion>(version: V, code: string): code is ProvinceCodeOf<V> =>
  byCode(version).has(code);

/**
 * The Vietnamese name of a province in a gazetteer version, or `undefined` if the code is not there.
 *
 * @example provinceName("2008-08-01", "60" as ProvinceCode) // "Tỉnh Bình Thuận"
 * @example provinceName("2025-07-01", "60" as ProvinceCode) // undefined
 */
export function provinceName<V extends GazetteerVersion>(version: V, code: ProvinceCodeOf<V>): string;
export function provinceName(version: GazetteerVersion, code: string): string | undefined;
export function provinceName(version: GazetteerVersion, code: string): string | undefined {
  return byCode(version).get(code)?.name;
}

/**
 * The 2025 province an old (2008-list) province became part of. Total on the 63 old codes (every old
 * province went whole into exactly one new one); `undefined` for a code that is not an old province.
 *
 * @example successorProvince("60" as Province2008Code) // "68": Bình Thuận is now part of Lâm Đồng
 * @example successorProvince("17" as Province2008Code) // "25": Hòa Bình is now part of Phú Thọ
 */
export function successorProvince(oldCode: Province2008Code): Province2025Code;
export function successorProvince(oldCode: string): Province2025Code | undefined;
export function successorProvince(oldCode: string): Province2025Code | undefined {
  return SUCCESSOR.get(oldCode);
}

/**
 * The old (2008-list) provinces that form a 2025 province, in code order; empty for a code that is not
 * a 2025 province.
 *
 * @example predecessorProvinces("68" as ProvinceCode) // ["60", "67", "68"]
 * @example predecessorProvinces("27" as ProvinceCode) // []: 27 is retired
 */
export const predecessorProvinces = (newCode: string): ReadonlyArray<Province2008Code> =>
  BY_CODE_2025.get(newCode)?.mergedFrom ?? [];

/**
 * Re-maps a province code from one gazetteer version to another: the provinces of `to` that cover the
 * province `code` of `from`. Same version: the code itself; 2008 → 2025: the one successor;
 * 2025 → 2008: the predecessors. Empty when `code` is not a province of `from`.
 *
 * @example remapProvince("67" as ProvinceCode, "2008-08-01", "2025-07-01") // ["68"]
 * @example remapProvince("25" as ProvinceCode, "2025-07-01", "2008-08-01") // ["17", "25", "26"]
 */
export const remapProvince = (
  code: string,
  from: GazetteerVersion,
  to: GazetteerVersion,
): ReadonlyArray<ProvinceCode> => {
  if (!isProvince(from, code)) return [];
  if (from === to) return [code];
  if (from === "2008-08-01") {
    const next = SUCCESSOR.get(code);
    return next === undefined ? [] : [next];
  }
  return predecessorProvinces(code);
};
