import { COOP, type IndicatorDefinition } from "./indicator-definition.js";

/**
 * The indicators about people in co-ops: members (thành viên), managers (cán bộ quản lý), regular workers
 * (lao động thường xuyên) and their income (thu nhập).
 * Part of the catalogue `INDICATORS`, which orders the families by `IndicatorId`.
 * @example PEOPLE_INDICATORS.find((d) => d.id === "members.total")?.unit // "count"
 */
export const PEOPLE_INDICATORS: ReadonlyArray<IndicatorDefinition> = [
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
];
