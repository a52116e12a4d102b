import * as t from "io-ts";
import { AssessmentScheme, ManagerRole, Qualification, Rating } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { CoopId, ManagerId } from "../values/ids.js";
import { SignedVnd, Vnd } from "../values/money.js";
import { Count, FiscalYear, Score, Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * **MembershipReported** — *Báo cáo số lượng thành viên* (members reported as of the effective date):
 * official (chính thức) and associate (liên kết) members, member households (hộ thành viên), of which
 * farm households (hộ nông dân), and regular workers (lao động thường xuyên).
 * @example MembershipReported.decode({ type: "MembershipReported", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-12-31", officialMembers: 42 } })
 */
export const MembershipReported = eventCodec(
  "MembershipReported",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, officialMembers: Count },
    { associateMembers: Count, memberHouseholds: Count, farmHouseholds: Count, regularWorkers: Count },
    "MembershipReportedData",
  ),
);
/** @see MembershipReported */
export type MembershipReported = t.TypeOf<typeof MembershipReported>;

/**
 * **ManagerAppointed** — *Bổ nhiệm cán bộ quản lý HTX* (a manager appointed, with birth date and highest
 * qualification, so "under 50 with intermediate or higher" can be evaluated on any date).
 * @example ManagerAppointed.decode({ type: "ManagerAppointed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2020-01-01", managerId: "m-1", role: "director", birthDate: "1980-05-01", qualification: "university" } })
 */
export const ManagerAppointed = eventCodec(
  "ManagerAppointed",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      managerId: ManagerId,
      role: ManagerRole,
      birthDate: BusinessDate,
      qualification: Qualification,
    },
    {},
    "ManagerAppointedData",
  ),
);
/** @see ManagerAppointed */
export type ManagerAppointed = t.TypeOf<typeof ManagerAppointed>;

/**
 * **ManagerLeft** — *Cán bộ quản lý thôi giữ chức vụ* (a manager left office).
 * @example ManagerLeft.decode({ type: "ManagerLeft", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2023-01-01", managerId: "m-1" } })
 */
export const ManagerLeft = eventCodec(
  "ManagerLeft",
  1,
  struct(
    { coopId: CoopId, effectiveDate: BusinessDate, managerId: ManagerId },
    { reason: Text },
    "ManagerLeftData",
  ),
);
/** @see ManagerLeft */
export type ManagerLeft = t.TypeOf<typeof ManagerLeft>;

/**
 * **AnnualReportFiled** — *Nộp báo cáo tình hình hoạt động / báo cáo tài chính năm* (annual report for a
 * fiscal year: charter capital, total assets, revenue, profit (may be negative), workers, average
 * monthly incomes). The basis of `finance.growth.*`, `finance.revenueVnd`, `finance.profitVnd` and
 * `income.*`. `highTechnology` (optional, added without a version bump) says the co-op applied high
 * technology in production in the fiscal year (ứng dụng công nghệ cao vào sản xuất, seed 004) — the
 * basis of `coops.highTech`; absent reads as "not reported".
 * @example AnnualReportFiled.decode({ type: "AnnualReportFiled", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2023-03-31", fiscalYear: 2022, charterCapitalVnd: 1000000000, totalAssetsVnd: 2500000000, revenueVnd: 3000000000, profitVnd: 120000000 } })
 */
export const AnnualReportFiled = eventCodec(
  "AnnualReportFiled",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      fiscalYear: FiscalYear,
      charterCapitalVnd: Vnd,
      totalAssetsVnd: Vnd,
      revenueVnd: Vnd,
      profitVnd: SignedVnd,
    },
    {
      regularWorkers: Count,
      workerMonthlyIncomeVnd: Vnd,
      memberMonthlyIncomeVnd: Vnd,
      generalMeetingHeldOn: BusinessDate,
      highTechnology: t.boolean,
    },
    "AnnualReportFiledData",
  ),
);
/** @see AnnualReportFiled */
export type AnnualReportFiled = t.TypeOf<typeof AnnualReportFiled>;

/**
 * **CoopAssessed** — *Đánh giá, xếp loại HTX* (rated for a year under a scheme: Circular
 * 01/2020/TT-BKHĐT for co-ops in general, 09/2017/TT-BNNPTNT for agricultural co-ops). Bands (default
 * good ≥ 80, fair 65–< 80, average 50–< 65, weak < 50) are configuration; an administrative sanction in
 * the year forces `weak` for agricultural co-ops; co-ops under 12 months old are not rated.
 * @example CoopAssessed.decode({ type: "CoopAssessed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2023-02-15", year: 2022, scheme: "circular-01-2020-TT-BKHDT", score: 82, rating: "good" } })
 */
export const CoopAssessed = eventCodec(
  "CoopAssessed",
  1,
  struct(
    {
      coopId: CoopId,
      effectiveDate: BusinessDate,
      year: FiscalYear,
      scheme: AssessmentScheme,
      score: Score,
      rating: Rating,
    },
    { administrativeSanction: t.boolean },
    "CoopAssessedData",
  ),
);
/** @see CoopAssessed */
export type CoopAssessed = t.TypeOf<typeof CoopAssessed>;
