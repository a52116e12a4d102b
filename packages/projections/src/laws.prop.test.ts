import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { buildIndex, ProjectionIndex } from "./bitemporal-index/projection-index.js";
import type { Snapshot } from "./evaluate/snapshot.js";
import { snapshot } from "./evaluate/snapshot-of-index.js";
import { replay } from "./replay/replay.js";
import { historyAndQueriesArb, type QueryPoint, queryOf } from "./test-support/arbitraries.js";
import { assertSameResult } from "./test-support/compare.js";

// PROJECTIONS_LAW_RUNS raises or lowers the number of histories per law (default 100: the suite stays
// fast on a shared 2-core machine). PROJECTIONS_LAW_NO_SHRINK=1 reports the first counterexample
// without shrinking (shrinking big histories can take minutes).
const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);
const NO_SHRINK = process.env.PROJECTIONS_LAW_NO_SHRINK === "1";
const params = { numRuns: RUNS, endOnFailure: NO_SHRINK };

const figures = (s: Snapshot) => ({ figures: s.figures });

const recordedMs = (e: RecordedEvent): number => Date.parse(e.metadata.recordedAt);

/** Every query point of a case, as a query. */
const each = (queries: ReadonlyArray<QueryPoint>, f: (q: ReturnType<typeof queryOf>) => void): void => {
  for (const qp of queries) f(queryOf(qp));
};

describe("laws of the projections (ARCHITECTURE.md)", () => {
  it("law 1: determinism — the same events give the same snapshot (index and replay)", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const a = buildIndex(events);
        const b = buildIndex(events);
        each(queries, (q) => {
          assertSameResult(snapshot(a, q), snapshot(b, q), "index");
          assertSameResult(replay(events, q), replay(events, q), "replay");
        });
      }),
      params,
    );
  });

  it("law 2: replay = index — the index answers every (validAt, knownAt, scope, geography) like a full replay", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.integer({ min: 1, max: 8 }), ([events, queries], minStride) => {
        // Small checkpoint strides: the knowledge checkpoints of long columns are exercised on small
        // histories too.
        const index = buildIndex(events, { minStride });
        each(queries, (q) => assertSameResult(snapshot(index, q), replay(events, q), JSON.stringify(q)));
      }),
      params,
    );
  });

  it("law 2: incremental = bulk — an index fed event by event, queried along the way, answers like one built in bulk", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.integer({ min: 1, max: 5 }), ([events, queries], every) => {
        const incremental = new ProjectionIndex({ minStride: every });
        events.forEach((e, i) => {
          incremental.add(e);
          // Queries between feeds exercise the staging of deltas and the merging of column segments.
          if (i % every === 0) snapshot(incremental, queryOf(queries[0] as QueryPoint));
        });
        const bulk = buildIndex(events);
        each(queries, (q) => assertSameResult(snapshot(incremental, q), snapshot(bulk, q)));
      }),
      params,
    );
    // 33 s at load ~10 alone, 94 s at load ~21: past the project's 60 s default on a busy machine.
  }, 240_000);

  it("law 2: as-of — folding all events then asking for D equals folding only the events valid at D (retractions kept)", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        each(queries, (q) => {
          const validAtD = events.filter(
            (e) => e.event.type === "EventRetracted" || e.event.data.effectiveDate <= q.validAt,
          );
          assertSameResult(snapshot(buildIndex(validAtD), q), snapshot(buildIndex(events), q));
        });
      }),
      params,
    );
  });

  it("law 3: knowledge grows — an answer as known at T sees exactly the events recorded by T; later events never change it", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const all = buildIndex(events);
        each(queries, (q) => {
          if (q.knownAt === undefined) return;
          const t = Date.parse(q.knownAt);
          const known = events.filter((e) => recordedMs(e) <= t);
          const { knownAt: _, ...everythingKnown } = q;
          assertSameResult(
            E.map(figures)(snapshot(all, q)),
            E.map(figures)(snapshot(buildIndex(known), everythingKnown)),
          );
        });
      }),
      params,
    );
  });

  it("law 4: stream independence — interleaving streams differently (each stream's order kept) changes no figure", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.integer(), ([events, queries], seed) => {
        // A different interleaving: repeatedly take the next event of a pseudo-randomly chosen stream.
        const byStream = new Map<string, RecordedEvent[]>();
        for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
        const queues = [...byStream.values()];
        const shuffled: RecordedEvent[] = [];
        let x = seed >>> 0;
        while (queues.some((q) => q.length > 0)) {
          x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
          const open = queues.filter((q) => q.length > 0);
          shuffled.push((open[x % open.length] as RecordedEvent[]).shift() as RecordedEvent);
        }
        const a = buildIndex(events);
        const b = buildIndex(shuffled);
        each(queries, (q) => {
          assertSameResult(snapshot(a, q), snapshot(b, q));
          assertSameResult(replay(shuffled, q), replay(events, q));
        });
      }),
      params,
    );
  });

  it("law 4 (strong form): an index fed in any order, even out of recording order within a stream, answers like one fed in recording order", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.integer(), ([events, queries], seed) => {
        const shuffled = [...events];
        let x = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
          const j = x % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as RecordedEvent, shuffled[i] as RecordedEvent];
        }
        const a = buildIndex(events);
        const b = buildIndex(shuffled);
        each(queries, (q) => assertSameResult(snapshot(a, q), snapshot(b, q)));
      }),
      params,
    );
  });

  it("law 5: idempotence — delivering events twice (at least once) changes no figure", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.array(fc.nat(), { maxLength: 10 }), ([events, queries], picks) => {
        const redelivered: RecordedEvent[] = [];
        events.forEach((e, i) => {
          redelivered.push(e);
          for (const p of picks)
            if (p % events.length === i) redelivered.push(events[(i * 7 + p) % (i + 1)] as RecordedEvent);
        });
        const a = buildIndex(events);
        const b = buildIndex(redelivered);
        each(queries, (q) => {
          assertSameResult(snapshot(a, q), snapshot(b, q));
          assertSameResult(replay(redelivered, q), replay(events, q));
        });
      }),
      params,
    );
  });
});
