import { literals } from "@coop-ledger/domain";
import type * as t from "io-ts";
import {
  chainStatus,
  identityCsvCells,
  identityLine,
  type LedgerIdentity,
} from "../engine/ledger-identity.js";
import { renderCsv } from "./csv.js";
import type { CliOutput, DataTable } from "./data-table.js";
import type { NumberFormat } from "./numbers.js";
import { renderTable } from "./table-text.js";

/**
 * The output formats of data commands: an aligned `table` for people, `json` for programs, `csv` for
 * spreadsheets.
 * @example OutputFormat.is("csv") // true
 */
export const OutputFormat = literals(["table", "json", "csv"], "OutputFormat");
/** @see OutputFormat */
export type OutputFormat = t.TypeOf<typeof OutputFormat>;

/** JSON with bigint support (written as decimal strings: JSON numbers cannot hold them exactly). */
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);

/** JSON output with the ledger identity as its first member (`chain` spells out "verified" / "unverified"). */
const withLedgerMember = (json: unknown, id: LedgerIdentity): unknown => {
  const ledger = { ...id, chain: chainStatus(id) };
  return typeof json === "object" && json !== null && !Array.isArray(json)
    ? { ledger, ...json }
    : { ledger, result: json };
};

/** The first table with the identity columns appended to every row (see docs/cli.md, "Ledger identity"). */
const withLedgerColumns = (t: DataTable, id: LedgerIdentity): DataTable => {
  const cells = identityCsvCells(id);
  return {
    ...t,
    columns: [
      ...t.columns,
      ...Object.keys(cells).map((key) => ({ key, header: key, only: "data" as const })),
    ],
    rows: t.rows.map((r) => ({ ...r, ...cells })),
  };
};

/**
 * Renders a command's output in the chosen format. CSV prints the first table only (one CSV, one
 * table); table prints every table, then the notes. When the output names the ledger it came from
 * (`ledger`), JSON gets a top-level `ledger` member, CSV `ledger_*` columns on every row, and the
 * table a footer line — each saying "unverified" when the chain was not checked. Table numbers are
 * written in `nf` (JSON and CSV stay raw).
 *
 * @example renderOutput({ json: { a: 1 }, tables: [] }, "json") // '{\n  "a": 1\n}\n'
 */
export const renderOutput = (out: CliOutput, format: OutputFormat, nf: NumberFormat = "en"): string => {
  switch (format) {
    case "json":
      return `${toJson(out.ledger === undefined ? out.json : withLedgerMember(out.json, out.ledger))}\n`;
    case "csv": {
      const first = out.tables[0];
      if (first === undefined) return "";
      return renderCsv(out.ledger === undefined ? first : withLedgerColumns(first, out.ledger));
    }
    case "table": {
      const parts = out.tables.map((t) => renderTable(t, nf));
      const notes = [
        ...(out.notes ?? []),
        ...(out.ledger === undefined ? [] : [identityLine(out.ledger)]),
      ].join("\n");
      return parts.join("\n") + (notes.length > 0 ? `\n${notes}\n` : "");
    }
  }
};
