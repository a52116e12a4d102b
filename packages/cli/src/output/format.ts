import { literals } from "@coop-ledger/domain";
import type * as t from "io-ts";
import { renderCsv } from "./csv.js";
import type { CommandOutput } from "./data-table.js";
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
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);

/**
 * Renders a command's output in the chosen format. CSV prints the first table only (one CSV, one
 * table); table prints every table, then the notes.
 *
 * @example renderOutput({ json: { a: 1 }, tables: [] }, "json") // '{\n  "a": 1\n}\n'
 */
export const renderOutput = (out: CommandOutput, format: OutputFormat): string => {
  switch (format) {
    case "json":
      return `${toJson(out.json)}\n`;
    case "csv": {
      const first = out.tables[0];
      return first === undefined ? "" : renderCsv(first);
    }
    case "table": {
      const parts = out.tables.map(renderTable);
      const notes = (out.notes ?? []).join("\n");
      return parts.join("\n") + (notes.length > 0 ? `\n${notes}\n` : "");
    }
  }
};
