import { addDays, type BusinessDate, type RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { INDICATORS } from "../catalogue/catalogue.js";
import type { QueryInput } from "../query/projection-query.js";
import { replay } from "../replay/replay.js";
import { historyArb } from "../test-support/arbitraries.js";
import { ev, founded, Ledger } from "../test-support/history.js";
import type { Figure } from "./figure.js";
import type { Snapshot } from "./snapshot.js";
import { snapshot } from "./snapshot-of-index.js";

// CLOSED_PERIOD_RUNS raises or lowers the number of histories.
const RUNS = Number(process.env.CLOSED_PERIOD_RUNS ?? 30);

const ANNUAL = INDICATORS.filter((d) => d.kind === "annual").map((d) => d.id);

/** What a figure says (its period's end is the valid date asked, so it is left out). */
const said = (f: Figure | undefined) =>
  f === undefined
    ? undefined
    : { value: f.value, numerator: f.numerator, denominator: f.denominator, breakdown: f.breakdown };

const annualFigures = (s: E.Either<unknown, Snapshot>) => {
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return Object.fromEntries(ANNUAL.map((id) => [id, said(s.right.figures.find((f) => f.id === id))]));
};

/**
 * The day fiscal year `y` is closed in a history: 31 December of `y`, or later if a report for `y` or
 * `y − 1` or an assessment for `y` takes effect later (whether or not it is known at the instant asked:
 * an upper bound is enough).
 */
const closedOn = (events: ReadonlyArray<RecordedEvent>, y: number): BusinessDate => {
  let last = `${y}-12-31` as BusinessDate;
  for (const { event: e } of events) {
    const concerns =
      (e.type === "AnnualReportFiled" && (e.data.fiscalYear === y || e.data.fiscalYear === y - 1)) ||
      (e.type === "CoopAssessed" && e.data.year === y);
    if (concerns && e.data.effectiveDate > last) last = e.data.effectiveDate;
  }
  return last;
};

const fiscalYears = (events: ReadonlyArray<RecordedEvent>): number[] => {
  const ys = new Set<number>();
  for (const { event: e } of events) {
    if (e.type === "AnnualReportFiled") ys.add(e.data.fiscalYear);
    if (e.type === "CoopAssessed") ys.add(e.data.year);
  }
  return [...ys].sort((a, b) => a - b);
};

/** Every scope is asked in each case (a move matters only to the scopes it leaves or enters). */
const SCOPES: ReadonlyArray<Record<string, string>> = [
  {},
  { district: "593" },
  { district: "594" },
  { district: "148" },
  { province: "60" },
  { province: "17", sector: "agriculture" },
  { province: "68" },
  { sector: "peoplesCreditFund" },
  { form: "union" },
];

const caseArb = historyArb
  .filter((events) => fiscalYears(events).length > 0)
  .chain((events) =>
    fc.record({
      events: fc.constant(events),
      year: fc.constantFrom(...fiscalYears(events)),
      // A valid date on or after the close, up to ten years later (the law also asks from the day of
      // every event after the close: a move, a dissolution, a later year's report).
      later: fc.integer({ min: 0, max: 3650 }),
      knownDay: fc.option(
        fc.constantFrom(...events.map((e) => e.metadata.recordedAt.slice(0, 10) as BusinessDate)),
        { freq: 2 },
      ),
      // A fixed reporting geography: "as of" the valid date is a different map at each date.
      geography: fc.constantFrom("2008-08-01", "2008-08-01", "2025-07-01"),
      options: fc.constantFrom<Record<string, unknown>>(
        {},
        { effectiveRule: "minScore", effectiveMinScore: 70, ratingDenominator: "activeAtYearEnd" },
        { incomeAverage: "perWorker" },
      ),
    }),
  );

describe("closed periods (docs/indicators.md, Annual figures)", () => {
  it("law: a closed fiscal year's figures depend on what was known (knownAt), not on the valid date they are asked from", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const closed = closedOn(c.events, c.year);
        const dates = new Set<BusinessDate>([addDays(closed, c.later)]);
        for (const { event: e } of c.events)
          if (e.data.effectiveDate >= closed) {
            dates.add(e.data.effectiveDate);
            dates.add(addDays(e.data.effectiveDate, -1));
          }
        const index = buildIndex(c.events);
        for (const scope of SCOPES) {
          // A fixed reporting geography the scope's codes belong to (districts exist only in the 2008
          // gazetteer; 68 is a 2025 province).
          const geography =
            scope.province === "68"
              ? "2025-07-01"
              : "district" in scope || "province" in scope
                ? "2008-08-01"
                : c.geography;
          const query = (validAt: BusinessDate): QueryInput => ({
            validAt,
            ...(c.knownDay === null ? {} : { knownAt: `${c.knownDay}T12:00:00.000Z` }),
            scope,
            geography,
            options: { ...c.options, fiscalYear: c.year },
          });
          const atClose = annualFigures(snapshot(index, query(closed)));
          for (const d of dates)
            if (d >= closed) expect(annualFigures(snapshot(index, query(d))), d).toEqual(atClose);
          // The reference fold says the same.
          expect(annualFigures(replay(c.events, query(addDays(closed, c.later))))).toEqual(atClose);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a co-op that moves district after the year closed stays counted where it was on 31 December", () => {
    const l = new Ledger();
    l.record(founded("a", "2019-03-01", { district: "593" }), "2019-03-05");
    const report = (fiscalYear: number, capital: number, on: string) =>
      l.record(
        ev("AnnualReportFiled", {
          coopId: "a",
          effectiveDate: on,
          fiscalYear,
          charterCapitalVnd: capital,
          totalAssetsVnd: capital,
          revenueVnd: capital,
          profitVnd: 1,
        }),
        on,
      );
    report(2020, 1_000_000_000, "2021-03-31");
    report(2021, 1_100_000_000, "2022-03-31");
    l.record(
      ev("HeadOfficeMoved", {
        coopId: "a",
        effectiveDate: "2023-05-01",
        location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "594" },
      }),
      "2023-05-02",
    );
    const index = buildIndex(l.events);
    const capital = (validAt: string, district: string) => {
      const s = snapshot(index, { validAt, scope: { district }, options: { fiscalYear: 2021 } });
      if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
      return s.right.figures.find((f) => f.id === "finance.growth.capital");
    };
    // Before and after the move, FY 2021 is the old district's: +10 %, over one co-op.
    for (const validAt of ["2022-12-31", "2024-12-31"]) {
      expect(capital(validAt, "593"), validAt).toMatchObject({
        numerator: 100_000_000,
        denominator: 1_000_000_000,
      });
      expect(capital(validAt, "594"), validAt).toMatchObject({ numerator: 0, denominator: 0 });
    }
  });
});
