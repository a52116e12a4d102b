import type { IndicatorDefinition } from "./indicator-definition.js";
import type { IndicatorId } from "./indicator-id.js";

/**
 * The indicators about the provincial Cooperative Alliance (Liên minh HTX tỉnh): its members and the
 * activities it records (tuyên truyền, đào tạo, xúc tiến thương mại, tư vấn thành lập).
 * Part of the catalogue `INDICATORS`, which orders the families by `IndicatorId`.
 * @example ALLIANCE_INDICATORS.filter((d) => d.kind === "period").length > 0 // true
 */
export const ALLIANCE_INDICATORS: ReadonlyArray<IndicatorDefinition> = [
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
