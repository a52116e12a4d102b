import { COOP, type IndicatorDefinition } from "./indicator-definition.js";
import type { IndicatorId } from "./indicator-id.js";

/**
 * The indicators in money (VND): co-ops' finances (tài chính), loans of the support funds (khoản vay) and
 * the funds themselves (Quỹ hỗ trợ phát triển HTX).
 * Part of the catalogue `INDICATORS`, which orders the families by `IndicatorId`.
 * @example MONEY_INDICATORS.find((d) => d.id === "loans.outstandingVnd")?.unit // "vnd"
 */
export const MONEY_INDICATORS: ReadonlyArray<IndicatorDefinition> = [
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
];
