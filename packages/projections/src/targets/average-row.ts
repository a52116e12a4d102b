import { compareCompound, compoundGrowth, type GrowthLink } from "./average-growth.js";
import { compareRational } from "./comparator.js";
import type { FigureScope, FigureSource } from "./figure-source.js";
import { figureOf } from "./row-figure.js";
import { defaultAnnualFiguresFinalOn, type RowPlan } from "./row-plan.js";
import type { IndicatorRef, Target } from "./target.js";
import type { TargetRow, TargetsQuery } from "./target-report.js";

type Measured = Extract<Target["measure"], { kind: "indicator" }>;

/**
 * A "bình quân X %/năm" row: the compound average of the year-on-year growth from the base year to
 * the row's fiscal year, over the years whose figures are known on the query date (all of them once
 * the row is final). Each year's link is kept as `detail`.
 *
 * @example
 * // Revenue growing from 100 to 110 to 121: 10 % a year, against a target of 5 % a year on average.
 * const levels: Record<number, number> = { 2020: 100, 2021: 110, 2022: 121 };
 * const source: FigureSource = (q) => ({ _tag: "Ratio", numerator: levels[q.year ?? 0]! - levels[(q.year ?? 0) - 1]!, denominator: levels[(q.year ?? 0) - 1]! });
 * const ref: IndicatorRef = { id: "finance.growth.revenue", basis: "fiscalYear", averageGrowth: { baseYear: 2020 as FiscalYear } };
 * const plan: RowPlan = { asOf: "2023-06-30" as BusinessDate, year: 2022, finalFrom: "2023-03-31" as BusinessDate, notYetDue: false };
 * const frame = { targetId: "revenue", role: "goal" as const, label: { en: "Revenue" as Text, vi: "Doanh thu" as Text }, source: { file: "r.txt" as Text, quote: "tăng bình quân 5%/năm" as Text }, final: true };
 * const measure = { kind: "indicator" as const, indicator: ref, comparator: ">=" as const, threshold: { unit: "basisPoints" as const, value: 500 } };
 * averageRow(source, ref, {}, plan, { validAt: "2023-06-30" as BusinessDate }, frame, measure).status // { _tag: "met" }
 */
export const averageRow = (
  source: FigureSource,
  ref: IndicatorRef,
  scope: FigureScope,
  plan: RowPlan,
  query: TargetsQuery,
  frame: Omit<TargetRow, "status">,
  measure: Measured,
): TargetRow => {
  const baseYear = ref.averageGrowth?.baseYear ?? 0;
  const toYear = plan.year ?? baseYear;
  const links: GrowthLink[] = [];
  const detail: TargetRow[] = [];
  let missing: string | undefined;
  for (let y = baseYear + 1; y <= toYear && missing === undefined; y++) {
    const f = figureOf(source, ref, scope, { ...plan, year: y }, query);
    if (f._tag !== "Ratio" || f.denominator <= 0) {
      missing = `growth for ${y} is not known (${f._tag === "Unavailable" ? f.reason : "no figure for the previous year"})`;
      break;
    }
    links.push({ year: y, change: f.numerator, previous: f.denominator });
    detail.push({
      ...frame,
      year: y,
      figure: f,
      value: (f.numerator * 10_000) / f.denominator,
      final: query.validAt >= (query.annualFiguresFinalOn ?? defaultAnnualFiguresFinalOn)(y),
      status: compareRational(
        BigInt(f.numerator) * 10_000n,
        BigInt(f.denominator),
        measure.comparator,
        BigInt(measure.threshold.value),
        BigInt(measure.threshold.tolerance ?? 0),
      )
        ? { _tag: "met" }
        : { _tag: "notMet" },
    });
  }
  const g = compoundGrowth(links);
  const lastYear = links[links.length - 1]?.year;
  const base = {
    ...frame,
    detail,
    ...(lastYear === undefined
      ? {}
      : { average: { fromYear: baseYear, toYear: lastYear, method: "compound" as const } }),
  };
  if (g === undefined || (frame.final && missing !== undefined)) {
    const why = missing ?? `no growth can be averaged from ${baseYear}: a level is zero or negative`;
    return { ...base, status: frame.final ? { _tag: "notMeasurable", why } : { _tag: "pending", why } };
  }
  const ok = compareCompound(
    g,
    measure.comparator,
    measure.threshold.value,
    measure.threshold.tolerance ?? 0,
  );
  const span = `${baseYear}–${lastYear}`;
  return {
    ...base,
    value: g.basisPoints,
    status: frame.final
      ? ok
        ? { _tag: "met" }
        : { _tag: "notMet" }
      : {
          _tag: "pending",
          why: `${ok ? "On track" : "Below the average so far"}: ${(g.basisPoints / 100).toFixed(2)} % a year on average over ${span} (compound); final from ${plan.finalFrom}.`,
        },
  };
};
