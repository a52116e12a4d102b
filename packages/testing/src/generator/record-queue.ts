/**
 * A binary min-heap of items keyed by a recording instant (ms) with an insertion sequence as the tie
 * break, so equal instants leave in the order they were made (deterministic output). The generator
 * holds here only the events made but not yet due, never the whole dataset.
 *
 * @example
 * const q = new RecordQueue<string>();
 * q.push(2, "b"); q.push(1, "a");
 * q.popUntil(5); // ["a", "b"]
 */
export class RecordQueue<A> {
  private readonly keys: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: A[] = [];
  private seq = 0;

  /** How many items wait. */
  get size(): number {
    return this.items.length;
  }

  /** Adds an item due at `ms`. */
  push(ms: number, item: A): void {
    const s = this.seq++;
    let i = this.items.length;
    this.keys.push(ms);
    this.seqs.push(s);
    this.items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(ms, s, this.keys[p] as number, this.seqs[p] as number)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, ms, s, item);
  }

  /** The earliest due instant, or `Infinity` when empty. */
  peekKey(): number {
    return this.items.length === 0 ? Number.POSITIVE_INFINITY : (this.keys[0] as number);
  }

  /** Removes and returns the earliest item. Call only when not empty. */
  pop(): A {
    const top = this.items[0] as A;
    const lastKey = this.keys.pop() as number;
    const lastSeq = this.seqs.pop() as number;
    const lastItem = this.items.pop() as A;
    const n = this.items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c =
          r < n &&
          this.less(
            this.keys[r] as number,
            this.seqs[r] as number,
            this.keys[l] as number,
            this.seqs[l] as number,
          )
            ? r
            : l;
        if (!this.less(this.keys[c] as number, this.seqs[c] as number, lastKey, lastSeq)) break;
        this.move(c, i);
        i = c;
      }
      this.set(i, lastKey, lastSeq, lastItem);
    }
    return top;
  }

  /** Removes and returns, in order, every item due strictly before `ms`. */
  popUntil(ms: number): A[] {
    const out: A[] = [];
    while (this.items.length > 0 && (this.keys[0] as number) < ms) out.push(this.pop());
    return out;
  }

  private less(k1: number, s1: number, k2: number, s2: number): boolean {
    return k1 < k2 || (k1 === k2 && s1 < s2);
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.items[to] = this.items[from] as A;
  }

  private set(i: number, k: number, s: number, item: A): void {
    this.keys[i] = k;
    this.seqs[i] = s;
    this.items[i] = item;
  }
}
