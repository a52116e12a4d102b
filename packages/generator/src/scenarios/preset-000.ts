import { type Scenario, years } from "./scenario.js";

/**
 * Seed 000 — Bình Thuận (60), the alliance's 6th members' congress (2020-09-25), on the term 2016–2020.
 * The resolution reports almost no figures for the term it closes: the previous resolution's targets were
 * "căn bản đạt, vượt" (not listed, so not measurable), the province had no support fund of its own ("Quỹ
 * hỗ trợ phát triển Hợp tác xã của tỉnh chưa có"), and the alliance had not yet advised the forming of a
 * union ("chưa tư vấn hình thành được … Liên hiệp hợp tác xã"). The scenario reproduces those two through
 * the fold and gives the term 2020–2025 a plausible course, so the congress's 12 targets are scored on
 * Bình Thuận's own ledger.
 *
 * @example SCENARIO_000.id // "000"
 */
export const SCENARIO_000: Scenario = {
  id: "000",
  title: "Bình Thuận (60), 2013–2026: the term 2016–2020 as alliance congress 000 (2020-09-25) reports it",
  spec: {
    resolution: "000",
    seed: 2020_09_25,
    provinceCode: "60",
    from: "2013-01-01",
    until: "2026-06-30",
    preExisting: { count: 110, on: "2013-01-01" },
    founded: [
      ...years(2013, [6, 8, 9, 10, 12, 13, 14]).map((y) => ({ ...y, advised: Math.floor(y.count / 3) })),
      { year: 2020, count: 14, advised: 5 },
      ...years(2021, [16, 15, 17, 14]).map((y) => ({ ...y, advised: Math.floor(y.count / 2) })),
      { year: 2025, count: 8, toMonth: 6, advised: 4 },
    ],
    dissolved: [...years(2014, [3, 4, 4, 5, 5, 6, 6, 5, 5, 6, 5]), { year: 2025, count: 2, toMonth: 6 }],
    agriculturalShare: 0.66,
    ratingCycle: ["good", "fair", "fair", "fair", "average", "average", "weak"],
    ratedYears: { from: 2015, to: 2025 },
    ocopRounds: [
      { on: "2020-08-20", coops: 10, productsCycle: [1, 2] },
      { on: "2022-10-15", coops: 14, productsCycle: [1, 1, 2] },
    ],
    // A union, formed without the alliance's advice (the congress says it had advised none).
    unions: [{ foundedOn: "2018-05-10", members: 4 }],
    reportedYears: { from: 2018, to: 2025 },
    memberIncomeVnd: { min: 3_500_000, max: 7_000_000 },
    members: { min: 7, max: 40, yearlyGrowth: 4 },
    farmHouseholdShareOfMembers: 0.75,
    groups: {
      preExisting: 40,
      founded: years(2014, [4, 4, 5, 5, 6, 6, 5, 5, 4, 4, 3]),
      members: { min: 3, max: 15 },
    },
    // Target (10) "Tham mưu thành lập được Quỹ hỗ trợ phát triển Hợp tác xã": the scenario founds it in 2022.
    fund: {
      establishedOn: "2022-06-01",
      name: "Quỹ hỗ trợ phát triển hợp tác xã tỉnh Bình Thuận",
      charterCapitalVnd: 20_000_000_000,
      capitalChanges: [],
    },
    loanApplications: [2022, 2023, 2024, 2025].map((y) => ({
      from: `${y}-07-01`,
      to: `${y}-12-15`,
      count: 6,
    })),
    loans: [2022, 2023, 2024, 2025].map((y) => ({
      on: `${y}-10-15`,
      principalVnd: 400_000_000,
      termMonths: 36,
      purpose: "Mở rộng sản xuất",
      applicationDaysBefore: 40,
    })),
    activities: [
      ...[2021, 2022, 2023, 2024].flatMap((y) => [
        { kind: "newsItem" as const, from: `${y}-01-10`, to: `${y}-12-20`, count: 72 },
        { kind: "tradePromotion" as const, from: `${y}-02-01`, to: `${y}-12-15`, count: 24 },
        { kind: "trainingClass" as const, from: `${y}-02-15`, to: `${y}-11-30`, count: 15 },
      ]),
      // The Bình Thuận alliance ends on 2025-07-01 (merged into Lâm Đồng's): its 2025 log stops in June.
      { kind: "newsItem", from: "2025-01-10", to: "2025-06-25", count: 36 },
      { kind: "tradePromotion", from: "2025-02-01", to: "2025-06-25", count: 12 },
      { kind: "trainingClass", from: "2025-02-15", to: "2025-06-25", count: 8 },
    ],
    reRecordedAfter2025: 0.4,
  },
  assumptions: [
    "The resolution states no counts for 2016–2020: the yearly foundings (a third of them advised by the alliance before 2020, half after), dissolutions, ratings, OCOP rounds, groups and the union of 2018 are the scenario's.",
    "The support fund founded on 2022-06-01 with 20 bn VND, its loans and the alliance's yearly activities (72 news items, 24 trade-promotion events, 15 training classes; half of that in 2025, whose log stops at the 2025-07-01 merger) are the scenario's course for the term 2020–2025, not statistics.",
    "Four co-ops in ten have their head office re-recorded in the 2025-07-01 gazetteer (new Lâm Đồng, 68) within a year of the reform.",
  ],
};
