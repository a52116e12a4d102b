import type { RecordedEvent } from "@coop-ledger/domain";
import {
  checkProjectionLaws,
  type LawProjection,
  provinceHistoryArbitrary,
  toRecorded,
} from "@coop-ledger/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// A read model a user might keep in their own app: how many co-ops were founded by a date, as known at
// an instant. The package's laws check it behaves like every point-in-time projection must.
const foundedCount: LawProjection<Map<string, RecordedEvent>> = {
  name: "founded count",
  build: (events) => new Map(events.map((e) => [e.eventId, e])),
  start: () => new Map(),
  feed: (m, e) => m.set(e.eventId, e), // keyed by event id: a second delivery changes nothing
  query: (m, q) =>
    [...m.values()].filter(
      (e) =>
        e.event.type === "CoopFounded" &&
        e.event.data.effectiveDate <= q.validAt &&
        (q.knownAt === undefined || e.metadata.recordedAt <= q.knownAt),
    ).length,
};

describe("my founded-count read model", () => {
  it("obeys the projection laws (determinism, incremental, knowledge grows, streams, idempotence, as-of)", () => {
    checkProjectionLaws(foundedCount, { numRuns: 50, asOfByValidTime: true });
  });

  it("never counts more co-ops than the history founded", () => {
    fc.assert(
      fc.property(provinceHistoryArbitrary().map(toRecorded), (events) => {
        const all = events.filter((e) => e.event.type === "CoopFounded").length;
        expect(foundedCount.query(foundedCount.build(events), { validAt: "2099-12-31" })).toBe(all);
      }),
      { numRuns: 50 },
    );
  });
});
