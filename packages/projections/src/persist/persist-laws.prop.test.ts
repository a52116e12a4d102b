import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { explain } from "../audit/explain.js";
import { buildIndex, type EventSource, ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { historyAndQueriesArb, historyArb, type QueryPoint, queryOf } from "../test-support/arbitraries.js";
import { byPosition } from "../test-support/by-position.js";
import { assertSameResult } from "../test-support/compare.js";
import { decodeIndexImage, encodeIndexImage, openIndexImage } from "./image-codec.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);
const params = { numRuns: RUNS, endOnFailure: process.env.PROJECTIONS_LAW_NO_SHRINK === "1" };

/** The ledger as an event source: events read back by position (what the CLI does by byte offset). */
const sourceOf = (events: ReadonlyArray<RecordedEvent>): EventSource & { reads: number } => {
  const at = byPosition(events);
  const s = {
    reads: 0,
    eventsAt: (positions: ReadonlyArray<number>) => {
      s.reads += positions.length;
      return at(positions);
    },
  };
  return s;
};

const bytesOf = (index: ProjectionIndex): Uint8Array =>
  new Uint8Array(Buffer.concat(encodeIndexImage(index.toImage(), { note: "test" })));

/**
 * Persists an index and reopens it the way the CLI does: positioned reads of the bytes, each piece read
 * (and checked) only when a query or an extension needs it.
 */
const reopenLazily = (index: ProjectionIndex, source: EventSource): ProjectionIndex => {
  const bytes = bytesOf(index);
  const opened = openIndexImage((p, n) => bytes.slice(p, p + n), bytes.length);
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  expect(opened.right.extra).toEqual({ note: "test" });
  return ProjectionIndex.fromImage(opened.right.source, source);
};

/** Persists an index to bytes and reopens it from the bytes decoded whole. */
const reopen = (index: ProjectionIndex, source: EventSource): ProjectionIndex => {
  const bytes = bytesOf(index);
  const decoded = decodeIndexImage(bytes);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  expect(decoded.right.extra).toEqual({ note: "test" });
  return ProjectionIndex.fromImage(decoded.right.image, source);
};

describe("laws of the persisted index (issue #12)", () => {
  it("bulk = event by event = fed holding no events = reopened from its bytes = released = extended after appends, for every query", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, fc.nat(), ([events, queries], cutSeed) => {
        // The append boundary falls anywhere: late-recorded events, back-dated ones and retractions of
        // events before it land on either side.
        const cut = events.length === 0 ? 0 : cutSeed % (events.length + 1);
        const source = sourceOf(events);
        const bulk = buildIndex(events);
        const oneByOne = new ProjectionIndex();
        for (const e of events) oneByOne.add(e);
        const reopened = reopenLazily(buildIndex(events), source);
        const decodedWhole = reopen(buildIndex(events), source);
        const released = buildIndex(events).release(source);
        // A first build that holds no events (the CLI's), and that index persisted and reopened.
        const heldNone = ProjectionIndex.holdingNoEvents(source).addAll(events);
        const heldNoneReopened = reopenLazily(heldNone, source);
        // Indexed up to the cut, persisted, reopened by a later run, then the ledger grew.
        const extended = reopenLazily(buildIndex(events.slice(0, cut)), source);
        for (const e of events.slice(cut)) extended.add(e);
        // ... and persisted again after the extension, and reopened once more.
        const again = reopenLazily(extended, source);
        for (const qp of queries) {
          const q = queryOf(qp as QueryPoint);
          const expected = snapshot(bulk, q);
          assertSameResult(snapshot(oneByOne, q), expected, "event by event");
          assertSameResult(snapshot(reopened, q), expected, "reopened (read lazily)");
          assertSameResult(snapshot(decodedWhole, q), expected, "reopened (decoded whole)");
          assertSameResult(snapshot(released, q), expected, "released");
          assertSameResult(snapshot(heldNone, q), expected, "held no events while fed");
          assertSameResult(snapshot(heldNoneReopened, q), expected, "held no events, persisted, reopened");
          assertSameResult(snapshot(extended, q), expected, `extended after ${cut} of ${events.length}`);
          assertSameResult(snapshot(again, q), expected, "extended, persisted, reopened");
        }
        expect(reopened.holdsEvents || events.length === 0).toBe(events.length === 0);
        expect(reopened.size).toBe(bulk.size);
      }),
      params,
    );
  });

  it("the audits read a released index's events back from the source: explain gives the same events", () => {
    fc.assert(
      fc.property(historyAndQueriesArb, ([events, queries]) => {
        const source = sourceOf(events);
        const held = buildIndex(events);
        const reopened = reopenLazily(buildIndex(events), source);
        const q = queryOf(queries[0] as QueryPoint);
        const a = explain(held, "coops.active", q);
        const b = explain(reopened, "coops.active", q);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  });

  it("law: a released index writes the image it wrote before, byte for byte (its folds packed once at the release and written as they are)", () => {
    fc.assert(
      fc.property(historyArb, fc.boolean(), fc.nat(), (events, heldNone, cutSeed) => {
        const source = sourceOf(events);
        const same = (a: Uint8Array, b: Uint8Array, what: string) =>
          expect(Buffer.from(a).equals(Buffer.from(b)), what).toBe(true);
        // The CLI's first build (folds decoded while fed) and a build holding every event (hot streams).
        const cut = cutSeed % (events.length + 1);
        const index = heldNone ? ProjectionIndex.holdingNoEvents(source) : new ProjectionIndex();
        index.addAll(events.slice(0, cut));
        const before = bytesOf(index);
        same(bytesOf(index.release(source)), before, "released");
        // Released twice: the streams packed already stay as they are.
        same(bytesOf(index.release(source)), before, "released again");
      }),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 2)) },
    );
  });

  it("damaged bytes are refused, never read: any flipped byte or truncation is a Left", () => {
    const events = fc.sample(historyAndQueriesArb, { numRuns: 1, seed: 7 })[0]?.[0] ?? [];
    const bytes = new Uint8Array(Buffer.concat(encodeIndexImage(buildIndex(events).toImage(), null)));
    expect(E.isRight(decodeIndexImage(bytes))).toBe(true);
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const damaged = bytes.slice();
        const k = i % damaged.length;
        damaged[k] = (damaged[k] as number) ^ x;
        expect(E.isLeft(decodeIndexImage(damaged))).toBe(true);
        expect(E.isLeft(decodeIndexImage(bytes.subarray(0, k)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
