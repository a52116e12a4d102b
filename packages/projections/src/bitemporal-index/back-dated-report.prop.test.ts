import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { TimedEvent } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";
import { historyArb } from "../test-support/arbitraries.js";
import { collector, liveListsOf, netted, newDeltas, provenanceOf } from "../test-support/back-dated-cases.js";
import { backDatedReportFoldable, foldBackDatedReport, reportFactsOf } from "./back-dated-report.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

/**
 * The histories of the laws with every annual report dated at its fiscal year's end and every
 * membership report at the end of the year before its date (as the national ledger dates them), while
 * they keep their recording instants: most of them arrive after the co-op's later events.
 */
const yearEndDated: fc.Arbitrary<RecordedEvent[]> = historyArb.map(
  (events) =>
    events.map((e) => {
      const ev = e.event;
      if (ev.type === "AnnualReportFiled")
        return { ...e, event: { ...ev, data: { ...ev.data, effectiveDate: `${ev.data.fiscalYear}-12-31` } } };
      // Half the ratings dated within the year they rate (the others after it, as generated): a move
      // between the rating and the year's end then decides where it counts.
      if (ev.type === "CoopAssessed" && e.revision % 2 === 1)
        return { ...e, event: { ...ev, data: { ...ev.data, effectiveDate: `${ev.data.year}-07-01` } } };
      if (ev.type === "MembershipReported") {
        const y = Number(ev.data.effectiveDate.slice(0, 4)) - 1;
        return { ...e, event: { ...ev, data: { ...ev.data, effectiveDate: `${y}-12-31` } } };
      }
      return e;
    }) as RecordedEvent[],
);

let folded = 0;
let refused = 0;
let ratingsFolded = 0;

describe("a back-dated annual or membership report or rating folded from the fold alone (issue #12)", () => {
  afterAll(() => {
    // The law is about the reports the fold takes: it must have been exercised, and not on all of them.
    expect(folded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(ratingsFolded).toBeGreaterThan(0);
  });

  it("law: fold of the others + the report = the full re-fold (deltas per series, cell and day; state; facts; provenance)", () => {
    fc.assert(
      fc.property(yearEndDated, (events) => {
        for (const live of liveListsOf(events)) {
          // Each report before the last live event, as if it were the one to arrive last.
          for (let i = 0; i < live.length - 1; i++) {
            const te = live[i] as TimedEvent;
            const type = te.recorded.event.type;
            if (type !== "AnnualReportFiled" && type !== "MembershipReported" && type !== "CoopAssessed")
              continue;
            const others = live.filter((_, j) => j !== i);
            const { state, deltas: without } = sweepStream(others, Number.NEGATIVE_INFINITY);
            const first = others[0] as TimedEvent;
            const fold = {
              state,
              firstType: first.recorded.event.type,
              firstDay: first.day,
              ...reportFactsOf(others),
            };
            if (!backDatedReportFoldable(fold, te)) {
              refused++;
              continue;
            }
            folded++;
            if (type === "CoopAssessed") ratingsFolded++;
            const pushed = newDeltas();
            foldBackDatedReport(fold, te, collector(pushed, te.recordedMs));
            const full = sweepStream(live, Number.NEGATIVE_INFINITY);
            expect(netted(pushed)).toEqual(netted(full.deltas, without));
            expect(fold.state).toEqual(full.state);
            const facts = reportFactsOf(live);
            expect(fold.membersDay).toBe(facts.membersDay);
            expect(fold.reportDays).toEqual(facts.reportDays);
            // The provenance the events give: only this event's marginal changes, by what was pushed
            // (the feed taps it so, as it is folded).
            const { entries, positions } = provenanceOf(others, live, te);
            expect([...positions].filter((p) => p !== te.recorded.position)).toEqual([]);
            expect(netted(entries)).toEqual(netted(pushed));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
