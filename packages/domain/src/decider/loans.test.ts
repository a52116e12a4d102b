import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { defaultDomainConfig } from "../config/domain-config.js";
import { decide, decideWithWarnings, makeLedgerDecider } from "./ledger-decider.js";
import { found, given, on, outcome, refusal } from "./test-support/fixtures.js";

const disburse = (over: Record<string, unknown> = {}) =>
  on("DisburseLoan", {
    effectiveDate: "2020-08-01",
    loanId: "l-1",
    fundKind: "provincialSupportFund",
    principalVnd: 250_000_000,
    termMonths: 36,
    ...over,
  });

describe("loans (khoản vay)", () => {
  it("computes maturity from the term unless given; refuses a maturity not after disbursement", () => {
    const r = decide(disburse({ effectiveDate: "2024-01-31", termMonths: 1 }), given([found()]).state);
    expect(E.isRight(r) && r.right[0]?.data).toMatchObject({ maturityDate: "2024-02-29" });
    expect(outcome(decide(disburse({ maturityDate: "2020-08-01" }), given([found()]).state))).toBe(
      "InvalidMaturity",
    );
  });

  it("principal repaid never exceeds outstanding, across several repayments", () => {
    const g = given([
      found(),
      disburse(),
      on("RepayLoan", { effectiveDate: "2021-01-01", loanId: "l-1", principalVnd: 200_000_000 }),
    ]);
    const e = refusal(
      decide(
        on("RepayLoan", { effectiveDate: "2021-06-01", loanId: "l-1", principalVnd: 50_000_001 }),
        g.state,
      ),
    );
    expect(e).toMatchObject({
      _tag: "RepaymentExceedsOutstanding",
      outstandingVnd: 50_000_000,
      repaidVnd: 50_000_001,
    });
    const paid = given([
      ...[found(), disburse()],
      on("RepayLoan", { effectiveDate: "2021-01-01", loanId: "l-1", principalVnd: 250_000_000 }),
    ]);
    expect(paid.state._tag === "Coop" && paid.state.loans.get("l-1")?.outstandingVnd).toBe(0);
    expect(
      outcome(
        decide(
          on("RescheduleLoan", { effectiveDate: "2022-01-01", loanId: "l-1", newMaturityDate: "2024-01-01" }),
          paid.state,
        ),
      ),
    ).toBe("LoanFullyRepaid");
  });

  it("refuses unknown and duplicate loans, zero amounts and repayments before disbursement", () => {
    const g = given([found(), disburse()]);
    expect(
      outcome(
        decide(on("RepayLoan", { effectiveDate: "2021-01-01", loanId: "l-2", principalVnd: 1 }), g.state),
      ),
    ).toBe("UnknownLoan");
    expect(outcome(decide(disburse(), g.state))).toBe("DuplicateLoan");
    expect(outcome(decide(disburse({ loanId: "l-3", principalVnd: 0 }), g.state))).toBe("ZeroAmount");
    expect(
      outcome(
        decide(on("RepayLoan", { effectiveDate: "2021-01-01", loanId: "l-1", principalVnd: 0 }), g.state),
      ),
    ).toBe("ZeroAmount");
    expect(
      outcome(
        decide(on("RepayLoan", { effectiveDate: "2020-07-31", loanId: "l-1", principalVnd: 1 }), g.state),
      ),
    ).toBe("EffectiveDateBeforeStart");
    expect(
      outcome(
        decide(
          on("RescheduleLoan", { effectiveDate: "2021-01-01", loanId: "l-1", newMaturityDate: "2024-01-01" }),
          g.state,
        ),
      ),
    ).toBe("accepted");
  });

  it("National Employment Fund ≤ 2 bn VND per project from 2019-11-08; earlier larger loans accepted with a warning", () => {
    const g = given([found()]);
    const nef = (effectiveDate: string, principalVnd: number) =>
      disburse({ effectiveDate, principalVnd, fundKind: "nationalEmploymentFund" });
    expect(refusal(decideWithWarnings(nef("2019-11-08", 2_000_000_001), g.state))).toMatchObject({
      _tag: "LoanExceedsFundCap",
      capVnd: 2_000_000_000,
      since: "2019-11-08",
    });
    const atCap = decideWithWarnings(nef("2019-11-08", 2_000_000_000), g.state);
    expect(E.isRight(atCap) && atCap.right.warnings).toEqual([]);
    const before = decideWithWarnings(nef("2019-11-07", 3_000_000_000), g.state);
    expect(E.isRight(before) && before.right.warnings.map((w) => [w._tag, w.effectiveDate])).toEqual([
      ["LaterRuleNotApplied", "2019-11-07"],
    ]);
    // other funds have no cap by default
    expect(outcome(decide(disburse({ principalVnd: 5_000_000_000 }), g.state))).toBe("accepted");
  });

  it("caps are configuration", () => {
    const strict = makeLedgerDecider({
      ...defaultDomainConfig,
      fundCaps: [
        { fundKind: "provincialSupportFund", from: "2000-01-01", maxPrincipalVnd: 100_000_000 },
      ] as never,
    });
    expect(outcome(strict.decide(disburse(), given([found()], strict).state))).toBe("LoanExceedsFundCap");
  });
});
