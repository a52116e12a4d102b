/**
 * What a strict range check keeps of the ledger's sequences (revisions per stream, append grouping) so
 * that the joining thread works per stream met, not per line: the checker checks each stream's
 * revisions and each append's `batchRemaining` inside the range itself, and hands back, per stream
 * met, its first line in the range (where the ledger-wide revision is checked when the ranges are
 * joined) and its last revision, and the append grouping at the range's two ends. A per-line column
 * of streams, revisions, grouping and positions joined on the calling thread cost that thread
 * ~0.3–0.4 s of CPU at national scale (1.3 M lines), and the columns' memory a worker ~0.1–0.2 µs a line.
 *
 * Self-contained (no reference outside its body, only built-ins): the worker program defines it from
 * its source text and hands it to the checker in its deps (`RangeDeps.sequences`, see `chain-pool.ts`).
 */

/**
 * A range's sequence summary, made once a checker (its per-stream state is indexed by the checker's
 * stream table, kept across ranges). `reset()` starts a range; per line, `stream(s, j, rev, at)` gives
 * the revision line `j` of stream `s` must have (the stream's previous one in the range plus one), or
 * −1 when the stream is first met in the range (recorded); `batch(j, br, at)` the `batchRemaining` line
 * `j` must have (the previous line's less one, inside an append), or −1 when any is right here (the
 * range's first line: the joining thread checks it). `done()` gives the streams met, in the order
 * first met (`streams`: table indices), and four numbers each (`seen`): the line (0-based) and byte
 * offset where the range first met it, that line's revision, and its last revision in the range.
 * @example
 * const q = rangeSequences();
 * q.reset();
 * console.log(q.stream(4, 0, 0, 100), q.batch(0, 1, 100)); // -1 -1 (first met; first line)
 * console.log(q.stream(4, 1, 1, 200), q.batch(1, 0, 200)); // 1 0 (one more revision; the append's last line)
 * console.log(q.stream(9, 2, 3, 300), q.batch(2, 0, 300), q.batchLine, q.batchAt); // -1 -1 2 300
 * const { streams, seen } = q.done();
 * console.log(Array.from(streams), Array.from(seen)); // [4, 9] [0, 100, 0, 1, 2, 300, 3, 3]
 */
export interface RangeSequences {
  reset(): void;
  stream(s: number, j: number, rev: number, at: number): number;
  batch(j: number, br: number, at: number): number;
  done(): { readonly streams: Int32Array; readonly seen: Float64Array };
  /** The first line's `batchRemaining` (−1 before it is read). */
  readonly firstBatch: number;
  /** The last line's `batchRemaining` read. */
  readonly lastBatch: number;
  /** The last line after the first that starts an append (its previous line's `batchRemaining` 0), or −1; its byte offset. */
  readonly batchLine: number;
  readonly batchAt: number;
}

/**
 * A {@link RangeSequences} (see there).
 * @example rangeSequences().firstBatch // -1
 */
export const rangeSequences = (): RangeSequences => {
  // Per stream of the table: its last revision in the range, and the number of the range that last met it.
  let last = new Float64Array(1024);
  let met = new Int32Array(1024);
  let range = 0;
  let streams = new Int32Array(1024);
  let seen = new Float64Array(4 * 1024);
  let count = 0;
  const q = {
    firstBatch: -1,
    lastBatch: -1,
    batchLine: -1,
    batchAt: -1,
    reset(): void {
      range++;
      count = 0;
      q.firstBatch = -1;
      q.lastBatch = -1;
      q.batchLine = -1;
      q.batchAt = -1;
    },
    stream(s: number, j: number, rev: number, at: number): number {
      if (s >= met.length) {
        const m = new Int32Array(Math.max(2 * met.length, s + 1));
        m.set(met);
        met = m;
        const l = new Float64Array(m.length);
        l.set(last);
        last = l;
      }
      if (met[s] === range) {
        const expected = last[s]! + 1;
        last[s] = rev;
        return expected;
      }
      met[s] = range;
      last[s] = rev;
      if (count === streams.length) {
        const t = new Int32Array(2 * count);
        t.set(streams);
        streams = t;
        const g = new Float64Array(8 * count);
        g.set(seen);
        seen = g;
      }
      streams[count] = s;
      const x = 4 * count++;
      seen[x] = j;
      seen[x + 1] = at;
      seen[x + 2] = rev;
      return -1;
    },
    batch(j: number, br: number, at: number): number {
      const before = q.lastBatch;
      q.lastBatch = br;
      if (j === 0) {
        q.firstBatch = br;
        return -1;
      }
      if (before > 0) return before - 1;
      q.batchLine = j;
      q.batchAt = at;
      return -1;
    },
    done(): { readonly streams: Int32Array; readonly seen: Float64Array } {
      for (let k = 0; k < count; k++) seen[4 * k + 3] = last[streams[k]!]!;
      // Copies: the buffers are kept for the next range, and a worker thread transfers these.
      return { streams: streams.slice(0, count), seen: seen.slice(0, 4 * count) };
    },
  };
  return q;
};
