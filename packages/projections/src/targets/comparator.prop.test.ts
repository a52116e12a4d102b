import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Comparator, compareRational } from "./comparator.js";

const comparator = fc.constantFrom(...Comparator.values);
const big = fc.bigInt({ min: 0n, max: 10n ** 15n });
const den = fc.bigInt({ min: 1n, max: 10n ** 6n });

describe("compareRational laws", () => {
  it("a fraction compares the same after multiplying numerator and denominator by k", () => {
    fc.assert(
      fc.property(
        big,
        den,
        comparator,
        big,
        fc.bigInt({ min: 0n, max: 10_000n }),
        fc.bigInt({ min: 1n, max: 1000n }),
        (n, d, c, th, tol, k) => {
          expect(compareRational(n * k, d * k, c, th, tol)).toBe(compareRational(n, d, c, th, tol));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("'>=' is '>' or '=', and '<=' is the negation of '>'", () => {
    fc.assert(
      fc.property(big, den, big, (n, d, th) => {
        const ge = compareRational(n, d, ">=", th, 0n);
        expect(ge).toBe(compareRational(n, d, ">", th, 0n) || compareRational(n, d, "=", th, 0n));
        expect(compareRational(n, d, "<=", th, 0n)).toBe(!compareRational(n, d, ">", th, 0n));
      }),
      { numRuns: 200 },
    );
  });

  it("'~' with tolerance 0 is '=', and a wider tolerance never rejects what a narrower one accepts", () => {
    fc.assert(
      fc.property(
        big,
        den,
        big,
        fc.bigInt({ min: 0n, max: 10_000n }),
        fc.bigInt({ min: 0n, max: 10_000n }),
        (n, d, th, a, b) => {
          expect(compareRational(n, d, "~", th, 0n)).toBe(compareRational(n, d, "=", th, 0n));
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          if (compareRational(n, d, "~", th, lo)) expect(compareRational(n, d, "~", th, hi)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
