import * as t from "io-ts";
import { groupDigits } from "../output/numbers.js";

/**
 * Which ledger state a figure came from — the shared contract of every CLI output (JSON `ledger`
 * member, CSV `ledger_*` columns, the footer of a text table, the HTML report's "Ledger" block): the
 * file, its event count, the last position and the last line's hash, and whether the hash chain was
 * recomputed on this read (`false` only when the user passed `--no-verify`; every output then says
 * "unverified"). A printed figure is tied to the exact ledger state and can be re-checked later with
 * `coop-ledger verify --ledger PATH --expect-hash HASH --expect-events N`.
 *
 * It crosses a boundary (it is printed for programs to read back), so it is an io-ts codec and the
 * type comes from it.
 *
 * @example
 * LedgerIdentity.is({ path: "l.jsonl", events: 2, lastPosition: 1, lastHash: "ab12", verified: true }) // true
 */
export const LedgerIdentity = t.readonly(
  t.type({
    path: t.string,
    events: t.number,
    lastPosition: t.union([t.number, t.null]),
    lastHash: t.string,
    verified: t.boolean,
  }),
  "LedgerIdentity",
);
/** @see LedgerIdentity */
export type LedgerIdentity = t.TypeOf<typeof LedgerIdentity>;

/**
 * The word every output prints for the chain status: "verified" or "unverified".
 * @example chainStatus({ path: "l", events: 0, lastPosition: null, lastHash: "", verified: false }) // "unverified"
 */
export const chainStatus = (id: LedgerIdentity): "verified" | "unverified" =>
  id.verified ? "verified" : "unverified";

/**
 * The identity as one line for people: the footer of every text table and the report's block.
 * @example
 * console.log(identityLine({ path: "l.jsonl", events: 2, lastPosition: 1, lastHash: "ab12", verified: true }));
 * // "Ledger (sổ cái): l.jsonl · 2 events · last position 1 · last hash ab12 · hash chain verified"
 */
export const identityLine = (id: LedgerIdentity): string =>
  `Ledger (sổ cái): ${id.path} · ${groupDigits(id.events)} events · last position ${
    id.lastPosition ?? "–"
  } · last hash ${id.lastHash === "" ? "–" : id.lastHash} · ${
    id.verified ? "hash chain verified" : "UNVERIFIED: hash chain not checked (--no-verify)"
  }`;

/**
 * The CSV columns that carry the identity on every row (a spreadsheet keeps them with each row when it
 * is filtered or sorted; no comment line breaks header detection). Keys and values in order.
 * @example
 * console.log(identityCsvCells({ path: "l.jsonl", events: 2, lastPosition: 1, lastHash: "ab12", verified: true }).ledger_chain); // "verified"
 */
export const identityCsvCells = (id: LedgerIdentity): Readonly<Record<string, string | number | null>> => ({
  ledger_path: id.path,
  ledger_events: id.events,
  ledger_last_position: id.lastPosition,
  ledger_last_hash: id.lastHash,
  ledger_chain: chainStatus(id),
});
