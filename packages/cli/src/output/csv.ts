import type { Cell, DataTable } from "./data-table.js";

/** Quotes a field when RFC 4180 requires it (comma, quote, CR or LF), doubling inner quotes. */
const field = (v: Cell): string => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * A table as RFC 4180 CSV: a header row of column keys (stable, machine-friendly), raw values (numbers
 * unformatted, no thousands separators), CRLF line ends as the RFC says.
 *
 * @example renderCsv({ columns: [{ key: "id", header: "ID" }], rows: [{ id: "a,b" }] }) // 'id\r\n"a,b"\r\n'
 */
export const renderCsv = (t: DataTable): string => {
  const cols = t.columns.filter((c) => c.only !== "table");
  const lines = [cols.map((c) => field(c.key)).join(",")];
  for (const r of t.rows) lines.push(cols.map((c) => field(r[c.key] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
};
