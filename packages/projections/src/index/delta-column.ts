/** Leaf block size of the dominance tree: blocks this small are scanned rather than searched. */
const BLOCK = 32;

/** Index of the first element of `a[0..n)` greater than `x` (a must be sorted ascending). */
const upperBound = (a: ArrayLike<number>, n: number, x: number, from = 0): number => {
  let lo = from;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * The deltas of one series in one cell: (valid day, recorded instant, amount) triples appended as the
 * index learns them, answering "sum of amounts with day ≤ D and recorded ≤ T".
 *
 * - Common case (T at or after everything recorded in the column): the deltas sorted by day with prefix
 *   sums; a query is one binary search, O(log n).
 * - General case: a merge-sort tree over the day-sorted order whose nodes hold their deltas sorted by
 *   recorded instant with prefix sums (2-D dominance counting); a query is O(log² n), built lazily in
 *   O(n log n) the first time an earlier knowledge instant is asked.
 * Both are rebuilt lazily after new deltas arrive (O(n log n)), so feeding stays O(1) per delta.
 *
 * @example const c = new DeltaColumn(); c.push(dayOf("2020-01-01"), 0, 1); c.sumAt(dayOf("2021-01-01"), Infinity) // 1
 */
export class DeltaColumn {
  // Plain arrays while appending: growing many typed arrays (external memory) made V8 run full
  // collections over and over at a million events; the query structures are typed arrays.
  private readonly days: number[] = [];
  private readonly recs: number[] = [];
  private readonly amounts: number[] = [];
  private n = 0;
  private maxRec = Number.NEGATIVE_INFINITY;
  private sortedDays: Int32Array | undefined;
  private prefix: Float64Array | undefined;
  private order: Uint32Array | undefined;
  private tree: { recs: Float64Array[]; sums: Float64Array[] } | undefined;

  /** Number of deltas held. */
  get size(): number {
    return this.n;
  }

  /**
   * The columns this one rolls up into (a full-detail cell's province-level and whole-ledger columns),
   * fed lazily by {@link flushRollup}; set by the index.
   */
  rollups: ReadonlyArray<DeltaColumn> | undefined = undefined;
  private flushed = 0;

  /** Number of deltas not yet appended to the roll-up columns (−1 when it rolls up into none). */
  get pendingRollup(): number {
    return this.rollups === undefined ? -1 : this.n - this.flushed;
  }

  /** Appends the deltas the roll-up columns have not received yet. */
  flushRollup(): void {
    for (const target of this.rollups ?? []) {
      for (let i = this.flushed; i < this.n; i++)
        target.push(this.days[i] as number, this.recs[i] as number, this.amounts[i] as number);
    }
    this.flushed = this.n;
  }

  /** Appends a delta. */
  push(day: number, rec: number, amount: number): void {
    this.days.push(day);
    this.recs.push(rec);
    this.amounts.push(amount);
    this.n++;
    if (rec > this.maxRec) this.maxRec = rec;
    this.sortedDays = undefined;
    this.tree = undefined;
  }

  private ensureSorted(): void {
    if (this.sortedDays !== undefined) return;
    const n = this.n;
    const days = this.days;
    const order = new Uint32Array(n);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const d = days[i] as number;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    const range = hi - lo + 1;
    if (range <= 4 * n + 65_536) {
      // Days are whole numbers over a few decades: a counting sort (stable, so ties keep arrival
      // order) is linear, where a comparator sort of the long roll-up columns took seconds.
      const counts = new Uint32Array(range + 1);
      for (let i = 0; i < n; i++) {
        const k = (days[i] as number) - lo + 1;
        counts[k] = (counts[k] as number) + 1;
      }
      for (let k = 1; k <= range; k++) counts[k] = (counts[k] as number) + (counts[k - 1] as number);
      for (let i = 0; i < n; i++) {
        const k = (days[i] as number) - lo;
        const at = counts[k] as number;
        order[at] = i;
        counts[k] = at + 1;
      }
    } else {
      for (let i = 0; i < n; i++) order[i] = i;
      // Deltas mostly arrive in day order within a stream but interleave across streams: a full sort.
      order.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
    }
    const sortedDays = new Int32Array(n);
    const prefix = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const j = order[i] as number;
      sortedDays[i] = days[j] as number;
      acc += this.amounts[j] as number;
      prefix[i] = acc;
    }
    this.order = order;
    this.sortedDays = sortedDays;
    this.prefix = prefix;
  }

  private ensureTree(): { recs: Float64Array[]; sums: Float64Array[] } {
    if (this.tree !== undefined) return this.tree;
    this.ensureSorted();
    const n = this.n;
    const order = this.order as Uint32Array;
    const recs: Float64Array[] = [];
    const sums: Float64Array[] = [];
    // Level l holds blocks of BLOCK * 2^l consecutive (day-sorted) deltas, each block sorted by recorded
    // instant with running sums of amounts inside the block. Level 0 sorts its small blocks; each
    // higher level merges the two halves of the level below (a merge-sort tree): O(n) per level instead
    // of a comparator sort per block, which made the first early-`knownAt` query take tens of seconds
    // at a million events.
    const dr = this.recs;
    let below: Uint32Array | undefined;
    for (let size = BLOCK; size <= n; size *= 2) {
      const r = new Float64Array(n);
      const s = new Float64Array(n);
      const idx = new Uint32Array(n);
      for (let start = 0; start < n; start += size) {
        const end = Math.min(n, start + size);
        if (below === undefined) {
          for (let i = start; i < end; i++) idx[i] = order[i] as number;
          idx.subarray(start, end).sort((a, b) => (dr[a] as number) - (dr[b] as number));
        } else {
          const mid = Math.min(end, start + size / 2);
          let i = start;
          let j = mid;
          let o = start;
          while (i < mid && j < end) {
            const x = below[i] as number;
            const y = below[j] as number;
            if ((dr[x] as number) <= (dr[y] as number)) {
              idx[o++] = x;
              i++;
            } else {
              idx[o++] = y;
              j++;
            }
          }
          while (i < mid) idx[o++] = below[i++] as number;
          while (j < end) idx[o++] = below[j++] as number;
        }
        let acc = 0;
        for (let i = start; i < end; i++) {
          const j = idx[i] as number;
          r[i] = dr[j] as number;
          acc += this.amounts[j] as number;
          s[i] = acc;
        }
      }
      below = idx;
      recs.push(r);
      sums.push(s);
    }
    this.tree = { recs, sums };
    return this.tree;
  }

  /** Sum of the amounts with day ≤ `day` and recorded ≤ `rec`. */
  sumAt(day: number, rec: number): number {
    if (this.n === 0) return 0;
    this.ensureSorted();
    const k = upperBound(this.sortedDays as Int32Array, this.n, day);
    if (k === 0) return 0;
    if (rec >= this.maxRec) return (this.prefix as Float64Array)[k - 1] as number;
    const tree = this.ensureTree();
    let pos = 0;
    let acc = 0;
    for (let level = tree.recs.length - 1; level >= 0; level--) {
      const size = BLOCK << level;
      if (pos + size <= k) {
        const r = tree.recs[level] as Float64Array;
        const end = upperBound(r, pos + size, rec, pos);
        if (end > pos) acc += (tree.sums[level] as Float64Array)[end - 1] as number;
        pos += size;
      }
    }
    const order = this.order as Uint32Array;
    for (let i = pos; i < k; i++) {
      const j = order[i] as number;
      if ((this.recs[j] as number) <= rec) acc += this.amounts[j] as number;
    }
    return acc;
  }

  /** The latest recorded instant among the deltas (−∞ when empty). */
  get latestRecorded(): number {
    return this.maxRec;
  }
}
