import type * as t from "io-ts";
import {
  AllianceActivityRecorded,
  FundCapitalChanged,
  FundEstablished,
  LoanApplicationReceived,
} from "../events/alliance-and-fund.js";
import { commandCodec } from "./command-codec.js";

/**
 * **RecordAllianceActivity** — record alliance activities (*hoạt động của Liên minh HTX*) on stream
 * `alliance-<province>` → `AllianceActivityRecorded`.
 * @example RecordAllianceActivity.decode({ type: "RecordAllianceActivity", data: { effectiveDate: "2021-03-01", provinceCode: "60", gazetteer: "2008-08-01", kind: "trainingClass", count: 2 } })
 */
export const RecordAllianceActivity = commandCodec(
  "RecordAllianceActivity",
  AllianceActivityRecorded.type.props.data,
);
/** @see RecordAllianceActivity */
export type RecordAllianceActivity = t.TypeOf<typeof RecordAllianceActivity>;

/**
 * **EstablishFund** — establish a support fund (*thành lập Quỹ hỗ trợ phát triển HTX*) → `FundEstablished`.
 * @example EstablishFund.decode({ type: "EstablishFund", data: { fundId: "qht-60", effectiveDate: "2021-01-01", kind: "provincialSupportFund", name: "Quỹ hỗ trợ phát triển HTX tỉnh Bình Thuận", charterCapitalVnd: 20000000000, provinceCode: "60", gazetteer: "2008-08-01" } })
 */
export const EstablishFund = commandCodec("EstablishFund", FundEstablished.type.props.data);
/** @see EstablishFund */
export type EstablishFund = t.TypeOf<typeof EstablishFund>;

/**
 * **ChangeFundCapital** — set the fund's charter capital (*điều chỉnh vốn điều lệ Quỹ*) → `FundCapitalChanged`.
 * @example ChangeFundCapital.decode({ type: "ChangeFundCapital", data: { fundId: "qht-60", effectiveDate: "2024-01-01", charterCapitalVnd: 50000000000 } })
 */
export const ChangeFundCapital = commandCodec("ChangeFundCapital", FundCapitalChanged.type.props.data);
/** @see ChangeFundCapital */
export type ChangeFundCapital = t.TypeOf<typeof ChangeFundCapital>;

/**
 * **ReceiveLoanApplication** — receive a co-op's loan application (*tiếp nhận hồ sơ vay vốn*) →
 * `LoanApplicationReceived`.
 * @example ReceiveLoanApplication.decode({ type: "ReceiveLoanApplication", data: { fundId: "qht-60", effectiveDate: "2019-05-01", applicationId: "a-1", coopId: "htx-1", requestedVnd: 300000000 } })
 */
export const ReceiveLoanApplication = commandCodec(
  "ReceiveLoanApplication",
  LoanApplicationReceived.type.props.data,
);
/** @see ReceiveLoanApplication */
export type ReceiveLoanApplication = t.TypeOf<typeof ReceiveLoanApplication>;
