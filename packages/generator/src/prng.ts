/**
 * A small, fast, seedable pseudo-random generator (SFC32, Chris Doty-Humphrey's "small fast chaotic"
 * generator), seeded through SplitMix32. Chosen over fast-check's `pure-rand` for the ledger generator
 * because it is mutable (no allocation per draw), which keeps a million-event national dataset to a
 * few seconds; fast-check's own generators still drive the arbitraries.
 *
 * @example
 * const rng = new Prng(42);
 * rng.int(1, 6); // a die roll, the same for every run with seed 42
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let s = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. @example new Prng(1).nextUint32() */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). @example new Prng(1).next() < 1 */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A uniform integer in [min, max] (inclusive). @example new Prng(1).int(1, 6) */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. @example new Prng(1).chance(0.1) */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. @example new Prng(1).pick(["a", "b"]) */
  pick<A>(items: ReadonlyArray<A>): A {
    return items[Math.floor(this.next() * items.length)] as A;
  }

  /**
   * One of several outcomes by weight (weights need not sum to 1).
   * @example new Prng(1).weighted([["good", 20], ["fair", 45]])
   */
  weighted<A>(choices: ReadonlyArray<readonly [A, number]>): A {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [a, w] of choices) {
      r -= w;
      if (r < 0) return a;
    }
    return (choices[choices.length - 1] as readonly [A, number])[0];
  }

  /** A standard normal draw (Box–Muller). @example new Prng(1).normal() */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A log-normal draw with the given median and shape: heavy-tailed, as co-op membership is.
   * @example new Prng(1).logNormal(20, 0.8) // around 20, sometimes 100+
   */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Poisson draw (Knuth for small means, normal approximation for large). @example new Prng(1).poisson(2.5) */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
}
