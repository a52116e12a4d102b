import { DAY_MS } from "@coop-ledger/domain";

/**
 * A queue of items keyed by a recording instant (ms), bucketed by day: pushing is O(1), and a day's
 * bucket is sorted (by instant, then insertion order) only when it is emitted. The generator emits in
 * whole days (at month boundaries), so this beats a binary heap on a million events, and the items
 * waiting are only those not yet due.
 *
 * @example
 * const q = new DayQueue<string>();
 * q.push(2 * 86_400_000, "b"); q.push(1, "a");
 * [...q.popBeforeDay(3)]; // ["a", "b"]
 */
export class DayQueue<A> {
  private readonly buckets = new Map<number, Array<{ ms: number; seq: number; item: A }>>();
  private cursor = Number.POSITIVE_INFINITY;
  private seq = 0;
  private count = 0;

  /** How many items wait. */
  get size(): number {
    return this.count;
  }

  /** Adds an item due at `ms` (never before a day already emitted). */
  push(ms: number, item: A): void {
    const day = Math.floor(ms / DAY_MS);
    if (day < this.cursor) this.cursor = day;
    let b = this.buckets.get(day);
    if (b === undefined) {
      b = [];
      this.buckets.set(day, b);
    }
    b.push({ ms, seq: this.seq++, item });
    this.count++;
  }

  /** Emits, in order, every item due on a day before `day`. */
  *popBeforeDay(day: number): Generator<A, void, undefined> {
    if (this.count === 0) return;
    const end = Number.isFinite(day) ? day : Math.max(...this.buckets.keys()) + 1;
    for (; this.cursor < end; this.cursor++) {
      const b = this.buckets.get(this.cursor);
      if (b === undefined) continue;
      this.buckets.delete(this.cursor);
      b.sort((x, y) => x.ms - y.ms || x.seq - y.seq);
      this.count -= b.length;
      for (const x of b) yield x.item;
      if (this.count === 0) {
        this.cursor = Number.POSITIVE_INFINITY;
        return;
      }
    }
  }
}
