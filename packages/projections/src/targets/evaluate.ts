import type { BusinessDate, Instant } from "@coop-ledger/domain";
import { compareCompound, compoundGrowth, type GrowthLink } from "./average-growth.js";
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
import { combineStatuses, rollUpYears } from "./rollup.js";
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
 * One evaluated row: a target (or a reported baseline figure), its figure, threshold, the date from
 * which it is final, and its status. A "mỗi năm" target's row carries one row per year as `detail`
 * (and `yearsMet`); a "bình quân" growth target's row carries the year-on-year links it averages as
 * `detail` (and `average`).
 *
 * @example row.status._tag === "met" && row.final
 */
export interface TargetRow {
  readonly targetId: string;
  /** The seed's numbered target this row belongs to ("(5)"), when the seed numbers its targets. */
  readonly number?: string;
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
  /** A per-year target: the years met, of the years in its range. */
  readonly yearsMet?: { readonly met: number; readonly of: number };
  /** A term-average growth: the years averaged (compound, chained year on year). */
  readonly average?: { readonly fromYear: number; readonly toYear: number; readonly method: "compound" };
  /** The rows under this one: the years of a per-year target, the links of an average. */
  readonly detail?: ReadonlyArray<TargetRow>;
}

/**
 * Counts of rows by status.
 * @example const c: StatusCounts = { met: 3, notMet: 1, pending: 2, notYetDue: 0, notMeasurable: 1, total: 7 };
 */
export interface StatusCounts {
  readonly met: number;
  readonly notMet: number;
  readonly pending: number;
  readonly notYetDue: number;
  readonly notMeasurable: number;
  readonly total: number;
}

/**
 * The counts behind "k of n met", counting targets as the seeds do: one per target (a "mỗi năm"
 * target is one target, its years are detail), including those not measurable or pending, as the
 * resolutions' own reviews count ("12/14 chỉ tiêu đạt"). When the resolution numbers its targets, the
 * counts are of numbered targets (a numbered target is met when all its sub-targets are) and
 * `subTargets` gives the same counts over the sub-targets.
 *
 * @example summary.label // "5 of 12 targets met (9 of 18 sub-targets)"
 */
export interface TargetsSummary extends StatusCounts {
  readonly label: string;
  readonly subTargets?: StatusCounts;
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

/** Adds two figures of the same indicator over two disjoint populations (ratios: term by term). */
const addFigures = (a: IndicatorFigure, b: IndicatorFigure): IndicatorFigure => {
  if (a._tag === "Unavailable") return a;
  if (b._tag === "Unavailable") return b;
  if (a._tag === "Value" && b._tag === "Value") return { _tag: "Value", value: a.value + b.value };
  if (a._tag === "Ratio" && b._tag === "Ratio")
    return {
      _tag: "Ratio",
      numerator: a.numerator + b.numerator,
      denominator: a.denominator + b.denominator,
    };
  return unavailable("The forms gave figures of different kinds.");
};

/** A source summing every query over several forms (a target naming "Hợp tác xã, Tổ hợp tác"). */
const overForms =
  (source: FigureSource, forms: ReadonlyArray<FigureScope["form"]>): FigureSource =>
  (q) =>
    forms
      .map((form) => source({ ...q, scope: { ...q.scope, ...(form === undefined ? {} : { form }) } }))
      .reduce(addFigures);

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
  const read: FigureSource =
    ref.sumOverForms === undefined || ref.sumOverForms.length === 0
      ? source
      : overForms(source, ref.sumOverForms);
  const now = read(base);
  if (ref.changeSince === undefined) return now;
  if (ref.changeSince > plan.asOf)
    return unavailable(`The reference date ${ref.changeSince} is after ${plan.asOf}.`);
  const then = read({ ...base, validAt: ref.changeSince });
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

type Measured = Extract<Target["measure"], { kind: "indicator" }>;

/**
 * A "bình quân X %/năm" row: the compound average of the year-on-year growth from the base year to
 * the row's fiscal year, over the years whose figures are known on the query date (all of them once
 * the row is final). Each year's link is kept as `detail`.
 */
const averageRow = (
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

const countStatuses = (statuses: ReadonlyArray<TargetStatus>): StatusCounts => {
  const n = (tag: TargetStatus["_tag"]) => statuses.filter((s) => s._tag === tag).length;
  return {
    met: n("met"),
    notMet: n("notMet"),
    pending: n("pending"),
    notYetDue: n("notYetDue"),
    notMeasurable: n("notMeasurable"),
    total: statuses.length,
  };
};

/**
 * Counts target rows by status into "k of n met". When every row carries the seed's `number`, the
 * headline counts numbered targets (each met when all its sub-targets are) and `subTargets` the rows.
 * @example summariseTargets(rows).label // "2 of 3 met"
 */
export const summariseTargets = (rows: ReadonlyArray<TargetRow>): TargetsSummary => {
  const sub = countStatuses(rows.map((r) => r.status));
  const numbered = rows.length > 0 && rows.every((r) => r.number !== undefined);
  if (!numbered) return { ...sub, label: `${sub.met} of ${sub.total} met` };
  const groups = new Map<string, TargetStatus[]>();
  for (const r of rows) groups.set(r.number ?? "", [...(groups.get(r.number ?? "") ?? []), r.status]);
  const top = countStatuses(
    [...groups].map(([n, parts]) => combineStatuses(parts, `Sub-targets of ${n} are still open.`)),
  );
  return {
    ...top,
    subTargets: sub,
    label: `${top.met} of ${top.total} targets met (${sub.met} of ${sub.total} sub-targets)`,
  };
};

/**
 * Every evaluated row with the detail spelt out: the years of per-year targets and the links of
 * averages in place of their target's row (for tables and tests that look at single years).
 * @example targetRowsInDetail(report).filter((r) => r.targetId === "000.newCoops").length // one per year so far
 */
export const targetRowsInDetail = (report: Pick<TargetsReport, "targets">): ReadonlyArray<TargetRow> =>
  report.targets.flatMap((r) => (r.yearsMet !== undefined && r.detail !== undefined ? r.detail : [r]));

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
