import {
  CoopForm,
  gazetteerOn,
  type Instant,
  provinces,
  type RecordedEvent,
  Sector,
} from "@coop-ledger/domain";
import {
  type Figure,
  type IndicatorId,
  indicatorDefinition,
  mayHaveMoved,
  snapshot,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import {
  byWeight,
  effectiveOf,
  type LatePage,
  lateEventsPage,
  recordedBetween,
} from "../engine/recorded-between.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { eventLabel } from "../labels/event-labels.js";
import { showFigure, showRatioParts } from "../labels/figures.js";
import { scopedIndicatorName } from "../labels/scoped-label.js";
import type { VerifySwitch } from "../options/common.js";
import { parseInstantOption } from "../options/dates.js";
import { type CliQuery, parseQuery, type RawQueryOptions, toProjectionQuery } from "../options/query.js";
import { type CliScope, describeScope } from "../options/scope.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import type { NumberFormat } from "../output/numbers.js";
import { snapshotOf } from "./snapshot.js";

/** One figure that differs between the two knowledge instants. */
export interface FigureChange {
  readonly id: string;
  readonly before: Figure;
  readonly after: Figure;
}

/**
 * A part of a figure that moved while the figure's total did not: one cell of the breakdown by
 * province, sector or form (the figure recomputed on that narrower scope), or one of the figure's own
 * parts (`part`: by fund, by dissolution mode).
 */
export interface CellChange {
  readonly id: string;
  readonly axis: "province" | "sector" | "form" | "part";
  readonly cell: string;
  readonly before: Figure;
  readonly after: Figure;
}

/**
 * The restatement between two knowledge instants A < B for one valid date: the figures that changed,
 * the figures whose total stayed but whose breakdown moved (`breakdownChanges`),
 * and the events recorded in (A, B] effective by the valid date (plus retractions) — the only events
 * that can have changed them (an event recorded by A is in both answers, one recorded after B in neither).
 */
export interface Restatement {
  readonly validAt: string;
  readonly knownAtA: Instant;
  readonly knownAtB: Instant;
  readonly scope: string;
  /** The scope's form, which replaces each indicator's own (the figures' names say so). */
  readonly form?: CoopForm;
  readonly changes: ReadonlyArray<FigureChange>;
  readonly breakdownChanges: ReadonlyArray<CellChange>;
  /**
   * The events recorded in between: all of them in position order, or, when a page was asked (the web
   * view's compare), that page in the table's order (dissolutions and retractions first).
   */
  readonly events: ReadonlyArray<RecordedEvent>;
  /** How many events were recorded in between (all of them, whether `events` lists all or a page). */
  readonly eventCount: number;
}

/**
 * A figure as the diff shows it: the value, and for a ratio its exact numerator and denominator, so a
 * change that rounds to the same percentage (97.2 % → 97.2 %) still shows what changed.
 * @example showExactFigure({ unit: "share", value: 0.972, numerator: 35, denominator: 36 } as Figure) // "97.2 % (35 / 36)"
 */
export const showExactFigure = (f: Figure, nf: NumberFormat = "en"): string => {
  const parts = showRatioParts(f, nf);
  return parts === "" ? showFigure(f, nf) : `${showFigure(f, nf)} (${parts})`;
};

// Exact comparison: integer numerator and denominator (and the value derived from them), never the
// rounded text. A figure without a value (a missing input) has not changed in any way a reader can see.
const sameFigure = (a: Figure, b: Figure): boolean =>
  (a.value === null && b.value === null) ||
  (a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator);

/**
 * The cells a figure of scope `scope` breaks down into, along every axis the scope leaves open:
 * provinces (of the gazetteer the answer is reported in), sectors, forms. Districts are not walked
 * (hundreds of cells); ask `diff --province P` to see a province's restatement.
 */
const breakdownCells = (
  validAt: CliQuery["validAt"],
  scope: CliScope,
): ReadonlyArray<{ readonly axis: CellChange["axis"]; readonly cell: string; readonly scope: CliScope }> => {
  const out: Array<{ axis: CellChange["axis"]; cell: string; scope: CliScope }> = [];
  if (scope.province === undefined && scope.district === undefined) {
    const version = scope.geography === "as-of" ? gazetteerOn(validAt) : scope.geography;
    for (const p of provinces(version))
      out.push({ axis: "province", cell: p.code, scope: { ...scope, province: p.code } });
  }
  if (scope.sector === undefined)
    for (const sector of Sector.values)
      out.push({ axis: "sector", cell: sector, scope: { ...scope, sector } });
  if (scope.form === undefined)
    for (const form of CoopForm.values) out.push({ axis: "form", cell: form, scope: { ...scope, form } });
  return out;
};

/** Whether `form` is one the indicator `id` counts (indicators with no form, alliance and fund figures, count none). */
const ownForm = (id: Figure["id"], form: string): boolean =>
  (indicatorDefinition(id).forms as ReadonlyArray<string>).includes(form);

/** A figure's own parts (`breakdown`) that differ, as cells; an absent part counts as 0. */
const partChanges = (before: Figure, after: Figure): CellChange[] => {
  const b = before.breakdown ?? {};
  const a = after.breakdown ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => (b[k] ?? 0) !== (a[k] ?? 0))
    .map((k) => ({
      id: before.id,
      axis: "part" as const,
      cell: k,
      before: { ...before, value: b[k] ?? 0, breakdown: undefined } as Figure,
      after: { ...after, value: a[k] ?? 0, breakdown: undefined } as Figure,
    }));
};

/**
 * Computes the restatement of `q` between `a` and `b` (a < b) from two snapshots of the index, and —
 * when events were recorded in between — the breakdown cells that moved under a total that did not
 * (a late founding in one sector and a late dissolution in another leave `coops.active` equal).
 * With `page`, only that page of the late events is read from the ledger (and listed), with their count.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("restatement.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "restatement.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const q: CliQuery = { validAt: "2022-06-30" as BusinessDate, scope: { geography: "as-of" } }; // as known on 1 July, then at the year's end:
 * const r = restatement(ledger.right, q, "2022-07-01T23:59:59.999Z" as Instant, "2022-12-31T23:59:59.999Z" as Instant);
 * if (E.isRight(r)) console.log(r.right.changes.map((c) => `${c.id} ${c.before.value} → ${c.after.value}`), r.right.eventCount);
 * // ["alliance.newMembers 3 → 4", …] 5: five figures restated by the five events recorded in between
 */
export const restatement = (
  ledger: LoadedLedger,
  q: CliQuery,
  a: Instant,
  b: Instant,
  page?: LatePage,
): E.Either<CliError, Restatement> => {
  const sa = snapshotOf(ledger, { ...q, knownAt: a });
  if (E.isLeft(sa)) return sa;
  const sb = snapshotOf(ledger, { ...q, knownAt: b });
  if (E.isLeft(sb)) return sb;
  const changes: FigureChange[] = [];
  const steady = new Set<string>();
  sa.right.figures.forEach((before, i) => {
    const after = sb.right.figures[i];
    if (after === undefined) return;
    if (!sameFigure(before, after)) changes.push({ id: before.id, before, after });
    else steady.add(before.id);
  });
  // Nothing recorded in (a, b] that bears on the date: no figure and no cell can have moved.
  const late =
    page === undefined
      ? (() => {
          const all = recordedBetween(ledger, a, b, q.validAt);
          return { total: all.length, events: all };
        })()
      : lateEventsPage(ledger, a, b, q.validAt, page);
  const breakdownChanges: CellChange[] = [];
  if (late.total > 0) {
    sa.right.figures.forEach((before, i) => {
      const after = sb.right.figures[i];
      if (after !== undefined && steady.has(before.id)) breakdownChanges.push(...partChanges(before, after));
    });
    // Only the figures whose total stayed are looked at in the cells, and only where what was recorded in
    // between changes what they read (from the provenance table; every cell without one): two snapshots
    // per cell, some 75 cells on a national ledger, most of which nothing late moved.
    const watched = [...steady] as IndicatorId[];
    const cells = watched.length === 0 ? [] : breakdownCells(q.validAt, q.scope);
    const queryOf = (scope: CliScope, indicators: ReadonlyArray<IndicatorId>, knownAt?: Instant) => ({
      ...toProjectionQuery({ ...q, scope }, knownAt),
      indicators,
    });
    // Asked per cell AND indicator: a cell is then snapshotted for the indicators that can have moved
    // there only (a wide restatement touches every province, but few of the steady figures in each).
    const pairs = cells.flatMap((_, k) => watched.map((id) => ({ k, id })));
    const table = ledger.provenance;
    const movable =
      table === undefined
        ? pairs.map(() => true)
        : mayHaveMoved(
            table,
            ledger.events,
            pairs.map((p) => queryOf((cells[p.k] as (typeof cells)[number]).scope, [p.id])),
            a,
            b,
          );
    const askedIn = cells.map((): IndicatorId[] => []);
    pairs.forEach((p, i) => {
      if (movable[i] === true) askedIn[p.k]?.push(p.id);
    });
    cells.forEach((cell, k) => {
      const asked = askedIn[k] ?? [];
      if (asked.length === 0) return;
      const ca = snapshot(ledger.index, queryOf(cell.scope, asked, a));
      const cb = snapshot(ledger.index, queryOf(cell.scope, asked, b));
      // A cell the geography does not have (an error for that scope) cannot have moved.
      if (E.isLeft(ca) || E.isLeft(cb)) return;
      ca.right.figures.forEach((before, i) => {
        const after = cb.right.figures[i];
        // A form cell is a part of a figure only for a form the figure counts: `unions.active` scoped to
        // form "cooperative" measures co-ops (the scope's form stands in for the indicator's own, which
        // targets summing over forms rely on), which is no part of the unions' total.
        if (cell.axis === "form" && !ownForm(before.id, cell.cell)) return;
        if (after !== undefined && !sameFigure(before, after))
          breakdownChanges.push({ id: before.id, axis: cell.axis, cell: cell.cell, before, after });
      });
    });
  }
  const moved = changes.length > 0 || breakdownChanges.length > 0;
  return E.right({
    validAt: q.validAt,
    knownAtA: a,
    knownAtB: b,
    scope: describeScope(q.scope),
    ...(q.scope.form !== undefined ? { form: q.scope.form } : {}),
    changes,
    breakdownChanges,
    events: moved ? late.events : [],
    eventCount: moved ? late.total : 0,
  });
};

/**
 * The two tables of a restatement: the figures that changed (before → after) and the events recorded
 * between the instants.
 * @example
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
