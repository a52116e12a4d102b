import type { LedgerIdentity } from "../engine/ledger-identity.js";
import type { CliError } from "../errors/cli-error.js";

/** A cell value as data: CSV and JSON print it raw, the table format prints it through the column's `kind`. */
export type Cell = string | number | boolean | null;

/**
 * How a column's numbers read in a terminal table: `text` as is, `int` with thousands separators,
 * `vnd` as đồng with separators, `percent` from a fraction (0.714 → 71.4 %).
 */
export type ColumnKind = "text" | "int" | "vnd" | "percent";

/** A column: the row key, its header, its kind (right-aligned unless text). */
export interface Column {
  readonly key: string;
  readonly header: string;
  readonly kind?: ColumnKind;
  /** Show the column only in the terminal table (`table`: formatted text) or only in CSV (`data`: raw values). */
  readonly only?: "table" | "data";
}

/**
 * A titled table of rows: the one shape every data command produces, rendered as an aligned table,
 * CSV (RFC 4180) or JSON.
 *
 * @example
 * const t: DataTable = { title: "Verify", columns: [{ key: "k", header: "check" }], rows: [{ k: "ok" }] };
 */
export interface DataTable {
  readonly title?: string;
  readonly columns: ReadonlyArray<Column>;
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>;
}

/**
 * What a command hands back: structured `json` (for `--format json`), its `tables` (the first is the
 * one `--format csv` prints), and `notes` printed under a terminal table (context such as "as known
 * at …"); `exitCode` lets a command succeed in printing yet report a finding (e.g. verify).
 *
 * @example
 * const out: CliOutput = { json: { ok: true }, tables: [], notes: ["nothing to show"] };
 */
export interface CliOutput {
  readonly json: unknown;
  readonly tables: ReadonlyArray<DataTable>;
  readonly notes?: ReadonlyArray<string>;
  readonly exitCode?: number;
  /** A finding printed on stderr in the error format (message + hint) after the output, e.g. verify's first bad line. */
  readonly error?: CliError;
  /**
   * The ledger state the figures come from. When set, every format prints it: a top-level `ledger`
   * member in JSON, `ledger_*` columns on every CSV row, a footer line under the text tables.
   */
  readonly ledger?: LedgerIdentity;
}
