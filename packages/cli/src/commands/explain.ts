import { type Explanation, explain, IndicatorId, indicatorDefinition } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { loadLedger } from "../engine/load-ledger.js";
import { fromProjectionError } from "../engine/projection-error.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import { eventLabel } from "../labels/event-labels.js";
import { indicatorName, showFigure, showRatioParts } from "../labels/figures.js";
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
 * (to the value, or to numerator / denominator).
 * @example explanationTable(x, 50)
 */
export const explanationTable = (x: Explanation, limit: number, nf: NumberFormat = "en"): DataTable => ({
  title: `Events that make up ${x.figure.id} = ${showFigure(x.figure, nf)}${showRatioParts(x.figure, nf) !== "" ? ` (${showRatioParts(x.figure, nf)})` : ""}: ${x.events.length} event(s)${x.events.length > limit ? `, the first ${limit} shown` : ""}`,
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
 * `coop-ledger explain ID --ledger FILE --valid-at DATE [--known-at T] [scope]`: which events make up
 * the figure, and what each contributed.
 * @example await runExplain(ctx, "coops.active", { ledger: "l.jsonl", validAt: "2022-12-31", limit: "50" })
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
  const x = explain(ledger.right.index, indicator, toProjectionQuery(q.right));
  if (E.isLeft(x)) return E.left(fromProjectionError(x.left));
  const d = indicatorDefinition(indicator);
  return E.right({
    ledger: ledger.right.identity,
    json: x.right,
    tables: [explanationTable(x.right, limit, ctx.numberFormat)],
    notes: [
      `${indicatorName(d)}, valid at ${q.right.validAt}${q.right.knownAt !== undefined ? `, as known at ${q.right.knownAt}` : ""} — ${describeScope(q.right.scope)}.`,
      `${d.definition}`,
      ...(d.numerator !== undefined
        ? [`numerator: ${d.numerator}; denominator: ${d.denominator ?? ""}`]
        : []),
    ],
  });
};
