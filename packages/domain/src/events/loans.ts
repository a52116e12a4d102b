import type * as t from "io-ts";
import { FundKind } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { ApplicationId, CoopId, FundId, LoanId } from "../values/ids.js";
import { Vnd } from "../values/money.js";
import { BasisPoints, PositiveInt, Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * **LoanDisbursed** — *Giải ngân khoản vay* (a loan disbursed to the co-op by a support fund or the
 * National Employment Fund). Fund caps are configuration (National Employment Fund since 2019-11-08:
 * ≤ 2 bn VND per project, Decree 74/2019/NĐ-CP).
 * @example LoanDisbursed.decode({ type: "LoanDisbursed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2019-08-01", loanId: "l-1", fundKind: "provincialSupportFund", principalVnd: 250000000, termMonths: 36, maturityDate: "2022-08-01" } })
 */
export const LoanDisbursed = eventCodec(
  "LoanDisbursed",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      loanId: LoanId,
      fundKind: FundKind,
      principalVnd: Vnd,
      termMonths: PositiveInt,
      maturityDate: BusinessDate,
    },
    { fundId: FundId, applicationId: ApplicationId, annualInterestBp: BasisPoints, purpose: Text },
    "LoanDisbursedData",
  ),
);
/** @see LoanDisbursed */
export type LoanDisbursed = t.TypeOf<typeof LoanDisbursed>;

/**
 * **LoanRepaid** — *Trả nợ gốc* (principal repaid; never more than outstanding).
 * @example LoanRepaid.decode({ type: "LoanRepaid", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2020-08-01", loanId: "l-1", principalVnd: 50000000 } })
 */
export const LoanRepaid = eventCodec(
  "LoanRepaid",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, loanId: LoanId, principalVnd: Vnd },
    { interestVnd: Vnd },
    "LoanRepaidData",
  ),
);
/** @see LoanRepaid */
export type LoanRepaid = t.TypeOf<typeof LoanRepaid>;

/**
 * **LoanRescheduled** — *Gia hạn / điều chỉnh kỳ hạn trả nợ* (maturity moved).
 * @example LoanRescheduled.decode({ type: "LoanRescheduled", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-07-01", loanId: "l-1", newMaturityDate: "2023-08-01" } })
 */
export const LoanRescheduled = eventCodec(
  "LoanRescheduled",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, loanId: LoanId, newMaturityDate: BusinessDate },
    { reason: Text },
    "LoanRescheduledData",
  ),
);
/** @see LoanRescheduled */
export type LoanRescheduled = t.TypeOf<typeof LoanRescheduled>;
