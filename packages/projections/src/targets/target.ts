import {
  BusinessDate,
  CoopForm,
  FiscalYear,
  GazetteerVersion,
  literals,
  ProvinceCode,
  Sector,
  struct,
  Text,
} from "@coop-ledger/domain";
import * as t from "io-ts";
import { IndicatorId } from "../catalogue/indicator-id.js";
import { Comparator } from "./comparator.js";
import { Threshold } from "./threshold.js";
import { Timing } from "./timing.js";

/**
 * A text in English and Vietnamese (user-facing text carries the Vietnamese term beside the English).
 * @example Bilingual.decode({ en: "Co-ops", vi: "Số hợp tác xã" }) // Right
 */
export const Bilingual = struct({ en: Text, vi: Text }, {}, "Bilingual");
/** @see Bilingual */
export type Bilingual = t.TypeOf<typeof Bilingual>;

/**
 * Where a target comes from: the source file (under `shared/domain/sources/`) and the Vietnamese
 * phrase quoted exactly, so an auditor can find it.
 * @example Citation.decode({ file: "dak-nong-alliance-standing-committee-2019.txt", quote: "phấn đấu cả năm thành lập mới được 20 HTX trở lên" })
 */
export const Citation = struct({ file: Text, quote: Text }, {}, "Citation");
/** @see Citation */
export type Citation = t.TypeOf<typeof Citation>;

/**
 * A province: a GSO code and the gazetteer version it belongs to.
 * @example ProvinceRefCodec.decode({ code: "60", gazetteer: "2008-08-01" }) // Right
 */
export const ProvinceRefCodec = struct(
  { code: ProvinceCode, gazetteer: GazetteerVersion },
  {},
  "ProvinceRef",
);

/**
 * A target's scope beyond the resolution's province: one form (co-op, union, group) or sector, or
 * another province (rarely: a resolution's targets share its province).
 * @example ScopeCodec.decode({ form: "union" }) // Right
 */
export const ScopeCodec = struct(
  {},
  { province: ProvinceRefCodec, form: CoopForm, sector: Sector },
  "TargetScope",
);
/** @see ScopeCodec */
export type TargetScope = t.TypeOf<typeof ScopeCodec>;

/**
 * How an indicator relates to time, which decides how a target on it is evaluated:
 * - `instant` — a state on a date (co-ops active, OCOP products valid, fund capital);
 * - `period` — a flow over a range (co-ops founded, news items, loan applications);
 * - `fiscalYear` — an annual figure (ratings, incomes, growth), learnt after the year closes.
 * @example IndicatorBasis.decode("fiscalYear") // Right
 */
export const IndicatorBasis = literals(["instant", "period", "fiscalYear"], "IndicatorBasis");
/** @see IndicatorBasis */
export type IndicatorBasis = t.TypeOf<typeof IndicatorBasis>;

/**
 * "Bình quân X %/năm" over a term: the compound (geometric) average annual growth from the fiscal
 * year `baseYear` to the row's fiscal year, chaining the indicator's year-on-year growth (a ratio whose
 * numerator is the change and denominator the previous year's level). Compound, because a rate that
 * is reached "on average every year" compounds: the arithmetic mean of yearly rates overstates a
 * term's growth whenever the rates vary, and the geometric mean of the chain indices, (∏ yᵢ/yᵢ₋₁)^(1/n),
 * is how Vietnamese statistics state "tốc độ tăng bình quân" [verify: GSO method for average growth].
 * Chained, because each link compares the same organisations in two consecutive years, so co-ops
 * that start or stop reporting are not counted as growth.
 *
 * @example AverageGrowthCodec.decode({ baseYear: 2020 }) // Right
 */
export const AverageGrowthCodec = struct({ baseYear: FiscalYear }, {}, "AverageGrowth");
/** @see AverageGrowthCodec */
export type AverageGrowth = t.TypeOf<typeof AverageGrowthCodec>;

/**
 * The indicator a target is measured by: its id in the engine's catalogue (an unknown id does not
 * decode), its time basis, a scope, options passed through to
 * the engine (e.g. `{ kind: "trainingClass" }`), a fixed fiscal `year` for annual figures,
 * `changeSince` to measure growth of a state since a date ("tăng 152 HTX so với năm 2016"),
 * `sumOverForms` when the target names several forms ("của Hợp tác xã, Tổ hợp tác": counts, and a
 * ratio's numerators and denominators, are added over the forms), and `averageGrowth` for a term's
 * average annual growth ({@link AverageGrowthCodec}).
 *
 * @example IndicatorRef.decode({ id: "finance.growth.revenue", basis: "fiscalYear", sumOverForms: ["cooperative", "group"], averageGrowth: { baseYear: 2020 } }) // Right
 */
export const IndicatorRef = struct(
  { id: IndicatorId, basis: IndicatorBasis },
  {
    scope: ScopeCodec,
    options: t.record(t.string, t.union([t.string, t.number, t.boolean])),
    year: FiscalYear,
    changeSince: BusinessDate,
    sumOverForms: t.array(CoopForm),
    averageGrowth: AverageGrowthCodec,
  },
  "IndicatorRef",
);
/** @see IndicatorRef */
export type IndicatorRef = t.TypeOf<typeof IndicatorRef>;

const MeasuredShape = struct(
  { kind: t.literal("indicator"), indicator: IndicatorRef, comparator: Comparator, threshold: Threshold },
  {},
  "MeasuredShape",
);

/**
 * How a target is measured: by an indicator compared with a threshold (`~` needs a tolerance), or
 * `notMeasurable` with the reason (what the ledger does not record) and the threshold as stated.
 *
 * @example Measure.decode({ kind: "notMeasurable", reason: "No event records the alliance's own rating." }) // Right
 */
export const Measure = t.union(
  [
    t.refinement(
      MeasuredShape,
      (m) => m.comparator !== "~" || m.threshold.tolerance !== undefined,
      "MeasuredByIndicator",
    ),
    struct({ kind: t.literal("notMeasurable"), reason: Text }, { stated: Text }, "NotMeasurable"),
  ],
  "Measure",
);
/** @see Measure */
export type Measure = t.TypeOf<typeof Measure>;

/**
 * The role of an entry: a `goal` the resolution sets (chỉ tiêu), or a figure it `reported` as achieved
 * (kết quả, the baseline) — reconciled against the ledger but not counted in "k of n met".
 * @example TargetRole.decode("reported") // Right
 */
export const TargetRole = literals(["goal", "reported"], "TargetRole");
/** @see TargetRole */
export type TargetRole = t.TypeOf<typeof TargetRole>;

/**
 * One target (chỉ tiêu) of a resolution, or one reported figure: id, English and Vietnamese label,
 * its citation, when it is evaluated and how it is measured. `number` is the seed's own numbering
 * ("(5)"): targets sharing a number are the sub-targets of one numbered target, and "k of n met"
 * counts the numbered targets as the seed does (000: 12 numbered targets, 18 sub-targets).
 *
 * @example
 * Target.decode({ id: "004.unions", role: "goal", label: { en: "Unions of co-ops", vi: "Liên hiệp hợp tác xã" },
 *   source: { file: "provincial-party-resolution-collective-economy-2021-2025.txt", quote: "ít nhất 2 Liên hiệp hợp tác xã" },
 *   timing: { kind: "by", date: "2025-12-31" },
 *   measure: { kind: "indicator", indicator: { id: "coops.active", basis: "instant", scope: { form: "union" } },
 *     comparator: ">=", threshold: { unit: "count", value: 2 } } }) // Right
 */
export const Target = struct(
  { id: Text, role: TargetRole, label: Bilingual, source: Citation, timing: Timing, measure: Measure },
  { note: Text, number: Text },
  "Target",
);
/** @see Target */
export type Target = t.TypeOf<typeof Target>;
/** The JSON form of a {@link Target}, as users write it. @example const json: TargetJson = Target.encode(target); */
export type TargetJson = t.OutputOf<typeof Target>;
