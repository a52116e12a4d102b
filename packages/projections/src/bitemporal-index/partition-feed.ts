import type { RecordedEvent } from "@coop-ledger/domain";
import { initialStreamState } from "../model/stream-state.js";
import type { DeltaSink } from "./column-layout.js";
import { type FeedBatch, FeedRecorder } from "./feed-log.js";
import { type EventSource, NO_DELTAS, type StreamEntry } from "./stream-entry.js";
import { StreamFeed } from "./stream-feed.js";

/**
 * What a partition's feed holds at its end, as plain data a worker thread posts: its streams (released:
 * each one's encoded fold, positions, highest revision and recording instant, in the order first fed),
 * its event count and latest recording instant.
 * @example const end: PartitionEnd = { events: 0, latest: -Infinity, ids: [], folds: [], starts: [0], positions: [], maxRecorded: [], maxRevision: [] };
 */
export interface PartitionEnd {
  readonly events: number;
  readonly latest: number;
  readonly ids: ReadonlyArray<string>;
  readonly folds: ReadonlyArray<string>;
  /** Where each stream's positions start in `positions` (one more than the streams). */
  readonly starts: ReadonlyArray<number>;
  readonly positions: ReadonlyArray<number>;
  readonly maxRecorded: ReadonlyArray<number>;
  readonly maxRevision: ReadonlyArray<number>;
}

/**
 * One partition of a first build's streams, fed as `ProjectionIndex.holdingNoEvents` feeds them, its
 * deltas and provenance calls recorded in {@link FeedBatch}es (`FeedRecorder`) for the main thread's
 * `FeedMerge`. A worker thread feeds one; so do the tests, in-thread.
 * @example
 * const batches: FeedBatch[] = [];
 * const part = new PartitionFeed({ eventsAt: () => [] }, (b) => batches.push(b));
 * console.log(part.finish().events); // 0
 */
export class PartitionFeed {
  private readonly recorder: FeedRecorder;
  private readonly feed: StreamFeed;

  constructor(
    private readonly source: EventSource,
    out: (batch: FeedBatch) => void,
    batchOps?: number,
  ) {
    this.recorder = new FeedRecorder(out, batchOps);
    this.feed = new StreamFeed(this.recorder);
    this.feed.holdNoEvents(source, this.recorder);
  }

  /** Feeds one event of this partition's streams. */
  add(event: RecordedEvent): void {
    this.recorder.begin(event.position);
    this.feed.add(event);
  }

  /** Hands over the last batch and releases the streams: what the main thread adopts. */
  finish(): PartitionEnd {
    this.recorder.flush();
    this.feed.release(this.source);
    const ids: string[] = [];
    const folds: string[] = [];
    const starts = [0];
    const positions: number[] = [];
    const maxRecorded: number[] = [];
    const maxRevision: number[] = [];
    for (const [id, e] of this.feed.streams) {
      ids.push(id);
      folds.push(this.feed.foldText(e) ?? "");
      for (const p of e.positions) positions.push(p);
      starts.push(positions.length);
      maxRecorded.push(e.maxRecorded);
      maxRevision.push(e.maxRevision);
    }
    return {
      events: this.feed.eventCount,
      latest: this.feed.latest,
      ids,
      folds,
      starts,
      positions,
      maxRecorded,
      maxRevision,
    };
  }
}

/**
 * What a first build fed in partitions (`PartitionFeed`s, on worker threads) needs of the index it
 * assembles: the layout that `FeedMerge` replays their deltas into, and `adopt`, which takes their
 * released streams (in the order first fed over the whole ledger), event counts and latest instants.
 * @example const a: FeedAssembly = { layout: { push: () => undefined }, adopt: () => undefined }; a.adopt([])
 */
export interface FeedAssembly {
  readonly layout: DeltaSink;
  readonly adopt: (ends: ReadonlyArray<PartitionEnd>) => void;
}

/**
 * Gives a feed the partitions' streams as released entries, in the order first fed over the whole
 * ledger (by each stream's first position: what the sequential feed's map holds after `release`), their
 * event count and latest recording instant.
 * @example
 * // (through the index's assembly, which adopts into its feed)
 * const index = ProjectionIndex.holdingNoEvents({ eventsAt: () => [] });
 * const end = { events: 1, latest: 5, ids: ["s"], folds: [""], starts: [0, 1], positions: [0], maxRecorded: [5], maxRevision: [0] };
 * index.assembly().adopt([end]);
 * console.log(index.size, [...index.streamIds()]); // 1 ["s"]
 */
export const adoptPartitions = (feed: StreamFeed, ends: ReadonlyArray<PartitionEnd>): void => {
  const all: Array<{ first: number; id: string; entry: StreamEntry }> = [];
  for (const end of ends) {
    feed.eventCount += end.events;
    if (end.latest > feed.latest) feed.latest = end.latest;
    for (let i = 0; i < end.ids.length; i++) {
      const positions = end.positions.slice(end.starts[i] as number, end.starts[i + 1] as number);
      all.push({
        first: positions[0] as number,
        id: end.ids[i] as string,
        entry: {
          events: [],
          positions,
          unread: 0,
          hot: false,
          live: [],
          tail: NO_DELTAS,
          maxRecorded: end.maxRecorded[i] as number,
          maxRevision: end.maxRevision[i] as number,
          state: initialStreamState(),
          fold: undefined,
          packed: end.folds[i] as string,
          packedIn: undefined,
          packedAt: -1,
          imageAt: -1,
        },
      });
    }
  }
  all.sort((a, b) => a.first - b.first);
  for (const s of all) feed.streams.set(s.id, s.entry);
};
