import type { Command, DomainEvent } from "@coop-ledger/domain";
import { given } from "@coop-ledger/testing";
import { describe, it } from "vitest";

// Decider specifications in given/when/then form: the rules our clerks rely on.
const founded = {
  type: "CoopFounded",
  schemaVersion: 2,
  data: {
    coopId: "htx-1",
    effectiveDate: "2019-03-01",
    name: "HTX Thanh Long",
    form: "cooperative",
    sector: "agriculture",
    location: { gazetteer: "2008-08-01", provinceCode: "60" },
    foundingMembers: 7,
    origin: { kind: "new" },
  },
} as unknown as DomainEvent;
const disbursed = {
  type: "LoanDisbursed",
  schemaVersion: 1,
  data: {
    coopId: "htx-1",
    effectiveDate: "2020-01-10",
    loanId: "l-1",
    fundKind: "provincialSupportFund",
    principalVnd: 250_000_000,
    termMonths: 36,
    maturityDate: "2023-01-10",
  },
} as unknown as DomainEvent;
const repay = (principalVnd: number) =>
  ({
    type: "RepayLoan",
    data: { coopId: "htx-1", effectiveDate: "2021-01-10", loanId: "l-1", principalVnd },
  }) as unknown as Command;

describe("loans (khoản vay)", () => {
  it("a repayment up to the outstanding principal is recorded", () => {
    given([founded, disbursed])
      .when(repay(100_000_000))
      .then([
        {
          type: "LoanRepaid",
          schemaVersion: 1,
          data: { coopId: "htx-1", effectiveDate: "2021-01-10", loanId: "l-1", principalVnd: 100_000_000 },
        } as unknown as DomainEvent,
      ]);
  });

  it("principal repaid never exceeds outstanding", () => {
    given([founded, disbursed]).when(repay(300_000_000)).thenError("RepaymentExceedsOutstanding");
  });
});
