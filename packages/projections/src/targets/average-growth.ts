import { type Comparator, compareRational } from "./comparator.js";

/**
 * One year's link of a growth chain: the change from the previous year and the previous year's level
 * (the engine's `finance.growth.*` ratio: numerator = this year − last year, denominator = last year),
 * over the organisations that reported both years.
 *
 * @example const link: GrowthLink = { year: 2021, change: 50, previous: 1000 }; // +5 %
 */
export interface GrowthLink {
  readonly year: number;
  readonly change: number;
  readonly previous: number;
}

/**
 * The compound average annual growth of a chain of yearly links, kept exact: the growth factor over
 * the years is `factorNumerator / factorDenominator` = ∏ (previousᵢ + changeᵢ) / ∏ previousᵢ, and the
 * average annual rate is that factor's n-th root minus one.
 *
 * @example
 * // 1,000 → 1,100 → 1,210: 10 % a year, compounded.
 * const g: CompoundGrowth | undefined = compoundGrowth([
 *   { year: 2021, change: 100, previous: 1000 },
 *   { year: 2022, change: 110, previous: 1100 },
 * ]);
 * console.log(g?.factorNumerator, g?.factorDenominator, g?.basisPoints.toFixed(1)); // 1331000n 1100000n "1000.0" (×1.21 in 2 years: 10 % a year)
 */
export interface CompoundGrowth {
  readonly years: number;
  readonly factorNumerator: bigint;
  readonly factorDenominator: bigint;
  /** The average annual rate in basis points, for display only (a status is decided exactly). */
  readonly basisPoints: number;
}

/**
 * Chains yearly growth links into a compound average. Undefined for an empty chain or when a
 * previous level is not positive (a growth rate from zero or from a loss has no meaning).
 *
 * @example compoundGrowth([{ year: 2021, change: 100, previous: 1000 }, { year: 2022, change: 0, previous: 1100 }])?.basisPoints // ≈ 488.1
 */
export const compoundGrowth = (links: ReadonlyArray<GrowthLink>): CompoundGrowth | undefined => {
  if (links.length === 0 || links.some((l) => l.previous <= 0 || l.previous + l.change < 0)) return undefined;
  let num = 1n;
  let den = 1n;
  let log = 0;
  for (const l of links) {
    num *= BigInt(l.previous + l.change);
    den *= BigInt(l.previous);
    log += Math.log((l.previous + l.change) / l.previous);
  }
  return {
    years: links.length,
    factorNumerator: num,
    factorDenominator: den,
    basisPoints: (Math.exp(log / links.length) - 1) * 10_000,
  };
};

/**
 * Compares a compound average annual rate with a threshold in basis points, exactly: the average
 * rate r over n years satisfies r ≥ g exactly when factor × 10000ⁿ ≥ (10000 + g)ⁿ (both sides are
 * positive, and the n-th root is increasing), so no root is ever taken. `~` compares the factor with
 * the tolerance applied to the rate at both ends.
 *
 * @example compareCompound(compoundGrowth([{ year: 2021, change: 50, previous: 1000 }])!, ">=", 500, 0) // true
 */
export const compareCompound = (
  g: CompoundGrowth,
  comparator: Comparator,
  thresholdBp: number,
  toleranceBp: number,
): boolean => {
  const n = BigInt(g.years);
  const scale = 10_000n ** n;
  const lhs = g.factorNumerator * scale;
  const at = (bp: number): bigint => BigInt(10_000 + bp) ** n;
  if (comparator === "~") {
    const lo = at(thresholdBp - toleranceBp) * g.factorDenominator;
    const hi = at(thresholdBp + toleranceBp) * g.factorDenominator;
    return lhs >= lo && lhs <= hi;
  }
  return compareRational(lhs, g.factorDenominator, comparator, at(thresholdBp), 0n);
};
