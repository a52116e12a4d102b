import { literals } from "@coop-ledger/domain";
import type * as t from "io-ts";
import { match } from "ts-pattern";

/**
 * How a figure is compared with a threshold, as the resolutions word it:
 * - `>=` — "ít nhất", "từ … trở lên" (at least);
 * - `>` — "trên" (more than);
 * - `<=` — "không quá" (at most);
 * - `=` — an exact reported figure;
 * - `~` — "khoảng" (about): within the threshold's tolerance either side.
 *
 * @example Comparator.decode(">=") // Right
 */
export const Comparator = literals([">=", ">", "<=", "=", "~"], "Comparator");
/** @see Comparator */
export type Comparator = t.TypeOf<typeof Comparator>;

/**
 * The comparator as a symbol for reports (≥, >, ≤, =, ≈).
 * @example comparatorSymbol(">=") // "≥"
 */
export const comparatorSymbol = (c: Comparator): string =>
  ({ ">=": "≥", ">": ">", "<=": "≤", "=": "=", "~": "≈" })[c];

/**
 * Compares an exact rational figure `numerator / denominator` (denominator > 0) with an integer
 * threshold and tolerance, by cross-multiplying in BigInt so no rounding ever decides a target.
 *
 * Scale the numerator to the threshold's unit first (here hundredths of a per cent: × 10 000).
 * @example
 * compareRational(140n * 10_000n, 196n, "~", 7140n, 5n) // true: 140/196 = 71.43 % is within 71.40 % ± 0.05 %
 * compareRational(140n, 196n, "~", 7140n, 5n) // false: 0.71 against 7140, the numerator not scaled
 */
export const compareRational = (
  numerator: bigint,
  denominator: bigint,
  comparator: Comparator,
  threshold: bigint,
  tolerance: bigint,
): boolean => {
  const lhs = numerator;
  const rhs = threshold * denominator;
  return match(comparator)
    .with(">=", () => lhs >= rhs)
    .with(">", () => lhs > rhs)
    .with("<=", () => lhs <= rhs)
    .with("=", () => lhs === rhs)
    .with("~", () => (lhs > rhs ? lhs - rhs : rhs - lhs) <= tolerance * denominator)
    .exhaustive();
};
