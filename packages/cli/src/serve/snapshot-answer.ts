import * as E from "fp-ts/lib/Either.js";
import { computeSeries } from "../commands/series.js";
import { labelledSnapshot, queryTitle, snapshotOf, snapshotTable } from "../commands/snapshot.js";
import type { LoadedLedger } from "../engine/load-ledger.js";
import type { CliError } from "../errors/cli-error.js";
import { parseQuery } from "../options/query.js";
import type { NumberFormat } from "../output/numbers.js";
import { type ApiAnswer, answer } from "./api-answer.js";
import { rawQuery } from "./request-params.js";

/** The first year-end series point: the ledger's first effective year (or the valid date's year). */
const sparkFrom = (l: LoadedLedger, validAt: string): string => {
  const first = l.firstEffective ?? validAt;
  return `${(first < validAt ? first : validAt).slice(0, 4)}-01-01`;
};

/**
 * Every indicator at a valid date (the CLI's `snapshot`), with each indicator's yearly series up to
 * that date for the sparklines (the CLI's `series --every year`, same knowledge instant and scope).
 * @example
 * const endOf2022 = (ledger: LoadedLedger) => snapshotAnswer(ledger, new URLSearchParams("validAt=2022-12-31"), "en");
 */
export const snapshotAnswer = (
  l: LoadedLedger,
  p: URLSearchParams,
  nf: NumberFormat,
): E.Either<CliError, ApiAnswer> => {
  const raw = rawQuery(p);
  if (E.isLeft(raw)) return raw;
  const q = parseQuery(raw.right);
  if (E.isLeft(q)) return q;
  const s = snapshotOf(l, q.right);
  if (E.isLeft(s)) return s;
  const ids = s.right.figures.map((f) => f.id);
  const spark = computeSeries(
    l,
    ids,
    sparkFrom(l, q.right.validAt),
    q.right.validAt,
    "year",
    q.right.scope,
    q.right.knownAt,
  );
  if (E.isLeft(spark)) return spark;
  const notes = s.right.figures.filter((f) => f.note !== undefined).map((f) => `${f.id}: ${f.note}`);
  return E.right({
    ...answer(
      l,
      { ...q.right },
      labelledSnapshot(s.right),
      [snapshotTable(s.right, queryTitle(q.right, s.right), nf)],
      notes,
      nf,
    ),
    sparklines: {
      dates: spark.right.points.map((pt) => pt.validAt),
      values: Object.fromEntries(
        ids.map((id) => [
          id,
          spark.right.points.map((pt) => pt.figures.find((f) => f.id === id)?.value ?? null),
        ]),
      ),
    },
  });
};
