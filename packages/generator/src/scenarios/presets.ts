import type { ScenarioSpec, YearCount } from "./scenario-spec.js";

/** The seeds that have a calibrated scenario (`generate --preset 000|001|002|003|004`). */
export type ScenarioId = "000" | "001" | "002" | "003" | "004";

/** A calibrated scenario: its spec, the province it is of, and what it assumes beyond the seed. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  readonly spec: ScenarioSpec;
  /** What the scenario assumes that its seed does not say (each is a modelling choice, not a statistic). */
  readonly assumptions: ReadonlyArray<string>;
}

const years = (from: number, counts: ReadonlyArray<number>): YearCount[] =>
  counts.map((count, i) => ({ year: from + i, count }));

/**
 * Seed 004 — Bắc Kạn (06), provincial party resolution on the collective economy 2021–2025 (adopted
 * 2021-04-22). A slow start under the old law, the founding wave after Resolution 09-NQ/TU (2016), one
 * union in 2019 and a second in 2023, OCOP rounds from 2017. The co-op counts were chosen so that the
 * fold lands on the baseline the resolution reports on its adoption date: 1 union, 234 co-ops, +152 since
 * 2016-04-26, 71.4 % rated fair or good for 2020, 57 co-ops with 93 valid OCOP products.
 */
const SCENARIO_004: Scenario = {
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

/**
 * Seed 002 — Đắk Nông (67), the alliance standing committee's 29th meeting (2019-08-08), reporting the
 * first seven months of 2019: 12 founding groups advised, 6 co-ops founded, 4 training classes, 3
 * newspaper pages; the fund's first half: more than 10 loan applications, one loan of 250 m VND.
 */
const SCENARIO_002: Scenario = {
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

/**
 * Seed 001 — Hòa Bình (17), the alliance's mid-term review (2023-08-09): 12 of 14 targets met (not in
 * the text, so not measurable), and the plan to raise the support fund's charter capital to 50 bn VND by
 * 2025.
 */
const SCENARIO_001: Scenario = {
  id: "001",
  title: "Hòa Bình (17), 2013–2026: the support fund of the alliance's mid-term review 001 (2023)",
  spec: {
    resolution: "001",
    seed: 2023_08_09,
    provinceCode: "17",
    from: "2013-01-01",
    until: "2026-06-30",
    preExisting: { count: 160, on: "2013-01-01" },
    founded: [
      ...years(2013, [8, 10, 14, 18, 24, 30, 34, 36, 32, 30, 28, 24]),
      { year: 2025, count: 10, toMonth: 6 },
    ],
    dissolved: [...years(2014, [4, 6, 8, 10, 9, 8, 9, 10, 12, 10, 9]), { year: 2025, count: 4, toMonth: 6 }],
    agriculturalShare: 0.72,
    ratingCycle: ["good", "fair", "fair", "fair", "average", "average", "weak"],
    ratedYears: { from: 2015, to: 2025 },
    ocopRounds: [
      { on: "2019-11-20", coops: 20, productsCycle: [1, 2] },
      { on: "2021-10-10", coops: 25, productsCycle: [1, 1, 2] },
      { on: "2023-06-15", coops: 30, productsCycle: [1, 2, 1] },
    ],
    unions: [{ foundedOn: "2020-08-20", members: 4 }],
    reportedYears: { from: 2018, to: 2025 },
    memberIncomeVnd: { min: 3_500_000, max: 7_500_000 },
    members: { min: 7, max: 30, yearlyGrowth: 3 },
    farmHouseholdShareOfMembers: 0.8,
    groups: {
      preExisting: 80,
      founded: years(2013, [8, 8, 10, 10, 12, 12, 10, 10, 8, 8, 6]),
      members: { min: 3, max: 20 },
    },
    fund: {
      establishedOn: "2015-06-01",
      name: "Quỹ hỗ trợ phát triển hợp tác xã tỉnh Hòa Bình",
      charterCapitalVnd: 15_000_000_000,
      capitalChanges: [
        { on: "2019-01-01", charterCapitalVnd: 22_000_000_000 },
        { on: "2024-10-01", charterCapitalVnd: 35_000_000_000 },
        { on: "2025-06-01", charterCapitalVnd: 50_000_000_000 },
      ],
    },
    loanApplications: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => ({
      from: `${y}-02-01`,
      to: `${y}-06-30`,
      count: 10,
    })),
    loans: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => ({
      on: `${y}-08-15`,
      principalVnd: 500_000_000,
      termMonths: 36,
      purpose: "Mở rộng sản xuất",
      applicationDaysBefore: 40,
    })),
    activities: [
      { kind: "trainingClass", from: "2020-03-01", to: "2025-06-20", count: 40 },
      { kind: "newsItem", from: "2020-02-01", to: "2025-06-20", count: 60 },
    ],
    reRecordedAfter2025: 0.4,
  },
  assumptions: [
    "The fund's capital path (15 bn VND in 2015, 22 bn in 2019, 35 bn in 2024, 50 bn on 2025-06-01) is the scenario's: the review states only the 50 bn goal.",
    "The review's '12/14 chỉ tiêu' concerns the congress resolution's 14 targets, which are not in the source: no figure of the scenario is calibrated to it.",
    "Four co-ops in ten have their head office re-recorded in the 2025-07-01 gazetteer (new Phú Thọ, 25) within a year of the reform.",
  ],
};

/**
 * Seed 000 — Bình Thuận (60), the alliance's 6th members' congress (2020-09-25), on the term 2016–2020.
 * The resolution reports almost no figures for the term it closes: the previous resolution's targets were
 * "căn bản đạt, vượt" (not listed, so not measurable), the province had no support fund of its own ("Quỹ
 * hỗ trợ phát triển Hợp tác xã của tỉnh chưa có"), and the alliance had not yet advised the forming of a
 * union ("chưa tư vấn hình thành được … Liên hiệp hợp tác xã"). The scenario reproduces those two through
 * the fold and gives the term 2020–2025 a plausible course, so the congress's 12 targets are scored on
 * Bình Thuận's own ledger.
 */
const SCENARIO_000: Scenario = {
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

/**
 * Seed 003 — the provincial alliance's party cell, 7th congress, term 2020–2025 (Đại hội Chi bộ Liên minh
 * HTX tỉnh lần thứ VII). The text does not name its province; it is Báo Hà Nam's article (baohanam.com.vn,
 * "Đại hội Chi bộ Liên minh HTX tỉnh lần thứ VII"), so Hà Nam (35; part of Ninh Bình, 37, from 2025-07-01).
 * Its one figure: in the term 2015–2020 the alliance advised and supported the founding of 70 new-model
 * co-ops ("Trong nhiệm kỳ đã tư vấn, hỗ trợ thành lập được 70 HTX kiểu mới").
 */
const SCENARIO_003: Scenario = {
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

/**
 * The calibrated scenarios by seed id.
 * @example SCENARIOS["004"].spec.provinceCode // "06"
 */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  "000": SCENARIO_000,
  "001": SCENARIO_001,
  "002": SCENARIO_002,
  "003": SCENARIO_003,
  "004": SCENARIO_004,
};

/**
 * Whether a string names a calibrated scenario.
 * @example isScenarioId("004") // true
 */
export const isScenarioId = (s: string): s is ScenarioId => Object.hasOwn(SCENARIOS, s);
