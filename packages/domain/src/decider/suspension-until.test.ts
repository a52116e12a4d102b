import { describe, expect, it } from "vitest";
import type { BusinessDate } from "../values/time.js";
import { decide } from "./ledger-decider.js";
import { statusOn } from "./stream-state.js";
import { found, given, on, outcome, refusal } from "./test-support/fixtures.js";

/**
 * A suspension with an end date (`CoopSuspended.until`, inclusive) is over the day after: the decider
 * judges a command by the co-op's status on the command's effective date, as the projections count it
 * (`coops.suspended`; the agreement is a law in projections' suspension-agreement.prop.test.ts).
 */
const suspendedUntil = (until?: string) =>
  given([found(), on("SuspendCoop", { effectiveDate: "2021-01-01", ...(until ? { until } : {}) })]);
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
    const e = refusal(decide(loan("2021-06-30"), suspendedUntil("2021-06-30").state));
    expect(e).toMatchObject({ _tag: "StatusForbids", status: "suspended" });
    expect(e.message).toContain("until 2021-06-30");
  });

  it("given a suspension until 2021-06-30, when a loan is disbursed on 2021-07-01, then it is accepted (operating again)", () => {
    expect(outcome(decide(loan("2021-07-01"), suspendedUntil("2021-06-30").state))).toBe("accepted");
  });

  it("given a suspension with no end date, when a loan is disbursed years later, then it is refused until a resumption", () => {
    expect(outcome(decide(loan("2024-01-01"), suspendedUntil().state))).toBe("StatusForbids");
  });

  it("given a lapsed suspension, when it is suspended again, then the new suspension is accepted", () => {
    const g = suspendedUntil("2021-06-30");
    expect(outcome(decide(on("SuspendCoop", { effectiveDate: "2022-01-01" }), g.state))).toBe("accepted");
  });

  it("given a lapsed suspension, when a resumption is recorded late, then it is accepted (it confirms the end)", () => {
    const g = suspendedUntil("2021-06-30");
    expect(outcome(decide(on("ResumeCoop", { effectiveDate: "2021-09-01" }), g.state))).toBe("accepted");
  });

  it("statusOn: suspended through `until`, active the day after; other statuses as recorded", () => {
    const s = { status: "suspended", suspendedUntil: "2021-06-30" as BusinessDate } as const;
    expect(statusOn(s, "2021-06-30")).toBe("suspended");
    expect(statusOn(s, "2021-07-01")).toBe("active");
    expect(statusOn({ status: "suspended", suspendedUntil: undefined }, "2030-01-01")).toBe("suspended");
    expect(statusOn({ status: "dissolving", suspendedUntil: undefined }, "2030-01-01")).toBe("dissolving");
  });
});
