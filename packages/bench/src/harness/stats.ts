/** The spread of repeated measurements: the median and the extremes. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

/**
 * The value at quantile `q` (0..1) of already sorted numbers, by the nearest-rank method (no
 * interpolation: a p99 is a latency some query really had).
 *
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2
 */
export const quantileSorted = (sorted: ReadonlyArray<number>, q: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
};

/**
 * Median, min and max of repeated measurements (the median of an even count is the mean of the two
 * middle values).
 *
 * @example spread([3, 1, 2]) // { median: 2, min: 1, max: 3, n: 3 }
 */
export const spread = (values: ReadonlyArray<number>): Spread => {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, min: s[0] as number, max: s[s.length - 1] as number, n: s.length };
};

/**
 * Applies a function to each figure of a spread. Use it for monotone transforms only (a rate from a
 * duration inverts the order, so `min` and `max` are swapped back).
 *
 * @example mapSpread({ median: 2, min: 1, max: 4, n: 3 }, (ms) => 1000 / ms) // { median: 500, min: 250, max: 1000, n: 3 }
 */
export const mapSpread = (s: Spread, f: (x: number) => number): Spread => {
  const a = f(s.min);
  const b = f(s.max);
  return { median: f(s.median), min: Math.min(a, b), max: Math.max(a, b), n: s.n };
};
