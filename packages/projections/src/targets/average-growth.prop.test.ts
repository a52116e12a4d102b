import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCompound, compoundGrowth, type GrowthLink } from "./average-growth.js";

const link = fc
  .record({ previous: fc.integer({ min: 1, max: 1e12 }), rate: fc.integer({ min: -9_000, max: 30_000 }) })
  .map(({ previous, rate }) => ({ previous, change: Math.floor((previous * rate) / 10_000) }));
const chain = fc
  .array(link, { minLength: 1, maxLength: 8 })
  .map((ls): GrowthLink[] => ls.map((l, i) => ({ year: 2021 + i, ...l })));

describe("compound average growth laws", () => {
  it("a constant rate of g basis points averages exactly g: met at ≥ g, not at ≥ g + 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5_000, max: 5_000 }), fc.integer({ min: 1, max: 6 }), (g, n) => {
        const links = Array.from({ length: n }, (_, i) => ({ year: 2021 + i, previous: 10_000, change: g }));
        const avg = compoundGrowth(links);
        expect(avg).toBeDefined();
        if (avg === undefined) return;
        expect(compareCompound(avg, ">=", g, 0)).toBe(true);
        expect(compareCompound(avg, "=", g, 0)).toBe(true);
        expect(compareCompound(avg, ">=", g + 1, 0)).toBe(false);
      }),
    );
  });

  it("the exact verdict agrees with the floating-point geometric mean away from the threshold", () => {
    fc.assert(
      fc.property(chain, fc.integer({ min: -5_000, max: 20_000 }), (links, g) => {
        const avg = compoundGrowth(links);
        if (avg === undefined) return;
        const geometric =
          (links.reduce((p, l) => p * ((l.previous + l.change) / l.previous), 1) ** (1 / links.length) - 1) *
          10_000;
        if (Math.abs(geometric - g) < 0.01) return;
        expect(compareCompound(avg, ">=", g, 0)).toBe(geometric >= g);
      }),
    );
  });

  it("the compound average never exceeds the arithmetic mean of the yearly rates", () => {
    fc.assert(
      fc.property(chain, (links) => {
        const avg = compoundGrowth(links);
        if (avg === undefined) return;
        const arithmetic = links.reduce((s, l) => s + (l.change * 10_000) / l.previous, 0) / links.length;
        expect(avg.basisPoints).toBeLessThanOrEqual(arithmetic + 1e-6);
      }),
    );
  });
});
