import type { AllianceActivityKind, FundKind } from "@coop-ledger/domain";

/**
 * The delta series the index keeps, one per quantity an indicator is built from. A series key is a
 * number `code * 2^20 + parameter` (the parameter is a fund, a mode, a year...), so that keys are cheap
 * to hash and compare. Stocks (codes below 20 and the annual ones from 30) follow the organisation when
 * its head office moves; flows (20–29) stay where they happened. New series take unused codes (a code's
 * meaning never changes; adding one bumps `INDEX_MODEL_VERSION`).
 * @example
 * seriesCodeOf(seriesKey(SeriesCode.rated, 2022)) // 30
 */
export const SeriesCode = {
  active: 1,
  agricultural: 2,
  law2012: 3,
  law2023: 4,
  members: 5,
  over100: 6,
  farmHouseholds: 7,
  managers: 8,
  managersUnder50Qualified: 9,
  ocopProducts: 10,
  ocopCoops: 11,
  linkages: 12,
  outstanding: 13,
  overdue: 14,
  suspended: 15,
  allianceMembers: 16,
  valueChainCoops: 17,
  workers: 18,
  founded: 20,
  dissolved: 21,
  allianceJoins: 22,
  disbursedCount: 23,
  disbursedVnd: 24,
  applications: 25,
  activity: 26,
  reorganised: 27,
  foundedAdvised: 28,
  participants: 29,
  rated: 30,
  fairOrGood: 31,
  scoreFloor: 32,
  financeBoth: 33,
  financeCurrent: 34,
  financePrevious: 35,
  workerIncomeSum: 36,
  workerIncomeCount: 37,
  workerIncomeWeighted: 38,
  workerIncomeWorkers: 39,
  memberIncomeSum: 40,
  memberIncomeCount: 41,
  weak: 42,
  highTech: 43,
  financeLevel: 44,
  financeReported: 45,
  memberIncomeWeighted: 46,
  memberIncomeMembers: 47,
  fundCapital: 50,
} as const;
/** @see SeriesCode */
export type SeriesCode = (typeof SeriesCode)[keyof typeof SeriesCode];

const P = 1 << 20;

/**
 * Builds a series key.
 * @example
 * seriesParameterOf(seriesKey(SeriesCode.rated, 2022)) // 2022
 */
export const seriesKey = (code: SeriesCode, parameter = 0): number => code * P + parameter;

/**
 * The code of a series key.
 * @example
 * seriesCodeOf(seriesKey(SeriesCode.rated, 2022)) // 30
 */
export const seriesCodeOf = (key: number): number => Math.floor(key / P);

/**
 * The parameter of a series key.
 * @example
 * seriesParameterOf(seriesKey(SeriesCode.rated, 2022)) // 2022
 */
export const seriesParameterOf = (key: number): number => key % P;

/**
 * Funds in parameter order.
 * @example
 * FUND_KINDS[0] // "centralSupportFund"
 */
export const FUND_KINDS: ReadonlyArray<FundKind> = [
  "centralSupportFund",
  "provincialSupportFund",
  "nationalEmploymentFund",
];
/**
 * Alliance activity kinds in parameter order.
 * @example
 * ACTIVITY_KINDS[2] // "trainingClass"
 */
export const ACTIVITY_KINDS: ReadonlyArray<AllianceActivityKind> = [
  "newsItem",
  "tradePromotion",
  "trainingClass",
  "foundingAdvice",
  "awarenessClass",
];
/**
 * How an organisation was converted or reorganised, in parameter order (`coops.reorganised`): a
 * conversion into another form (chuyển đổi) and the four reorganisations (tổ chức lại: chia, tách,
 * hợp nhất, sáp nhập — Law 23/2012/QH13 art. 53; Law 17/2023/QH15 art. 94–96).
 * @example REORGANISATION_KINDS[0] // "conversion"
 */
export const REORGANISATION_KINDS = ["conversion", "split", "spinOff", "consolidation", "merger"] as const;
/**
 * Dissolution modes in parameter order.
 * @example
 * DISSOLUTION_MODES[1] // "compulsory"
 */
export const DISSOLUTION_MODES = ["voluntary", "compulsory"] as const;
/**
 * Finance metrics in parameter order (`finance.growth.*`).
 * @example
 * FINANCE_METRICS[0] // "capital"
 */
export const FINANCE_METRICS = ["capital", "assets", "revenue", "profit"] as const;
/** @see FINANCE_METRICS */
export type FinanceMetric = (typeof FINANCE_METRICS)[number];

/**
 * Parameter of a year-and-score series (score floor 0–100 of year Y).
 * @example
 * scoreParameter(2022, 80) // 258896 (2022 × 128 + 80)
 */
export const scoreParameter = (year: number, floor: number): number => year * 128 + floor;
/**
 * Parameter of a year-and-metric finance series.
 * @example
 * financeParameter(2022, 0) // 8088 (2022 × 4 + 0)
 */
export const financeParameter = (year: number, metric: number): number => year * 4 + metric;

/**
 * The stock slots every stream model fills at an instant (the non-annual stocks): their order in the
 * vector a model writes, and the series each slot feeds.
 * @example
 * STOCK_SLOTS[Slot.active] === seriesKey(SeriesCode.active) // true
 */
export const STOCK_SLOTS: ReadonlyArray<number> = [
  seriesKey(SeriesCode.active),
  seriesKey(SeriesCode.agricultural),
  seriesKey(SeriesCode.law2012),
  seriesKey(SeriesCode.law2023),
  seriesKey(SeriesCode.members),
  seriesKey(SeriesCode.over100),
  seriesKey(SeriesCode.farmHouseholds),
  seriesKey(SeriesCode.managers),
  seriesKey(SeriesCode.managersUnder50Qualified),
  seriesKey(SeriesCode.ocopProducts),
  seriesKey(SeriesCode.ocopCoops),
  seriesKey(SeriesCode.linkages),
  seriesKey(SeriesCode.outstanding, 0),
  seriesKey(SeriesCode.outstanding, 1),
  seriesKey(SeriesCode.outstanding, 2),
  seriesKey(SeriesCode.overdue, 0),
  seriesKey(SeriesCode.overdue, 1),
  seriesKey(SeriesCode.overdue, 2),
  seriesKey(SeriesCode.fundCapital),
  seriesKey(SeriesCode.suspended),
  seriesKey(SeriesCode.allianceMembers),
  seriesKey(SeriesCode.valueChainCoops),
  seriesKey(SeriesCode.workers),
];

/**
 * Index of each slot in {@link STOCK_SLOTS}.
 * @example
 * STOCK_SLOTS[Slot.law2023] === seriesKey(SeriesCode.law2023) // true
 */
export const Slot = {
  active: 0,
  agricultural: 1,
  law2012: 2,
  law2023: 3,
  members: 4,
  over100: 5,
  farmHouseholds: 6,
  managers: 7,
  managersUnder50Qualified: 8,
  ocopProducts: 9,
  ocopCoops: 10,
  linkages: 11,
  outstanding0: 12,
  overdue0: 15,
  fundCapital: 18,
  suspended: 19,
  allianceMembers: 20,
  valueChainCoops: 21,
  workers: 22,
} as const;
