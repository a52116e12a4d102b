import * as E from "fp-ts/lib/Either.js";
import { restatement, restatementNote, restatementTables } from "../commands/diff.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { parseInstantOption } from "../options/dates.js";
import { parseQuery } from "../options/query.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { param, rawQuery } from "./request-params.js";

/**
 * The restatement between two knowledge instants `a` and `b` (the CLI's `diff`).
 * @example
 * const compare = (ledger: LoadedLedger) =>
 *   diffAnswer(ledger, new URLSearchParams("validAt=2022-12-31&a=2023-01-15&b=2024-06-30"), "en");
 */
export const diffAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const raw = rawQuery(p);
  if (E.isLeft(raw)) return raw;
  const q = parseQuery({ ...raw.right, knownAt: undefined });
  if (E.isLeft(q)) return q;
  const aText = param(p, "a");
  const bText = param(p, "b");
  if (aText === undefined || bText === undefined)
    return E.left(usage("a and b: give both knowledge instants", "e.g. a=2023-01-15&b=2024-06-30"));
  const a = parseInstantOption("a", aText);
  if (E.isLeft(a)) return a;
  const b = parseInstantOption("b", bText);
  if (E.isLeft(b)) return b;
  const [first, second] = a.right <= b.right ? [a.right, b.right] : [b.right, a.right];
  // The late events' first page only (the table's 25): "more" asks /api/late for the next ones.
  const r = restatement(l, q.right, first, second, { offset: 0, limit: 25 });
  if (E.isLeft(r)) return r;
  return E.right(
    answer(
      l,
      { ...q.right, a: first, b: second },
      r.right,
      restatementTables(r.right, nf),
      [restatementNote(r.right, "“more” lists the next ones")],
      nf,
    ),
  );
};
