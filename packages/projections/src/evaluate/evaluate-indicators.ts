import { type BusinessDate, dayOf, endOfYear } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import { indicatorDefinition } from "../catalogue/catalogue.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { formBit, type Population } from "../model/cells.js";
import {
  ACTIVITY_KINDS,
  DISSOLUTION_MODES,
  FUND_KINDS,
  financeParameter,
  REORGANISATION_KINDS,
  SeriesCode,
  scoreParameter,
  seriesKey,
} from "../model/series-keys.js";
import type { ProjectionError } from "../query/projection-error.js";
import { type Figure, ratio } from "./figure.js";
import type { ResolvedQuery } from "./resolve-query.js";
import type { SeriesReader } from "./series-reader.js";

class Overflow extends Error {}

const safe = (n: number): number => {
  if (!Number.isSafeInteger(n)) throw new Overflow();
  return n;
};

/**
 * Computes one indicator's figure from a series reader: the arithmetic shared by the index and the
 * replay (they differ in how they sum a series, never in what a figure means).
 *
 * @example
 * import { indexReader } from "../src/bitemporal-index/index-reader.js";
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const q = resolveQuery({ validAt: "2022-12-31" });
 * if (E.isLeft(q)) throw new Error(q.left.message);
 * const f = evaluateIndicator("coops.active", q.right, indexReader(index, q.right));
 * const s = snapshot(index, { validAt: "2022-12-31", indicators: ["coops.active"] });
 * // The same figure the snapshot gives (it evaluates every indicator this way).
 * console.log(E.isRight(f) && E.isRight(s) && f.right.value === s.right.figures[0]?.value); // true
 */
export const evaluateIndicator = (
  id: IndicatorId,
  q: ResolvedQuery,
  reader: SeriesReader,
): E.Either<ProjectionError, Figure> => {
  try {
    return E.right(compute(id, q, reader));
  } catch (e) {
    if (e instanceof Overflow) {
      return E.left({
        _tag: "ArithmeticOverflow",
        indicator: id,
        message: `${id}: a sum left the range of exact integers (±2^53)`,
      });
    }
    throw e;
  }
};

const compute = (id: IndicatorId, q: ResolvedQuery, reader: SeriesReader): Figure => {
  const def = indicatorDefinition(id);
  const D = q.validDay;
  const o = q.options;
  const forms = def.forms.reduce((m, f) => m | formBit(f), 0);
  const population: Population = {
    forms: def.forms.length === 0 ? formBit("") : q.scope.form !== undefined ? formBit(q.scope.form) : forms,
    excludePeoplesCreditFunds:
      o.peoplesCreditFunds === "exclude" &&
      (id === "members.averagePerCoop" || id === "members.over100Share" || id === "members.total"),
  };
  const at = (key: number, day = D): number => safe(reader.value(key, day, population));
  const instant = { from: q.validAt, to: q.validAt };
  const base = { id, kind: def.kind, unit: def.unit };
  const fromDay = dayOf(o.periodFrom);
  const periodOf = (key: number): number => (fromDay > D ? 0 : safe(at(key) - at(key, fromDay - 1)));
  const period = { from: o.periodFrom, to: q.validAt };
  const Y = o.fiscalYear;
  const annual = { period: { from: `${Y}-01-01` as BusinessDate, to: q.validAt }, fiscalYear: Y };

  if (
    def.forms.length === 0 &&
    (q.scope.sector !== undefined || q.scope.form !== undefined || q.scope.district !== undefined)
  ) {
    return {
      ...base,
      value: null,
      period: def.kind === "period" ? period : instant,
      note: "alliance and fund figures have no sector, form or district: ask without those scopes",
    };
  }
  const count = (key: number): Figure => ({ ...base, value: at(key), period: instant });
  const share = (numerator: number, denominator: number, p = instant): Figure => ({
    ...base,
    value: ratio(numerator, denominator),
    numerator,
    denominator,
    period: p,
    ...(denominator === 0 ? { note: "no denominator: nothing to divide by" } : {}),
  });
  // A figure made of named parts (by fund, dissolution mode, reorganisation kind): their sum, each part
  // in the breakdown (which `diff` compares part by part).
  const byParts = (parts: ReadonlyArray<readonly [string, number]>, p: Figure["period"]): Figure => {
    const breakdown: Record<string, number> = {};
    let total = 0;
    for (const [name, v] of parts) {
      breakdown[name] = v;
      total = safe(total + v);
    }
    return { ...base, value: total, breakdown, period: p };
  };
  const funds = o.fundKind === undefined ? [0, 1, 2] : [FUND_KINDS.indexOf(o.fundKind)];
  const byFund = (code: SeriesCode, f: (key: number) => number): Figure =>
    byParts(
      funds.map((fund) => [FUND_KINDS[fund] as string, f(seriesKey(code, fund))] as const),
      def.kind === "period" ? period : instant,
    );
  const activity = (kind: string): Figure => ({
    ...base,
    value: periodOf(seriesKey(SeriesCode.activity, ACTIVITY_KINDS.indexOf(kind as never))),
    period,
  });
  const growth = (metric: number): Figure => {
    const cur = at(seriesKey(SeriesCode.financeCurrent, financeParameter(Y, metric)));
    const prev = at(seriesKey(SeriesCode.financePrevious, financeParameter(Y, metric)));
    return {
      ...share(safe(cur - prev), prev, annual.period),
      fiscalYear: Y,
      breakdown: { coopsReportingBothYears: at(seriesKey(SeriesCode.financeBoth, Y)) },
    };
  };
  const active = seriesKey(SeriesCode.active);
  const annualCount = (key: number): Figure => ({
    ...base,
    value: at(key),
    period: annual.period,
    fiscalYear: Y,
  });
  const ratingDenominator = (): number =>
    o.ratingDenominator === "rated"
      ? at(seriesKey(SeriesCode.rated, Y))
      : at(active, Math.min(D, dayOf(endOfYear(Y))));
  const level = (metric: number): Figure => ({
    ...annualCount(seriesKey(SeriesCode.financeLevel, financeParameter(Y, metric))),
    breakdown: { organisationsReporting: at(seriesKey(SeriesCode.financeReported, Y)) },
  });

  return match(id)
    .with("coops.active", "unions.active", "groups.active", () => count(active))
    .with("coops.founded", "alliance.newMembers", (i) => ({
      ...base,
      value: periodOf(seriesKey(i === "coops.founded" ? SeriesCode.founded : SeriesCode.allianceJoins)),
      period,
    }))
    .with("coops.dissolved", () =>
      byParts(
        DISSOLUTION_MODES.map((mode, i) => [mode, periodOf(seriesKey(SeriesCode.dissolved, i))] as const),
        period,
      ),
    )
    .with("coops.agriculturalShare", () => share(at(seriesKey(SeriesCode.agricultural)), at(active)))
    .with("coops.law2012Share", () =>
      share(
        at(seriesKey(SeriesCode.law2012)) +
          (o.law2012IncludesLaw2023 ? at(seriesKey(SeriesCode.law2023)) : 0),
        at(active),
      ),
    )
    .with("rating.fairOrGoodShare", () => {
      let effective = 0;
      if (o.effectiveRule === "fairOrGood") effective = at(seriesKey(SeriesCode.fairOrGood, Y));
      else
        for (let k = o.effectiveMinScore; k <= 100; k++)
          effective += at(seriesKey(SeriesCode.scoreFloor, scoreParameter(Y, k)));
      return { ...share(effective, ratingDenominator(), annual.period), fiscalYear: Y };
    })
    .with("members.averagePerCoop", () => share(at(seriesKey(SeriesCode.members)), at(active)))
    .with("members.over100Share", () => share(at(seriesKey(SeriesCode.over100)), at(active)))
    .with("members.farmHouseholdShare", () =>
      o.farmHouseholds === undefined
        ? {
            ...base,
            value: null,
            numerator: at(seriesKey(SeriesCode.farmHouseholds)),
            period: instant,
            note: "needs the province's farm households (option farmHouseholds): the ledger does not hold it",
          }
        : share(at(seriesKey(SeriesCode.farmHouseholds)), o.farmHouseholds),
    )
    .with("managers.under50QualifiedShare", () =>
      share(at(seriesKey(SeriesCode.managersUnder50Qualified)), at(seriesKey(SeriesCode.managers))),
    )
    .with("finance.growth.capital", () => growth(0))
    .with("finance.growth.assets", () => growth(1))
    .with("finance.growth.revenue", () => growth(2))
    .with("finance.growth.profit", () => growth(3))
    .with("income.workerMonthlyVnd", () => {
      const [num, den] =
        o.incomeAverage === "perCoop"
          ? [SeriesCode.workerIncomeSum, SeriesCode.workerIncomeCount]
          : [SeriesCode.workerIncomeWeighted, SeriesCode.workerIncomeWorkers];
      return { ...share(at(seriesKey(num, Y)), at(seriesKey(den, Y)), annual.period), fiscalYear: Y };
    })
    .with("income.memberMonthlyVnd", () => {
      // Per person (perMember, or perWorker: the same reading) = total paid ÷ members.
      const [num, den] =
        o.incomeAverage === "perCoop"
          ? [SeriesCode.memberIncomeSum, SeriesCode.memberIncomeCount]
          : [SeriesCode.memberIncomeWeighted, SeriesCode.memberIncomeMembers];
      return { ...share(at(seriesKey(num, Y)), at(seriesKey(den, Y)), annual.period), fiscalYear: Y };
    })
    .with("ocop.coops", () => count(seriesKey(SeriesCode.ocopCoops)))
    .with("ocop.products", () => count(seriesKey(SeriesCode.ocopProducts)))
    .with("loans.disbursed", () => byFund(SeriesCode.disbursedCount, periodOf))
    .with("loans.disbursedVnd", () => byFund(SeriesCode.disbursedVnd, periodOf))
    .with("loans.outstandingVnd", () => byFund(SeriesCode.outstanding, (k) => at(k)))
    .with("loans.overdueVnd", () => byFund(SeriesCode.overdue, (k) => at(k)))
    .with("fund.applications", () => ({
      ...base,
      value: periodOf(seriesKey(SeriesCode.applications)),
      period,
    }))
    .with("fund.charterCapitalVnd", () => count(seriesKey(SeriesCode.fundCapital)))
    .with("activity.newsItems", () => activity("newsItem"))
    .with("activity.tradePromotions", () => activity("tradePromotion"))
    .with("activity.trainingClasses", () => activity("trainingClass"))
    .with("activity.foundingAdvice", () => activity("foundingAdvice"))
    .with("valueChain.districtCoverage", () => {
      if (q.reportIn !== "2008-08-01" || q.scope.province === undefined || o.districtCount === undefined) {
        return {
          ...base,
          value: null,
          period: instant,
          note:
            q.reportIn !== "2008-08-01"
              ? `district coverage needs a geography with districts (the ${q.reportIn} gazetteer has none): report in "2008-08-01"`
              : "district coverage needs a province scope and its number of districts (option districtCount)",
        };
      }
      return share(
        safe(reader.positiveDistricts(seriesKey(SeriesCode.linkages), D, population)),
        o.districtCount,
      );
    })
    .with("rating.weak", () => annualCount(seriesKey(SeriesCode.weak, Y)))
    .with("rating.weakShare", () => ({
      ...share(at(seriesKey(SeriesCode.weak, Y)), ratingDenominator(), annual.period),
      fiscalYear: Y,
    }))
    .with("coops.suspended", () => count(seriesKey(SeriesCode.suspended)))
    .with("coops.reorganised", () =>
      byParts(
        REORGANISATION_KINDS.map(
          (kind, i) => [kind, periodOf(seriesKey(SeriesCode.reorganised, i))] as const,
        ),
        period,
      ),
    )
    .with("coops.foundedAdvised", () => ({
      ...base,
      value: periodOf(seriesKey(SeriesCode.foundedAdvised)),
      period,
    }))
    .with("coops.law2023Share", () => share(at(seriesKey(SeriesCode.law2023)), at(active)))
    .with("coops.highTech", () => annualCount(seriesKey(SeriesCode.highTech, Y)))
    .with("valueChain.coops", () => count(seriesKey(SeriesCode.valueChainCoops)))
    .with("valueChain.coopShare", () => share(at(seriesKey(SeriesCode.valueChainCoops)), at(active)))
    .with("members.total", () => count(seriesKey(SeriesCode.members)))
    .with("workers.total", () => count(seriesKey(SeriesCode.workers)))
    .with("finance.revenueVnd", () => level(2))
    .with("finance.profitVnd", () => level(3))
    .with("activity.awarenessClasses", () => activity("awarenessClass"))
    .with("activity.peopleTrained", () => ({
      ...base,
      value: periodOf(seriesKey(SeriesCode.participants, ACTIVITY_KINDS.indexOf("trainingClass"))),
      period,
    }))
    .with("alliance.members", () => count(seriesKey(SeriesCode.allianceMembers)))
    .exhaustive();
};
