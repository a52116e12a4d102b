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
import type { LoadedLedger } from "../engine/load-ledger.js";
import { type LatePage, lateEventsPage, recordedBetween } from "../engine/recorded-between.js";
import type { CliError } from "../errors/cli-error.js";
import { type CliQuery, toProjectionQuery } from "../options/query.js";
import { type CliScope, describeScope } from "../options/scope.js";
import { snapshotOf } from "./snapshot.js";

// What `diff` and the web view's compare compute: the restatement between two knowledge instants. How it
// is shown (its tables and note) and the command itself are in diff.ts.

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
