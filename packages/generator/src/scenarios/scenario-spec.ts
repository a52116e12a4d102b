import type { AllianceActivityKind, Rating } from "@coop-ledger/domain";

/**
 * What happened in a seed's province, as a calibrated scenario states it: the world's counts (co-ops
 * founded and dissolved each year, the rating mix, OCOP rounds, unions, groups, the support fund and its
 * loans, the alliance's activities). `buildScenario` (build-scenario.ts) turns it into events; it never computes an
 * indicator — the figures the seed reports come out of the projection engine's fold, and the
 * calibration tests check that they do.
 *
 * Dates are `YYYY-MM-DD` strings.
 */

/**
 * Units founded new (or dissolved) in a year, spread evenly over months `fromMonth`–`toMonth` (default
 * the year). For foundings, `advised` of them (spread evenly among the `count`) record that the
 * provincial alliance advised and supported the founding (`CoopFounded.advisedByAlliance`).
 */
export interface YearCount {
  readonly year: number;
  readonly count: number;
  readonly fromMonth?: number;
  readonly toMonth?: number;
  readonly advised?: number;
}

/** One OCOP certification round: `coops` co-ops without a valid certificate each certify products. */
export interface OcopRound {
  readonly on: string;
  readonly coops: number;
  /** Products per co-op, cycled over the co-ops of the round. */
  readonly productsCycle: ReadonlyArray<number>;
}

/** A union of co-ops (liên hiệp HTX) founded on a date by `members` co-ops. */
export interface UnionSpec {
  readonly foundedOn: string;
  readonly members: number;
}

/** Cooperative groups (tổ hợp tác): those existing when the ledger starts, and those founded each year. */
export interface GroupsSpec {
  readonly preExisting: number;
  readonly founded: ReadonlyArray<YearCount>;
  /** Members at founding: uniform in [min, max]; every member of a group is a farm household. */
  readonly members: { readonly min: number; readonly max: number };
}

/** The provincial support fund (Quỹ hỗ trợ phát triển HTX tỉnh): establishment and capital changes. */
export interface FundSpec {
  readonly establishedOn: string;
  readonly name: string;
  readonly charterCapitalVnd: number;
  readonly capitalChanges: ReadonlyArray<{ readonly on: string; readonly charterCapitalVnd: number }>;
}

/** `count` events (applications, activities) spread evenly over the days `from`–`to`. */
export interface SpreadCount {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

/** One support-fund loan, disbursed after an application received `applicationDaysBefore` days earlier. */
export interface LoanSpec {
  readonly on: string;
  readonly principalVnd: number;
  readonly termMonths: number;
  readonly purpose: string;
  readonly applicationDaysBefore: number;
}

/** A calibrated scenario: one seed's province, from `from` to `until`. */
export interface ScenarioSpec {
  /** The resolution (seed) whose province and baseline this scenario reproduces, e.g. `"004"`. */
  readonly resolution: string;
  readonly seed: number;
  /** The province's 2008-08-01 code. */
  readonly provinceCode: string;
  /** First and last valid days of the ledger. */
  readonly from: string;
  readonly until: string;
  /** Co-ops already existing when the ledger starts (origin `preExisting`, 2003 law). */
  readonly preExisting: { readonly count: number; readonly on: string };
  readonly founded: ReadonlyArray<YearCount>;
  readonly dissolved: ReadonlyArray<YearCount>;
  /** Probability that a new co-op is agricultural. */
  readonly agriculturalShare: number;
  /** Ratings, cycled over the co-ops rated each year (in id order); ratings for Y are made in February Y+1. */
  readonly ratingCycle: ReadonlyArray<Rating>;
  readonly ratedYears: { readonly from: number; readonly to: number };
  readonly ocopRounds: ReadonlyArray<OcopRound>;
  readonly unions: ReadonlyArray<UnionSpec>;
  /** Membership at each year end and annual reports (filed in March of the next year) for these years. */
  readonly reportedYears: { readonly from: number; readonly to: number };
  readonly memberIncomeVnd: { readonly min: number; readonly max: number };
  /** Official members at founding: uniform in [min, max]; each year-end report adds 0–`yearlyGrowth`. */
  readonly members: { readonly min: number; readonly max: number; readonly yearlyGrowth: number };
  /** Of an agricultural co-op's official members, the share that are farm households (hộ nông dân). */
  readonly farmHouseholdShareOfMembers: number;
  readonly groups?: GroupsSpec;
  readonly fund?: FundSpec;
  readonly loanApplications?: ReadonlyArray<SpreadCount>;
  readonly loans?: ReadonlyArray<LoanSpec>;
  readonly activities?: ReadonlyArray<SpreadCount & { readonly kind: AllianceActivityKind }>;
  /**
   * Share of the co-ops active on 2025-07-01 whose head office is re-recorded in the 2025-07-01 gazetteer
   * (new province, no district) in the following twelve months: the geography mapping is exercised.
   */
  readonly reRecordedAfter2025: number;
  /**
   * Inputs the ledger does not hold, as the scenario assumes them (e.g. the province's farm households,
   * the denominator of `members.farmHouseholdShare`), with where the figure comes from.
   */
  readonly inputs?: { readonly farmHouseholds?: number; readonly source?: string };
}
