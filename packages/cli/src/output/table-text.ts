import type { Cell, Column, DataTable } from "./data-table.js";
import { formatPercent, formatVnd, groupDigits, type NumberFormat } from "./numbers.js";

/**
 * The printed width of a string: code points after NFC (Vietnamese letters are precomposed then).
 * @example
 * displayWidth("Hợp tác xã") // 10
 * displayWidth("a\u0301") // 1 (a + combining acute is one letter, á)
 */
export const displayWidth = (s: string): number => [...s.normalize("NFC")].length;

const pad = (s: string, width: number, right: boolean): string => {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

/**
 * A cell as text for a terminal, by the column's kind; `null` shows as an en dash (no data).
 * @example showCell(0.75, { key: "v", header: "v", kind: "percent" }) // "75.0 %"
 */
export const showCell = (v: Cell, col: Column, nf: NumberFormat = "en"): string => {
  if (v === null) return "–";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "string") return v;
  switch (col.kind ?? "text") {
    case "int":
      return groupDigits(v, nf);
    case "vnd":
      return formatVnd(v, nf);
    case "percent":
      return formatPercent(v, nf);
    default:
      return String(v);
  }
};

/**
 * Renders a table with aligned columns (numbers right-aligned), a header rule and an optional title.
 *
 * @example
 * renderTable({ columns: [{ key: "a", header: "A" }], rows: [{ a: "x" }] })
 * // "A\n─\nx\n"
 */
export const renderTable = (table: DataTable, nf: NumberFormat = "en"): string => {
  const t = { ...table, columns: table.columns.filter((c) => c.only !== "data") };
  const heads = t.columns.map((c) => c.header);
  const body = t.rows.map((r) => t.columns.map((c) => showCell(r[c.key] ?? null, c, nf)));
  const widths = t.columns.map((_, i) =>
    Math.max(displayWidth(heads[i] ?? ""), ...body.map((row) => displayWidth(row[i] ?? ""))),
  );
  const right = t.columns.map((c) => (c.kind ?? "text") !== "text");
  const line = (cells: ReadonlyArray<string>): string =>
    cells
      .map((s, i) => pad(s, widths[i] ?? 0, right[i] ?? false))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  if (t.title !== undefined) out.push(t.title);
  out.push(line(heads), widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of body) out.push(line(row));
  if (t.rows.length === 0) out.push("(no rows)");
  return `${out.join("\n")}\n`;
};
