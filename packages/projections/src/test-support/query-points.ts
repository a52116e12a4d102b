import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { dateAt } from "./history-ops.js";

/** Days worth asking about in a history: around its effective and recording days. */
const interestingDays = (events: ReadonlyArray<RecordedEvent>, recorded: boolean): number[] => {
  const base = Date.UTC(2012, 0, 1) / 86_400_000;
  const days = events.map((e) =>
    Math.round(Date.parse(recorded ? e.metadata.recordedAt : e.event.data.effectiveDate) / 86_400_000 - base),
  );
  return [...new Set(days.flatMap((d) => [d - 1, d, d + 1]))];
};

/** A query point: a valid date and (maybe) a knowledge instant near the history's own dates. */
export const queryArbFor = (events: ReadonlyArray<RecordedEvent>) => {
  const valid = interestingDays(events, false);
  const known = interestingDays(events, true);
  return fc.record({
    validDay: fc.oneof(
      { arbitrary: fc.constantFrom(...valid), weight: 3 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...valid), fc.integer({ min: 0, max: 900 }))
          .map(([d, o]) => d + o),
        weight: 2,
      },
      { arbitrary: fc.integer({ min: -30, max: 6500 }), weight: 1 },
    ),
    knownDay: fc.option(fc.constantFrom(...known), { freq: 2 }),
    scope: fc.constantFrom<Record<string, string>>(
      {},
      {},
      { province: "60" },
      { province: "68" },
      { province: "25" },
      { sector: "agriculture" },
      { form: "union" },
      { province: "60", sector: "peoplesCreditFund" },
      { district: "593" },
    ),
    geography: fc.constantFrom("asOf", "2008-08-01", "2025-07-01"),
    options: fc.constantFrom<Record<string, unknown>>(
      {},
      { effectiveRule: "minScore", effectiveMinScore: 70, ratingDenominator: "activeAtYearEnd" },
      { peoplesCreditFunds: "exclude", incomeAverage: "perWorker", law2012IncludesLaw2023: false },
      {
        fundKind: "provincialSupportFund",
        farmHouseholds: 1000,
        districtCount: 10,
        periodFrom: "2014-06-01",
      },
      { fiscalYear: 2016 },
    ),
  });
};

export type QueryPoint = ReturnType<typeof queryArbFor> extends fc.Arbitrary<infer Q> ? Q : never;

/** Turns a generated query point into a query. */
export const queryOf = (q: QueryPoint) => ({
  validAt: dateAt(q.validDay),
  ...(q.knownDay !== null ? { knownAt: `${dateAt(q.knownDay)}T05:00:00.000Z` } : {}),
  scope: q.scope,
  geography: q.geography,
  options: q.options,
});
