import { describe, expect, it } from "vitest";
import { defaultDomainConfig } from "../config/domain-config.js";
import { specFor } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import type { BusinessDate } from "../values/time.js";
import { makeLedgerDecider } from "./ledger-decider.js";
import { daysStoppedIn, endSuspension } from "./suspensions.js";
import { founded, happened, on } from "./test-support/fixtures.js";

/**
 * Circular 01/2020/TT-BKHĐT (in force 2020-04-01) does not rate a co-op that stopped operating for more
 * than three months in the year; three months are 90 days, the days of separate suspensions added up
 * (Civil Code 2015 art. 146(1)(c): a month is thirty days when a period does not run continuously).
 */
const trade = (...more: ReturnType<typeof happened>[]) =>
  given([founded({ sector: "commerceServices", effectiveDate: "2015-03-01" }), ...more]);
const assess = (year: number, scheme = "circular-01-2020-TT-BKHDT") =>
  on("AssessCoop", { effectiveDate: `${year + 1}-02-15`, year, scheme, score: 70 });
const d = (s: string) => s as BusinessDate;

describe("a co-op that stopped operating more than three months in the year is not rated (Circular 01/2020/TT-BKHĐT art. 8(3))", () => {
  it("given a suspension of 91 days in 2022, when the co-op is rated for 2022, then it is refused", () => {
    const g = trade(happened("CoopSuspended", { effectiveDate: "2022-03-01", until: "2022-05-30" }));
    g.when(assess(2022)).thenError("StoppedTooLongToRate", {
      year: 2022,
      daysStopped: 91,
      maximumDays: 90,
    });
  });

  it("given a suspension of exactly 90 days, when the co-op is rated, then it is accepted (more than three months excludes)", () => {
    const g = trade(happened("CoopSuspended", { effectiveDate: "2022-03-01", until: "2022-05-29" }));
    g.when(assess(2022)).thenAccepted();
  });

  it("given two suspensions of 50 days each in one year, when the co-op is rated, then their days add up and it is refused", () => {
    const g = trade(
      happened("CoopSuspended", { effectiveDate: "2022-02-01", until: "2022-03-22" }),
      happened("CoopSuspended", { effectiveDate: "2022-09-01", until: "2022-10-20" }),
    );
    g.when(assess(2022)).thenError("StoppedTooLongToRate", { daysStopped: 100 });
  });

  it("given a suspension resumed early, when the co-op is rated, then only the days up to the resumption count", () => {
    const g = trade(
      happened("CoopSuspended", { effectiveDate: "2022-03-01" }),
      happened("CoopResumed", { effectiveDate: "2022-04-15" }),
    );
    g.when(assess(2022)).thenAccepted(); // 45 days
  });

  it("given a suspension across the new year, when each year is rated, then each year counts only its own days", () => {
    const g = trade(
      happened("CoopSuspended", { effectiveDate: "2021-11-01" }),
      happened("CoopResumed", { effectiveDate: "2022-03-01" }),
    );
    g.when(assess(2021)).thenAccepted(); // 61 days of 2021
    g.when(assess(2022)).thenAccepted(); // 59 days of 2022
  });

  it("given an open suspension since October, when the co-op is rated for that year, then it is refused (it runs to the year's end)", () => {
    const g = trade(happened("CoopSuspended", { effectiveDate: "2022-10-01" }));
    g.when(assess(2022)).thenError("StoppedTooLongToRate", { daysStopped: 92 });
  });

  it("given a long suspension in 2019, when the co-op is rated for 2019, then the rule does not apply (the circular is in force from 2020-04-01)", () => {
    const g = trade(
      happened("CoopSuspended", { effectiveDate: "2019-01-01", until: "2019-12-31" }),
      happened("CoopResumed", { effectiveDate: "2020-01-01" }),
    );
    g.when(assess(2019)).thenAccepted();
  });

  it("given a long suspension, when an agricultural co-op is rated under Circular 09/2017/TT-BNNPTNT, then no exclusion is applied (none is cited for it)", () => {
    const g = given([
      founded({ effectiveDate: "2015-03-01" }),
      happened("CoopSuspended", { effectiveDate: "2022-01-01", until: "2022-06-30" }),
      happened("CoopResumed", { effectiveDate: "2022-07-01" }),
    ]);
    g.when(assess(2022, "circular-09-2017-TT-BNNPTNT")).thenAccepted();
  });

  it("the rule is configuration: without it a long suspension does not exclude", () => {
    const { notRatedWhenStopped: _dropped, ...rest } = defaultDomainConfig;
    specFor(makeLedgerDecider(rest))([
      founded({ sector: "commerceServices", effectiveDate: "2015-03-01" }),
      happened("CoopSuspended", { effectiveDate: "2022-01-01", until: "2022-12-31" }),
    ])
      .when(assess(2022))
      .thenAccepted();
  });
});

describe("suspension periods", () => {
  it("endSuspension closes the running period the day before, and leaves a lapsed one as recorded", () => {
    expect(endSuspension([{ from: d("2022-03-01"), until: undefined }], d("2022-08-01"))).toEqual([
      { from: "2022-03-01", until: "2022-07-31" },
    ]);
    expect(endSuspension([{ from: d("2022-03-01"), until: d("2022-12-31") }], d("2022-08-01"))).toEqual([
      { from: "2022-03-01", until: "2022-07-31" },
    ]);
    const lapsed = [{ from: d("2022-03-01"), until: d("2022-05-31") }];
    expect(endSuspension(lapsed, d("2022-08-01"))).toBe(lapsed);
    expect(endSuspension([], d("2022-08-01"))).toEqual([]);
  });

  it("daysStoppedIn counts inclusive days within the year, an open period to 31 December", () => {
    expect(daysStoppedIn([{ from: d("2021-11-01"), until: d("2022-02-28") }], 2022)).toBe(59);
    expect(daysStoppedIn([{ from: d("2021-11-01"), until: d("2022-02-28") }], 2021)).toBe(61);
    expect(daysStoppedIn([{ from: d("2024-01-01"), until: undefined }], 2024)).toBe(366);
    expect(daysStoppedIn([{ from: d("2025-01-01"), until: undefined }], 2024)).toBe(0);
  });
});
