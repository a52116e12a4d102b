import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { TimedEvent } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";
import { historyArb } from "../test-support/arbitraries.js";
import { collector, liveListsOf, netted, newDeltas, provenanceOf } from "../test-support/back-dated-cases.js";
import { aspectFactsOf, backDatedAspectFoldable, foldBackDatedAspect } from "./back-dated-aspect.js";
import { NO_DELTAS, tailAfter } from "./stream-entry.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

const folded = new Map<string, number>();
let refused = 0;

describe("a back-dated single-aspect event folded from the fold alone (issue #12)", () => {
  afterAll(() => {
    // The law is about the events the fold takes: it must have been exercised, on several kinds, and
    // not on all of them.
    expect(folded.size).toBeGreaterThan(3);
    expect(refused).toBeGreaterThan(0);
  });

  it("law: fold of the others + the event = the full re-fold (deltas per series, cell and day; tail; state; facts; provenance)", () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        for (const live of liveListsOf(events)) {
          const lastDay = (live[live.length - 1] as TimedEvent).day;
          // Each live event before the last one, as if it were the one to arrive last (back-dated).
          for (let i = 0; i < live.length - 1; i++) {
            const te = live[i] as TimedEvent;
            const others = live.filter((_, j) => j !== i);
            const without = sweepStream(others, Number.NEGATIVE_INFINITY);
            const fold = {
              state: without.state,
              tail: tailAfter(NO_DELTAS, without.deltas, lastDay),
              lastDay,
              ...aspectFactsOf(others),
            };
            if (!backDatedAspectFoldable(fold, te)) {
              refused++;
              continue;
            }
            const type = te.recorded.event.type;
            folded.set(type, (folded.get(type) ?? 0) + 1);
            const pushed = newDeltas();
            foldBackDatedAspect(fold, te, collector(pushed, te.recordedMs), 0);
            const full = sweepStream(live, Number.NEGATIVE_INFINITY);
            expect(netted(pushed)).toEqual(netted(full.deltas, without.deltas));
            expect(netted(fold.tail)).toEqual(netted(tailAfter(NO_DELTAS, full.deltas, lastDay)));
            // One entry per series, cell and day, none zero: what the re-fold's sweep keeps (a later
            // event then pushes as many deltas as after the re-fold).
            expect(fold.tail.keys.length).toBe(netted(fold.tail).size);
            expect(fold.state).toEqual(full.state);
            expect(fold.aspectDays).toEqual(aspectFactsOf(live).aspectDays);
            // The provenance the events give: only this event's marginal changes, by what was pushed.
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
