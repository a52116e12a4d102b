import type { FigureQuery, FigureScope, FigureSource, IndicatorFigure } from "./figure-source.js";
import type { Resolution } from "./resolution.js";
import type { RowPlan } from "./row-plan.js";
import type { IndicatorRef } from "./target.js";
import type { KnownFigure, TargetsQuery } from "./target-report.js";

/**
 * A figure the engine cannot give, with why.
 * @example unavailable("No report for 2024 yet.") // { _tag: "Unavailable", reason: "No report for 2024 yet." }
 */
export const unavailable = (reason: string): IndicatorFigure => ({ _tag: "Unavailable", reason });

/**
 * The scope a target's indicator is read over: its own province, form and sector, else the resolution's province.
 * @example scopeOf(resolution000, { id: "unions.active", basis: "instant", scope: { form: "union" } }).form // "union"
 */
export const scopeOf = (resolution: Resolution, ref: IndicatorRef): FigureScope => ({
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

/**
 * Reads the figure of a row; a change since a date is the difference of two states.
 * @example
 * const source: FigureSource = (q) => ({ _tag: "Value", value: q.validAt === "2025-12-31" ? 250 : 234 });
 * const plan: RowPlan = { asOf: "2025-12-31" as BusinessDate, finalFrom: "2025-12-31" as BusinessDate, notYetDue: false };
 * const ref: IndicatorRef = { id: "coops.active", basis: "instant", changeSince: "2020-12-31" as BusinessDate };
 * figureOf(source, ref, {}, plan, { validAt: "2025-12-31" as BusinessDate }) // { _tag: "Value", value: 16 }
 */
export const figureOf = (
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

/**
 * A known figure as an exact fraction (a count over 1).
 * @example rationalOf({ _tag: "Ratio", numerator: 140, denominator: 196 }) // { num: 140n, den: 196n }
 */
export const rationalOf = (f: KnownFigure): { num: bigint; den: bigint } =>
  f._tag === "Value"
    ? { num: BigInt(f.value), den: 1n }
    : { num: BigInt(f.numerator), den: BigInt(f.denominator) };

/**
 * Whether a known figure's parts are safe integers (else comparisons could not be exact).
 * @example isSafe({ _tag: "Value", value: 2 ** 60 }) // false
 */
export const isSafe = (f: KnownFigure): boolean =>
  f._tag === "Value"
    ? Number.isSafeInteger(f.value)
    : Number.isSafeInteger(f.numerator) && Number.isSafeInteger(f.denominator);
