import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { type Deltas, sweepStream } from "../model/stream-sweep.js";
import { historyArb } from "../test-support/arbitraries.js";
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
      if (ev.type === "MembershipReported") {
        const y = Number(ev.data.effectiveDate.slice(0, 4)) - 1;
        return { ...e, event: { ...ev, data: { ...ev.data, effectiveDate: `${y}-12-31` } } };
      }
      return e;
    }) as RecordedEvent[],
);

/** A delta list netted per (series, cell, day): what every query at any knowledge instant sums. */
const netted = (plus: Deltas, minus?: Deltas): Map<string, number> => {
  const m = new Map<string, number>();
  const add = (d: Deltas, sign: number): void => {
    for (let i = 0; i < d.keys.length; i++) {
      const id = `${d.keys[i]}|${d.cells[i]}|${d.days[i]}`;
      const v = (m.get(id) ?? 0) + sign * (d.amounts[i] as number);
      if (v === 0) m.delete(id);
      else m.set(id, v);
    }
  };
  add(plus, 1);
  if (minus !== undefined) add(minus, -1);
  return m;
};

let folded = 0;
let refused = 0;

describe("a back-dated annual or membership report folded from the fold alone (issue #12)", () => {
  afterAll(() => {
    // The law is about the reports the fold takes: it must have been exercised, and not on all of them.
    expect(folded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it("law: fold of the others + the report = the full re-fold (deltas per series, cell and day; state; facts)", () => {
    fc.assert(
      fc.property(yearEndDated, (events) => {
        const byStream = new Map<string, TimedEvent[]>();
        for (const e of events) {
          const list = byStream.get(e.streamId) ?? [];
          list.push(timed(e));
          byStream.set(e.streamId, list);
        }
        for (const list of byStream.values()) {
          const live = liveEvents(list);
          // Each report before the last live event, as if it were the one to arrive last.
          for (let i = 0; i < live.length - 1; i++) {
            const te = live[i] as TimedEvent;
            const type = te.recorded.event.type;
            if (type !== "AnnualReportFiled" && type !== "MembershipReported") continue;
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
            const pushed: Deltas = { keys: [], cells: [], days: [], amounts: [], causes: [] };
            foldBackDatedReport(fold, te, {
              push: (key, cell, day, amount, rec) => {
                expect(rec).toBe(te.recordedMs);
                pushed.keys.push(key);
                pushed.cells.push(cell);
                pushed.days.push(day);
                pushed.amounts.push(amount);
              },
            });
            const full = sweepStream(live, Number.NEGATIVE_INFINITY);
            expect(netted(pushed)).toEqual(netted(full.deltas, without));
            expect(fold.state).toEqual(full.state);
            const facts = reportFactsOf(live);
            expect(fold.membersDay).toBe(facts.membersDay);
            expect(fold.reportDays).toEqual(facts.reportDays);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
