import * as E from "fp-ts/lib/Either.js";
import { LATE_COLUMNS, lateRow } from "../commands/diff.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { lateEventsPage } from "../engine/recorded-between.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { parseDateOption } from "../options/dates.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { instantPair, param } from "./request-params.js";

/** The most late events one page may ask for. */
const MAX_LIMIT = 1000;

/** A whole number ≥ `min` from a parameter (its default when absent). */
const wholeParam = (
  p: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
): E.Either<CliError, number> => {
  const text = param(p, name);
  if (text === undefined) return E.right(fallback);
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min
    ? E.right(n)
    : E.left(usage(`${name}: not a whole number ≥ ${min}: ${text}`));
};

/**
 * A page of a restatement's late events (the compare view's "more"): `limit` (100 unless given, at most
 * 1,000) of the events recorded in (a, b] that bear on `validAt`, from `offset`, in the order the
 * compare table shows them (dissolutions and retractions first, then by position), with `total`, their
 * number. Only the page's events are read from the ledger; the late events do not depend on the scope
 * (as in `diff`).
 * @example
 * const next = (ledger: LoadedLedger) =>
 *   lateAnswer(ledger, new URLSearchParams("validAt=2022-12-31&a=2023-01-15&b=2024-06-30&offset=25"), "en");
 */
export const lateAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const validAt = parseDateOption("validAt", param(p, "validAt") ?? "");
  if (E.isLeft(validAt)) return validAt;
  const pair = instantPair(p);
  if (E.isLeft(pair)) return pair;
  const offset = wholeParam(p, "offset", 0, 0);
  if (E.isLeft(offset)) return offset;
  const limit = wholeParam(p, "limit", 100, 1);
  if (E.isLeft(limit)) return limit;
  const [first, second] = pair.right;
  const page = lateEventsPage(l, first, second, validAt.right, {
    offset: offset.right,
    limit: Math.min(limit.right, MAX_LIMIT),
  });
  const shown = `${offset.right + 1}–${offset.right + page.events.length}`;
  return E.right(
    answer(
      l,
      { validAt: validAt.right, a: first, b: second, offset: offset.right, limit: limit.right },
      { total: page.total, offset: offset.right, events: page.events },
      [
        {
          title: `Events recorded between A and B, effective by ${validAt.right}: ${shown} of ${page.total}`,
          columns: LATE_COLUMNS,
          rows: page.events.map(lateRow),
        },
      ],
      [],
      nf,
    ),
  );
};
