import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex, ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { historyAndQueriesArb, queryOf } from "../test-support/arbitraries.js";
import { byPosition } from "../test-support/by-position.js";
import { assertSameResult } from "../test-support/compare.js";
import { explainCases } from "../test-support/explain-cases.js";
import { explainFromProvenance } from "./explain-from-provenance.js";
import { ProvenanceTable } from "./provenance-table.js";
import { ProvenanceTap } from "./provenance-tap.js";

const RUNS = Number(process.env.EXPLAIN_LAW_RUNS ?? 40);

/** Fed holding no events, the provenance table tapped from the feed (what the CLI's first build does). */
const tapped = (events: ReadonlyArray<RecordedEvent>) => {
  const tap = new ProvenanceTap(events.length);
  const index = ProjectionIndex.holdingNoEvents({ eventsAt: byPosition(events) }, { tap });
  for (const e of events) index.add(e);
  return { index, table: tap.table((id) => index.streamEvents(id)), tap };
};

describe("the provenance table tapped from an index fed holding no events (issue #12)", () => {
  it("law: it answers every indicator, date, knowledge instant and scope as explain and as the table built from the events", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const held = buildIndex(events);
        const built = ProvenanceTable.build(events.length, held.streamIds(), (id) => held.streamEvents(id));
        const { index, table } = tapped(events);
        expect(table.entryCount).toBeLessThanOrEqual(built.entryCount * 2 + 16);
        const reads = { eventsAt: byPosition(events), positions: events.length };
        for (const qp of queries)
          assertSameResult(snapshot(index, queryOf(qp)), snapshot(held, queryOf(qp)), "held no events");
        for (const { id, q, slow } of explainCases(events, queries)) {
          const fast = explainFromProvenance(index, table, id, q, reads);
          const reference = explainFromProvenance(held, built, id, q, reads);
          expect(E.isRight(fast), id).toBe(E.isRight(slow));
          if (E.isLeft(slow) || E.isLeft(fast) || E.isLeft(reference)) continue;
          expect(fast.right.events, id).toEqual(slow.right.events);
          expect(fast.right.figure, id).toEqual(slow.right.figure);
          expect(fast.right, id).toEqual(reference.right);
        }
        // The per-event columns are the same (stream codes aside: both list the streams first fed first).
        expect([...table.eventRecs()]).toEqual([...built.eventRecs()]);
        expect([...table.eventDays()]).toEqual([...built.eventDays()]);
        expect([...table.eventStreams()]).toEqual([...built.eventStreams()]);
        expect([...table.eventTypes()].map((c) => table.typeName(c))).toEqual(
          [...built.eventTypes()].map((c) => built.typeName(c)),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
