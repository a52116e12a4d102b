import type { BusinessDate } from "@coop-ledger/domain";
import type { IndicatorKind, IndicatorUnit } from "../catalogue/catalogue.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";

/**
 * One indicator's figure in a snapshot. Counts and VND are exact integers; a ratio or an average keeps
 * its exact `numerator` and `denominator`, and `value` is derived from them (`null` with a `note` when
 * it cannot be computed: no denominator, a missing input, a scope the indicator does not support).
 *
 * @example
 * const active: Figure = {
 *   id: "coops.active",
 *   kind: "instant",
 *   unit: "count",
 *   value: 234,
 *   period: { from: "2020-09-30" as BusinessDate, to: "2020-09-30" as BusinessDate },
 * };
 * const share: Figure = { ...active, id: "rating.fairOrGoodShare", kind: "annual", unit: "share", numerator: 167, denominator: 234, value: ratio(167, 234), fiscalYear: 2019 };
 * console.log(basisPoints(share.numerator ?? 0, share.denominator ?? 0)); // 7137
 */
export interface Figure {
  readonly id: IndicatorId;
  readonly kind: IndicatorKind;
  readonly unit: IndicatorUnit;
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  /** The dates the figure covers (an instant: from = to = validAt). */
  readonly period: { readonly from: BusinessDate; readonly to: BusinessDate };
  /** The fiscal year of an annual figure. */
  readonly fiscalYear?: number;
  /** Parts of the figure (by fund, by dissolution mode). */
  readonly breakdown?: Readonly<Record<string, number>>;
  /** Why `value` is `null`. */
  readonly note?: string;
}

/**
 * The ratio value of a numerator and denominator, or `null` when the denominator is zero.
 * @example ratio(167, 234) // 0.7136...
 */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/**
 * A ratio in basis points rounded half up, exactly (integer arithmetic: no float accumulation).
 * @example basisPoints(167, 234) // 7137
 */
export const basisPoints = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.floor((numerator * 20_000 + denominator) / (2 * denominator));
