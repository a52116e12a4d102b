import * as E from "fp-ts/lib/Either.js";
import {
  type CommuneCode,
  CommuneCode as CommuneCodeCodec,
  type DistrictCode,
  DistrictCode as DistrictCodeCodec,
} from "../values/location.js";
import { readCsvTable } from "./csv.js";
import type { DistrictGazetteer } from "./district-gazetteer.js";
import type { GeoParseError } from "./geo-parse-error.js";
import { isProvince, type Province2008Code } from "./provinces.js";

/**
 * The kind of a commune-level unit (đơn vị hành chính cấp xã): ward (phường), township (thị trấn),
 * commune (xã). From 2025-07-01 there are no townships.
 * @example COMMUNE_KINDS["Thị trấn"] // "township"
 */
export const COMMUNE_KINDS = { Phường: "ward", "Thị trấn": "township", Xã: "commune" } as const;
/** @see COMMUNE_KINDS */
export type CommuneKind = (typeof COMMUNE_KINDS)[keyof typeof COMMUNE_KINDS];

/** A commune of the `2008-08-01` gazetteer (the list as recorded on 2025-03-01). */
export interface Commune {
  readonly code: CommuneCode;
  readonly name: string;
  readonly kind: CommuneKind;
  readonly provinceCode: Province2008Code;
  readonly districtCode: DistrictCode;
}

/**
 * The communes of the 63-province gazetteer `2008-08-01`, read by {@link parseCommunes}. Commune codes
 * are unique within this version (they were reused with new meanings in 2025: never compare codes
 * across versions).
 *
 * @example
 * import { type CommuneGazetteer, communeGazetteer } from "@coop-ledger/domain";
 * const communes: CommuneGazetteer = communeGazetteer(); // the 2008-08-01 communes shipped with the package
 * console.log(communes.hasCommune("60", "22918"), communes.communeName("22918")); // true "Phường Hàm Tiến"
 */
export interface CommuneGazetteer {
  readonly gazetteer: "2008-08-01";
  readonly communes: ReadonlyArray<Commune>;
  /** Whether `communeCode` is a commune of the province (and of the district, when one is given). */
  readonly hasCommune: (provinceCode: string, communeCode: string, districtCode?: string) => boolean;
  /** The commune with a code, if any. */
  readonly commune: (communeCode: string) => Commune | undefined;
  /** The Vietnamese name of a commune, if the code exists. */
  readonly communeName: (communeCode: string) => string | undefined;
  /** The communes of a district (empty for an unknown district). */
  readonly communesOf: (districtCode: string) => ReadonlyArray<Commune>;
}

const COLUMNS = ["provinceCode", "districtCode", "communeCode", "communeName", "communeType"] as const;

/**
 * Parses the commune list (`communes-2025-03-01.csv`: provinceCode, districtCode, communeCode,
 * communeName, communeType). Pure: the caller reads the file. Checks codes are well formed, provinces
 * are in the 63-province list, no commune code repeats and, when a {@link DistrictGazetteer} is given,
 * each commune's district belongs to its province.
 *
 * @example
 * import { parseCommunes } from "@coop-ledger/domain";
 * const csv = ["provinceCode,districtCode,communeCode,communeName,communeType", "60,593,22918,Phường Hàm Tiến,Phường"].join("\n");
 * const c = parseCommunes(csv);
 * console.log(c._tag === "Right" ? c.right.communes.map((x) => `${x.name} (${x.kind})`) : c.left.message); // ["Phường Hàm Tiến (ward)"]
 */
export const parseCommunes = (
  csvText: string,
  districts?: DistrictGazetteer,
): E.Either<GeoParseError, CommuneGazetteer> => {
  const table = readCsvTable(csvText, "communes", COLUMNS);
  if (E.isLeft(table)) return table;
  const communes: Commune[] = [];
  const byCode = new Map<string, Commune>();
  const byDistrict = new Map<string, Commune[]>();
  for (const row of table.right) {
    const provinceCode = row.get("provinceCode");
    const districtCode = row.get("districtCode");
    const code = row.get("communeCode");
    const type = row.get("communeType");
    const bad = (problem: string): E.Either<GeoParseError, never> =>
      E.left({
        _tag: "InvalidRow",
        file: "communes",
        line: row.line,
        problem,
        message: `communes CSV line ${row.line}: ${problem}`,
      });
    if (!DistrictCodeCodec.is(districtCode)) return bad(`district code "${districtCode}" is not 3 digits`);
    if (!CommuneCodeCodec.is(code)) return bad(`commune code "${code}" is not 5 digits`);
    if (!Object.hasOwn(COMMUNE_KINDS, type)) return bad(`unknown commune type "${type}"`);
    if (row.get("communeName") === "") return bad("empty commune name");
    if (!isProvince("2008-08-01", provinceCode)) {
      return E.left({
        _tag: "UnknownProvince",
        file: "communes",
        code: provinceCode,
        line: row.line,
        message: `communes CSV line ${row.line}: province ${provinceCode} is not in the 63-province gazetteer 2008-08-01`,
      });
    }
    if (districts !== undefined && !districts.hasDistrict(provinceCode, districtCode)) {
      return E.left({
        _tag: "UnknownDistrict",
        file: "communes",
        provinceCode,
        districtCode,
        line: row.line,
        message: `communes CSV line ${row.line}: district ${districtCode} is not a district of province ${provinceCode}`,
      });
    }
    if (byCode.has(code)) {
      return E.left({
        _tag: "DuplicateCode",
        file: "communes",
        code,
        line: row.line,
        message: `communes CSV line ${row.line}: commune ${code} is listed twice`,
      });
    }
    const commune: Commune = Object.freeze({
      code,
      name: row.get("communeName"),
      kind: COMMUNE_KINDS[type as keyof typeof COMMUNE_KINDS],
      provinceCode,
      districtCode,
    });
    communes.push(commune);
    byCode.set(code, commune);
    const list = byDistrict.get(districtCode);
    if (list === undefined) byDistrict.set(districtCode, [commune]);
    else list.push(commune);
  }
  return E.right(communeGazetteerOf(communes));
};

/**
 * The {@link CommuneGazetteer} lookups over a list of communes already checked (codes unique): what
 * {@link parseCommunes} returns, and what the shipped gazetteer (`communeGazetteer()`) is built with.
 *
 * @example
 * import { type CommuneCode, communeGazetteerOf, type DistrictCode, type Province2008Code } from "@coop-ledger/domain";
 * const g = communeGazetteerOf([
 *   { code: "22918" as CommuneCode, name: "Phường Hàm Tiến", kind: "ward", provinceCode: "60" as Province2008Code, districtCode: "593" as DistrictCode },
 * ]);
 * console.log(g.hasCommune("60", "22918"), g.hasCommune("01", "22918")); // true false
 */
export const communeGazetteerOf = (communes: ReadonlyArray<Commune>): CommuneGazetteer => {
  const byCode = new Map<string, Commune>();
  const byDistrict = new Map<string, Commune[]>();
  for (const c of communes) {
    byCode.set(c.code, c);
    const list = byDistrict.get(c.districtCode);
    if (list === undefined) byDistrict.set(c.districtCode, [c]);
    else list.push(c);
  }
  return Object.freeze({
    gazetteer: "2008-08-01" as const,
    communes,
    hasCommune: (provinceCode: string, communeCode: string, districtCode?: string) => {
      const c = byCode.get(communeCode);
      return (
        c !== undefined &&
        c.provinceCode === provinceCode &&
        (districtCode === undefined || c.districtCode === districtCode)
      );
    },
    commune: (communeCode: string) => byCode.get(communeCode),
    communeName: (communeCode: string) => byCode.get(communeCode)?.name,
    communesOf: (districtCode: string) => byDistrict.get(districtCode) ?? [],
  });
};
