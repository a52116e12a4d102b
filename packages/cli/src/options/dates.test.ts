import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { parseDateOption, parseInstantOption } from "./dates.js";

describe("date options", () => {
  it("accepts ISO and Vietnamese day/month/year forms of the same day", () => {
    expect(parseDateOption("--valid-at", "2022-12-31")).toEqual(E.right("2022-12-31"));
    expect(parseDateOption("--valid-at", "31/12/2022")).toEqual(E.right("2022-12-31"));
    expect(parseDateOption("--valid-at", "1/7/2025")).toEqual(E.right("2025-07-01"));
  });

  it("rejects impossible dates with a usage error naming the option", () => {
    for (const bad of ["2023-02-29", "31/02/2022", "2022-13-01", "yesterday", ""]) {
      const r = parseDateOption("--valid-at", bad);
      expect(E.isLeft(r) && r.left._tag === "UsageError" && r.left.message.startsWith("--valid-at")).toBe(
        true,
      );
    }
  });

  it("parses instants with offsets and bare dates as the end of the day", () => {
    expect(parseInstantOption("--known-at", "2023-01-15")).toEqual(E.right("2023-01-15T23:59:59.999Z"));
    expect(parseInstantOption("--known-at", "15/01/2023")).toEqual(E.right("2023-01-15T23:59:59.999Z"));
    expect(parseInstantOption("--known-at", "2023-01-15T08:00:00+07:00")).toEqual(
      E.right("2023-01-15T01:00:00.000Z"),
    );
    expect(E.isLeft(parseInstantOption("--known-at", "soon"))).toBe(true);
  });
});
