import type { RecordedEvent } from "@coop-ledger/domain";
import { type Figure, indicatorDefinition } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { loadLedger } from "../engine/load-ledger.js";
import { byWeight, effectiveOf } from "../engine/recorded-between.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { eventLabel } from "../labels/event-labels.js";
import { showFigure, showRatioParts } from "../labels/figures.js";
import { scopedIndicatorName } from "../labels/scoped-label.js";
import type { VerifySwitch } from "../options/common.js";
import { parseInstantOption } from "../options/dates.js";
import { parseQuery, type RawQueryOptions } from "../options/query.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import type { NumberFormat } from "../output/numbers.js";
import { type Restatement, restatement } from "./restatement.js";

/**
 * A figure as the diff shows it: the value, and for a ratio its exact numerator and denominator, so a
 * change that rounds to the same percentage (97.2 % → 97.2 %) still shows what changed.
 * @example showExactFigure({ unit: "share", value: 0.972, numerator: 35, denominator: 36 } as Figure) // "97.2 % (35 / 36)"
 */
export const showExactFigure = (f: Figure, nf: NumberFormat = "en"): string => {
  const parts = showRatioParts(f, nf);
  return parts === "" ? showFigure(f, nf) : `${showFigure(f, nf)} (${parts})`;
};

/**
 * The two tables of a restatement: the figures that changed (before → after) and the events recorded
 * between the instants.
 * @example
 * import { restatement } from "../src/commands/restatement.js";
 * const ctx = makeContext(processIo());
 * await writeLedger("restatement-tables.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "restatement-tables.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const q: CliQuery = { validAt: "2022-06-30" as BusinessDate, scope: { geography: "as-of" } };
 * const r = restatement(ledger.right, q, "2022-07-01T23:59:59.999Z" as Instant, "2022-12-31T23:59:59.999Z" as Instant);
 * if (E.isRight(r)) for (const t of restatementTables(r.right, "vi")) console.log(renderTable(t, "vi"));
 * // the 5 figures restated (managers.under50QualifiedShare 44,5 % (121 / 272) → 44,9 % (122 / 272) …),
 * // no breakdown cell moved, and the 5 events recorded in between
 */
export const restatementTables = (r: Restatement, nf: NumberFormat = "en"): ReadonlyArray<DataTable> => [
  {
    title: `Figures valid at ${r.validAt} that changed between ${r.knownAtA} and ${r.knownAtB} (${r.scope})`,
    columns: [
      { key: "id", header: "indicator" },
      { key: "before", header: "as known at A", kind: "int" },
      { key: "after", header: "as known at B", kind: "int" },
      { key: "name", header: "name (tên chỉ tiêu)", only: "table" },
      { key: "before_value", header: "before", only: "data" },
      { key: "after_value", header: "after", only: "data" },
      { key: "before_numerator", header: "before numerator", only: "data" },
      { key: "before_denominator", header: "before denominator", only: "data" },
      { key: "after_numerator", header: "after numerator", only: "data" },
      { key: "after_denominator", header: "after denominator", only: "data" },
    ],
    rows: r.changes.map((c) => {
      return {
        id: c.id,
        before: showExactFigure(c.before, nf),
        after: showExactFigure(c.after, nf),
        name: scopedIndicatorName(indicatorDefinition(c.before.id), r.form),
        before_value: c.before.value,
        after_value: c.after.value,
        before_numerator: c.before.numerator ?? null,
        before_denominator: c.before.denominator ?? null,
        after_numerator: c.after.numerator ?? null,
        after_denominator: c.after.denominator ?? null,
      };
    }),
  },
  {
    title: `Figures whose total is unchanged but whose breakdown moved (${r.breakdownChanges.length} cells): province, sector or form cells, and a figure's own parts`,
    columns: [
      { key: "id", header: "indicator" },
      { key: "cell", header: "cell" },
      { key: "before", header: "as known at A", kind: "int" },
      { key: "after", header: "as known at B", kind: "int" },
      { key: "axis", header: "axis", only: "data" },
      { key: "cell_code", header: "cell code", only: "data" },
      { key: "before_value", header: "before", only: "data" },
      { key: "after_value", header: "after", only: "data" },
    ],
    rows: r.breakdownChanges.map((c) => ({
      id: c.id,
      cell: `${c.axis} = ${c.cell}`,
      before: showExactFigure(c.before, nf),
      after: showExactFigure(c.after, nf),
      axis: c.axis,
      cell_code: c.cell,
      before_value: c.before.value,
      after_value: c.after.value,
    })),
  },
  {
    title: `Events recorded between A and B, effective by ${r.validAt} (${r.eventCount}): what the ledger learnt late (sự kiện ghi nhận muộn)`,
    columns: LATE_COLUMNS,
    rows: [...r.events].sort(byWeight).slice(0, 25).map(lateRow),
  },
];

/**
 * The columns of a restatement's late events table (shared with the web view's "more").
 * @example LATE_COLUMNS.map((c) => c.header) // ["position", "recorded at", …]
 */
export const LATE_COLUMNS: DataTable["columns"] = [
  { key: "position", header: "position", kind: "int" },
  { key: "recordedAt", header: "recorded at" },
  { key: "effectiveDate", header: "effective" },
  { key: "streamId", header: "stream" },
  { key: "type", header: "event (sự kiện)" },
  { key: "eventId", header: "event id", only: "data" },
];

/**
 * One row of the late events table.
 * @example const rows = (events: ReadonlyArray<RecordedEvent>) => events.map(lateRow);
 */
export const lateRow = (e: RecordedEvent): DataTable["rows"][number] => ({
  position: e.position,
  recordedAt: e.metadata.recordedAt,
  effectiveDate: effectiveOf(e),
  streamId: e.streamId,
  type: eventLabel(e.event.type),
  eventId: e.eventId,
});

/**
 * The one-line summary under a restatement (shared by `diff` and serve's compare view); `all` says
 * where the full list of events is when the table shows only 25.
 * @example
 * import type { Restatement } from "../src/commands/restatement.js";
 * const note = (r: Restatement): string => restatementNote(r, "--format json lists all");
 * // note(r) → "2 figure(s) restated; 0 breakdown cell(s) moved …"
 */
export const restatementNote = (r: Restatement, all: string): string =>
  r.changes.length === 0 && r.breakdownChanges.length === 0
    ? "No figure changed: nothing recorded between the two instants touches this date and scope."
    : `${r.changes.length} figure(s) restated; ${r.breakdownChanges.length} breakdown cell(s) moved under a total unchanged; ${r.eventCount} event(s) recorded in between${r.eventCount > 25 ? ` (the table shows 25, dissolutions and retractions first; ${all})` : ""}.`;

/** Options of `coop-ledger diff`. */
export interface DiffOptions extends Omit<RawQueryOptions, "knownAt">, VerifySwitch {
  readonly ledger: string;
  readonly knownAt: ReadonlyArray<string>;
}

/**
 * `coop-ledger diff --ledger FILE --valid-at DATE --known-at T1 --known-at T2`: the restatement.
 * @example
 * const ctx = makeContext(processIo());
 * await writeLedger("diff.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runDiff(ctx, { ledger: "diff.jsonl", validAt: "30/06/2022", knownAt: ["2022-07-01", "2022-12-31"] });
 * if (E.isRight(r)) console.log(r.right.tables.map((t) => t.rows.length)); // [5, 0, 5]: figures restated, cells moved, events recorded late
 */
export const runDiff = async (ctx: CliContext, o: DiffOptions): Promise<E.Either<CliError, CliOutput>> => {
  if (o.knownAt.length !== 2)
    return E.left(
      usage(
        `--known-at must be given exactly twice (got ${o.knownAt.length})`,
        "e.g. --known-at 2023-01-15 --known-at 2024-06-30",
      ),
    );
  const q = parseQuery({ ...o, knownAt: undefined });
  if (E.isLeft(q)) return q;
  const a = parseInstantOption("--known-at", o.knownAt[0]!);
  if (E.isLeft(a)) return a;
  const b = parseInstantOption("--known-at", o.knownAt[1]!);
  if (E.isLeft(b)) return b;
  const [first, second] = a.right <= b.right ? [a.right, b.right] : [b.right, a.right];
  const ledger = await loadLedger(ctx, o.ledger, { verify: o.verify !== false, reindex: o.reindex === true });
  if (E.isLeft(ledger)) return ledger;
  const r = restatement(ledger.right, q.right, first, second);
  if (E.isLeft(r)) return r;
  const tables = restatementTables(r.right, ctx.numberFormat);
  return E.right({
    ledger: ledger.right.identity,
    json: r.right,
    tables,
    notes: [restatementNote(r.right, "--format json lists all")],
  });
};
