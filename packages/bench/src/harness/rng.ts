/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same queries in every
 * run, so runs are comparable. Returns floats in [0, 1).
 *
 * @example const r = seededRandom(7); r(); // 0.0…1
 */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * A random element of a non-empty array.
 *
 * @example pick(seededRandom(1), ["a", "b"]) // "a" or "b"
 */
export const pick = <A>(random: () => number, xs: ReadonlyArray<A>): A => {
  if (xs.length === 0) throw new Error("pick from an empty array");
  return xs[Math.floor(random() * xs.length)] as A;
};
