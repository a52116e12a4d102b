import { literals } from "@coop-ledger/domain";
import type * as t from "io-ts";

/**
 * The stable id of every indicator (chỉ tiêu) the engine computes, in catalogue order.
 * @example IndicatorId.decode("coops.active") // Right
 */
export const IndicatorId = literals(
  [
    "coops.active",
    "unions.active",
    "groups.active",
    "coops.founded",
    "coops.dissolved",
    "coops.agriculturalShare",
    "coops.law2012Share",
    "rating.fairOrGoodShare",
    "alliance.newMembers",
    "members.averagePerCoop",
    "members.over100Share",
    "members.farmHouseholdShare",
    "managers.under50QualifiedShare",
    "finance.growth.capital",
    "finance.growth.assets",
    "finance.growth.revenue",
    "finance.growth.profit",
    "income.workerMonthlyVnd",
    "income.memberMonthlyVnd",
    "ocop.coops",
    "ocop.products",
    "loans.disbursed",
    "loans.disbursedVnd",
    "loans.outstandingVnd",
    "loans.overdueVnd",
    "fund.applications",
    "fund.charterCapitalVnd",
    "activity.newsItems",
    "activity.tradePromotions",
    "activity.trainingClasses",
    "activity.foundingAdvice",
    "valueChain.districtCoverage",
    "rating.weak",
    "rating.weakShare",
    "coops.suspended",
    "coops.reorganised",
    "coops.foundedAdvised",
    "coops.law2023Share",
    "coops.highTech",
    "valueChain.coops",
    "valueChain.coopShare",
    "members.total",
    "workers.total",
    "finance.revenueVnd",
    "finance.profitVnd",
    "activity.awarenessClasses",
    "activity.peopleTrained",
    "alliance.members",
  ],
  "IndicatorId",
);
/** @see IndicatorId */
export type IndicatorId = t.TypeOf<typeof IndicatorId>;
