import * as E from "fp-ts/lib/Either.js";
import {
  type CommuneCode,
  CommuneCode as CommuneCodeCodec,
  type DistrictCode,
  DistrictCode as DistrictCodeCodec,
} from "../values/location.js";
import { readCsvTable } from "./csv.js";
import type { GeoParseError } from "./geo-parse-error.js";
import { isProvince, type Province2025Code } from "./provinces.js";

/**
 * One line of the 2025 commune mapping: new commune ← old unit. `full`: the whole old unit went into
 * the new one; `partial`: only part of it did (the old commune was split between new ones), so the
 * mapping is many-to-many. The old unit is a commune (5-digit code), except for the island districts
 * that had no communes (e.g. Huyện Bạch Long Vĩ 318 → Đặc khu Bạch Long Vĩ): there it is the district
 * (3-digit code), `oldLevel: "district"`.
 */
export interface CommuneTransfer {
  readonly newProvinceCode: Province2025Code;
  readonly newCommuneCode: CommuneCode;
  readonly newCommuneName: string;
  readonly oldLevel: "commune" | "district";
  readonly oldCode: CommuneCode | DistrictCode;
  readonly oldName: string;
  readonly transfer: "full" | "partial";
}

/** A commune of the `2025-07-01` gazetteer (no district level). */
export interface NewCommune {
  readonly code: CommuneCode;
  readonly name: string;
  readonly provinceCode: Province2025Code;
}

/**
 * The communes of gazetteer `2025-07-01` and how they map to the old communes, read by
 * {@link parseCommuneTransfers}. Old and new codes live in different versions: the same five digits may
 * name different places, so the two sides are never looked up in one map.
 *
 * @example
 * import { type CommuneTransfers, communeTransfers } from "@coop-ledger/domain";
 * const transfers: CommuneTransfers = communeTransfers(); // the 2025-07-01 table shipped with the package
 * console.log(transfers.gazetteer, transfers.communes.length); // "2025-07-01" 3321
 */
export interface CommuneTransfers {
  readonly gazetteer: "2025-07-01";
  readonly transfers: ReadonlyArray<CommuneTransfer>;
  /** The new communes, in file order. */
  readonly communes: ReadonlyArray<NewCommune>;
  /** Whether `communeCode` is a 2025 commune of 2025 province `provinceCode`. */
  readonly hasCommune: (provinceCode: string, communeCode: string) => boolean;
  /** The 2025 commune with a code, if any. */
  readonly commune: (communeCode: string) => NewCommune | undefined;
  /** The Vietnamese name of a 2025 commune, if the code exists. */
  readonly communeName: (communeCode: string) => string | undefined;
  /** The 2025 communes of a 2025 province. */
  readonly communesOf: (provinceCode: string) => ReadonlyArray<NewCommune>;
  /**
   * Where an old (2008-version) commune went: one `full` transfer, or several `partial` ones. Also takes
   * the 3-digit code of an island district without communes.
   */
  readonly successorsOf: (oldCode: string) => ReadonlyArray<CommuneTransfer>;
  /** The old communes (wholly or partly) making up a 2025 commune. */
  readonly predecessorsOf: (newCommuneCode: string) => ReadonlyArray<CommuneTransfer>;
}

const COLUMNS = [
  "newProvinceCode",
  "newCommuneCode",
  "newCommuneName",
  "oldCommuneCode",
  "oldCommuneName",
  "transfer",
] as const;

const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]);
  else list.push(v);
};

/**
 * Parses the 2025 commune mapping (`communes-2025-07-01-from-old.csv`). Pure: the caller reads the file.
 * Checks codes are well formed, new provinces are in the 34-province list, `transfer` is `full` or
 * `partial`, a new code always names the same province and commune, and no (new, old) pair repeats.
 *
 * @example
 * import { parseCommuneTransfers } from "@coop-ledger/domain";
 * const csv = [
 *   "newProvinceCode,newCommuneCode,newCommuneName,oldCommuneCode,oldCommuneName,transfer",
 *   "68,22918,Phường Mũi Né,22915,Phường Mũi Né,full",
 *   "68,22918,Phường Mũi Né,22918,Phường Hàm Tiến,full",
 *   "68,22918,Phường Mũi Né,22957,Xã Thiện Nghiệp,full",
 * ].join("\n");
 * const m = parseCommuneTransfers(csv);
 * console.log(m._tag === "Right" ? [m.right.communes.length, m.right.transfers.length] : m.left.message); // [1, 3]
 */
export const parseCommuneTransfers = (csvText: string): E.Either<GeoParseError, CommuneTransfers> => {
  const table = readCsvTable(csvText, "communeTransfers", COLUMNS);
  if (E.isLeft(table)) return table;
  const transfers: CommuneTransfer[] = [];
  const communes: NewCommune[] = [];
  const byNew = new Map<string, NewCommune>();
  const byNewProvince = new Map<string, NewCommune[]>();
  const successors = new Map<string, CommuneTransfer[]>();
  const predecessors = new Map<string, CommuneTransfer[]>();
  const pairs = new Set<string>();
  for (const row of table.right) {
    const provinceCode = row.get("newProvinceCode");
    const newCode = row.get("newCommuneCode");
    const oldCode = row.get("oldCommuneCode");
    const transfer = row.get("transfer");
    const newName = row.get("newCommuneName");
    const bad = (problem: string): E.Either<GeoParseError, never> =>
      E.left({
        _tag: "InvalidRow",
        file: "communeTransfers",
        line: row.line,
        problem,
        message: `commune transfers CSV line ${row.line}: ${problem}`,
      });
    if (!CommuneCodeCodec.is(newCode)) return bad(`new commune code "${newCode}" is not 5 digits`);
    const oldLevel = CommuneCodeCodec.is(oldCode)
      ? "commune"
      : DistrictCodeCodec.is(oldCode)
        ? "district"
        : undefined;
    if (oldLevel === undefined)
      return bad(`old code "${oldCode}" is neither a commune (5 digits) nor a district (3 digits)`);
    if (transfer !== "full" && transfer !== "partial")
      return bad(`transfer "${transfer}" is not full or partial`);
    if (newName === "") return bad("empty new commune name");
    if (!isProvince("2025-07-01", provinceCode)) {
      return E.left({
        _tag: "UnknownProvince",
        file: "communeTransfers",
        code: provinceCode,
        line: row.line,
        message: `commune transfers CSV line ${row.line}: province ${provinceCode} is not in the 34-province gazetteer 2025-07-01`,
      });
    }
    const pair = `${newCode}<${oldCode}`;
    if (pairs.has(pair)) {
      return E.left({
        _tag: "DuplicateCode",
        file: "communeTransfers",
        code: pair,
        line: row.line,
        message: `commune transfers CSV line ${row.line}: ${newCode} ← ${oldCode} is listed twice`,
      });
    }
    pairs.add(pair);
    const known = byNew.get(newCode);
    if (known === undefined) {
      const c: NewCommune = Object.freeze({ code: newCode, name: newName, provinceCode });
      byNew.set(newCode, c);
      communes.push(c);
      push(byNewProvince, provinceCode, c);
    } else if (known.provinceCode !== provinceCode || known.name !== newName) {
      return bad(
        `new commune ${newCode} was "${known.name}" in province ${known.provinceCode}, now "${newName}" in ${provinceCode}`,
      );
    }
    const tr: CommuneTransfer = Object.freeze({
      newProvinceCode: provinceCode,
      newCommuneCode: newCode,
      newCommuneName: newName,
      oldLevel,
      oldCode: oldCode as CommuneCode | DistrictCode,
      oldName: row.get("oldCommuneName"),
      transfer,
    });
    transfers.push(tr);
    push(successors, oldCode, tr);
    push(predecessors, newCode, tr);
  }
  return E.right(communeTransfersOf(transfers));
};

/**
 * The {@link CommuneTransfers} lookups over transfer lines already checked (a new code always names the
 * same province and commune, no (new, old) pair repeats): what {@link parseCommuneTransfers} returns,
 * and what the shipped gazetteer (`communeTransfers()`) is built with. New communes come in order of
 * their first line.
 *
 * @example
 * import { communeTransfers, communeTransfersOf } from "@coop-ledger/domain";
 * // A table of just the rows that formed one 2025 commune.
 * const rows = communeTransfers().transfers.filter((t) => t.newCommuneCode === "22918");
 * const table = communeTransfersOf(rows);
 * console.log(table.communes.length, table.transfers.length, table.communeName("22918")); // 1 3 "Phường Mũi Né"
 */
export const communeTransfersOf = (transfers: ReadonlyArray<CommuneTransfer>): CommuneTransfers => {
  const communes: NewCommune[] = [];
  const byNew = new Map<string, NewCommune>();
  const byNewProvince = new Map<string, NewCommune[]>();
  const successors = new Map<string, CommuneTransfer[]>();
  const predecessors = new Map<string, CommuneTransfer[]>();
  for (const tr of transfers) {
    if (!byNew.has(tr.newCommuneCode)) {
      const c: NewCommune = Object.freeze({
        code: tr.newCommuneCode,
        name: tr.newCommuneName,
        provinceCode: tr.newProvinceCode,
      });
      byNew.set(c.code, c);
      communes.push(c);
      push(byNewProvince, c.provinceCode, c);
    }
    push(successors, tr.oldCode, tr);
    push(predecessors, tr.newCommuneCode, tr);
  }
  return Object.freeze({
    gazetteer: "2025-07-01" as const,
    transfers,
    communes,
    hasCommune: (provinceCode: string, communeCode: string) =>
      byNew.get(communeCode)?.provinceCode === provinceCode,
    commune: (communeCode: string) => byNew.get(communeCode),
    communeName: (communeCode: string) => byNew.get(communeCode)?.name,
    communesOf: (provinceCode: string) => byNewProvince.get(provinceCode) ?? [],
    successorsOf: (oldCode: string) => successors.get(oldCode) ?? [],
    predecessorsOf: (newCommuneCode: string) => predecessors.get(newCommuneCode) ?? [],
  });
};
