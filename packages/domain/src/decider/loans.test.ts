import { describe, it } from "vitest";
import { defaultDomainConfig } from "../config/domain-config.js";
import { specFor } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import { makeLedgerDecider } from "./ledger-decider.js";
import { founded, happened, on } from "./test-support/fixtures.js";

const LOAN = {
  effectiveDate: "2020-08-01",
  loanId: "l-1",
  fundKind: "provincialSupportFund",
  principalVnd: 250_000_000,
  termMonths: 36,
};
const disburse = (over: Record<string, unknown> = {}) => on("DisburseLoan", { ...LOAN, ...over });
const disbursed = happened("LoanDisbursed", { ...LOAN, maturityDate: "2023-08-01" });
const repaid = (effectiveDate: string, principalVnd: number, loanId = "l-1") =>
  happened("LoanRepaid", { effectiveDate, loanId, principalVnd });
const repay = (effectiveDate: string, principalVnd: number, loanId = "l-1") =>
  on("RepayLoan", { effectiveDate, loanId, principalVnd });
const reschedule = (effectiveDate: string) =>
  on("RescheduleLoan", { effectiveDate, loanId: "l-1", newMaturityDate: "2024-01-01" });

describe("loans (khoản vay)", () => {
  it("computes maturity from the term unless given; refuses a maturity not after disbursement", () => {
    given([founded()])
      .when(disburse({ effectiveDate: "2024-01-31", termMonths: 1 }))
      .then([
        happened("LoanDisbursed", {
          ...LOAN,
          effectiveDate: "2024-01-31",
          termMonths: 1,
          maturityDate: "2024-02-29",
        }),
      ]);
    given([founded()]).when(disburse()).then([disbursed]);
    given([founded()])
      .when(disburse({ maturityDate: "2020-08-01" }))
      .thenError("InvalidMaturity");
  });

  it("principal repaid never exceeds outstanding, across several repayments", () => {
    const partly = [founded(), disbursed, repaid("2021-01-01", 200_000_000)];
    given(partly)
      .when(repay("2021-06-01", 50_000_001))
      .thenError("RepaymentExceedsOutstanding", {
        outstandingVnd: 50_000_000,
        repaidVnd: 50_000_001,
      } as never);
    given(partly).when(repay("2021-06-01", 50_000_000)).thenAccepted();
    const paid = [founded(), disbursed, repaid("2021-01-01", 250_000_000)];
    given(paid).when(repay("2021-06-01", 1)).thenError("RepaymentExceedsOutstanding");
    given(paid).when(reschedule("2022-01-01")).thenError("LoanFullyRepaid");
  });

  it("refuses unknown and duplicate loans, zero amounts and repayments before disbursement", () => {
    const g = given([founded(), disbursed]);
    g.when(repay("2021-01-01", 1, "l-2")).thenError("UnknownLoan");
    g.when(disburse()).thenError("DuplicateLoan");
    g.when(disburse({ loanId: "l-3", principalVnd: 0 })).thenError("ZeroAmount");
    g.when(repay("2021-01-01", 0)).thenError("ZeroAmount");
    g.when(repay("2020-07-31", 1)).thenError("EffectiveDateBeforeStart");
    g.when(reschedule("2021-01-01")).thenAccepted();
  });

  it("National Employment Fund ≤ 2 bn VND per project from 2019-11-08; earlier larger loans accepted with a warning", () => {
    const nef = (effectiveDate: string, principalVnd: number) =>
      given([founded()]).when(disburse({ effectiveDate, principalVnd, fundKind: "nationalEmploymentFund" }));
    nef("2019-11-08", 2_000_000_001).thenError("LoanExceedsFundCap", {
      capVnd: 2_000_000_000,
      since: "2019-11-08",
    } as never);
    nef("2019-11-08", 2_000_000_000).thenWarnings([]);
    nef("2019-11-07", 3_000_000_000).thenWarnings([
      { _tag: "LaterRuleNotApplied", effectiveDate: "2019-11-07" } as never,
    ]);
    // other funds have no cap by default
    given([founded()])
      .when(disburse({ principalVnd: 5_000_000_000 }))
      .thenWarnings([]);
  });

  it("caps are configuration", () => {
    const strict = specFor(
      makeLedgerDecider({
        ...defaultDomainConfig,
        fundCaps: [
          { fundKind: "provincialSupportFund", from: "2000-01-01", maxPrincipalVnd: 100_000_000 },
        ] as never,
      }),
    );
    strict([founded()]).when(disburse()).thenError("LoanExceedsFundCap");
    strict([founded()])
      .when(disburse({ principalVnd: 100_000_000 }))
      .thenAccepted();
  });
});
