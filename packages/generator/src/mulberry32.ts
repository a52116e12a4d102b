/**
 * A small seeded pseudo-random generator (mulberry32): floats in [0, 1), the same draws for the same
 * seed on every run and platform (32-bit integer arithmetic only). The one of the repository: the
 * scenario worlds draw from it, the bench's query mix, and tests that need reproducible jitter. The
 * ledger generator's hot loop uses `Prng` (prng.ts) instead (mutable state, no closure call per draw).
 *
 * @example
 * const a = mulberry32(42);
 * const b = mulberry32(42);
 * const draws = [a(), a(), a()];
 * console.log(draws.every((x) => x >= 0 && x < 1), draws[0] === b()); // true true
 */
export const mulberry32 = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
};
