import { describe, expect, it } from "vitest";
import { given } from "../spec/given.js";
import type { BusinessDate } from "../values/time.js";
import { statusOn } from "./stream-state.js";
import { founded, happened, on } from "./test-support/fixtures.js";

/**
 * A suspension with an end date (`CoopSuspended.until`, inclusive) is over the day after: the decider
 * judges a command by the co-op's status on the command's effective date, as the projections count it
 * (`coops.suspended`; the agreement is a law in projections' suspension-agreement.prop.test.ts).
 */
const suspendedUntil = (until?: string) => [
  founded(),
  happened("CoopSuspended", { effectiveDate: "2021-01-01", ...(until ? { until } : {}) }),
];
const loan = (effectiveDate: string) =>
  on("DisburseLoan", {
    effectiveDate,
    loanId: `l-${effectiveDate}`,
    fundKind: "provincialSupportFund",
    principalVnd: 100_000_000,
    termMonths: 12,
  });

describe("a suspension ends on its `until` date", () => {
  it("given a suspension until 2021-06-30, when a loan is disbursed on 2021-06-30, then it is refused (still suspended)", () => {
    given(suspendedUntil("2021-06-30"))
      .when(loan("2021-06-30"))
      .thenError("StatusForbids", (e) => {
        expect(e.status).toBe("suspended");
        expect(e.message).toContain("until 2021-06-30");
      });
  });

  it("given a suspension until 2021-06-30, when a loan is disbursed on 2021-07-01, then it is accepted (operating again)", () => {
    given(suspendedUntil("2021-06-30")).when(loan("2021-07-01")).thenAccepted();
  });

  it("given a suspension with no end date, when a loan is disbursed years later, then it is refused until a resumption", () => {
    given(suspendedUntil()).when(loan("2024-01-01")).thenError("StatusForbids");
  });

  it("given a lapsed suspension, when it is suspended again, then the new suspension is accepted", () => {
    given(suspendedUntil("2021-06-30"))
      .when(on("SuspendCoop", { effectiveDate: "2022-01-01" }))
      .then([happened("CoopSuspended", { effectiveDate: "2022-01-01" })]);
  });

  it("given a lapsed suspension, when a resumption is recorded late, then it is accepted (it confirms the end)", () => {
    given(suspendedUntil("2021-06-30"))
      .when(on("ResumeCoop", { effectiveDate: "2021-09-01" }))
      .thenAccepted();
  });

  it("statusOn: suspended through `until`, active the day after; other statuses as recorded", () => {
    const s = { status: "suspended", suspendedUntil: "2021-06-30" as BusinessDate } as const;
    expect(statusOn(s, "2021-06-30")).toBe("suspended");
    expect(statusOn(s, "2021-07-01")).toBe("active");
    expect(statusOn({ status: "suspended", suspendedUntil: undefined }, "2030-01-01")).toBe("suspended");
    expect(statusOn({ status: "dissolving", suspendedUntil: undefined }, "2030-01-01")).toBe("dissolving");
  });
});
