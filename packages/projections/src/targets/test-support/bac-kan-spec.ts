import type { BusinessDate } from "@coop-ledger/domain";
import type { ProvinceSpec } from "./province-history.js";

const d = (s: string) => s as BusinessDate;

/**
 * A Bắc Kạn-like province (code 06, 8 districts), 2010–2026: a slow start under the old law, the
 * founding wave after the 2016 provincial resolution, one union in 2019 and a second in 2023, OCOP
 * rounds from 2017. The counts are the world's (what was founded, dissolved, certified each year);
 * they were chosen so that the fold lands on resolution 004's baseline, which the test checks.
 */
export const BAC_KAN_SPEC: ProvinceSpec = {
  seed: 2021_04_22,
  provinceCode: "06",
  districts: ["058", "060", "061", "062", "063", "064", "065", "066"],
  preExisting: { count: 67, on: d("2010-01-01") },
  founded: [
    { year: 2010, count: 2 },
    { year: 2011, count: 3 },
    { year: 2012, count: 3 },
    { year: 2013, count: 4 },
    { year: 2014, count: 5 },
    { year: 2015, count: 6 },
    { year: 2016, count: 14 },
    { year: 2017, count: 25 },
    { year: 2018, count: 32 },
    { year: 2019, count: 44 },
    { year: 2020, count: 46 },
    { year: 2021, count: 42 },
    { year: 2022, count: 30 },
    { year: 2023, count: 28 },
    { year: 2024, count: 25 },
    { year: 2025, count: 12, fromMonth: 1, toMonth: 6 },
  ],
  dissolved: [
    { year: 2011, count: 1 },
    { year: 2012, count: 2 },
    { year: 2013, count: 2 },
    { year: 2014, count: 3 },
    { year: 2015, count: 3 },
    { year: 2016, count: 3 },
    { year: 2017, count: 3 },
    { year: 2018, count: 4 },
    { year: 2019, count: 4 },
    { year: 2020, count: 5 },
    { year: 2021, count: 5, fromMonth: 7, toMonth: 12 },
    { year: 2022, count: 6 },
    { year: 2023, count: 6 },
    { year: 2024, count: 7 },
    { year: 2025, count: 4, fromMonth: 1, toMonth: 6 },
  ],
  agriculturalShare: 0.7,
  ratingCycle: ["good", "fair", "fair", "fair", "fair", "average", "weak"],
  ratedYears: { from: 2014, to: 2025 },
  ocopRounds: [
    { on: d("2017-10-02"), coops: 10, productsCycle: [1] },
    { on: d("2019-09-16"), coops: 20, productsCycle: [1, 2, 2] },
    { on: d("2020-06-15"), coops: 22, productsCycle: [1, 2, 2] },
    { on: d("2020-12-14"), coops: 15, productsCycle: [1, 2, 1, 2, 2] },
  ],
  unions: [
    { foundedOn: d("2019-05-20"), members: 4 },
    { foundedOn: d("2023-09-12"), members: 5 },
  ],
  reportedYears: { from: 2020, to: 2025 },
  memberIncomeVnd: { min: 4_000_000, max: 8_000_000 },
  members: { min: 7, max: 25, yearlyGrowth: 3 },
};
