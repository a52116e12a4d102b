import type { CoopForm } from "@coop-ledger/domain";
import type { ProjectionOptions } from "../query/projection-query.js";
import type { IndicatorId } from "./indicator-id.js";

/**
 * How an indicator relates to time:
 * - `instant`: evaluated on `validAt` (a stock);
 * - `period`: a flow over a period ending on `validAt` (default from 1 January of its year);
 * - `annual`: about one fiscal year (default the year before `validAt`'s), from reports and ratings
 *   recorded with an effective date up to `validAt`.
 */
export type IndicatorKind = "instant" | "period" | "annual";

/** The unit of a figure's value. */
export type IndicatorUnit = "count" | "vnd" | "share" | "average" | "vndPerMonth" | "growth";

/** One indicator of the catalogue: what it means, in English and Vietnamese, and how it is built. */
export interface IndicatorDefinition {
  readonly id: IndicatorId;
  readonly label: { readonly en: string; readonly vi: string };
  readonly kind: IndicatorKind;
  readonly unit: IndicatorUnit;
  readonly definition: string;
  /** For ratios and averages: what is counted above and below the line. */
  readonly numerator?: string;
  readonly denominator?: string;
  /** The organisations counted (`[]`: not about organisations: alliance and fund figures). */
  readonly forms: ReadonlyArray<CoopForm>;
  /** The options that change it. */
  readonly options: ReadonlyArray<keyof ProjectionOptions>;
  /** Where the sources track it (brief §5). */
  readonly seenIn: string;
}

const COOP: ReadonlyArray<CoopForm> = ["cooperative"];

/**
 * The indicator catalogue (brief §5), as data: docs/indicators.md is generated from it.
 * @example INDICATORS.find((d) => d.id === "coops.active")?.label.vi // "Số hợp tác xã đang hoạt động"
 */
export const INDICATORS: ReadonlyArray<IndicatorDefinition> = [
  {
    id: "coops.active",
    label: { en: "Active co-ops", vi: "Số hợp tác xã đang hoạt động" },
    kind: "instant",
    unit: "count",
    definition:
      "Co-ops (form cooperative) existing on the date: founded, not dissolved, reorganised away or converted. Suspended co-ops still exist and are counted.",
    forms: COOP,
    options: [],
    seenIn: "004: 234 co-ops",
  },
  {
    id: "unions.active",
    label: { en: "Active unions of co-ops", vi: "Số liên hiệp hợp tác xã" },
    kind: "instant",
    unit: "count",
    definition: "Unions of co-ops (liên hiệp HTX) existing on the date, counted apart from co-ops.",
    forms: ["union"],
    options: [],
    seenIn: "004: 1 union, target ≥ 2",
  },
  {
    id: "groups.active",
    label: { en: "Active cooperative groups", vi: "Số tổ hợp tác" },
    kind: "instant",
    unit: "count",
    definition: "Cooperative groups (tổ hợp tác) existing on the date, counted apart from co-ops.",
    forms: ["group"],
    options: [],
    seenIn: "brief §7: ~64,000 groups nationally",
  },
  {
    id: "coops.founded",
    label: { en: "Co-ops founded new", vi: "Số HTX thành lập mới" },
    kind: "period",
    unit: "count",
    definition:
      "Co-ops founded new in the period (origin `new`): successors of a reorganisation, conversions and pre-existing co-ops are not counted.",
    forms: COOP,
    options: ["periodFrom"],
    seenIn: "000: ≥ 15 a year; 002: 6 so far, 20 targeted in 2019",
  },
  {
    id: "coops.dissolved",
    label: { en: "Co-ops dissolved", vi: "Số HTX giải thể" },
    kind: "period",
    unit: "count",
    definition: "Dissolutions of co-ops in the period; broken down by mode (voluntary / compulsory).",
    forms: COOP,
    options: ["periodFrom"],
    seenIn: "001",
  },
  {
    id: "coops.agriculturalShare",
    label: { en: "Share of agricultural co-ops", vi: "Tỷ lệ HTX nông nghiệp" },
    kind: "instant",
    unit: "share",
    definition: "Active agricultural co-ops over active co-ops.",
    numerator: "active co-ops of sector agriculture",
    denominator: "active co-ops",
    forms: COOP,
    options: [],
    seenIn: "004: ~70% target",
  },
  {
    id: "coops.law2012Share",
    label: { en: "Share operating under the 2012 law", vi: "Tỷ lệ HTX hoạt động theo Luật HTX 2012" },
    kind: "instant",
    unit: "share",
    definition:
      "Active co-ops founded under or conformed to Law 23/2012/QH13 (and, by default, those already under Law 17/2023/QH15) over active co-ops.",
    numerator: "active co-ops under the 2012 law (or the 2023 law, option)",
    denominator: "active co-ops",
    forms: COOP,
    options: ["law2012IncludesLaw2023"],
    seenIn: "000: 100%",
  },
  {
    id: "rating.fairOrGoodShare",
    label: { en: "Share of co-ops rated fair or good", vi: "Tỷ lệ HTX xếp loại khá, tốt" },
    kind: "annual",
    unit: "share",
    definition:
      "Co-ops rated effective for the fiscal year (fair or good, or a score at or above a threshold) over co-ops rated for the year (or active at 31/12 of the year). The latest assessment of a year counts.",
    numerator: "co-ops rated effective for the year",
    denominator: "co-ops rated for the year (or active at year end, option)",
    forms: COOP,
    options: ["fiscalYear", "effectiveRule", "effectiveMinScore", "ratingDenominator"],
    seenIn: "004: 71.4%, target ≥ 75%; 000: > 70% effective",
  },
  {
    id: "alliance.newMembers",
    label: { en: "New alliance members", vi: "Kết nạp thành viên mới Liên minh HTX" },
    kind: "period",
    unit: "count",
    definition:
      "Co-ops and unions joining the provincial Cooperative Alliance in the period (each joining counts).",
    forms: ["cooperative", "union"],
    options: ["periodFrom"],
    seenIn: "000: ≥ 3 a year",
  },
  {
    id: "members.averagePerCoop",
    label: { en: "Average members per co-op", vi: "Bình quân thành viên/HTX" },
    kind: "instant",
    unit: "average",
    definition:
      "Official members of active co-ops over active co-ops (members: the latest report, adjusted by mergers and spin-offs since).",
    numerator: "official members of active co-ops",
    denominator: "active co-ops",
    forms: COOP,
    options: ["peoplesCreditFunds"],
    seenIn: "004: ≥ 15",
  },
  {
    id: "members.over100Share",
    label: { en: "Share of co-ops with over 100 members", vi: "Tỷ lệ HTX trên 100 thành viên" },
    kind: "instant",
    unit: "share",
    definition: "Active co-ops with more than 100 official members over active co-ops.",
    numerator: "active co-ops with > 100 official members",
    denominator: "active co-ops",
    forms: COOP,
    options: ["peoplesCreditFunds"],
    seenIn: "000: ≥ 10%",
  },
  {
    id: "members.farmHouseholdShare",
    label: { en: "Share of farm households in co-ops and groups", vi: "Tỷ lệ hộ nông dân tham gia HTX, THT" },
    kind: "instant",
    unit: "share",
    definition:
      "Member farm households of active co-ops and groups over the farm households of the province (an input: the ledger does not hold it; without it the figure is not available).",
    numerator: "member farm households of active co-ops and groups",
    denominator: "farm households in the province (option farmHouseholds)",
    forms: ["cooperative", "group"],
    options: ["farmHouseholds"],
    seenIn: "004: ≥ 20%",
  },
  {
    id: "managers.under50QualifiedShare",
    label: {
      en: "Share of managers under 50 with intermediate or higher qualification",
      vi: "Tỷ lệ cán bộ quản lý dưới 50 tuổi có trình độ trung cấp trở lên",
    },
    kind: "instant",
    unit: "share",
    definition:
      "Managers in office in active co-ops, aged under 50 on the date with intermediate or higher qualification, over managers in office.",
    numerator: "managers aged < 50 with intermediate+ qualification",
    denominator: "managers in office",
    forms: COOP,
    options: [],
    seenIn: "000: ≥ 50%",
  },
  ...(
    [
      ["capital", "charter capital", "vốn điều lệ"],
      ["assets", "total assets", "tổng tài sản"],
      ["revenue", "revenue", "doanh thu"],
      ["profit", "profit", "lợi nhuận"],
    ] as const
  ).map(
    ([metric, en, vi]): IndicatorDefinition => ({
      id: `finance.growth.${metric}` as IndicatorId,
      label: { en: `Year-on-year growth of ${en}`, vi: `Tăng trưởng ${vi} so với năm trước` },
      kind: "annual",
      unit: "growth",
      definition: `Growth of the sum of ${en} from the previous fiscal year to the fiscal year, over the co-ops that reported both years.`,
      numerator: `sum of ${en} in the year minus in the previous year`,
      denominator: `sum of ${en} in the previous year`,
      forms: COOP,
      options: ["fiscalYear"],
      seenIn: "000: capital/assets 5%, revenue/profit 6% a year",
    }),
  ),
  {
    id: "income.workerMonthlyVnd",
    label: {
      en: "Average monthly income of regular workers",
      vi: "Thu nhập bình quân của lao động thường xuyên",
    },
    kind: "annual",
    unit: "vndPerMonth",
    definition:
      "Mean of the co-ops' reported average monthly worker income for the fiscal year (perCoop), or weighted by regular workers (perWorker).",
    numerator: "sum of reported incomes (or income × workers)",
    denominator: "co-ops reporting (or workers)",
    forms: COOP,
    options: ["fiscalYear", "incomeAverage"],
    seenIn: "000: 5 m VND/month",
  },
  {
    id: "income.memberMonthlyVnd",
    label: { en: "Average monthly income of members", vi: "Thu nhập bình quân của thành viên" },
    kind: "annual",
    unit: "vndPerMonth",
    definition:
      "Mean of the co-ops' reported average monthly member income for the fiscal year (perCoop), or per person: each co-op's average weighted by its official members when the report took effect, i.e. total paid ÷ members (perMember; perWorker reads the same).",
    numerator: "sum of reported member incomes (or income × members)",
    denominator: "co-ops reporting (or their members)",
    forms: COOP,
    options: ["fiscalYear", "incomeAverage"],
    seenIn: "004: 6 m VND/month",
  },
  {
    id: "ocop.coops",
    label: { en: "Co-ops with OCOP products", vi: "Số HTX có sản phẩm OCOP" },
    kind: "instant",
    unit: "count",
    definition:
      "Active co-ops holding at least one valid OCOP certificate (3–5★, within its 36 months, not ended) on the date.",
    forms: COOP,
    options: [],
    seenIn: "004: 57 co-ops",
  },
  {
    id: "ocop.products",
    label: { en: "OCOP products of co-ops", vi: "Số sản phẩm OCOP của HTX" },
    kind: "instant",
    unit: "count",
    definition: "Products of active co-ops with a valid OCOP certificate on the date.",
    forms: COOP,
    options: [],
    seenIn: "004: 93 products",
  },
  {
    id: "loans.disbursed",
    label: { en: "Loans disbursed", vi: "Số khoản vay được giải ngân" },
    kind: "period",
    unit: "count",
    definition: "Loans disbursed to co-ops, unions and groups in the period; broken down by fund.",
    forms: ["cooperative", "union", "group"],
    options: ["periodFrom", "fundKind"],
    seenIn: "002: 1 loan",
  },
  {
    id: "loans.disbursedVnd",
    label: { en: "Amount disbursed", vi: "Số tiền giải ngân" },
    kind: "period",
    unit: "vnd",
    definition: "Principal disbursed in the period (VND); broken down by fund.",
    forms: ["cooperative", "union", "group"],
    options: ["periodFrom", "fundKind"],
    seenIn: "002: 250 m VND",
  },
  {
    id: "loans.outstandingVnd",
    label: { en: "Principal outstanding", vi: "Dư nợ" },
    kind: "instant",
    unit: "vnd",
    definition:
      "Principal outstanding on the date (disbursed minus repaid); broken down by fund. A loan stays outstanding after its debtor ends.",
    forms: ["cooperative", "union", "group"],
    options: ["fundKind"],
    seenIn: "002",
  },
  {
    id: "loans.overdueVnd",
    label: { en: "Principal overdue", vi: "Nợ quá hạn" },
    kind: "instant",
    unit: "vnd",
    definition:
      "Principal outstanding on loans past their (possibly rescheduled) maturity date; broken down by fund.",
    forms: ["cooperative", "union", "group"],
    options: ["fundKind"],
    seenIn: "002",
  },
  {
    id: "fund.applications",
    label: { en: "Loan applications received", vi: "Số hồ sơ vay vốn tiếp nhận" },
    kind: "period",
    unit: "count",
    definition: "Loan applications received by support funds in the period (counted in the fund's province).",
    forms: [],
    options: ["periodFrom"],
    seenIn: "002: > 10",
  },
  {
    id: "fund.charterCapitalVnd",
    label: { en: "Support fund charter capital", vi: "Vốn điều lệ Quỹ hỗ trợ phát triển HTX" },
    kind: "instant",
    unit: "vnd",
    definition: "Charter capital of the support funds on the date (counted in the fund's province).",
    forms: [],
    options: [],
    seenIn: "001: 50 bn VND target",
  },
  ...(
    [
      ["newsItems", "News items", "Số tin bài tuyên truyền", "000: ≥ 70 a year"],
      [
        "tradePromotions",
        "Trade-promotion participations",
        "Lượt tham gia xúc tiến thương mại",
        "000: ≥ 100 a year",
      ],
      ["trainingClasses", "Training classes", "Số lớp tập huấn", "000: ≥ 15 a year"],
      [
        "foundingAdvice",
        "Founding groups advised",
        "Số nhóm sáng lập được tư vấn thành lập HTX",
        "002: 12 groups advised",
      ],
    ] as const
  ).map(
    ([kind, en, vi, seen]): IndicatorDefinition => ({
      id: `activity.${kind}` as IndicatorId,
      label: { en, vi },
      kind: "period",
      unit: "count",
      definition: `${en} recorded by the provincial Cooperative Alliance in the period (the sum of the recorded counts).`,
      forms: [],
      options: ["periodFrom"],
      seenIn: seen,
    }),
  ),
  {
    id: "valueChain.districtCoverage",
    label: { en: "Districts covered by value-chain linkages", vi: "Tỷ lệ huyện có chuỗi liên kết" },
    kind: "instant",
    unit: "share",
    definition:
      "Districts of the scope's province with at least one active value-chain linkage of an active co-op, over the province's districts (an input from the 2008 gazetteer). Only in a geography with districts. Wording as the seeds use it: a linkage built in a district is a 'chuỗi liên kết' (000 target (12): 'chuỗi liên kết, sản xuất tiêu thụ sản phẩm'; 001), the chain a co-op takes part in is a 'chuỗi giá trị' (valueChain.coops; 002, 003, 004).",
    numerator: "districts with ≥ 1 active linkage",
    denominator: "districts of the province (option districtCount)",
    forms: COOP,
    options: ["districtCount"],
    seenIn: "000: one linkage per district",
  },
  {
    id: "rating.weak",
    label: { en: "Co-ops rated weak", vi: "Số HTX yếu kém" },
    kind: "annual",
    unit: "count",
    definition:
      "Co-ops rated weak (yếu) for the fiscal year: a score below the average band (< 50 by default, Circular 01/2020/TT-BKHĐT), or an agricultural co-op with an administrative sanction in the year (Circular 09/2017/TT-BNNPTNT). The latest assessment of a year counts.",
    forms: COOP,
    options: ["fiscalYear"],
    seenIn: "001: weak and non-operating co-ops persuaded to dissolve",
  },
  {
    id: "rating.weakShare",
    label: { en: "Share of co-ops rated weak", vi: "Tỷ lệ HTX yếu kém" },
    kind: "annual",
    unit: "share",
    definition:
      "Co-ops rated weak for the fiscal year over co-ops rated for the year (or active at 31/12 of the year), as `rating.fairOrGoodShare` counts its denominator.",
    numerator: "co-ops rated weak for the year",
    denominator: "co-ops rated for the year (or active at year end, option)",
    forms: COOP,
    options: ["fiscalYear", "ratingDenominator"],
    seenIn: "001: weak and non-operating co-ops persuaded to dissolve",
  },
  {
    id: "coops.suspended",
    label: { en: "Suspended co-ops", vi: "Số HTX ngừng hoạt động" },
    kind: "instant",
    unit: "count",
    definition:
      "Active co-ops suspended on the date (tạm ngừng hoạt động): a suspension effective on or before the date, not resumed, whose end date (`until`, inclusive) has not passed. They are still counted by `coops.active`.",
    forms: COOP,
    options: [],
    seenIn: "001: weak and non-operating co-ops persuaded to dissolve; brief §7: 5–15% suspended",
  },
  {
    id: "coops.reorganised",
    label: { en: "Co-ops and groups converted or reorganised", vi: "Số HTX, THT chuyển đổi, tổ chức lại" },
    kind: "period",
    unit: "count",
    definition:
      "Conversions into another form (chuyển đổi, e.g. a group into a co-op) and reorganisations (tổ chức lại: split, spin-off, consolidation, merger) in the period, counted on each organisation converted or reorganised (a consolidation of two co-ops counts two; the successors founded are counted by neither this nor `coops.founded`); broken down by kind.",
    forms: ["cooperative", "union", "group"],
    options: ["periodFrom"],
    seenIn: "001: found, consolidate and reorganise groups and co-ops under the 2023 law",
  },
  {
    id: "coops.foundedAdvised",
    label: {
      en: "Co-ops founded with the alliance's advice",
      vi: "Số HTX được Liên minh HTX tư vấn, hỗ trợ thành lập",
    },
    kind: "period",
    unit: "count",
    definition:
      "Co-ops founded new in the period whose founding records that the provincial Cooperative Alliance advised and supported it (`CoopFounded.advisedByAlliance`); a founding that does not say is not counted. A part of `coops.founded`.",
    forms: COOP,
    options: ["periodFrom"],
    seenIn:
      "003: 70 new-model co-ops advised in the 2015–2020 term (Hà Nam); 002: 12 founding groups advised, 6 founded",
  },
  {
    id: "coops.law2023Share",
    label: { en: "Share operating under the 2023 law", vi: "Tỷ lệ HTX hoạt động theo Luật HTX 2023" },
    kind: "instant",
    unit: "share",
    definition:
      "Active co-ops founded under Law 17/2023/QH15 (from 2024-07-01) or conformed to it (re-registered or charter amended, art. 115) over active co-ops. A co-op whose earlier charter already conformed but that recorded no conformance is not counted: the ledger cannot tell.",
    numerator: "active co-ops under the 2023 law",
    denominator: "active co-ops",
    forms: COOP,
    options: [],
    seenIn: "001: organise co-ops and groups under the 2023 law",
  },
  {
    id: "coops.highTech",
    label: { en: "Co-ops applying high technology", vi: "Số HTX ứng dụng công nghệ cao" },
    kind: "annual",
    unit: "count",
    definition:
      "Co-ops whose annual report for the fiscal year says they applied high technology in production (`AnnualReportFiled.highTechnology`). The latest report of a year counts; a report that does not say is not counted.",
    forms: COOP,
    options: ["fiscalYear"],
    seenIn: "004: co-ops with high-technology production models; 000: apply high technology",
  },
  {
    id: "valueChain.coops",
    label: { en: "Co-ops in value chains", vi: "Số HTX tham gia chuỗi giá trị" },
    kind: "instant",
    unit: "count",
    definition:
      "Active co-ops with at least one active value-chain linkage (liên kết chuỗi giá trị) on the date.",
    forms: COOP,
    options: [],
    seenIn: "003, 004: co-ops tied to value chains; 001: few co-ops in value chains",
  },
  {
    id: "valueChain.coopShare",
    label: { en: "Share of co-ops in value chains", vi: "Tỷ lệ HTX tham gia chuỗi giá trị" },
    kind: "instant",
    unit: "share",
    definition: "Active co-ops with at least one active value-chain linkage over active co-ops.",
    numerator: "active co-ops with ≥ 1 active linkage",
    denominator: "active co-ops",
    forms: COOP,
    options: [],
    seenIn: "003, 004: co-ops tied to value chains; 001: few co-ops in value chains",
  },
  {
    id: "members.total",
    label: { en: "Members of co-ops", vi: "Tổng số thành viên HTX" },
    kind: "instant",
    unit: "count",
    definition:
      "Official members of active co-ops (each co-op's latest report, adjusted by mergers and spin-offs since): the numerator of `members.averagePerCoop`.",
    forms: COOP,
    options: ["peoplesCreditFunds"],
    seenIn: "004: ≥ 15 members per co-op; 003: member development",
  },
  {
    id: "workers.total",
    label: { en: "Regular workers of co-ops", vi: "Tổng số lao động thường xuyên trong HTX" },
    kind: "instant",
    unit: "count",
    definition:
      "Regular workers (lao động thường xuyên) of active co-ops, from each co-op's latest membership report (a report that does not give them counts none).",
    forms: COOP,
    options: [],
    seenIn: "000: income of regular workers (target 5)",
  },
  ...(
    [
      ["revenue", "Revenue", "Doanh thu"],
      ["profit", "Profit", "Lợi nhuận"],
    ] as const
  ).map(
    ([metric, en, vi]): IndicatorDefinition => ({
      id: `finance.${metric}Vnd` as IndicatorId,
      label: { en: `${en} of co-ops and groups`, vi: `${vi} của HTX, THT` },
      kind: "annual",
      unit: "vnd",
      definition: `Sum of the ${metric} reported for the fiscal year by co-ops and cooperative groups (the latest report of a year counts${metric === "profit" ? "; a loss counts negative" : ""}); breakdown: organisations reporting.`,
      forms: ["cooperative", "group"],
      options: ["fiscalYear"],
      seenIn: "000: revenue and profit of co-ops and groups (target 5)",
    }),
  ),
  {
    id: "activity.awarenessClasses",
    label: { en: "Awareness classes", vi: "Số lớp tuyên truyền" },
    kind: "period",
    unit: "count",
    definition:
      "Awareness classes on the law and policy (lớp tuyên truyền) recorded by the provincial Cooperative Alliance in the period (the sum of the recorded counts).",
    forms: [],
    options: ["periodFrom"],
    seenIn: "002: 16 classes on the 2012 law and Decree 151/2007/NĐ-CP",
  },
  {
    id: "activity.peopleTrained",
    label: { en: "People trained", vi: "Số lượt người được đào tạo, bồi dưỡng" },
    kind: "period",
    unit: "count",
    definition:
      "Attendances of the training classes recorded by the provincial Cooperative Alliance in the period (the sum of the recorded participants; a class recorded without them adds none).",
    forms: [],
    options: ["periodFrom"],
    seenIn: "000: training of managers, workers and members (target 9); 001: yearly vocational training",
  },
  {
    id: "alliance.members",
    label: { en: "Alliance members", vi: "Tổng số thành viên Liên minh HTX tỉnh" },
    kind: "instant",
    unit: "count",
    definition:
      "Co-ops and unions that are members of the provincial Cooperative Alliance on the date (joined, not left, not ended), counted where their head office is.",
    forms: ["cooperative", "union"],
    options: [],
    seenIn: "000: ≥ 3 new members a year; 003: member development",
  },
];

/**
 * The definition of an indicator.
 * @example indicatorDefinition("ocop.products").unit // "count"
 */
export const indicatorDefinition = (id: IndicatorId): IndicatorDefinition =>
  INDICATORS.find((d) => d.id === id) as IndicatorDefinition;
