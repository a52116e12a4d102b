import * as E from "fp-ts/lib/Either.js";
import { restatementNote, restatementTables } from "../commands/diff.js";
import { restatement } from "../commands/restatement.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import type { CliError } from "../errors/cli-error.js";
import { parseQuery } from "../options/query.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { instantPair, rawQuery } from "./request-params.js";

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
  const pair = instantPair(p);
  if (E.isLeft(pair)) return pair;
  const [first, second] = pair.right;
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
