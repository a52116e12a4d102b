import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { historyAndQueriesArb } from "../test-support/arbitraries.js";
import { byPosition } from "../test-support/by-position.js";
import { explainCases } from "../test-support/explain-cases.js";
import { explainFromProvenance } from "./explain-from-provenance.js";
import { ProvenanceTable } from "./provenance-table.js";

const RUNS = Number(process.env.EXPLAIN_LAW_RUNS ?? 40);

const tableOf = (events: ReadonlyArray<RecordedEvent>, covered: number) => {
  const index = buildIndex(events.filter((e) => e.position < covered));
  return ProvenanceTable.build(covered, index.streamIds(), (id) => index.streamEvents(id));
};

describe("explain from the provenance table", () => {
  it("law: the table answers every indicator, date, knowledge instant and scope with explain's events and contributions", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const index = buildIndex(events);
        const table = tableOf(events, events.length);
        const reads = { eventsAt: byPosition(events), positions: events.length };
        for (const { id, q, slow } of explainCases(events, queries)) {
          const fast = explainFromProvenance(index, table, id, q, reads);
          expect(E.isRight(fast), id).toBe(E.isRight(slow));
          if (E.isLeft(slow) || E.isLeft(fast)) continue;
          expect(fast.right.events, id).toEqual(slow.right.events);
          expect(fast.right.total, id).toBe(slow.right.events.length);
          expect(fast.right.figure, id).toEqual(slow.right.figure);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("law: a table built before the last events (an extended index) still answers as explain, those streams from their events", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.nat(), ([events, queries], cutSeed) => {
        const covered = events.length === 0 ? 0 : cutSeed % (events.length + 1);
        const index = buildIndex(events);
        const table = tableOf(events, covered);
        const reads = { eventsAt: byPosition(events), positions: events.length };
        for (const { id, q, slow } of explainCases(events, queries)) {
          const fast = explainFromProvenance(index, table, id, q, reads);
          if (E.isLeft(slow) || E.isLeft(fast)) continue;
          expect(fast.right.events, id).toEqual(slow.right.events);
        }
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 4)) },
    );
  });

  it("law: a page of late events is explain's events recorded after the instant, the first `limit` of them, with their count", () => {
    fc.assert(
      fc.property(
        historyAndQueriesArb,
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        ([events, queries], at, limit) => {
          const index = buildIndex(events);
          const table = tableOf(events, events.length);
          const instants = events.map((e) => Date.parse(e.metadata.recordedAt)).sort((a, b) => a - b);
          const after = instants.length === 0 ? 0 : (instants[at % instants.length] as number);
          const reads = {
            eventsAt: byPosition(events),
            positions: events.length,
            recordedAfterMs: after,
            limit,
          };
          for (const { id, q, slow } of explainCases(events, queries)) {
            const fast = explainFromProvenance(index, table, id, q, reads);
            if (E.isLeft(slow) || E.isLeft(fast)) continue;
            const late = slow.right.events.filter((e) => Date.parse(e.recordedAt) > after);
            expect(fast.right.total, id).toBe(late.length);
            expect(fast.right.events, id).toEqual(late.slice(0, limit));
          }
        },
      ),
      { numRuns: Math.max(5, Math.floor(RUNS / 4)) },
    );
  });
});
