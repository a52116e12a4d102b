import { describe, expect, it } from "vitest";
import { comparatorSymbol, compareRational } from "./comparator.js";

describe("compareRational", () => {
  it("decides on exact fractions, not on rounded floats", () => {
    // 2/3 of a share is 6666.66… basis points: it is ≥ 6666 and not ≥ 6667.
    expect(compareRational(2n * 10_000n, 3n, ">=", 6666n, 0n)).toBe(true);
    expect(compareRational(2n * 10_000n, 3n, ">=", 6667n, 0n)).toBe(false);
    expect(compareRational(2n * 10_000n, 3n, "=", 6667n, 0n)).toBe(false);
  });

  it("treats '>' as strict and '<=' as inclusive", () => {
    expect(compareRational(7000n, 1n, ">", 7000n, 0n)).toBe(false);
    expect(compareRational(7001n, 1n, ">", 7000n, 0n)).toBe(true);
    expect(compareRational(7000n, 1n, "<=", 7000n, 0n)).toBe(true);
  });

  it("accepts '~' within the tolerance either side, bounds included", () => {
    expect(compareRational(6500n, 1n, "~", 7000n, 500n)).toBe(true);
    expect(compareRational(7500n, 1n, "~", 7000n, 500n)).toBe(true);
    expect(compareRational(6499n, 1n, "~", 7000n, 500n)).toBe(false);
    // 125/175 = 71.428…%: within 71.4 % ± 0.05 %, 126/176 = 71.59 % is not.
    expect(compareRational(125n * 10_000n, 175n, "~", 7140n, 5n)).toBe(true);
    expect(compareRational(126n * 10_000n, 176n, "~", 7140n, 5n)).toBe(false);
  });

  it("prints the comparators as the resolutions' symbols", () => {
    expect([">=", ">", "<=", "=", "~"].map((c) => comparatorSymbol(c as never))).toEqual([
      "≥",
      ">",
      "≤",
      "=",
      "≈",
    ]);
  });
});
