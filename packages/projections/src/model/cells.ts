import {
  type CoopForm,
  type GazetteerVersion,
  type Location,
  remapProvince,
  type Sector,
} from "@coop-ledger/domain";
import { type Origin, originKey, parseOrigin } from "./origin.js";

/**
 * Where a delta is counted: the recorded location (gazetteer version, province, district) and, for
 * co-ops, the sector and form. Locations are kept as recorded (never re-mapped at write time) so that a
 * query can report in the geography as of its valid date or re-mapped to any chosen version.
 * Funds and alliances have no sector or form (empty strings); a fund without a province has none.
 */
export interface CellInfo {
  readonly gazetteer: GazetteerVersion | "";
  readonly province: string;
  readonly district: string;
  /** The sector; `*` in a province-level cell (any sector other than people's credit funds). */
  readonly sector: Sector | "*" | "";
  readonly form: CoopForm | "";
  /**
   * For a place recorded in the 2025-07-01 gazetteer: the old (2008-08-01) province it is counted in
   * when figures are reported in the old geography, and how that was found (see `OriginBasis`).
   */
  readonly origin?: Origin;
}

// The origin is a sixth field, present only on 2025-07-01 cells, so that older keys read the same.
const withOrigin = (key: string, origin: Origin | undefined): string =>
  origin === undefined ? key : `${key}|${originKey(origin)}`;

/**
 * The cell key of a co-op at a location (full detail: district and sector), with the old province a
 * 2025-07-01 location traces back to.
 * @example coopCell({ gazetteer: "2008-08-01", provinceCode: "60" } as Location, "agriculture", "cooperative") // "2008-08-01|60||agriculture|cooperative"
 * @example coopCell({ gazetteer: "2025-07-01", provinceCode: "68" } as Location, "agriculture", "cooperative", { province: "60", basis: "carried" }) // "2025-07-01|68||agriculture|cooperative|60:carried"
 */
export const coopCell = (location: Location, sector: Sector, form: CoopForm, origin?: Origin): string =>
  withOrigin(
    `${location.gazetteer}|${location.provinceCode}|${location.districtCode ?? ""}|${sector}|${form}`,
    origin,
  );

/**
 * The cell key of a fund or alliance figure (no sector or form).
 * @example placeCell("2008-08-01", "60") // "2008-08-01|60|||"
 */
export const placeCell = (
  gazetteer: GazetteerVersion | undefined,
  province: string | undefined,
  origin?: Origin,
): string => withOrigin(`${gazetteer ?? ""}|${province ?? ""}|||`, origin);

/**
 * Parses a cell key.
 * @example parseCell("2008-08-01|60|593|agriculture|cooperative").district // "593"
 * @example parseCell("2025-07-01|68||agriculture|cooperative|60:commune").origin // { province: "60", basis: "commune" }
 */
export const parseCell = (key: string): CellInfo => {
  const [gazetteer = "", province = "", district = "", sector = "", form = "", origin = ""] = key.split("|");
  const o = parseOrigin(origin);
  return {
    gazetteer: gazetteer as CellInfo["gazetteer"],
    province,
    district,
    sector: sector as CellInfo["sector"],
    form: form as CellInfo["form"],
    ...(o === undefined ? {} : { origin: o }),
  };
};

/**
 * A table's cells by number, each key parsed the first time it is asked for (a national provenance
 * table holds over a million cell keys; one query reads a few of them).
 * @example
 * const info = cellInfosOf(["2008-08-01|60|593|agriculture|cooperative"]);
 * info(0).district // "593"
 */
export const cellInfosOf = (cellKeys: ReadonlyArray<string>): ((cell: number) => CellInfo) => {
  const infos: Array<CellInfo | undefined> = [];
  return (c) => {
    let i = infos[c];
    if (i === undefined) {
      i = parseCell(cellKeys[c] as string);
      infos[c] = i;
    }
    return i;
  };
};

/**
 * The province-level cell a full-detail cell rolls up into: district dropped, sector reduced to
 * "people's credit fund or not" (the one sector distinction the member averages need).
 * @example provinceLevelCell("2008-08-01|60|593|agriculture|cooperative") // "2008-08-01|60||*|cooperative"
 */
export const provinceLevelCell = (key: string): string => {
  const c = parseCell(key);
  const sector = c.sector === "peoplesCreditFund" || c.sector === "" ? c.sector : "*";
  return withOrigin(`${c.gazetteer}|${c.province}||${sector}|${c.form}`, c.origin);
};

/**
 * The whole-ledger cell a full-detail cell rolls up into: no place at all, only the form and "people's
 * credit fund or not" (what a population filter needs), so that an unscoped query reads a handful of
 * cells per series instead of every province's.
 * @example ledgerLevelCell("2008-08-01|60|593|agriculture|cooperative") // "|||*|cooperative"
 */
export const ledgerLevelCell = (key: string): string => {
  const c = parseCell(key);
  const sector = c.sector === "peoplesCreditFund" || c.sector === "" ? c.sector : "*";
  return `|||${sector}|${c.form}`;
};

/**
 * Bit of a form in a population mask (`""` is "not an organisation": funds and alliances).
 * @example
 * formBit("cooperative") | formBit("union") // 3
 */
export const formBit = (form: CoopForm | ""): number =>
  form === "cooperative" ? 1 : form === "union" ? 2 : form === "group" ? 4 : 8;

/**
 * Which cells an indicator counts: the organisation forms it is about, and whether people's credit
 * funds are left out (an option of the member averages).
 */
export interface Population {
  readonly forms: number;
  readonly excludePeoplesCreditFunds: boolean;
}

/** A scope resolved against a reporting geography (see `resolveScope`). */
export interface ResolvedScope {
  readonly reportIn: GazetteerVersion;
  readonly province?: string;
  readonly district?: string;
  readonly sector?: Sector;
  readonly form?: CoopForm;
}

/**
 * The province a cell is counted in when figures are reported in gazetteer `reportIn`, or `undefined`
 * (no place, or a place that cannot be re-mapped). Old → new: the successor province. New → old: the
 * cell's origin (commune transfer table, the co-op's earlier location, or the documented fallbacks).
 *
 * @example provinceIn(parseCell("2025-07-01|68||agriculture|cooperative|60:carried"), "2008-08-01") // "60"
 */
export const provinceIn = (cell: CellInfo, reportIn: GazetteerVersion): string | undefined => {
  if (cell.gazetteer === "") return undefined;
  if (cell.gazetteer === reportIn) return cell.province;
  if (cell.origin !== undefined && reportIn === "2008-08-01") return cell.origin.province;
  const mapped = remapProvince(cell.province, cell.gazetteer, reportIn);
  return mapped.length === 1 ? mapped[0] : undefined;
};

/**
 * Whether a cell is inside a scope. A province scope is in the reporting geography: a cell recorded in
 * another version is re-mapped (old 60, 67, 68 all fall in new 68; a 2025-07-01 cell falls in the old
 * province of its origin), so a new province's figure is the sum of its old provinces' figures.
 *
 * @example cellInScope(parseCell("2008-08-01|60||agriculture|cooperative"), { reportIn: "2025-07-01", province: "68" }) // true
 */
export const cellInScope = (cell: CellInfo, scope: ResolvedScope): boolean => {
  if (scope.province !== undefined && provinceIn(cell, scope.reportIn) !== scope.province) return false;
  if (scope.district !== undefined && (cell.gazetteer !== "2008-08-01" || cell.district !== scope.district)) {
    return false;
  }
  if (scope.sector !== undefined && cell.sector !== scope.sector) return false;
  if (scope.form !== undefined && cell.form !== scope.form) return false;
  return true;
};

/**
 * Whether a cell belongs to an indicator's population.
 * @example cellInPopulation(parseCell("2008-08-01|60||agriculture|cooperative"), { forms: 1, excludePeoplesCreditFunds: false }) // true
 */
export const cellInPopulation = (cell: CellInfo, population: Population): boolean =>
  (population.forms & formBit(cell.form)) !== 0 &&
  !(population.excludePeoplesCreditFunds && cell.sector === "peoplesCreditFund");
