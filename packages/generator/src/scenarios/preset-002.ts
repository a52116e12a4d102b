import { type Scenario, years } from "./scenario.js";

/**
 * Seed 002 — Đắk Nông (67), the alliance standing committee's 29th meeting (2019-08-08), reporting the
 * first seven months of 2019: 12 founding groups advised, 6 co-ops founded, 4 training classes, 3
 * newspaper pages; the fund's first half: more than 10 loan applications, one loan of 250 m VND.
 *
 * @example SCENARIO_002.id // "002"
 */
export const SCENARIO_002: Scenario = {
  id: "002",
  title: "Đắk Nông (67), 2012–2026: the first seven months of 2019 as alliance meeting 002 reports them",
  spec: {
    resolution: "002",
    seed: 2019_08_08,
    provinceCode: "67",
    from: "2012-01-01",
    until: "2026-06-30",
    preExisting: { count: 72, on: "2012-01-01" },
    founded: [
      ...years(2012, [3, 4, 5, 6, 9, 12, 14]),
      // 2019: six by the meeting (the text's "đến nay đã thành lập được 6 HTX"), ten in the last four months.
      { year: 2019, count: 6, fromMonth: 1, toMonth: 7 },
      { year: 2019, count: 10, fromMonth: 9, toMonth: 12 },
      ...years(2020, [18, 20, 19, 17, 16]),
      { year: 2025, count: 8, fromMonth: 1, toMonth: 6 },
    ],
    dissolved: [...years(2013, [2, 3, 3, 4, 4, 5, 4, 5, 6, 5, 6, 6]), { year: 2025, count: 2, toMonth: 6 }],
    agriculturalShare: 0.68,
    ratingCycle: ["good", "fair", "fair", "fair", "average", "average", "weak"],
    ratedYears: { from: 2014, to: 2025 },
    ocopRounds: [
      { on: "2020-10-15", coops: 12, productsCycle: [1, 2] },
      { on: "2022-09-20", coops: 15, productsCycle: [1, 1, 2] },
    ],
    unions: [{ foundedOn: "2021-11-05", members: 4 }],
    reportedYears: { from: 2018, to: 2025 },
    memberIncomeVnd: { min: 3_500_000, max: 7_000_000 },
    members: { min: 7, max: 30, yearlyGrowth: 3 },
    farmHouseholdShareOfMembers: 0.85,
    groups: {
      preExisting: 45,
      founded: years(2013, [4, 5, 5, 6, 8, 9, 8, 7, 6, 6, 5]),
      members: { min: 3, max: 15 },
    },
    fund: {
      establishedOn: "2016-03-01",
      name: "Quỹ hỗ trợ phát triển hợp tác xã tỉnh Đắk Nông",
      charterCapitalVnd: 10_000_000_000,
      capitalChanges: [],
    },
    loanApplications: [
      { from: "2017-02-01", to: "2017-11-30", count: 6 },
      { from: "2018-02-01", to: "2018-11-30", count: 8 },
      // "trên 10 thủ tục hồ sơ vay vốn" in the first half of 2019: 10 here plus the disbursed loan's own.
      { from: "2019-01-10", to: "2019-06-25", count: 10 },
      { from: "2019-07-05", to: "2019-12-10", count: 7 },
      ...[2020, 2021, 2022, 2023, 2024].map((y) => ({ from: `${y}-02-01`, to: `${y}-11-30`, count: 9 })),
    ],
    loans: [
      {
        on: "2017-09-12",
        principalVnd: 300_000_000,
        termMonths: 36,
        purpose: "Mua phân bón",
        applicationDaysBefore: 40,
      },
      {
        on: "2018-10-03",
        principalVnd: 400_000_000,
        termMonths: 36,
        purpose: "Xây dựng kho",
        applicationDaysBefore: 40,
      },
      // "đã giải ngân cho 01 HTX vay vốn mua máy ủi, chôn lấp rác thải, với số tiền 250 triệu đồng".
      {
        on: "2019-05-20",
        principalVnd: 250_000_000,
        termMonths: 36,
        purpose: "Mua máy ủi, chôn lấp rác thải",
        applicationDaysBefore: 35,
      },
      {
        on: "2019-10-15",
        principalVnd: 350_000_000,
        termMonths: 36,
        purpose: "Mua máy sấy cà phê",
        applicationDaysBefore: 30,
      },
      ...[2020, 2021, 2022, 2023, 2024].map((y) => ({
        on: `${y}-06-15`,
        principalVnd: 400_000_000,
        termMonths: 36,
        purpose: "Mở rộng sản xuất",
        applicationDaysBefore: 30,
      })),
    ],
    activities: [
      { kind: "foundingAdvice", from: "2019-01-10", to: "2019-07-28", count: 12 },
      { kind: "foundingAdvice", from: "2019-08-15", to: "2019-12-15", count: 6 },
      { kind: "trainingClass", from: "2019-02-20", to: "2019-07-20", count: 4 },
      // "mở 16 lớp tuyên truyền về Luật HTX 2012, Nghị định 151/2007/NĐ-CP … cho cán bộ, hội viên các tổ
      // chức Hội, THT" (awareness classes, with the mass associations).
      { kind: "awarenessClass", from: "2019-01-20", to: "2019-07-25", count: 16 },
      { kind: "trainingClass", from: "2019-09-10", to: "2019-12-10", count: 2 },
      { kind: "newsItem", from: "2019-02-01", to: "2019-07-25", count: 3 },
      { kind: "newsItem", from: "2019-08-20", to: "2019-12-20", count: 3 },
      { kind: "trainingClass", from: "2020-03-01", to: "2024-12-01", count: 24 },
      { kind: "newsItem", from: "2020-02-01", to: "2024-12-20", count: 30 },
    ],
    reRecordedAfter2025: 0.4,
  },
  assumptions: [
    "Ten co-ops founded in the last four months of 2019 (16 in the year, short of the 20 targeted): the meeting could not know the outcome; the scenario picks one.",
    "Foundings in other years, groups, ratings, OCOP and the fund's other loans are the scenario's, not the text's.",
    "Four co-ops in ten have their head office re-recorded in the 2025-07-01 gazetteer (new Lâm Đồng, 68) within a year of the reform.",
  ],
};
