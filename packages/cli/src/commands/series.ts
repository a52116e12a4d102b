import {
  IndicatorId,
  indicatorDefinition,
  indicatorValue,
  type Snapshot,
  snapshot,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import { type Every, periodEnds } from "../engine/periods.js";
import { fromProjectionError } from "../engine/projection-error.js";
import { type CliError, queryError } from "../errors/cli-error.js";
import { showFigure } from "../labels/figures.js";
import { labelInScope, scopedIndicatorName } from "../labels/scoped-label.js";
import type { VerifySwitch } from "../options/common.js";
import { dateRange, parseDateOption, parseInstantOption } from "../options/dates.js";
import { toProjectionQuery } from "../options/query.js";
import { type CliScope, describeScope, parseScope, type RawScopeOptions } from "../options/scope.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import type { NumberFormat } from "../output/numbers.js";

/** Options of `coop-ledger series`. */
export interface SeriesOptions extends RawScopeOptions, VerifySwitch {
  readonly ledger: string;
  readonly from: string;
  readonly to: string;
  readonly every: Every;
  readonly indicator: ReadonlyArray<string>;
  readonly knownAt?: string;
}

/** A computed series: one snapshot per period end. */
export interface SeriesResult {
  readonly indicators: ReadonlyArray<IndicatorId>;
  readonly every: Every;
  readonly points: ReadonlyArray<Snapshot>;
}

/**
 * Computes a series on a loaded ledger: one point-in-time query per period end (the index answers
 * each without re-folding), flows over each period (`periodFrom` = the period's first day), stocks at
 * its end. Shared by `series` and `report`.
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("compute-series.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "compute-series.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const s = computeSeries(ledger.right, ["coops.active", "coops.founded"], "2022-01-01", "2022-12-31", "quarter", { geography: "as-of" });
 * if (E.isRight(s)) console.log(s.right.points.map((p) => p.validAt)); // ["2022-03-31", "2022-06-30", "2022-09-30", "2022-12-31"]
 */
export const computeSeries = (
  ledger: LoadedLedger,
  indicators: ReadonlyArray<IndicatorId>,
  from: string,
  to: string,
  every: Every,
  scope: CliScope,
  knownAt?: string,
): E.Either<CliError, SeriesResult> => {
  const points: Snapshot[] = [];
  for (const step of periodEnds(from as never, to as never, every)) {
    const base = toProjectionQuery({
      validAt: step.to,
      scope,
      ...(knownAt !== undefined ? { knownAt: knownAt as never } : {}),
    });
    const s = snapshot(ledger.index, {
      ...base,
      indicators: [...indicators],
      options: { periodFrom: step.from },
    });
    if (E.isLeft(s)) return E.left(fromProjectionError(s.left));
    points.push(s.right);
  }
  return E.right({ indicators, every, points });
};

/**
 * The table of a series: a row per period end, a column per indicator.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("series-table.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "series-table.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const s = computeSeries(ledger.right, ["coops.active", "coops.founded"], "2022-01-01", "2022-12-31", "quarter", { geography: "as-of" });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * console.log(renderTable(seriesTable(s.right, "Bình Thuận (60), 2022 by quarter")));
 * // date        coops.active  coops.founded
 * // 2022-03-31           117              4   … 2022-12-31           124              5
 */
export const seriesTable = (r: SeriesResult, title: string, nf: NumberFormat = "en"): DataTable => ({
  title,
  columns: [
    { key: "date", header: "date" },
    ...r.indicators.flatMap((id) => [
      { key: `${id}#shown`, header: id, kind: "int" as const, only: "table" as const },
      { key: id, header: id, only: "data" as const },
    ]),
  ],
  rows: r.points.map((s) => {
    const row: Record<string, string | number | null> = { date: s.validAt };
    for (const id of r.indicators) {
      const f = indicatorValue(s, id);
      row[`${id}#shown`] = f === undefined ? "–" : showFigure(f, nf);
      row[id] = f?.value ?? null;
    }
    return row;
  }),
});

/**
 * `coop-ledger series --ledger FILE --from DATE --to DATE --every month|quarter|year --indicator ID...`.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("series.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runSeries(ctx, { ledger: "series.jsonl", from: "01/01/2022", to: "31/12/2022", every: "quarter", indicator: ["coops.active"] });
 * if (E.isRight(r)) console.log(r.right.tables[0]?.rows.length); // 4: one row per quarter end
 */
export const runSeries = async (
  ctx: CliContext,
  o: SeriesOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  const from = parseDateOption("--from", o.from);
  if (E.isLeft(from)) return from;
  const to = parseDateOption("--to", o.to);
  if (E.isLeft(to)) return to;
  const range = dateRange("--from", from.right, "--to", to.right);
  if (E.isLeft(range)) return range;
  const unknown = o.indicator.filter((i) => !IndicatorId.is(i));
  if (unknown.length > 0)
    return E.left(
      queryError(
        `unknown indicator ${unknown.map((u) => JSON.stringify(u)).join(", ")}`,
        "run `coop-ledger indicators` for the list of ids",
      ),
    );
  const knownAt = o.knownAt === undefined ? undefined : parseInstantOption("--known-at", o.knownAt);
  if (knownAt !== undefined && E.isLeft(knownAt)) return knownAt;
  const scope = parseScope(o);
  if (E.isLeft(scope)) return scope;
  const ledger = await loadLedger(ctx, o.ledger, { verify: o.verify !== false, reindex: o.reindex === true });
  if (E.isLeft(ledger)) return ledger;
  const ids = o.indicator as ReadonlyArray<IndicatorId>;
  const r = computeSeries(ledger.right, ids, from.right, to.right, o.every, scope.right, knownAt?.right);
  if (E.isLeft(r)) return r;
  return E.right({
    ledger: ledger.right.identity,
    json: {
      every: o.every,
      indicators: ids,
      // What each id counts under the scope (a form scope replaces the indicator's own form).
      labels: Object.fromEntries(
        ids.map((id) => [id, labelInScope(indicatorDefinition(id), scope.right.form)]),
      ),
      points: r.right.points.map((s) => ({ validAt: s.validAt, figures: s.figures })),
    },
    tables: [
      seriesTable(
        r.right,
        `Series by ${o.every}, ${from.right} → ${to.right}${knownAt !== undefined ? `, as known at ${knownAt.right}` : ""} — ${describeScope(scope.right)}`,
        ctx.numberFormat,
      ),
    ],
    notes: ids.map((id) => `${id}: ${scopedIndicatorName(indicatorDefinition(id), scope.right.form)}`),
  });
};
