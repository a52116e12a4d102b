import type { ProvenanceSink } from "../audit/stream-provenance.js";
import type { DeltaSink } from "./column-layout.js";
import { type FeedBatch, OP } from "./feed-log.js";
import type { FeedTap } from "./stream-entry.js";

/**
 * The tap a merge replays into: a `FeedTap` (the `ProvenanceTap`) that also takes a restated event's
 * entries one by one (`entry`: for the stream of the event last told), as its `restated` makes them.
 * @example const t: Pick<ReplayTap, "entry"> = { entry: () => undefined }; t.entry(0, 1, "c", 0, 5, 0)
 */
export interface ReplayTap extends FeedTap {
  readonly entry: ProvenanceSink;
}

interface Part {
  readonly strings: string[];
  readonly queue: Float64Array[];
  /** Where the next group starts in `queue[0]`. */
  at: number;
  ended: boolean;
}

/**
 * Merges the feed logs of partitions of the streams (`FeedRecorder`'s batches, each partition's in its
 * order) in the global position order of the events that made them, and replays each call into the
 * real layout and tap: as every call is made while one event is fed, and streams do not share state,
 * the calls come out in the order, and with the arguments, of the sequential feed (the `.idx` and
 * `.prov` bytes are the same: feed-merge.prop.test.ts). A group is replayed as soon as every partition
 * still running has one waiting (its position is then the lowest there can be); pure, no threads.
 * @example
 * const pushed: number[] = [];
 * const tap = { event: () => {}, delta: () => {}, restated: () => {}, dirty: () => {}, entry: () => {} };
 * const merge = new FeedMerge(2, { push: (_k, _c, _d, amount) => void pushed.push(amount) }, tap);
 * merge.add(1, { ops: Float64Array.of(0, 3, 1, 1, 0, 19000, 30, 0), strings: ["x"] });
 * merge.add(0, { ops: Float64Array.of(0, 2, 1, 1, 0, 19000, 20, 0), strings: ["x"] });
 * merge.end(0);
 * merge.end(1);
 * merge.drain();
 * console.log(pushed); // [20, 30]
 */
export class FeedMerge {
  private readonly parts: Part[] = [];

  constructor(
    count: number,
    private readonly layout: DeltaSink,
    private readonly tap: ReplayTap,
  ) {
    for (let i = 0; i < count; i++) this.parts.push({ strings: [], queue: [], at: 0, ended: false });
  }

  /** A partition's next batch (its strings take the next local ids). */
  add(part: number, batch: FeedBatch): void {
    const p = this.parts[part] as Part;
    for (const s of batch.strings) p.strings.push(s);
    if (batch.ops.length > 0) p.queue.push(batch.ops);
  }

  /** A partition has handed over its last batch. */
  end(part: number): void {
    (this.parts[part] as Part).ended = true;
  }

  /** Whether every partition ended and every group was replayed. */
  get done(): boolean {
    return this.parts.every((p) => p.ended && p.queue.length === 0);
  }

  /** Replays every group whose turn is known (call after each batch, and after the last `end`). */
  drain(): void {
    const parts = this.parts;
    for (;;) {
      let best: Part | undefined;
      let bestAt = Number.POSITIVE_INFINITY;
      for (const p of parts) {
        const head = p.queue[0];
        if (head === undefined) {
          if (p.ended) continue;
          return; // its next group may come first
        }
        const position = head[p.at + 1] as number;
        if (position < bestAt) {
          bestAt = position;
          best = p;
        }
      }
      if (best === undefined) return;
      this.replayGroup(best);
    }
  }

  private replayGroup(p: Part): void {
    const ops = p.queue[0] as Float64Array;
    const s = p.strings;
    const layout = this.layout;
    const tap = this.tap;
    let k = p.at + 2;
    while (k < ops.length) {
      const code = ops[k] as number;
      if (code === OP.event) break;
      if (code === OP.dirty) {
        tap.dirty(s[ops[k + 1] as number] as string);
        k += 2;
        continue;
      }
      if (code === OP.tapEntry) {
        const cell = s[ops[k + 3] as number] as string;
        tap.entry(
          ops[k + 1] as number,
          ops[k + 2] as number,
          cell,
          ops[k + 4] as number,
          ops[k + 5] as number,
          ops[k + 6] as number,
        );
        k += 7;
        continue;
      }
      const a = ops[k + 1] as number;
      const b = ops[k + 2] as number;
      const c = ops[k + 3] as number;
      const d = ops[k + 4] as number;
      const e = ops[k + 5] as number;
      if (code === OP.tapEvent) tap.event(s[a] as string, b, c, d, s[e] as string);
      else {
        const cell = s[b] as string;
        if (code !== OP.tapDelta) layout.push(a, cell, c, d, e);
        if (code !== OP.push) tap.delta(a, cell, c, d, e);
      }
      k += 6;
    }
    if (k >= ops.length) {
      p.queue.shift();
      p.at = 0;
    } else p.at = k;
  }
}
