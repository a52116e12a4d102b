import type { RecordedEvent } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProvenanceTap } from "../audit/provenance-tap.js";
import { encodeIndexImage } from "../persist/image-codec.js";
import { historyArb } from "../test-support/arbitraries.js";
import { byPosition } from "../test-support/by-position.js";
import type { FeedBatch } from "./feed-log.js";
import { FeedMerge } from "./feed-merge.js";
import { type PartitionEnd, PartitionFeed } from "./partition-feed.js";
import { ProjectionIndex } from "./projection-index.js";

const RUNS = Number(process.env.FEED_MERGE_LAW_RUNS ?? 60);

const bytes = (chunks: Uint8Array[]) => Buffer.concat(chunks);

/** The `.idx` and `.prov` bytes of an index fed holding no events and its tapped table (the CLI's build). */
const persisted = (index: ProjectionIndex, tap: ProvenanceTap, events: ReadonlyArray<RecordedEvent>) => {
  const table = tap.table((id) => index.streamEvents(id));
  index.release({ eventsAt: byPosition(events) });
  return {
    idx: bytes(encodeIndexImage(index.toImage(), { ledger: "l" })),
    prov: bytes(encodeIndexImage(table.toImage(), { types: table.types })),
  };
};

const sequential = (events: ReadonlyArray<RecordedEvent>) => {
  const tap = new ProvenanceTap(events.length);
  const index = ProjectionIndex.holdingNoEvents({ eventsAt: byPosition(events) }, { tap });
  for (const e of events) index.add(e);
  return persisted(index, tap, events);
};

/**
 * Fed in `parts` partitions (a stream's by a hash of its id), each in-thread, in small batches; the
 * batches handed to the merge in the order `turns` picks (a partition may run far ahead of another).
 */
const partitioned = (
  events: ReadonlyArray<RecordedEvent>,
  parts: number,
  batchOps: number,
  turns: ReadonlyArray<number>,
) => {
  const eventsAt = byPosition(events);
  const tap = new ProvenanceTap(events.length);
  const index = ProjectionIndex.holdingNoEvents({ eventsAt }, { tap });
  const { layout, adopt } = index.assembly();
  const logs: FeedBatch[][] = [];
  const ends: PartitionEnd[] = [];
  const owner = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % parts;
  for (let w = 0; w < parts; w++) {
    const log: FeedBatch[] = [];
    logs.push(log);
    const feed = new PartitionFeed({ eventsAt }, (b) => log.push(b), batchOps);
    for (const e of events) if (owner(e.streamId) === w) feed.add(e);
    ends.push(feed.finish());
  }
  const merge = new FeedMerge(parts, layout, tap);
  let t = 0;
  while (logs.some((l) => l.length > 0)) {
    const w = (turns[t++ % Math.max(1, turns.length)] ?? 0) % parts;
    const batch = logs[w]?.shift();
    if (batch !== undefined) merge.add(w, batch);
    if (logs[w]?.length === 0) merge.end(w);
    merge.drain();
    if (batch === undefined) {
      // that partition is done: hand over the next one's batch instead
      const next = logs.findIndex((l) => l.length > 0);
      if (next >= 0) {
        merge.add(next, logs[next]?.shift() as FeedBatch);
        if (logs[next]?.length === 0) merge.end(next);
        merge.drain();
      }
    }
  }
  for (let w = 0; w < parts; w++) merge.end(w);
  merge.drain();
  expect(merge.done).toBe(true);
  adopt(ends);
  return persisted(index, tap, events);
};

describe("a first build fed in partitions of the streams and merged (issue #12)", () => {
  it("law: the .idx and .prov bytes are those of the sequential build", () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.nat(7), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (history, parts, batchOps, turns, redelivered) => {
          // Some events delivered again later (at-least-once): their streams are dirty (`FeedTap.dirty`).
          const events = [
            ...history,
            ...redelivered.map((i, k) => ({
              ...(history[i % history.length] as RecordedEvent),
              position: history.length + k,
            })),
          ];
          const want = sequential(events);
          const got = partitioned(events, parts, batchOps, turns);
          expect(got.idx.equals(want.idx)).toBe(true);
          expect(got.prov.equals(want.prov)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
