/**
 * Why a gazetteer file (district JSON, commune CSV, commune-transfer CSV) could not be read; a tagged
 * union, matched exhaustively by callers. Every message names the file kind and, for CSV, the line.
 * - `InvalidJson`: the text is not JSON;
 * - `InvalidShape`: JSON of the wrong shape (`problems` name each field);
 * - `MissingColumns`: a CSV header lacks required columns;
 * - `InvalidRow`: a CSV row with a wrong field count or an invalid code (`line` is 1-based, header = 1);
 * - `UnknownProvince`: a province code that is not in the gazetteer version the file belongs to;
 * - `DuplicateCode`: a district or commune code listed twice;
 * - `UnknownDistrict`: a commune whose district is not in its province.
 *
 * @example
 * import { type GeoParseError, parseCommunes } from "@coop-ledger/domain";
 * import { match } from "ts-pattern";
 * const where = (err: GeoParseError): string =>
 *   match(err)
 *     .with({ _tag: "MissingColumns" }, (e) => `${e.file}: missing ${e.columns.join(", ")}`)
 *     .otherwise((e) => e.message);
 * const r = parseCommunes("provinceCode,communeCode\n60,22918");
 * if (r._tag === "Left") console.log(where(r.left)); // "communes: missing districtCode, communeName, communeType"
 */
export type GeoParseError =
  | { readonly _tag: "InvalidJson"; readonly file: GeoFileKind; readonly message: string }
  | {
      readonly _tag: "InvalidShape";
      readonly file: GeoFileKind;
      readonly problems: ReadonlyArray<string>;
      readonly message: string;
    }
  | {
      readonly _tag: "MissingColumns";
      readonly file: GeoFileKind;
      readonly columns: ReadonlyArray<string>;
      readonly message: string;
    }
  | {
      readonly _tag: "InvalidRow";
      readonly file: GeoFileKind;
      readonly line: number;
      readonly problem: string;
      readonly message: string;
    }
  | {
      readonly _tag: "UnknownProvince";
      readonly file: GeoFileKind;
      readonly code: string;
      readonly line?: number;
      readonly message: string;
    }
  | {
      readonly _tag: "DuplicateCode";
      readonly file: GeoFileKind;
      readonly code: string;
      readonly line?: number;
      readonly message: string;
    }
  | {
      readonly _tag: "UnknownDistrict";
      readonly file: GeoFileKind;
      readonly provinceCode: string;
      readonly districtCode: string;
      readonly line: number;
      readonly message: string;
    };

/**
 * The gazetteer files the parsers read (the GSO lists named, with their
 * dates and SHA-256, in `GAZETTEER_SOURCES`; shipped in compact form by scripts/derive-gazetteer.mjs):
 * - `districtGazetteer`: `gazetteer-2025-03-01-provinces-districts.json` (63 provinces, 696 districts);
 * - `communes`: `communes-2025-03-01.csv` (the 10,047 communes before 2025-07-01);
 * - `communeTransfers`: `communes-2025-07-01-from-old.csv` (new commune ← old commune, full/partial).
 *
 * @example const f: GeoFileKind = "communes";
 */
export type GeoFileKind = "districtGazetteer" | "communes" | "communeTransfers";
