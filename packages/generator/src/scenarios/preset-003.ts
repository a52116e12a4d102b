import { type Scenario, years } from "./scenario.js";

/**
 * Seed 003 — the provincial alliance's party cell, 7th congress, term 2020–2025 (Đại hội Chi bộ Liên minh
 * HTX tỉnh lần thứ VII). The text does not name its province; it is Báo Hà Nam's article (baohanam.com.vn,
 * "Đại hội Chi bộ Liên minh HTX tỉnh lần thứ VII"), so Hà Nam (35; part of Ninh Bình, 37, from 2025-07-01).
 * Its one figure: in the term 2015–2020 the alliance advised and supported the founding of 70 new-model
 * co-ops ("Trong nhiệm kỳ đã tư vấn, hỗ trợ thành lập được 70 HTX kiểu mới").
 *
 * @example SCENARIO_003.id // "003"
 */
export const SCENARIO_003: Scenario = {
  id: "003",
  title:
    "Hà Nam (35), 2013–2026: 70 co-ops founded with the alliance's advice, as party cell congress 003 (2020) reports",
  spec: {
    resolution: "003",
    seed: 2020_06_30,
    provinceCode: "35",
    from: "2013-01-01",
    until: "2026-06-30",
    preExisting: { count: 120, on: "2013-01-01" },
    founded: [
      ...years(2013, [4, 5]),
      { year: 2015, count: 4, toMonth: 6 },
      // The term 2015-07-01 … 2020-06-30: 5 + 12 + 14 + 15 + 16 + 8 = 70 advised.
      { year: 2015, count: 7, fromMonth: 7, advised: 5 },
      { year: 2016, count: 14, advised: 12 },
      { year: 2017, count: 16, advised: 14 },
      { year: 2018, count: 17, advised: 15 },
      { year: 2019, count: 18, advised: 16 },
      { year: 2020, count: 10, toMonth: 6, advised: 8 },
      { year: 2020, count: 8, fromMonth: 7, advised: 4 },
      { year: 2021, count: 14, advised: 7 },
      { year: 2022, count: 13, advised: 6 },
      { year: 2023, count: 12, advised: 6 },
      { year: 2024, count: 12, advised: 6 },
      { year: 2025, count: 6, toMonth: 6, advised: 3 },
    ],
    dissolved: [...years(2014, [3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 5]), { year: 2025, count: 2, toMonth: 6 }],
    agriculturalShare: 0.7,
    ratingCycle: ["good", "fair", "fair", "fair", "average", "average", "weak"],
    ratedYears: { from: 2015, to: 2025 },
    ocopRounds: [
      { on: "2019-12-10", coops: 12, productsCycle: [1, 2] },
      { on: "2022-11-20", coops: 15, productsCycle: [1, 1, 2] },
    ],
    unions: [{ foundedOn: "2019-04-15", members: 4 }],
    reportedYears: { from: 2018, to: 2025 },
    memberIncomeVnd: { min: 4_000_000, max: 8_000_000 },
    members: { min: 7, max: 30, yearlyGrowth: 3 },
    farmHouseholdShareOfMembers: 0.8,
    groups: {
      preExisting: 50,
      founded: years(2014, [5, 5, 6, 6, 6, 6, 5, 5, 4, 4, 3]),
      members: { min: 3, max: 15 },
    },
    activities: [
      { kind: "foundingAdvice", from: "2015-07-10", to: "2020-06-20", count: 90 },
      { kind: "trainingClass", from: "2016-02-01", to: "2025-06-20", count: 60 },
    ],
    reRecordedAfter2025: 0.4,
  },
  assumptions: [
    "The province is Hà Nam by the article's publisher (Báo Hà Nam), not by the text, which names none; the congress's date is not in the text: 2020-06-30 is used, the end of the grassroots party congresses of 2020.",
    "The term 2015–2020 is read as the five years to the congress (2015-07-01 … 2020-06-30); the 70 advised foundings are spread over it, beside other co-ops founded without the alliance's advice.",
    "Every count but the 70 (co-ops, foundings outside the advised ones, dissolutions, ratings, OCOP, groups, the 90 founding groups advised) is the scenario's, not the text's.",
    "Four co-ops in ten have their head office re-recorded in the 2025-07-01 gazetteer (new Ninh Bình, 37) within a year of the reform.",
  ],
};
