import { provenanceChange } from "../audit/stream-provenance.js";
import type { TimedEvent } from "../model/live-events.js";
import type { DeltaSink } from "./column-layout.js";
import type { FeedTap } from "./stream-entry.js";

/**
 * One batch of a partition's feed log (see {@link FeedRecorder}): the calls its feed made, as numbers,
 * grouped by the global position of the event being fed (each group opens with `OP.event`), and the
 * strings (cells, stream ids, event types) first used in this batch, which take the next worker-local
 * ids in order. Typed, so that a worker thread transfers it rather than cloning it.
 * @example const batch: FeedBatch = { ops: new Float64Array(0), strings: [] }; batch.ops.length // 0
 */
export interface FeedBatch {
  readonly ops: Float64Array;
  readonly strings: ReadonlyArray<string>;
}

/**
 * The operation codes of a feed log, each followed by its arguments (string arguments as local ids):
 * `event` position (a group starts); `push` key cell day amount rec (to the layout); `pushTapped` (the
 * same, then to the tap's `delta`); `tapDelta` (to the tap only); `tapEvent` stream position recordedMs
 * day type; `tapEntry` position key cell day amount rec (an entry of a restated event); `dirty` stream.
 * @example OP.push // 1
 */
export const OP = {
  event: 0,
  push: 1,
  pushTapped: 2,
  tapDelta: 3,
  tapEvent: 4,
  tapEntry: 5,
  dirty: 6,
} as const;

/** Numbers a batch holds before it is handed over (at an event's start: groups never span batches). */
const BATCH_OPS = 1 << 16;

/**
 * Records what a partition's `StreamFeed` pushes out (its layout's deltas and its provenance tap's
 * calls) into {@link FeedBatch}es, each call in the group of the event being fed ({@link begin}): the
 * main thread replays the partitions' logs in position order (`FeedMerge`) into the real layout and
 * tap, and so makes the calls the sequential feed would have made, in its order. A restated event's
 * provenance (`restated`, whose arguments are live lists) is folded here and recorded as its entries.
 * @example
 * const batches: FeedBatch[] = [];
 * const log = new FeedRecorder((b) => batches.push(b));
 * log.begin(7);
 * log.push(1, "cell", 19000, 5, 0);
 * log.flush();
 * console.log(batches.length, batches[0]?.strings); // 1 ["cell"]
 */
export class FeedRecorder implements DeltaSink, FeedTap {
  private ops: Float64Array;
  private n = 0;
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];
  private position = 0;
  private opened = false;
  /** Where the last `push` starts (its code flipped to `pushTapped` when the tap's delta follows). */
  private lastPush = -1;

  /** `batchOps`: the numbers a batch holds before it is handed over (small in tests, to make many). */
  constructor(
    private readonly out: (batch: FeedBatch) => void,
    private readonly batchOps = BATCH_OPS,
  ) {
    this.ops = new Float64Array(batchOps + 64);
  }

  /** The event at `position` is fed next: what follows is its group. */
  begin(position: number): void {
    if (this.n >= this.batchOps) this.flush();
    this.position = position;
    this.opened = false;
    this.lastPush = -1;
  }

  /** Hands over what is recorded (also at the end). */
  flush(): void {
    if (this.n === 0 && this.fresh.length === 0) return;
    this.out({ ops: this.ops.slice(0, this.n), strings: this.fresh });
    this.n = 0;
    this.fresh = [];
    this.opened = false;
    this.lastPush = -1;
  }

  private id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(s, i);
      this.fresh.push(s);
    }
    return i;
  }

  /** Room for `k` numbers (and the group's start); the buffer grows within a group. */
  private room(k: number): void {
    if (this.n + k + 2 > this.ops.length) {
      const grown = new Float64Array(this.ops.length * 2 + k);
      grown.set(this.ops.subarray(0, this.n));
      this.ops = grown;
    }
    if (!this.opened) {
      this.ops[this.n++] = OP.event;
      this.ops[this.n++] = this.position;
      this.opened = true;
    }
  }

  private six(code: number, a: number, b: number, c: number, d: number, e: number): void {
    const o = this.ops;
    const n = this.n;
    o[n] = code;
    o[n + 1] = a;
    o[n + 2] = b;
    o[n + 3] = c;
    o[n + 4] = d;
    o[n + 5] = e;
    this.n = n + 6;
  }

  readonly push = (key: number, cell: string, day: number, amount: number, rec: number): void => {
    this.room(6);
    this.lastPush = this.n;
    this.six(OP.push, key, this.id(cell), day, amount, rec);
  };

  readonly delta = (key: number, cell: string, day: number, amount: number, rec: number): void => {
    const o = this.ops;
    const p = this.lastPush;
    // The tee's second half: the same call as the push just recorded (one record, flagged).
    if (
      p >= 0 &&
      p === this.n - 6 &&
      o[p + 1] === key &&
      o[p + 2] === this.ids.get(cell) &&
      o[p + 3] === day &&
      o[p + 4] === amount &&
      o[p + 5] === rec
    ) {
      o[p] = OP.pushTapped;
      this.lastPush = -1;
      return;
    }
    this.room(6);
    this.six(OP.tapDelta, key, this.id(cell), day, amount, rec);
  };

  readonly event = (streamId: string, position: number, recordedMs: number, day: number, type: string) => {
    this.room(6);
    this.six(OP.tapEvent, this.id(streamId), position, recordedMs, day, this.id(type));
  };

  readonly restated = (
    streamId: string,
    event: TimedEvent,
    before: ReadonlyArray<TimedEvent>,
    after: ReadonlyArray<TimedEvent>,
  ): void => {
    const r = event.recorded;
    this.event(streamId, r.position, event.recordedMs, event.day, r.event.type);
    provenanceChange(before, after, event.recordedMs, (p, key, cell, day, amount, rec) => {
      this.room(7);
      this.ops[this.n++] = OP.tapEntry;
      this.six(p, key, this.id(cell), day, amount, rec);
    });
  };

  readonly dirty = (streamId: string): void => {
    this.room(2);
    this.ops[this.n++] = OP.dirty;
    this.ops[this.n++] = this.id(streamId);
  };
}
