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

  it("parseInstant refuses impossible local dates and times instead of rolling them over", () => {
    for (const text of [
      "2022-02-30T10:00:00Z",
      "2022-02-31T23:00:00+07:00",
      "2022-04-31T00:00:00Z",
      "2021-02-29T00:00Z",
      "2022-12-31T24:00:00Z",
      "2022-12-31T23:59:60Z",
      "2022-12-31T10:00:00+24:00",
      "2022-12-31T10:00:00+07:60",
    ])
      expect(parseInstant(text), text).toBeUndefined();
    expect(parseInstant("2024-02-29T12:00:00Z")).toBe("2024-02-29T12:00:00.000Z");
    // An offset moves the instant across a day or month end: the local date is what must be real.
    expect(parseInstant("2022-03-01T01:00:00+07:00")).toBe("2022-02-28T18:00:00.000Z");
    expect(parseInstant("2022-02-28T23:00:00-05:00")).toBe("2022-03-01T04:00:00.000Z");
  });
});
