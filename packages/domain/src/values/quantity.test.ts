import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { Score } from "./quantity.js";

describe("Score", () => {
  it("accepts every two-decimal score, including those inexact in binary (36.23, 0.07)", () => {
    for (const s of [36.23, 0.07, 72.32, 17.35, 99.99, 0, 100, 50.5])
      expect([s, E.isRight(Score.decode(s))]).toEqual([s, true]);
  });
  it("refuses three decimals and out-of-range", () => {
    for (const s of [36.231, -0.01, 100.01, Number.NaN])
      expect([s, E.isRight(Score.decode(s))]).toEqual([s, false]);
  });
});
