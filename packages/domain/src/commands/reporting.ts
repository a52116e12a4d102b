import * as t from "io-ts";
import { OcopEnded, OcopLevel, ValueChainLinked, ValueChainUnlinked } from "../events/products-and-links.js";
import { AnnualReportFiled, ManagerAppointed, ManagerLeft, MembershipReported } from "../events/reporting.js";
import { AssessmentScheme } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { CoopId, ProductId } from "../values/ids.js";
import { FiscalYear, Score, Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { commandCodec } from "./command-codec.js";

/**
 * **ReportMembership** — report members (*báo cáo thành viên*) → `MembershipReported`.
 * @example ReportMembership.decode({ type: "ReportMembership", data: { coopId: "htx-1", effectiveDate: "2021-12-31", officialMembers: 42 } })
 */
export const ReportMembership = commandCodec("ReportMembership", MembershipReported.type.props.data);
/** @see ReportMembership */
export type ReportMembership = t.TypeOf<typeof ReportMembership>;

/**
 * **AppointManager** — appoint a manager (*bổ nhiệm cán bộ quản lý*) → `ManagerAppointed`.
 * @example AppointManager.decode({ type: "AppointManager", data: { coopId: "htx-1", effectiveDate: "2020-01-01", managerId: "m-1", role: "director", birthDate: "1980-05-01", qualification: "university" } })
 */
export const AppointManager = commandCodec("AppointManager", ManagerAppointed.type.props.data);
/** @see AppointManager */
export type AppointManager = t.TypeOf<typeof AppointManager>;

/**
 * **RecordManagerLeft** — a manager left office (*thôi giữ chức vụ*) → `ManagerLeft`.
 * @example RecordManagerLeft.decode({ type: "RecordManagerLeft", data: { coopId: "htx-1", effectiveDate: "2023-01-01", managerId: "m-1" } })
 */
export const RecordManagerLeft = commandCodec("RecordManagerLeft", ManagerLeft.type.props.data);
/** @see RecordManagerLeft */
export type RecordManagerLeft = t.TypeOf<typeof RecordManagerLeft>;

/**
 * **FileAnnualReport** — file the annual report (*báo cáo năm*) → `AnnualReportFiled`.
 * @example FileAnnualReport.decode({ type: "FileAnnualReport", data: { coopId: "htx-1", effectiveDate: "2023-03-31", fiscalYear: 2022, charterCapitalVnd: 1000000000, totalAssetsVnd: 2500000000, revenueVnd: 3000000000, profitVnd: 120000000 } })
 */
export const FileAnnualReport = commandCodec("FileAnnualReport", AnnualReportFiled.type.props.data);
/** @see FileAnnualReport */
export type FileAnnualReport = t.TypeOf<typeof FileAnnualReport>;

/**
 * **AssessCoop** — rate a co-op for a year (*đánh giá, xếp loại*) → `CoopAssessed`; the rating comes from
 * the score by the configured bands, or is `weak` for an agricultural co-op with an administrative
 * sanction that year under Circular 09/2017/TT-BNNPTNT.
 * @example AssessCoop.decode({ type: "AssessCoop", data: { coopId: "htx-1", effectiveDate: "2023-02-15", year: 2022, scheme: "circular-01-2020-TT-BKHDT", score: 82 } })
 */
export const AssessCoop = commandCodec(
  "AssessCoop",
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, year: FiscalYear, scheme: AssessmentScheme, score: Score },
    { administrativeSanction: t.boolean },
    "AssessCoopData",
  ),
);
/** @see AssessCoop */
export type AssessCoop = t.TypeOf<typeof AssessCoop>;

/**
 * **CertifyOcop** — certify an OCOP product (*công nhận sản phẩm OCOP*) → `OcopCertified`; stars from the
 * score (< 50 points: no certificate, an error), valid for the configured months (36).
 * @example CertifyOcop.decode({ type: "CertifyOcop", data: { coopId: "htx-1", effectiveDate: "2021-06-01", productId: "p-1", productName: "Thanh long Hàm Thuận", score: 74 } })
 */
export const CertifyOcop = commandCodec(
  "CertifyOcop",
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, productId: ProductId, productName: Text, score: Score },
    { level: OcopLevel, certificateNumber: Text },
    "CertifyOcopData",
  ),
);
/** @see CertifyOcop */
export type CertifyOcop = t.TypeOf<typeof CertifyOcop>;

/**
 * **EndOcop** — end a product's OCOP certificate early (*chấm dứt chứng nhận OCOP*) → `OcopEnded`.
 * @example EndOcop.decode({ type: "EndOcop", data: { coopId: "htx-1", effectiveDate: "2022-01-01", productId: "p-1", reason: "revoked" } })
 */
export const EndOcop = commandCodec("EndOcop", OcopEnded.type.props.data);
/** @see EndOcop */
export type EndOcop = t.TypeOf<typeof EndOcop>;

/**
 * **LinkValueChain** — join a value-chain linkage (*liên kết chuỗi giá trị*) → `ValueChainLinked`.
 * @example LinkValueChain.decode({ type: "LinkValueChain", data: { coopId: "htx-1", effectiveDate: "2021-01-01", linkageId: "l-1", partner: "Công ty CP XNK", product: "Thanh long" } })
 */
export const LinkValueChain = commandCodec("LinkValueChain", ValueChainLinked.type.props.data);
/** @see LinkValueChain */
export type LinkValueChain = t.TypeOf<typeof LinkValueChain>;

/**
 * **UnlinkValueChain** — end a value-chain linkage → `ValueChainUnlinked`.
 * @example UnlinkValueChain.decode({ type: "UnlinkValueChain", data: { coopId: "htx-1", effectiveDate: "2023-01-01", linkageId: "l-1" } })
 */
export const UnlinkValueChain = commandCodec("UnlinkValueChain", ValueChainUnlinked.type.props.data);
/** @see UnlinkValueChain */
export type UnlinkValueChain = t.TypeOf<typeof UnlinkValueChain>;
