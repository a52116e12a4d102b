import { describe, expect, it } from "vitest";
import { mapSpread, quantileSorted, spread } from "./stats.js";

describe("stats", () => {
  it("takes the median of odd and even counts", () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(spread([4, 1, 3, 2]).median).toBe(2.5);
    expect(spread([]).n).toBe(0);
  });

  it("picks nearest-rank quantiles (a latency some query really had)", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileSorted(xs, 0.5)).toBe(50);
    expect(quantileSorted(xs, 0.99)).toBe(99);
    expect(quantileSorted([7], 0.99)).toBe(7);
  });

  it("keeps min ≤ median ≤ max when a transform inverts the order (ms → rate)", () => {
    const rate = mapSpread(spread([10, 20, 40]), (ms) => 1000 / ms);
    expect(rate.min).toBe(25);
    expect(rate.max).toBe(100);
    expect(rate.median).toBe(50);
  });
});
