import {
  type Explanation,
  explain,
  explainFromProvenance,
  IndicatorId,
  type IndicatorId as IndicatorIdType,
  indicatorDefinition,
  type ProjectionError,
} from "@coop-ledger/projections";

/** A projection query, as `explain` takes it. */
type QueryInput = Parameters<typeof explain>[2];

import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import { fromProjectionError } from "../engine/projection-error.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import { eventLabel } from "../labels/event-labels.js";
import { showFigure, showRatioParts } from "../labels/figures.js";
import { scopedIndicatorName } from "../labels/scoped-label.js";
import type { VerifySwitch } from "../options/common.js";
import { parseQuery, type RawQueryOptions, toProjectionQuery } from "../options/query.js";
import { describeScope } from "../options/scope.js";
import type { CliOutput, DataTable } from "../output/data-table.js";
import type { NumberFormat } from "../output/numbers.js";

/** Options of `coop-ledger explain`. */
export interface ExplainOptions extends RawQueryOptions, VerifySwitch {
  readonly ledger: string;
  readonly limit: string;
}

const contributionText = (c: Explanation["events"][number]["contribution"]): string =>
  c.value !== undefined
    ? `${c.value > 0 ? "+" : ""}${c.value}`
    : `${(c.numerator ?? 0) > 0 ? "+" : ""}${c.numerator ?? 0} / ${(c.denominator ?? 0) > 0 ? "+" : ""}${c.denominator ?? 0}`;

/**
 * The table of an explanation: one row per event that makes up the figure, with what it contributed
 * (to the value, or to numerator / denominator). `x.total`, when given, is the number of events of which
 * `x.events` is a page.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("explanation.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "explanation.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const x = explainOn(ledger.right, "coops.founded", { validAt: "2022-12-31" });
 * if (E.isLeft(x)) throw new Error(x.left._tag);
 * const t = explanationTable(x.right, 3);
 * console.log(t.title, t.rows[0]?.contribution); // "Events that make up coops.founded = 11: 11 event(s), the first 3 shown" "+1"
 */
export const explanationTable = (
  x: Explanation & { readonly total?: number },
  limit: number,
  nf: NumberFormat = "en",
): DataTable => ({
  title: `Events that make up ${x.figure.id} = ${showFigure(x.figure, nf)}${showRatioParts(x.figure, nf) !== "" ? ` (${showRatioParts(x.figure, nf)})` : ""}: ${x.total ?? x.events.length} event(s)${(x.total ?? x.events.length) > limit ? `, the first ${limit} shown` : ""}`,
  columns: [
    { key: "position", header: "position", kind: "int" },
    { key: "effectiveDate", header: "effective" },
    { key: "recordedAt", header: "recorded at" },
    { key: "streamId", header: "stream" },
    { key: "contribution", header: "contributes", kind: "int" },
    { key: "type", header: "event (sự kiện)" },
    { key: "eventId", header: "event id", only: "data" },
  ],
  rows: x.events.slice(0, limit).map((e) => ({
    position: e.position,
    effectiveDate: e.effectiveDate,
    recordedAt: e.recordedAt,
    streamId: e.streamId,
    contribution: contributionText(e.contribution),
    type: eventLabel(e.type),
    eventId: e.eventId,
  })),
});

/**
 * The explanation of a figure on an opened ledger: from its provenance table when it has one (the
 * entries of the indicator's series summed per event; only the events listed are read from the ledger,
 * by byte offset), else by re-folding every stream from its events. Both give the same events and
 * contributions (`explain-from-provenance.prop.test.ts`).
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("explain-on.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "explain-on.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const x = explainOn(ledger.right, "coops.founded", { validAt: "2022-12-31" });
 * if (E.isRight(x)) console.log(x.right.figure.value, x.right.events.length); // 11 11: each founding contributes +1
 */
export const explainOn = (
  ledger: LoadedLedger,
  indicator: IndicatorIdType,
  query: QueryInput,
): E.Either<ProjectionError, Explanation> => {
  const table = ledger.provenance;
  if (table === undefined) return explain(ledger.index, indicator, query);
  return E.map((x: Explanation) => ({ figure: x.figure, events: x.events }))(
    explainFromProvenance(ledger.index, table, indicator, query, {
      eventsAt: ledger.eventsAt,
      positions: ledger.events,
    }),
  );
};

/**
 * A page of an explanation for a view: at most `limit` events, optionally only those recorded after
 * an instant (a restatement's late events), and how many there are in all. From the provenance table
 * only the events on the page are read from the ledger; without one, every stream is re-folded and
 * the page cut from the whole list.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("explain-page.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const ledger = await loadLedger(ctx, "explain-page.jsonl");
 * if (E.isLeft(ledger)) throw new Error(ledger.left.message);
 * const page = explainPage(ledger.right, "coops.founded", { validAt: "2022-12-31" }, { limit: 3 });
 * if (E.isRight(page)) console.log(page.right.events.length, page.right.total); // 3 11
 */
export const explainPage = (
  ledger: LoadedLedger,
  indicator: IndicatorIdType,
  query: QueryInput,
  page: { readonly limit: number; readonly recordedAfter?: string },
): E.Either<ProjectionError, Explanation & { readonly total: number }> => {
  const after = page.recordedAfter === undefined ? Number.NEGATIVE_INFINITY : Date.parse(page.recordedAfter);
  const table = ledger.provenance;
  if (table !== undefined)
    return explainFromProvenance(ledger.index, table, indicator, query, {
      eventsAt: ledger.eventsAt,
      positions: ledger.events,
      recordedAfterMs: after,
      limit: page.limit,
    });
  return E.map((x: Explanation) => {
    const late = x.events.filter((e) => Date.parse(e.recordedAt) > after);
    return { figure: x.figure, events: late.slice(0, page.limit), total: late.length };
  })(explain(ledger.index, indicator, query));
};

/**
 * `coop-ledger explain ID --ledger FILE --valid-at DATE [--known-at T] [scope]`: which events make up
 * the figure, and what each contributed.
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("explain.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await runExplain(ctx, "coops.founded", { ledger: "explain.jsonl", validAt: "31/12/2022", limit: "50" });
 * if (E.isLeft(r)) throw new Error(r.left.message);
 * console.log(r.right.tables[0]?.title); // "Events that make up coops.founded = 11: 11 event(s)"
 */
export const runExplain = async (
  ctx: CliContext,
  indicator: string,
  o: ExplainOptions,
): Promise<E.Either<CliError, CliOutput>> => {
  if (!IndicatorId.is(indicator))
    return E.left(
      queryError(
        `unknown indicator ${JSON.stringify(indicator)}`,
        "run `coop-ledger indicators` for the list of ids",
      ),
    );
  const limit = Number(o.limit);
  if (!Number.isSafeInteger(limit) || limit < 1)
    return E.left(usage(`--limit: not a positive whole number: ${o.limit}`));
  const q = parseQuery(o);
  if (E.isLeft(q)) return q;
  const ledger = await loadLedger(ctx, o.ledger, { verify: o.verify !== false, reindex: o.reindex === true });
  if (E.isLeft(ledger)) return ledger;
  const x = explainOn(ledger.right, indicator, toProjectionQuery(q.right));
  if (E.isLeft(x)) return E.left(fromProjectionError(x.left));
  const d = indicatorDefinition(indicator);
  return E.right({
    ledger: ledger.right.identity,
    json: x.right,
    tables: [explanationTable(x.right, limit, ctx.numberFormat)],
    notes: [
      `${scopedIndicatorName(d, q.right.scope.form)}, valid at ${q.right.validAt}${q.right.knownAt !== undefined ? `, as known at ${q.right.knownAt}` : ""} — ${describeScope(q.right.scope)}.`,
      `${d.definition}`,
      ...(d.numerator !== undefined
        ? [`numerator: ${d.numerator}; denominator: ${d.denominator ?? ""}`]
        : []),
    ],
  });
};
