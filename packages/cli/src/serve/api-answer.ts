import { chainStatus, identityLine } from "../engine/ledger-identity.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import type { Cell, DataTable } from "../output/data-table.js";
import type { NumberFormat } from "../output/numbers.js";
import { showCell } from "../output/table-text.js";

/**
 * A table as the page shows it: the CLI's table (the columns a terminal shows, each cell the very text
 * `renderTable` prints), plus the raw rows (every column, data-only ones included: event ids, raw
 * values) for links such as "open this event".
 *
 * @example viewTable({ title: "t", columns: [{ key: "a", header: "A", kind: "int" }], rows: [{ a: 1000 }] }, "en")
 * // { title: "t", headers: ["A"], align: ["right"], cells: [["1,000"]], rows: [{ a: 1000 }] }
 */
export interface ViewTable {
  readonly title: string | null;
  readonly headers: ReadonlyArray<string>;
  readonly align: ReadonlyArray<"left" | "right">;
  readonly cells: ReadonlyArray<ReadonlyArray<string>>;
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>;
}

/**
 * @see ViewTable
 * @example
 * viewTable({ title: "t", columns: [{ key: "a", header: "A", kind: "int" }], rows: [{ a: 1000 }] }, "vi").cells[0]?.[0] // "1.000"
 */
export const viewTable = (t: DataTable, nf: NumberFormat): ViewTable => {
  const cols = t.columns.filter((c) => c.only !== "data");
  return {
    title: t.title ?? null,
    headers: cols.map((c) => c.header),
    align: cols.map((c) => ((c.kind ?? "text") === "text" ? "left" : "right")),
    cells: t.rows.map((r) => cols.map((c) => showCell(r[c.key] ?? null, c, nf))),
    rows: t.rows,
  };
};

/**
 * One answer of the web view's API: the ledger state it comes from (every answer names it, with
 * "verified" or "unverified"), the question as understood, the engine's result (the JSON the CLI's
 * `--format json` prints), the tables the CLI prints, and the notes.
 *
 * @example
 * const empty = (ledger: LoadedLedger): ApiAnswer => ({
 *   ledger: ledgerMember(ledger),
 *   query: {},
 *   result: {},
 *   tables: [],
 *   notes: [],
 * });
 */
export interface ApiAnswer {
  readonly ledger: LoadedLedger["identity"] & {
    readonly chain: "verified" | "unverified";
    readonly line: string;
  };
  readonly query: Readonly<Record<string, unknown>>;
  readonly result: unknown;
  readonly tables: ReadonlyArray<ViewTable>;
  readonly notes: ReadonlyArray<string>;
  /** Snapshot answers only: each indicator's value at every year end up to the valid date. */
  readonly sparklines?: {
    readonly dates: ReadonlyArray<string>;
    readonly values: Readonly<Record<string, ReadonlyArray<number | null>>>;
  };
}

/**
 * The `ledger` member of every answer (and of every error answer once a ledger is open). It reads only
 * the loaded ledger's identity.
 * @example
 * const m = ledgerMember({ identity: { path: "l.jsonl", events: 2, lastPosition: 1, lastHash: "ab12", verified: true } });
 * m.chain // "verified"
 * m.line // "Ledger (sổ cái): l.jsonl · 2 events · last position 1 · last hash ab12 · hash chain verified"
 */
export const ledgerMember = (l: Pick<LoadedLedger, "identity">): ApiAnswer["ledger"] => ({
  ...l.identity,
  chain: chainStatus(l.identity),
  line: identityLine(l.identity),
});

/**
 * An answer: the ledger member, the query, the result, the tables as the page shows them, the notes.
 * @example const empty = (l: LoadedLedger) => answer(l, {}, {}, [], [], "en");
 */
export const answer = (
  l: LoadedLedger,
  query: Readonly<Record<string, unknown>>,
  result: unknown,
  tables: ReadonlyArray<DataTable>,
  notes: ReadonlyArray<string>,
  nf: NumberFormat,
): ApiAnswer => ({
  ledger: ledgerMember(l),
  query,
  result,
  tables: tables.map((t) => viewTable(t, nf)),
  notes,
});
