import type { BusinessDate } from "@coop-ledger/domain";
import { averageRow } from "./average-row.js";
import { compareRational } from "./comparator.js";
import type { FigureSource, IndicatorFigure } from "./figure-source.js";
import type { Resolution } from "./resolution.js";
import { rollUpYears } from "./rollup.js";
import { figureOf, isSafe, rationalOf, scopeOf, unavailable } from "./row-figure.js";
import { defaultAnnualFiguresFinalOn, planRows, type RowPlan } from "./row-plan.js";
import type { TargetStatus } from "./status.js";
import type { Target } from "./target.js";
import type { TargetRow, TargetsQuery, TargetsReport } from "./target-report.js";
import { summariseTargets } from "./target-summary.js";
import { unitScale } from "./threshold.js";

// The evaluator reads its report types from target-report.ts, figures from row-figure.ts, averages from
// average-row.ts and the "k of n met" counts from target-summary.ts; it re-exports what its callers name.
export type {
  KnownFigure,
  StatusCounts,
  TargetRow,
  TargetsQuery,
  TargetsReport,
  TargetsSummary,
} from "./target-report.js";
export { summariseTargets, targetRowsInDetail } from "./target-summary.js";

const evaluateRow = (
  source: FigureSource,
  resolution: Resolution,
  target: Target,
  plan: RowPlan,
  query: TargetsQuery,
): TargetRow => {
  const head = {
    targetId: target.id,
    ...(target.number === undefined ? {} : { number: target.number }),
    role: target.role,
    label: target.label,
    source: target.source,
    ...(target.note === undefined ? {} : { note: target.note }),
  };
  const measure = target.measure;
  const final = query.validAt >= plan.finalFrom;
  const year = plan.year ?? plan.calendarYear;
  if (measure.kind === "notMeasurable")
    return {
      ...head,
      ...(year === undefined ? {} : { year }),
      final,
      finalFrom: plan.finalFrom,
      status: { _tag: "notMeasurable", why: measure.reason },
    };
  const scope = scopeOf(resolution, measure.indicator);
  const frame = {
    ...head,
    indicatorId: measure.indicator.id,
    scope,
    comparator: measure.comparator,
    threshold: measure.threshold,
    asOf: plan.asOf,
    ...(plan.period === undefined ? {} : { period: plan.period }),
    ...(year === undefined ? {} : { year }),
    finalFrom: plan.finalFrom,
    final,
  };
  if (plan.notYetDue)
    return {
      ...frame,
      status: { _tag: "notYetDue", why: `Its period has not started on ${query.validAt}.` },
    };
  if (measure.indicator.averageGrowth !== undefined && plan.year !== undefined)
    return averageRow(source, measure.indicator, scope, plan, query, frame, measure);
  const raw = figureOf(source, measure.indicator, scope, plan, query);
  const figure: IndicatorFigure =
    raw._tag === "Ratio" && raw.denominator <= 0
      ? unavailable("Nothing to divide by: the denominator is zero (nothing rated or reported yet).")
      : raw._tag !== "Unavailable" && !isSafe(raw)
        ? unavailable("The engine returned a figure that is not a safe integer.")
        : raw;
  if (figure._tag === "Unavailable")
    return {
      ...frame,
      status: final
        ? { _tag: "notMeasurable", why: figure.reason }
        : {
            _tag: "pending",
            why: `Figure not available yet (${figure.reason}); final from ${plan.finalFrom}.`,
          },
    };
  const { num, den } = rationalOf(figure);
  const scale = BigInt(unitScale(measure.threshold.unit));
  const ok = compareRational(
    num * scale,
    den,
    measure.comparator,
    BigInt(measure.threshold.value),
    BigInt(measure.threshold.tolerance ?? 0),
  );
  const value = (Number(num) * Number(scale)) / Number(den);
  const status: TargetStatus = ok
    ? final
      ? { _tag: "met" }
      : { _tag: "met", aheadOfSchedule: true }
    : final
      ? { _tag: "notMet" }
      : { _tag: "pending", why: `Not reached yet; final from ${plan.finalFrom}.` };
  return { ...frame, figure, value, status };
};

const rowsOf = (
  source: FigureSource,
  resolution: Resolution,
  target: Target,
  query: TargetsQuery,
): ReadonlyArray<TargetRow> => {
  const ref = target.measure.kind === "indicator" ? target.measure.indicator : undefined;
  const plans = planRows({
    timing: target.timing,
    basis: ref?.basis ?? "instant",
    ...(ref?.year === undefined ? {} : { fixedYear: ref.year }),
    termFrom: resolution.term.from,
    validAt: query.validAt,
    annualFinalOn: query.annualFiguresFinalOn ?? defaultAnnualFiguresFinalOn,
  });
  const rows = plans.map((plan) => evaluateRow(source, resolution, target, plan, query));
  if (target.timing.kind !== "perYear") return rows;
  const one = evaluateRow(
    source,
    resolution,
    target,
    { ...(plans[0] ?? { asOf: query.validAt, finalFrom: query.validAt, notYetDue: true }), notYetDue: true },
    query,
  );
  const { status: _s, final: _f, year: _y, asOf: _a, period: _p, ...head } = one;
  return [
    rollUpYears({ ...head, finalFrom: `${target.timing.toYear}-12-31` as BusinessDate }, rows, target.timing),
  ];
};

/**
 * Evaluates a resolution's baseline and targets on a date against a {@link FigureSource} (the
 * projection engine, adapted). Pure: the same source and query give the same report.
 *
 * @example
 * // A table of figures stands in for the engine (`figureSourceOf` adapts a projection index).
 * const source: FigureSource = (q) => ({ _tag: "Value", value: q.indicatorId === "unions.active" ? 2 : 300 });
 * const report = evaluateTargets(source, resolution004(), { validAt: "2025-12-31" as BusinessDate });
 * report.summary.label // "4 of 7 met"
 */
export const evaluateTargets = (
  source: FigureSource,
  resolution: Resolution,
  query: TargetsQuery,
): TargetsReport => {
  const targets = resolution.targets.flatMap((t) => rowsOf(source, resolution, t, query));
  return {
    resolutionId: resolution.id,
    title: resolution.title,
    province: resolution.province,
    validAt: query.validAt,
    ...(query.knownAt === undefined ? {} : { knownAt: query.knownAt }),
    baseline: resolution.baseline.flatMap((t) => rowsOf(source, resolution, t, query)),
    targets,
    summary: summariseTargets(targets),
  };
};
