import type { BusinessDate, Instant } from "@coop-ledger/domain";
import { type Comparator, compareRational } from "./comparator.js";
import type {
  FigureQuery,
  FigureScope,
  FigureSource,
  IndicatorFigure,
  OptionValue,
  ProvinceRef,
} from "./figure.js";
import type { Resolution } from "./resolution.js";
import { defaultAnnualFiguresFinalOn, planRows, type RowPlan } from "./row-plan.js";
import type { TargetStatus } from "./status.js";
import type { Bilingual, Citation, IndicatorRef, Target, TargetRole } from "./target.js";
import { type Threshold, unitScale } from "./threshold.js";

/**
 * A targets query: the valid date, optionally the knowledge instant ("as we knew it then"), and when
 * a year's annual figures are taken as final (default 31 March of the next year).
 *
 * @example const q: TargetsQuery = { validAt: "2025-12-31" as BusinessDate };
 */
export interface TargetsQuery {
  readonly validAt: BusinessDate;
  readonly knownAt?: Instant;
  readonly annualFiguresFinalOn?: (year: number) => BusinessDate;
  /**
   * Inputs the ledger does not hold, passed to every indicator (e.g. `{ farmHouseholds: 41_000 }`);
   * a target's own options win over them.
   */
  readonly inputs?: Readonly<Record<string, OptionValue>>;
  /**
   * A what-if: evaluate the resolution on another province than its own (the report is labelled
   * with it). Used by `targets` (the evaluator itself takes the resolution as given).
   */
  readonly whatIf?: { readonly province: ProvinceRef };
}

/** A figure the engine gave (not `Unavailable`). @example const f: KnownFigure = { _tag: "Value", value: 234 }; */
export type KnownFigure = Exclude<IndicatorFigure, { readonly _tag: "Unavailable" }>;

/**
 * One evaluated row: a target (or one year of a per-year target, or a reported baseline figure), its
 * figure, threshold, the date from which it is final, and its status.
 *
 * @example row.status._tag === "met" && row.final
 */
export interface TargetRow {
  readonly targetId: string;
  readonly role: TargetRole;
  readonly label: Bilingual;
  readonly source: Citation;
  readonly note?: string;
  readonly indicatorId?: string;
  readonly scope?: FigureScope;
  readonly comparator?: Comparator;
  readonly threshold?: Threshold;
  /** The valid date the figure is read at. */
  readonly asOf?: BusinessDate;
  readonly period?: { readonly from: BusinessDate; readonly to: BusinessDate };
  /** The calendar year of a per-year row, or the fiscal year of an annual figure. */
  readonly year?: number;
  readonly figure?: KnownFigure;
  /** The figure in the threshold's unit (for display; the status is decided exactly). */
  readonly value?: number;
  /** The date from which this row can no longer change status by the passing of time. */
  readonly finalFrom?: BusinessDate;
  readonly final: boolean;
  readonly status: TargetStatus;
}

/**
 * The counts behind "k of n met" over a resolution's goal rows: n counts every row (a per-year target
 * gives one row per year so far), including those not measurable, as resolutions' own reviews do
 * ("12/14 chỉ tiêu đạt").
 *
 * @example summary.label // "3 of 7 met"
 */
export interface TargetsSummary {
  readonly met: number;
  readonly notMet: number;
  readonly pending: number;
  readonly notYetDue: number;
  readonly notMeasurable: number;
  readonly total: number;
  readonly label: string;
}

/**
 * The evaluation of a resolution on a date: baseline reconciliation, target rows and the summary.
 * @example report.summary.label // "3 of 7 met"
 */
export interface TargetsReport {
  readonly resolutionId: string;
  readonly title: Bilingual;
  readonly province: ProvinceRef;
  /** Set when the resolution was evaluated on another province than its own (a what-if). */
  readonly whatIf?: { readonly province: ProvinceRef; readonly resolutionProvince: ProvinceRef };
  readonly validAt: BusinessDate;
  readonly knownAt?: Instant;
  readonly baseline: ReadonlyArray<TargetRow>;
  readonly targets: ReadonlyArray<TargetRow>;
  readonly summary: TargetsSummary;
}

const unavailable = (reason: string): IndicatorFigure => ({ _tag: "Unavailable", reason });

const scopeOf = (resolution: Resolution, ref: IndicatorRef): FigureScope => ({
  province: ref.scope?.province ?? resolution.province,
  ...(ref.scope?.form === undefined ? {} : { form: ref.scope.form }),
  ...(ref.scope?.sector === undefined ? {} : { sector: ref.scope.sector }),
});

/** Reads the figure of a row; a change since a date is the difference of two states. */
const figureOf = (
  source: FigureSource,
  ref: IndicatorRef,
  scope: FigureScope,
  plan: RowPlan,
  query: TargetsQuery,
): IndicatorFigure => {
  const options = { ...query.inputs, ...ref.options };
  const base: FigureQuery = {
    indicatorId: ref.id,
    validAt: plan.asOf,
    scope,
    ...(query.knownAt === undefined ? {} : { knownAt: query.knownAt }),
    ...(plan.period === undefined ? {} : { period: plan.period }),
    ...(plan.year === undefined ? {} : { year: plan.year }),
    ...(Object.keys(options).length === 0 ? {} : { options }),
  };
  const now = source(base);
  if (ref.changeSince === undefined) return now;
  if (ref.changeSince > plan.asOf)
    return unavailable(`The reference date ${ref.changeSince} is after ${plan.asOf}.`);
  const then = source({ ...base, validAt: ref.changeSince });
  if (now._tag !== "Value" || then._tag !== "Value")
    return unavailable(
      now._tag === "Unavailable"
        ? now.reason
        : then._tag === "Unavailable"
          ? then.reason
          : "A change is measured on counts, not ratios.",
    );
  return { _tag: "Value", value: now.value - then.value };
};

const rationalOf = (f: KnownFigure): { num: bigint; den: bigint } =>
  f._tag === "Value"
    ? { num: BigInt(f.value), den: 1n }
    : { num: BigInt(f.numerator), den: BigInt(f.denominator) };

const isSafe = (f: KnownFigure): boolean =>
  f._tag === "Value"
    ? Number.isSafeInteger(f.value)
    : Number.isSafeInteger(f.numerator) && Number.isSafeInteger(f.denominator);

const evaluateRow = (
  source: FigureSource,
  resolution: Resolution,
  target: Target,
  plan: RowPlan,
  query: TargetsQuery,
): TargetRow => {
  const head = {
    targetId: target.id,
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
    ? { _tag: "met" }
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
  return plans.map((plan) => evaluateRow(source, resolution, target, plan, query));
};

/**
 * Counts rows by status into "k of n met".
 * @example summariseTargets(rows).label // "2 of 3 met"
 */
export const summariseTargets = (rows: ReadonlyArray<TargetRow>): TargetsSummary => {
  const n = (tag: TargetStatus["_tag"]) => rows.filter((r) => r.status._tag === tag).length;
  const met = n("met");
  return {
    met,
    notMet: n("notMet"),
    pending: n("pending"),
    notYetDue: n("notYetDue"),
    notMeasurable: n("notMeasurable"),
    total: rows.length,
    label: `${met} of ${rows.length} met`,
  };
};

/**
 * Evaluates a resolution's baseline and targets on a date against a {@link FigureSource} (the
 * projection engine, adapted). Pure: the same source and query give the same report.
 *
 * @example evaluateTargets(source, resolution004(), { validAt: "2025-12-31" as BusinessDate }).summary.label
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
