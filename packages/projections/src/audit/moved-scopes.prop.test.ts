import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { historyAndQueriesArb, queryOf } from "../test-support/arbitraries.js";
import { mayHaveMoved } from "./moved-scopes.js";
import { ProvenanceTable } from "./provenance-table.js";

const RUNS = Number(process.env.EXPLAIN_LAW_RUNS ?? 40);

const tableOf = (events: ReadonlyArray<RecordedEvent>, covered: number) => {
  const index = buildIndex(events.filter((e) => e.position < covered));
  return ProvenanceTable.build(covered, index.streamIds(), (id) => index.streamEvents(id));
};

/** Two knowledge instants drawn from the history's own recording instants (and one before them all). */
const instantsOf = (events: ReadonlyArray<RecordedEvent>, i: number, j: number): [string, string] => {
  const recs = ["2000-01-01T00:00:00.000Z", ...events.map((e) => e.metadata.recordedAt)];
  const a = recs[i % recs.length] as string;
  const b = recs[j % recs.length] as string;
  return a <= b ? [a, b] : [b, a];
};

describe("which scopes a restatement can have moved (from the provenance table)", () => {
  it("law: a query the table says cannot have moved answers the same as known at A and at B", () => {
    let unmoved = 0;
    let moved = 0;
    fc.assert(
      fc.property(historyAndQueriesArb, fc.nat(), fc.nat(), ([events, queries], i, j) => {
        const index = buildIndex(events);
        const table = tableOf(events, events.length);
        const [a, b] = instantsOf(events, i, j);
        const qs = queries.map((qp) => {
          const { knownAt: _, ...q } = queryOf(qp);
          return q;
        });
        const verdicts = mayHaveMoved(table, events.length, qs, a, b);
        expect(verdicts).toHaveLength(qs.length);
        qs.forEach((q, k) => {
          const sa = snapshot(index, { ...q, knownAt: a });
          const sb = snapshot(index, { ...q, knownAt: b });
          if (E.isLeft(sa) || E.isLeft(sb)) return;
          const same = JSON.stringify(sa.right.figures) === JSON.stringify(sb.right.figures);
          if (!same) moved++;
          if (verdicts[k] === false) {
            unmoved++;
            expect(sb.right.figures).toEqual(sa.right.figures);
          }
        });
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: some queries were ruled out, and some did move (the test saw both sides).
    expect(unmoved).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });

  it("law: positions the table does not cover (an extended index) leave every query possibly moved", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        fc.pre(events.length > 0);
        const table = tableOf(events, events.length - 1);
        const qs = queries.map((qp) => queryOf(qp));
        expect(
          mayHaveMoved(table, events.length, qs, "2000-01-01T00:00:00.000Z", "2000-01-02T00:00:00.000Z"),
        ).toEqual(qs.map(() => true));
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 4)) },
    );
  });
});
