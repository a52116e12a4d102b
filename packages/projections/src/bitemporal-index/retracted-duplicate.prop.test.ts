import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { provenanceChange } from "../audit/stream-provenance.js";
import { liveEvents, timed } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";
import { historyArb } from "../test-support/arbitraries.js";
import { collector, netted, newDeltas } from "../test-support/back-dated-cases.js";
import { ev } from "../test-support/history.js";
import { dateAt } from "../test-support/history-ops.js";
import { foldEvent, foldWay } from "./fold-rules.js";
import { hotFold, hydrateEntry, newStreamEntry } from "./stream-entry.js";
import { foldParts, type StreamFold } from "./stream-fold.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

/** A stream's fold after its events (arrival order), as a stream read back and cooled keeps it. */
const foldOf = (events: ReadonlyArray<RecordedEvent>): StreamFold => {
  const e = newStreamEntry();
  hydrateEntry(e, events.map(timed));
  return hotFold(e);
};

/** The facts of a fold besides its state and tail (as persisted). */
const factsOf = (f: StreamFold): unknown[] => foldParts(f).slice(2);

// The variants of a report P entered again as X, then a retraction R: 0, X the same as P, R retracts X
// (the fold takes R); 1, X with other members; 2, R retracts P; 3, another report between P and X;
// 4, X the same as P, but R comes after another event (the last arrival is not X).
const caseArb = fc.record({
  at: fc.nat(),
  shift: fc.integer({ min: -2, max: 40 }),
  members: fc.integer({ min: 1, max: 300 }),
  variant: fc.integer({ min: 0, max: 4 }),
});

const taken = new Map<number, number>();
const refused = new Map<number, number>();

describe("the retraction of a duplicate folded from the fold alone (issue #12)", () => {
  afterAll(() => {
    expect(taken.get(0) ?? 0).toBeGreaterThan(10);
    for (const v of [1, 2, 3, 4]) expect(refused.get(v) ?? 0).toBeGreaterThan(0);
  });

  it("law: fold + the retraction of a duplicate = the full re-fold (deltas, tail, state, facts; provenance unchanged)", () => {
    fc.assert(
      fc.property(historyArb, fc.array(caseArb, { minLength: 1, maxLength: 3 }), (events, cases) => {
        const streams = [...new Set(events.map((e) => e.streamId))].filter((s) => s.startsWith("coop-"));
        cases.forEach((c, k) => {
          const stream = streams[c.at % Math.max(1, streams.length)];
          if (stream === undefined) return;
          const base = events.filter((e) => e.streamId === stream);
          const last = base[base.length - 1] as RecordedEvent;
          const live = liveEvents(base.map(timed));
          const anchor = live[c.at % Math.max(1, live.length)];
          const day = (anchor?.day ?? 1000) + c.shift;
          const coopId = (last.event.data as { coopId?: string }).coopId ?? "c0";
          const lastMs = Math.max(...base.map((e) => Date.parse(e.metadata.recordedAt)));
          let n = 0;
          const next = (type: string, data: Record<string, unknown>): RecordedEvent => {
            n++;
            return {
              eventId: `dup-${k}-${n}`,
              streamId: stream,
              revision: last.revision + n,
              position: last.position + 10_000 + n,
              event: ev(type as never, data),
              metadata: { recordedAt: new Date(lastMs + n * 86_400_000).toISOString() as never },
            } as unknown as RecordedEvent;
          };
          const report = (members: number) =>
            next("MembershipReported", { coopId, effectiveDate: dateAt(day), officialMembers: members });
          const p = report(c.members);
          const between = c.variant === 3 ? [report(c.members + 1)] : [];
          const x = report(c.variant === 1 ? c.members + 2 : c.members);
          const after = c.variant === 4 ? [report(c.members + 3)] : [];
          const r = next("EventRetracted", {
            effectiveDate: dateAt(day + 1),
            retractedEventId: c.variant === 2 ? p.eventId : x.eventId,
            reason: "Nhập trùng",
          });
          const before = [...base, p, ...between, x, ...after];
          const fold = foldOf(before);
          // The fold fed X from the fold of the events before it has the same arrival facts.
          const upToP = foldOf([...base, p, ...between]);
          const tx = timed(x);
          const xWay = foldWay(upToP, tx);
          if (xWay !== undefined && after.length === 0) {
            foldEvent(upToP, tx, xWay, { push: () => undefined });
            expect(upToP.arrival).toEqual(fold.arrival);
          }
          const tr = timed(r);
          if (foldWay(fold, tr) !== "retraction") {
            refused.set(c.variant, (refused.get(c.variant) ?? 0) + 1);
            expect(c.variant).not.toBe(0); // a duplicate's retraction is always taken
            return;
          }
          taken.set(c.variant, (taken.get(c.variant) ?? 0) + 1);
          const pushed = newDeltas();
          foldEvent(fold, tr, "retraction", collector(pushed, tr.recordedMs));
          const all = [...before, r];
          const full = foldOf(all);
          // The same objects before and after, as the feed's live lists share them.
          const timedBefore = before.map(timed);
          const liveBefore = liveEvents(timedBefore);
          const liveAfter = liveEvents([...timedBefore, tr]);
          expect(pushed.keys).toEqual([]);
          const whole = (l: typeof liveBefore) => sweepStream(l, Number.NEGATIVE_INFINITY).deltas;
          expect(netted(whole(liveAfter), whole(liveBefore)).size).toBe(0);
          expect(fold.tail).toEqual(full.tail);
          expect(fold.state).toEqual(full.state);
          expect(factsOf(fold)).toEqual(factsOf(full));
          // The provenance the events give: no entry at all (the tap records the retraction's row only).
          let entries = 0;
          provenanceChange(liveBefore, liveAfter, tr.recordedMs, () => {
            entries++;
          });
          expect(entries).toBe(0);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
