import { IndicatorId, indicatorDefinition } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { explainPage, explanationTable } from "../commands/explain.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { fromProjectionError } from "../engine/projection-error.js";
import { type CliError, queryError, usage } from "../errors/cli-error.js";
import { scopedIndicatorName } from "../labels/scoped-label.js";
import { parseInstantOption } from "../options/dates.js";
import { parseQuery, toProjectionQuery } from "../options/query.js";
import { describeScope } from "../options/scope.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { param, rawQuery } from "./request-params.js";

/**
 * The events that make up one figure (the CLI's `explain`): the first `limit` of them (50, as the CLI's
 * default) in the table and the result, with `total` their number; `recordedAfter` keeps only those
 * recorded after that instant (a restatement's late events). From the provenance table only the
 * events on the page are read from the ledger.
 * @example
 * const why = (ledger: LoadedLedger) =>
 *   explainAnswer(ledger, new URLSearchParams("indicator=coops.active&validAt=2022-12-31"), "en");
 */
export const explainAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const indicator = param(p, "indicator") ?? "";
  if (!IndicatorId.is(indicator))
    return E.left(
      queryError(`unknown indicator ${JSON.stringify(indicator)}`, "pick an indicator from the snapshot"),
    );
  const limitText = param(p, "limit") ?? "50";
  const limit = Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1)
    return E.left(usage(`limit: not a positive whole number: ${limitText}`));
  const afterText = param(p, "recordedAfter");
  const after = afterText === undefined ? undefined : parseInstantOption("recordedAfter", afterText);
  if (after !== undefined && E.isLeft(after)) return after;
  const raw = rawQuery(p);
  if (E.isLeft(raw)) return raw;
  const q = parseQuery(raw.right);
  if (E.isLeft(q)) return q;
  const x = explainPage(l, indicator, toProjectionQuery(q.right), {
    limit,
    ...(after !== undefined ? { recordedAfter: after.right } : {}),
  });
  if (E.isLeft(x)) return E.left(fromProjectionError(x.left));
  const d = indicatorDefinition(indicator);
  return E.right(
    answer(
      l,
      { ...q.right, indicator, limit, ...(after !== undefined ? { recordedAfter: after.right } : {}) },
      x.right,
      [explanationTable(x.right, limit, nf)],
      [
        `${scopedIndicatorName(d, q.right.scope.form)}, valid at ${q.right.validAt}${q.right.knownAt !== undefined ? `, as known at ${q.right.knownAt}` : ""} — ${describeScope(q.right.scope)}.`,
        d.definition,
        ...(d.numerator !== undefined
          ? [`numerator: ${d.numerator}; denominator: ${d.denominator ?? ""}`]
          : []),
      ],
      nf,
    ),
  );
};
