import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeltaColumn } from "./delta-column.js";

describe("DeltaColumn", () => {
  it("sumAt(D, T) equals the brute-force sum of amounts with day ≤ D and recorded ≤ T, for any deltas and any queries", () => {
    const delta = fc.tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(delta, { maxLength: 300 }),
        fc.array(fc.tuple(fc.integer({ min: -1, max: 61 }), fc.integer({ min: -1, max: 61 })), {
          minLength: 1,
          maxLength: 10,
        }),
        (deltas, queries) => {
          const c = new DeltaColumn();
          for (const [d, r, a] of deltas) c.push(d, r, a);
          for (const [D, T] of queries) {
            const expected = deltas.reduce((s, [d, r, a]) => (d <= D && r <= T ? s + a : s), 0);
            expect(c.sumAt(D, T)).toBe(expected);
            expect(c.sumAt(D, Number.POSITIVE_INFINITY)).toBe(
              deltas.reduce((s, [d, , a]) => (d <= D ? s + a : s), 0),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
