import type { EventType } from "@coop-ledger/domain";
import type { IndicatorId } from "./indicator-id.js";

/**
 * The events that bring a co-op into or out of a count, and so into or out of every figure about
 * "active co-ops": its record (founding, a pre-existing co-op's first record, or the new co-op of a
 * conversion or reorganisation — all `CoopFounded`, told apart by `origin`), and the events that end it
 * (dissolution, reorganised away into other co-ops, converted into another form). A move of the head
 * office takes it into or out of a province or district scope (Law on Cooperatives 2023, art. 7, 55–60).
 */
const POPULATION: ReadonlyArray<EventType> = [
  "CoopFounded",
  "CoopDissolved",
  "CoopReorganisedAway",
  "CoopConverted",
  "HeadOfficeMoved",
];

/** Loan figures follow the debtor's place (a move re-counts its loans in the new province). */
const LOAN_PLACE: ReadonlyArray<EventType> = ["CoopFounded", "HeadOfficeMoved"];

/**
 * Which event types make up each indicator (its **provenance**): `explain` credits only events of these
 * types, and every event `explain` lists has a non-zero contribution. Why each type is there is in
 * docs/indicators.md ("Provenance"). Checked by the laws in `audit/explain.prop.test.ts`.
 *
 * @example INDICATOR_PROVENANCE["coops.active"].includes("CoopFounded") // true
 */
export const INDICATOR_PROVENANCE: Readonly<Record<IndicatorId, ReadonlyArray<EventType>>> = {
  "coops.active": POPULATION,
  "unions.active": POPULATION,
  "groups.active": POPULATION,
  "coops.founded": ["CoopFounded"],
  "coops.dissolved": ["CoopDissolved"],
  "coops.agriculturalShare": POPULATION,
  "coops.law2012Share": [...POPULATION, "CoopConformedToLaw"],
  "rating.fairOrGoodShare": [...POPULATION, "CoopAssessed"],
  "alliance.newMembers": ["CoopJoinedAlliance"],
  "members.averagePerCoop": [...POPULATION, "MembershipReported", "CoopSpunOff", "CoopMergerReceived"],
  "members.over100Share": [...POPULATION, "MembershipReported", "CoopSpunOff", "CoopMergerReceived"],
  "members.farmHouseholdShare": [...POPULATION, "MembershipReported"],
  "managers.under50QualifiedShare": [...POPULATION, "ManagerAppointed", "ManagerLeft"],
  "finance.growth.capital": [...POPULATION, "AnnualReportFiled"],
  "finance.growth.assets": [...POPULATION, "AnnualReportFiled"],
  "finance.growth.revenue": [...POPULATION, "AnnualReportFiled"],
  "finance.growth.profit": [...POPULATION, "AnnualReportFiled"],
  "income.workerMonthlyVnd": [...POPULATION, "AnnualReportFiled"],
  "income.memberMonthlyVnd": [...POPULATION, "AnnualReportFiled"],
  "ocop.coops": [...POPULATION, "OcopCertified", "OcopEnded"],
  "ocop.products": [...POPULATION, "OcopCertified", "OcopEnded"],
  "loans.disbursed": ["LoanDisbursed"],
  "loans.disbursedVnd": ["LoanDisbursed"],
  "loans.outstandingVnd": [...LOAN_PLACE, "LoanDisbursed", "LoanRepaid"],
  "loans.overdueVnd": [...LOAN_PLACE, "LoanDisbursed", "LoanRepaid", "LoanRescheduled"],
  "fund.applications": ["LoanApplicationReceived"],
  "fund.charterCapitalVnd": ["FundEstablished", "FundCapitalChanged"],
  "activity.newsItems": ["AllianceActivityRecorded"],
  "activity.tradePromotions": ["AllianceActivityRecorded"],
  "activity.trainingClasses": ["AllianceActivityRecorded"],
  "activity.foundingAdvice": ["AllianceActivityRecorded"],
  "valueChain.districtCoverage": [...POPULATION, "ValueChainLinked", "ValueChainUnlinked"],
  "rating.weak": [...POPULATION, "CoopAssessed"],
  "rating.weakShare": [...POPULATION, "CoopAssessed"],
  "coops.suspended": [...POPULATION, "CoopSuspended", "CoopResumed"],
  "coops.reorganised": ["CoopConverted", "CoopReorganisedAway", "CoopSpunOff"],
  "coops.foundedAdvised": ["CoopFounded"],
  "coops.law2023Share": [...POPULATION, "CoopConformedToLaw"],
  "coops.highTech": [...POPULATION, "AnnualReportFiled"],
  "valueChain.coops": [...POPULATION, "ValueChainLinked", "ValueChainUnlinked"],
  "valueChain.coopShare": [...POPULATION, "ValueChainLinked", "ValueChainUnlinked"],
  "members.total": [...POPULATION, "MembershipReported", "CoopSpunOff", "CoopMergerReceived"],
  "workers.total": [...POPULATION, "MembershipReported"],
  "finance.revenueVnd": [...POPULATION, "AnnualReportFiled"],
  "finance.profitVnd": [...POPULATION, "AnnualReportFiled"],
  "activity.awarenessClasses": ["AllianceActivityRecorded"],
  "activity.peopleTrained": ["AllianceActivityRecorded"],
  "alliance.members": [...POPULATION, "CoopJoinedAlliance", "CoopLeftAlliance"],
};

/**
 * Indicators whose figure is not a sum over streams (a count of distinct districts): `explain` lists
 * each stream's events with what they contribute to that stream's own count, which need not add up.
 * @example NON_ADDITIVE.has("valueChain.districtCoverage") // true
 */
export const NON_ADDITIVE: ReadonlySet<IndicatorId> = new Set<IndicatorId>(["valueChain.districtCoverage"]);
