import { type Scenario, years } from "./scenario.js";

/**
 * Seed 004 — Bắc Kạn (06), provincial party resolution on the collective economy 2021–2025 (adopted
 * 2021-04-22). A slow start under the old law, the founding wave after Resolution 09-NQ/TU (2016), one
 * union in 2019 and a second in 2023, OCOP rounds from 2017. The co-op counts were chosen so that the
 * fold lands on the baseline the resolution reports on its adoption date: 1 union, 234 co-ops, +152 since
 * 2016-04-26, 71.4 % rated fair or good for 2020, 57 co-ops with 93 valid OCOP products.
 *
 * @example SCENARIO_004.id // "004"
 */
export const SCENARIO_004: Scenario = {
  id: "004",
  title: "Bắc Kạn (06), 2010–2026: the baseline of provincial resolution 004 (2021-04-22)",
  spec: {
    resolution: "004",
    seed: 2021_04_22,
    provinceCode: "06",
    from: "2010-01-01",
    until: "2026-06-30",
    preExisting: { count: 67, on: "2010-01-01" },
    founded: [
      ...years(2010, [2, 3, 3, 4, 5, 6, 14, 25, 32, 44, 46, 42, 30, 28, 25]),
      { year: 2025, count: 12, fromMonth: 1, toMonth: 6 },
    ],
    dissolved: [
      ...years(2011, [1, 2, 2, 3, 3, 3, 3, 4, 4, 5]),
      { year: 2021, count: 5, fromMonth: 7, toMonth: 12 },
      ...years(2022, [6, 6, 7]),
      { year: 2025, count: 4, fromMonth: 1, toMonth: 6 },
    ],
    agriculturalShare: 0.7,
    ratingCycle: ["good", "fair", "fair", "fair", "fair", "average", "weak"],
    ratedYears: { from: 2014, to: 2025 },
    ocopRounds: [
      { on: "2017-10-02", coops: 10, productsCycle: [1] },
      { on: "2019-09-16", coops: 20, productsCycle: [1, 2, 2] },
      { on: "2020-06-15", coops: 22, productsCycle: [1, 2, 2] },
      { on: "2020-12-14", coops: 15, productsCycle: [1, 2, 1, 2, 2] },
    ],
    unions: [
      { foundedOn: "2019-05-20", members: 4 },
      { foundedOn: "2023-09-12", members: 5 },
    ],
    reportedYears: { from: 2020, to: 2025 },
    memberIncomeVnd: { min: 4_000_000, max: 8_000_000 },
    members: { min: 7, max: 25, yearlyGrowth: 3 },
    farmHouseholdShareOfMembers: 0.8,
    groups: {
      preExisting: 60,
      founded: years(2014, [6, 6, 8, 10, 12, 12, 10, 10, 8, 8, 6]),
      members: { min: 5, max: 20 },
    },
    fund: {
      establishedOn: "2017-07-01",
      name: "Quỹ hỗ trợ phát triển hợp tác xã tỉnh Bắc Kạn",
      charterCapitalVnd: 10_000_000_000,
      capitalChanges: [{ on: "2022-01-01", charterCapitalVnd: 15_000_000_000 }],
    },
    loanApplications: years(2018, [8, 10, 12, 12, 12, 12, 12, 6]).map((y) => ({
      from: `${y.year}-01-15`,
      to: `${y.year}-12-15`,
      count: y.count,
    })),
    loans: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((y, i) => [
      {
        on: `${y}-04-10`,
        principalVnd: 300_000_000 + 50_000_000 * i,
        termMonths: 36,
        purpose: "Mua sắm máy móc chế biến",
        applicationDaysBefore: 30,
      },
      {
        on: `${y}-09-20`,
        principalVnd: 500_000_000,
        termMonths: 24,
        purpose: "Xây dựng nhà sơ chế, kho lạnh",
        applicationDaysBefore: 45,
      },
    ]),
    reRecordedAfter2025: 0.4,
    inputs: {
      farmHouseholds: 60_000,
      source:
        "assumed for the scenario (Bắc Kạn had about 320,000 people, roughly 75,000 households, most of them farming); not a statistic",
    },
  },
  assumptions: [
    "Co-op foundings and dissolutions per year are chosen to land on the 2021 baseline; the resolution gives only the totals.",
    "Cooperative groups (tổ hợp tác), member farm households, the support fund and its loans are the scenario's, not the resolution's: it states none of them.",
    "The province's farm households (60,000) are an assumed input, not a statistic.",
    "Four co-ops in ten have their head office re-recorded in the 2025-07-01 gazetteer (new Thái Nguyên, 19) within a year of the reform.",
  ],
};
