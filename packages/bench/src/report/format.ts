import type { Spread } from "../harness/stats.js";

/**
 * A number with thousands separators and a sensible precision (3 significant figures under 100).
 *
 * @example fmt(1234567.8) // "1,234,568"
 * @example fmt(0.01234) // "0.0123"
 * @example fmt(Number.NaN) // "not measured"
 */
export const fmt = (x: number): string => {
  // A figure that was not measured (its child failed, or the run skipped it) is NaN: say so, never "NaN".
  if (Number.isNaN(x)) return NOT_MEASURED;
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x).toLocaleString("en-US");
  if (a === 0) return "0";
  return Number(x.toPrecision(3)).toString();
};

/**
 * How a figure that was not measured is printed (and budget judged on it).
 * @example
 * NOT_MEASURED // "not measured"
 */
export const NOT_MEASURED = "not measured";

/**
 * A spread as `median [min–max]`, or the median alone for a single run.
 *
 * @example fmtSpread({ median: 2, min: 1, max: 3, n: 3 }) // "2 [1–3]"
 */
export const fmtSpread = (s: Spread, unit = ""): string =>
  Number.isNaN(s.median)
    ? NOT_MEASURED
    : s.n <= 1
      ? `${fmt(s.median)}${unit}`
      : `${fmt(s.median)}${unit} [${fmt(s.min)}–${fmt(s.max)}]`;

/**
 * Renders rows as a fixed-width text table (first row is the header).
 *
 * @example console.log(textTable([["a", "b"], ["1", "2"]]));
 */
export const textTable = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  const line = (r: ReadonlyArray<string>): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  const [head, ...body] = rows;
  if (head === undefined) return "";
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
};

/**
 * Renders rows as a Markdown table (first row is the header).
 *
 * @example markdownTable([["a", "b"], ["1", "2"]]) // "| a | b |\n|---|---|\n| 1 | 2 |"
 */
export const markdownTable = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const [head, ...body] = rows;
  if (head === undefined) return "";
  const esc = (c: string): string => c.replaceAll("|", "\\|");
  return [
    `| ${head.map(esc).join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...body.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
};
