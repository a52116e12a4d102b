import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { dateRange, parseDateOption, parseInstantOption } from "./dates.js";

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

  it("says why a date-shaped text is refused: the month, the month's length, or the allowed range", () => {
    const msg = (t: string): string => {
      const r = parseDateOption("--valid-at", t);
      return E.isLeft(r) ? r.left.message : "";
    };
    expect(msg("2023-02-29")).toContain("February 2023 has 28 days");
    expect(msg("2022-13-01")).toContain("no month 13");
    expect(msg("0999-12-31")).toContain("1900-01-01 to 2999-12-31");
    expect(msg("3000-01-01")).toContain("1900-01-01 to 2999-12-31");
  });

  it("refuses an instant whose date does not exist instead of rolling it over", () => {
    const r = parseInstantOption("--known-at", "2023-02-30T00:00:00Z");
    expect(E.isLeft(r) && r.left.message).toContain("February 2023 has 28 days");
  });

  it("refuses a reversed range naming both options, and accepts an equal or forward one", () => {
    const r = dateRange("--from", "2023-01-01", "--to", "2020-01-01");
    expect(E.isLeft(r) && r.left._tag === "UsageError" && r.left.message).toContain(
      "--to 2020-01-01 is before --from 2023-01-01",
    );
    expect(E.isRight(dateRange("--from", "2023-01-01", "--to", "2023-01-01"))).toBe(true);
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
