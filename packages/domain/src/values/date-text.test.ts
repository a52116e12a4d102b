import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { BusinessDateFromText, parseBusinessDate } from "./date-text.js";
import { parseInstant } from "./time.js";

describe("parseBusinessDate / BusinessDateFromText / parseInstant", () => {
  it("reads YYYY-MM-DD and DD/MM/YYYY, refuses unreal dates with a typed error", () => {
    expect(parseBusinessDate("31/12/2020")).toEqual(E.right("2020-12-31"));
    expect(parseBusinessDate(" 1/7/2025 ")).toEqual(E.right("2025-07-01"));
    expect(parseBusinessDate("2020-12-31")).toEqual(E.right("2020-12-31"));
    const bad = parseBusinessDate("30/02/2020");
    expect(E.isLeft(bad) && bad.left._tag).toBe("InvalidDateText");
    expect(E.isLeft(parseBusinessDate("12/31/2020"))).toBe(true);
    expect(E.isLeft(BusinessDateFromText.decode(20201231))).toBe(true);
    expect(BusinessDateFromText.decode("01/07/2025")).toEqual(E.right("2025-07-01"));
    expect(parseInstant("15/01/2023")).toBe("2023-01-15T23:59:59.999Z");
  });
});
