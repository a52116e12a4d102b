import type * as t from "io-ts";
import { LoanRepaid, LoanRescheduled } from "../events/loans.js";
import { FundKind } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { ApplicationId, CoopId, FundId, LoanId } from "../values/ids.js";
import { Vnd } from "../values/money.js";
import { BasisPoints, PositiveInt, Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { commandCodec } from "./command-codec.js";

/**
 * **DisburseLoan** — disburse a loan (*giải ngân*) → `LoanDisbursed`; the maturity date is the effective
 * date + `termMonths` unless given. Fund caps from the configuration apply.
 * @example DisburseLoan.decode({ type: "DisburseLoan", data: { coopId: "htx-1", effectiveDate: "2019-08-01", loanId: "l-1", fundKind: "provincialSupportFund", principalVnd: 250000000, termMonths: 36 } })
 */
export const DisburseLoan = commandCodec(
  "DisburseLoan",
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      loanId: LoanId,
      fundKind: FundKind,
      principalVnd: Vnd,
      termMonths: PositiveInt,
    },
    {
      maturityDate: BusinessDate,
      fundId: FundId,
      applicationId: ApplicationId,
      annualInterestBp: BasisPoints,
      purpose: Text,
    },
    "DisburseLoanData",
  ),
);
/** @see DisburseLoan */
export type DisburseLoan = t.TypeOf<typeof DisburseLoan>;

/**
 * **RepayLoan** — repay principal (*trả nợ gốc*) → `LoanRepaid`; never more than outstanding.
 * @example RepayLoan.decode({ type: "RepayLoan", data: { coopId: "htx-1", effectiveDate: "2020-08-01", loanId: "l-1", principalVnd: 50000000 } })
 */
export const RepayLoan = commandCodec("RepayLoan", LoanRepaid.type.props.data);
/** @see RepayLoan */
export type RepayLoan = t.TypeOf<typeof RepayLoan>;

/**
 * **RescheduleLoan** — move a loan's maturity (*gia hạn nợ*) → `LoanRescheduled`.
 * @example RescheduleLoan.decode({ type: "RescheduleLoan", data: { coopId: "htx-1", effectiveDate: "2022-07-01", loanId: "l-1", newMaturityDate: "2023-08-01" } })
 */
export const RescheduleLoan = commandCodec("RescheduleLoan", LoanRescheduled.type.props.data);
/** @see RescheduleLoan */
export type RescheduleLoan = t.TypeOf<typeof RescheduleLoan>;
