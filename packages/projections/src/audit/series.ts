import { addDays, addMonths, type BusinessDate, dateParts, makeDate } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import type { Figure } from "../evaluate/figure.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";

/** A series request: figures at the end of every month, quarter or year from `from` to `to`. */
export interface SeriesRequest {
  readonly from: string;
  readonly to: string;
  readonly every: "month" | "quarter" | "year";
  readonly indicators: ReadonlyArray<IndicatorId>;
  readonly scope?: QueryInput["scope"];
  readonly knownAt?: string;
  readonly geography?: string;
  readonly options?: QueryInput["options"];
}

/** One point of a series: the interval it closes and the figures on its last day. */
export interface SeriesPoint {
  readonly from: BusinessDate;
  readonly validAt: BusinessDate;
  readonly figures: ReadonlyArray<Figure>;
}

const stepMonths = { month: 1, quarter: 3, year: 12 } as const;

/** The interval boundaries: each interval starts on a calendar boundary and ends the day before the next (or at `to`). */
const intervals = (
  from: BusinessDate,
  to: BusinessDate,
  every: SeriesRequest["every"],
): Array<[BusinessDate, BusinessDate]> => {
  const { year, month } = dateParts(from);
  const firstMonth = every === "year" ? 1 : every === "quarter" ? month - ((month - 1) % 3) : month;
  let start = makeDate(year, firstMonth, 1);
  const out: Array<[BusinessDate, BusinessDate]> = [];
  while (start <= to) {
    const next = addMonths(start, stepMonths[every]);
    const end = addDays(next, -1);
    out.push([start < from ? from : start, end > to ? to : end]);
    start = next;
  }
  return out;
};

/**
 * Indicators over time from the index: one point per month, quarter or year from `from` to `to`,
 * evaluated on the interval's last day (as known at `knownAt`, if given). Period indicators count the
 * interval itself (each point's `periodFrom` is the interval's first day), so a yearly series of
 * `coops.founded` gives the co-ops founded in each year.
 *
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const s = series(index, { from: "2022-01-01", to: "2022-12-31", every: "quarter", indicators: ["coops.active", "coops.founded"] });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * for (const p of s.right) console.log(p.from, p.validAt, p.figures.map((f) => f.value));
 * // 2022-01-01 2022-03-31 [119, 1] … 2022-10-01 2022-12-31 [128, 4]: active at the quarter end, founded in the quarter
 */
export const series = (
  index: ProjectionIndex,
  request: SeriesRequest,
): E.Either<ProjectionError, ReadonlyArray<SeriesPoint>> => {
  const from = request.from as BusinessDate;
  const to = request.to as BusinessDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) {
    return E.left({
      _tag: "InvalidQuery",
      problems: ["from/to"],
      message: "series needs dates from ≤ to (YYYY-MM-DD)",
    });
  }
  const points: SeriesPoint[] = [];
  for (const [start, end] of intervals(from, to, request.every)) {
    const s = snapshot(index, {
      validAt: end,
      ...(request.knownAt !== undefined ? { knownAt: request.knownAt } : {}),
      ...(request.scope !== undefined ? { scope: request.scope } : {}),
      ...(request.geography !== undefined ? { geography: request.geography } : {}),
      options: { ...request.options, periodFrom: start },
      indicators: request.indicators,
    });
    if (E.isLeft(s)) return s;
    points.push({ from: start, validAt: end, figures: s.right.figures });
  }
  return E.right(points);
};
