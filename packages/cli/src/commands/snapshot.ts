import { type Figure, indicatorDefinition, type Snapshot, snapshot } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import { fromProjectionError } from "../engine/projection-error.js";
import type { CliError } from "../errors/cli-error.js";
import { showFigure, showPeriod, showRatioParts } from "../labels/figures.js";
import { labelInScope } from "../labels/scoped-label.js";
import type { VerifySwitch } from "../options/common.js";
import { type CliQuery, parseQuery, type RawQueryOptions, toProjectionQuery } from "../options/query.js";
import { describeScope } from "../options/scope.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import { groupDigits, type NumberFormat } from "../output/numbers.js";

/** Options of `coop-ledger snapshot`. */
export interface SnapshotOptions extends RawQueryOptions, VerifySwitch {
  readonly ledger: string;
}

/**
 * The table of a snapshot: one row per indicator, the value formatted for people (table) and raw
 * (CSV), ratios with their numerator and denominator, and the period each figure covers.
 *
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const snap = snapshot(index, { validAt: "2022-12-31", indicators: ["coops.active", "coops.agriculturalShare"] });
 * if (E.isLeft(snap)) throw new Error(snap.left._tag);
 * console.log(renderTable(snapshotTable(snap.right, "Bình Thuận (60) at 2022-12-31", "vi"), "vi"));
 * // coops.active  124 … coops.agriculturalShare  65,3 %  81 / 124  2022-12-31  Share of agricultural co-ops (Tỷ lệ HTX nông nghiệp)
 */
export const snapshotTable = (s: Snapshot, title: string, nf: NumberFormat = "en"): DataTable => ({
  title,
  columns: [
    { key: "id", header: "indicator" },
    { key: "shown", header: "value (giá trị)", kind: "int", only: "table" },
    { key: "parts", header: "numerator / denominator", kind: "int", only: "table" },
    { key: "periodText", header: "period (kỳ)", only: "table" },
    // The long bilingual name goes last so a narrow terminal wraps it instead of the figures.
    { key: "name", header: "name (tên chỉ tiêu)", only: "table" },
    { key: "label_en", header: "label (en)", only: "data" },
    { key: "label_vi", header: "label (vi)", only: "data" },
    { key: "value", header: "value", only: "data" },
    { key: "numerator", header: "numerator", only: "data" },
    { key: "denominator", header: "denominator", only: "data" },
    { key: "unit", header: "unit", only: "data" },
    { key: "period_from", header: "period from", only: "data" },
    { key: "period_to", header: "period to", only: "data" },
    { key: "fiscal_year", header: "fiscal year", only: "data" },
    { key: "note", header: "note", only: "data" },
  ],
  rows: s.figures.map((f) => {
    // The label says what the figure counts under the scope's form (see labelInScope).
    const label = labelInScope(indicatorDefinition(f.id), s.scope.form);
    return {
      id: f.id,
      name: `${label.en} (${label.vi})`,
      label_en: label.en,
      label_vi: label.vi,
      shown: showFigure(f, nf),
      parts: showRatioParts(f, nf),
      value: f.value,
      numerator: f.numerator ?? null,
      denominator: f.denominator ?? null,
      unit: f.unit,
      periodText: showPeriod(f),
      period_from: f.period.from,
      period_to: f.period.to,
      fiscal_year: f.fiscalYear ?? null,
      note: f.note ?? null,
    };
  }),
});

/**
 * A snapshot as JSON prints it: each figure with its `label` (English and Vietnamese) as the tables
 * show it — under a form scope, the organisations actually counted (see {@link labelInScope}).
 * @example
 * const snap = snapshot(buildIndex([]), { validAt: "2022-12-31", scope: { form: "union" }, indicators: ["coops.active"] });
 * if (E.isRight(snap)) console.log(labelledSnapshot(snap.right).figures[0]?.label);
 * // { en: "Active co-op unions", vi: "Số liên hiệp hợp tác xã đang hoạt động" }
 */
export const labelledSnapshot = (
  s: Snapshot,
): Snapshot & {
  readonly figures: ReadonlyArray<Figure & { readonly label: { readonly en: string; readonly vi: string } }>;
} => ({
  ...s,
  figures: s.figures.map((f) => ({ ...f, label: labelInScope(indicatorDefinition(f.id), s.scope.form) })),
});

/**
 * The heading of a point-in-time answer: what date, as known when, over what, in which geography.
 * @example
 * // A year of Bình Thuận (60), indexed in memory.
 * const index = buildIndex(asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" })));
 * const q: CliQuery = { validAt: "2022-12-31" as BusinessDate, scope: { geography: "as-of" } };
 * const snap = snapshot(index, toProjectionQuery(q));
 * if (E.isRight(snap)) console.log(queryTitle(q, snap.right));
 * // "Indicators (chỉ tiêu) valid at 2022-12-31, as known at the end of the ledger — whole ledger, provinces as of the valid date (reported in the 2008-08-01 gazetteer)"
 */
export const queryTitle = (q: CliQuery, s: Snapshot, what = "Indicators (chỉ tiêu)"): string =>
  `${what} valid at ${q.validAt}, ${
    q.knownAt !== undefined ? `as known at ${q.knownAt}` : "as known at the end of the ledger"
  } — ${describeScope(q.scope)} (reported in the ${s.reportIn} gazetteer)`;

/**
 * Computes a snapshot on a loaded ledger (shared by `snapshot` and `demo`).
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("snapshot-of.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "snapshot-of.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const snap = snapshotOf(ledger.right, { validAt: "2022-12-31" as BusinessDate, scope: { province: "60" as ProvinceCode, geography: "as-of" } });
 * if (E.isRight(snap)) console.log(indicatorValue(snap.right, "coops.active")?.value); // 124
 */
export const snapshotOf = (ledger: LoadedLedger, q: CliQuery): E.Either<CliError, Snapshot> =>
  E.mapLeft(fromProjectionError)(snapshot(ledger.index, toProjectionQuery(q)));

/**
 * `coop-ledger snapshot --ledger FILE --valid-at DATE [--known-at T] [scope]`: every indicator.
 * @example
 * // A year of Bình Thuận (60) written to a ledger, then every indicator at the year's end.
 * const ctx = makeContext(processIo());
 * await writeLedger("snapshot.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runSnapshot(ctx, { ledger: "snapshot.jsonl", validAt: "31/12/2022" });
 * if (E.isLeft(r)) throw new Error(r.left.message);
 * console.log(r.right.ledger?.events, r.right.tables[0]?.rows.length); // 525 48: every event, a row per indicator
 */
export const runSnapshot = async (
  ctx: CliContext,
  o: SnapshotOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  const q = parseQuery(o);
  if (E.isLeft(q)) return q;
  const ledger = await loadLedger(ctx, o.ledger, { verify: o.verify !== false, reindex: o.reindex === true });
  if (E.isLeft(ledger)) return ledger;
  const s = snapshotOf(ledger.right, q.right);
  if (E.isLeft(s)) return s;
  const notes = s.right.figures.filter((f) => f.note !== undefined).map((f) => `${f.id}: ${f.note}`);
  return E.right({
    ledger: ledger.right.identity,
    json: labelledSnapshot(s.right),
    tables: [snapshotTable(s.right, queryTitle(q.right, s.right), ctx.numberFormat)],
    notes: [`${groupDigits(ledger.right.events)} events read from ${o.ledger}.`, ...notes],
  });
};
