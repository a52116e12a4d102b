import type { BusinessDate } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { periodEnds } from "./periods.js";

const d = (s: string) => s as BusinessDate;

describe("periodEnds", () => {
  it("lists quarter ends inside the range with each quarter's first day", () => {
    expect(periodEnds(d("2022-01-15"), d("2022-12-31"), "quarter")).toEqual([
      { from: "2022-01-01", to: "2022-03-31" },
      { from: "2022-04-01", to: "2022-06-30" },
      { from: "2022-07-01", to: "2022-09-30" },
      { from: "2022-10-01", to: "2022-12-31" },
    ]);
  });

  it("handles month ends of leap years and leaves out a period ending after the range", () => {
    expect(periodEnds(d("2024-01-01"), d("2024-03-30"), "month").map((s) => s.to)).toEqual([
      "2024-01-31",
      "2024-02-29",
    ]);
    expect(periodEnds(d("2016-06-01"), d("2018-12-31"), "year").map((s) => s.to)).toEqual([
      "2016-12-31",
      "2017-12-31",
      "2018-12-31",
    ]);
  });
});
