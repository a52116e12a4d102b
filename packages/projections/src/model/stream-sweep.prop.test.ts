import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { replay } from "../replay/replay.js";
import { historyArb, queryArbFor, queryOf } from "../test-support/arbitraries.js";
import { assertSameResult } from "../test-support/compare.js";
import { ev, founded, Ledger } from "../test-support/history.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

/**
 * The histories of the laws with every annual report and rating about the year it is dated in (the
 * laws' histories report on closed years only): a move later in that year then moves the year's
 * figures, which the sweep must see although it compares only the fiscal years still open on the day
 * of a move.
 */
const sameYearReports: fc.Arbitrary<RecordedEvent[]> = historyArb.map(
  (events) =>
    events.map((e) => {
      const ev = e.event;
      const year = Number(String((ev.data as { effectiveDate?: string }).effectiveDate).slice(0, 4));
      if (ev.type === "AnnualReportFiled")
        return { ...e, event: { ...ev, data: { ...ev.data, fiscalYear: year } } };
      if (ev.type === "CoopAssessed") return { ...e, event: { ...ev, data: { ...ev.data, year } } };
      return e;
    }) as RecordedEvent[],
);

const report = (coopId: string, fiscalYear: number, effectiveDate: string) =>
  ev("AnnualReportFiled", {
    coopId,
    effectiveDate,
    fiscalYear,
    charterCapitalVnd: 1_000_000_000,
    totalAssetsVnd: 2_000_000_000,
    revenueVnd: 900_000_000,
    profitVnd: 50_000_000,
    regularWorkers: 12,
    workerMonthlyIncomeVnd: 5_000_000,
    memberMonthlyIncomeVnd: 4_000_000,
    highTechnology: false,
  });
const moved = (coopId: string, effectiveDate: string, provinceCode: string) =>
  ev("HeadOfficeMoved", { coopId, effectiveDate, location: { gazetteer: "2008-08-01", provinceCode } });

describe("a move compares the fiscal years still open on its day only (stream-sweep.ts)", () => {
  it("moves the figures of the year it falls in, not those of closed years; a first place counts for earlier years", () => {
    const l = new Ledger();
    // a: reports on 2019 (filed in 2020) and on 2020 (filed within 2020), then moves in 2020: 2020's
    // figures move to 67, 2019's stay in 60; a back-dated move in 2019 recorded later moves 2019's.
    l.record(founded("a", "2018-01-10", { province: "60" }), "2018-01-11");
    l.record(report("a", 2019, "2020-02-01"), "2020-02-02");
    l.record(report("a", 2020, "2020-03-01"), "2020-03-02");
    l.record(moved("a", "2020-09-01", "67"), "2020-09-02");
    l.record(moved("a", "2019-06-01", "62"), "2021-01-05");
    // b: a report dated before the co-op's founding (a pre-existing co-op) counts where it is founded.
    l.record(report("b", 2016, "2016-06-01"), "2017-03-01");
    l.record(
      founded("b", "2017-02-01", { province: "67", origin: { kind: "preExisting", lawRegime: "2003" } }),
      "2017-03-02",
    );
    // c: founded and moved on the same day after a report on the year before, recorded first.
    l.record(report("c", 2020, "2020-05-01"), "2021-01-01");
    l.record(founded("c", "2021-04-01", { province: "60" }), "2021-04-02");
    l.record(moved("c", "2021-04-01", "62"), "2021-04-03");
    // d: a move on the last day of a year with a report on it: that year is counted where it ends.
    l.record(founded("d", "2018-01-10", { province: "60" }), "2018-01-11");
    l.record(report("d", 2020, "2020-06-01"), "2020-06-02");
    l.record(moved("d", "2020-12-31", "62"), "2021-01-02");
    const index = buildIndex(l.events);
    for (const validAt of ["2019-12-31", "2020-12-31", "2021-12-31"])
      for (const province of ["60", "62", "67"]) {
        const q = { validAt, scope: { province } } as const;
        assertSameResult(snapshot(index, q), replay(l.events, q), JSON.stringify(q));
      }
  });

  it("law: replay = index when reports and ratings are about the year they are dated in", () => {
    fc.assert(
      fc.property(
        sameYearReports.chain((events) =>
          fc.tuple(fc.constant(events), fc.array(queryArbFor(events), { minLength: 1, maxLength: 4 })),
        ),
        ([events, queries]) => {
          const index = buildIndex(events);
          for (const qp of queries) {
            const q = queryOf(qp);
            assertSameResult(snapshot(index, q), replay(events, q), JSON.stringify(q));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
