import { IndicatorId, indicatorDefinition } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { computeSeries, seriesTable } from "../commands/series.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import { labelInScope, scopedIndicatorName } from "../labels/scoped-label.js";
import { parseDateOption, parseInstantOption } from "../options/dates.js";
import { describeScope, parseScope } from "../options/scope.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { param, rawQuery } from "./request-params.js";

/**
 * Indicators over time (the CLI's `series`): `indicator` repeated, `from`, `to`, `every`.
 * @example
 * const overTime = (ledger: LoadedLedger) =>
 *   seriesAnswer(ledger, new URLSearchParams("indicator=coops.active&from=2016-01-01&to=2025-12-31"), "en");
 */
export const seriesAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const ids = p.getAll("indicator");
  const unknown = ids.filter((i) => !IndicatorId.is(i));
  if (ids.length === 0 || unknown.length > 0)
    return E.left(
      queryError(
        `unknown indicator ${unknown.map((u) => JSON.stringify(u)).join(", ") || "(none given)"}`,
        "give indicator=ID, repeatable",
      ),
    );
  const from = parseDateOption("from", param(p, "from") ?? "");
  if (E.isLeft(from)) return from;
  const to = parseDateOption("to", param(p, "to") ?? "");
  if (E.isLeft(to)) return to;
  if (to.right < from.right)
    return E.left(queryError(`to ${to.right} is before from ${from.right}`, "swap the dates"));
  const every = param(p, "every") ?? "year";
  if (every !== "month" && every !== "quarter" && every !== "year")
    return E.left(usage(`every: ${every}`, "use month, quarter or year"));
  const knownText = param(p, "knownAt");
  const knownAt = knownText === undefined ? undefined : parseInstantOption("knownAt", knownText);
  if (knownAt !== undefined && E.isLeft(knownAt)) return knownAt;
  const raw = rawQuery(new URLSearchParams([...p.entries(), ["validAt", to.right]]));
  if (E.isLeft(raw)) return raw;
  const scope = parseScope(raw.right);
  if (E.isLeft(scope)) return scope;
  const typed = ids as ReadonlyArray<IndicatorId>;
  const r = computeSeries(l, typed, from.right, to.right, every, scope.right, knownAt?.right);
  if (E.isLeft(r)) return r;
  const title = `Series by ${every}, ${from.right} → ${to.right}${knownAt !== undefined ? `, as known at ${knownAt.right}` : ""} — ${describeScope(scope.right)}`;
  return E.right(
    answer(
      l,
      { indicators: typed, from: from.right, to: to.right, every, scope: scope.right },
      {
        every,
        indicators: typed,
        labels: Object.fromEntries(
          typed.map((id) => [id, labelInScope(indicatorDefinition(id), scope.right.form)]),
        ),
        points: r.right.points.map((s) => ({ validAt: s.validAt, figures: s.figures })),
      },
      [seriesTable(r.right, title, nf)],
      typed.map((id) => `${id}: ${scopedIndicatorName(indicatorDefinition(id), scope.right.form)}`),
      nf,
    ),
  );
};
