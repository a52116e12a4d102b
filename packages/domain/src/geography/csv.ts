import * as E from "fp-ts/lib/Either.js";
import type { GeoFileKind, GeoParseError } from "./geo-parse-error.js";

/**
 * A minimal RFC 4180 CSV reader for the gazetteer files: comma-separated, optional double-quoted fields
 * (`""` escapes a quote), LF or CRLF line ends, an optional UTF-8 BOM. Written here rather than taken
 * from a library because the domain package stays dependency-light and I/O-free, and these files need
 * nothing more.
 *
 * Returns the rows with their 1-based line numbers (blank lines skipped), or the line of an unclosed
 * quote.
 *
 * @example readCsv('a,b\n1,"x, y"\n') // { rows: [{ line: 1, fields: ["a","b"] }, { line: 2, fields: ["1","x, y"] }] }
 */
export const readCsv = (
  text: string,
): { readonly rows: ReadonlyArray<CsvRow> } | { readonly unclosedQuoteAtLine: number } => {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let quoteStart = 0;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteStart = line;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) return { unclosedQuoteAtLine: quoteStart };
  if (field !== "" || fields.length > 0) endRow();
  return { rows };
};

/** A CSV row and the 1-based line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly fields: ReadonlyArray<string>;
}

/** A CSV data row read through its header: `get(column)` gives the field of a required column. */
export interface CsvRecord<C extends string> {
  readonly line: number;
  readonly get: (column: C) => string;
}

/**
 * Reads a CSV file whose first row is a header holding at least the `required` columns (any order,
 * extra columns ignored); every data row must have as many fields as the header.
 *
 * @example readCsvTable("a,b\n1,2\n", "communes", ["b"]) // Right([{ line: 2, get: (c) => "2" }])
 */
export const readCsvTable = <C extends string>(
  text: string,
  file: GeoFileKind,
  required: ReadonlyArray<C>,
): E.Either<GeoParseError, ReadonlyArray<CsvRecord<C>>> => {
  const read = readCsv(text);
  if ("unclosedQuoteAtLine" in read) {
    const line = read.unclosedQuoteAtLine;
    return E.left({
      _tag: "InvalidRow",
      file,
      line,
      problem: "unclosed quote",
      message: `${file} CSV line ${line}: a quoted field is never closed`,
    });
  }
  const [header, ...body] = read.rows;
  const names = header?.fields.map((f) => f.trim()) ?? [];
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return E.left({
      _tag: "MissingColumns",
      file,
      columns: missing,
      message: `${file} CSV header lacks column(s) ${missing.join(", ")} (found: ${names.join(", ") || "nothing"})`,
    });
  }
  const index = new Map(required.map((c) => [c, names.indexOf(c)]));
  const records: CsvRecord<C>[] = [];
  for (const row of body) {
    if (row.fields.length !== names.length) {
      return E.left({
        _tag: "InvalidRow",
        file,
        line: row.line,
        problem: `expected ${names.length} fields, found ${row.fields.length}`,
        message: `${file} CSV line ${row.line}: expected ${names.length} fields, found ${row.fields.length}`,
      });
    }
    const fields = row.fields;
    records.push({ line: row.line, get: (c) => (fields[index.get(c) ?? -1] ?? "").trim() });
  }
  return E.right(records);
};
