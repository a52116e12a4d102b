import { CHUNK_PLAN, ChunkedColumn, type ChunkPlan } from "./chunked-column.js";
import type { DeltaEntries } from "./column-segment.js";

/**
 * An append-only log of (column, valid day, recorded instant, amount): the index stages every delta
 * here while it is fed and sorts them into their columns when a query next reads it. The log is four
 * typed columns kept in chunks ({@link ChunkedColumn}; column ids and days 32-bit, the rest doubles: 24
 * bytes a delta, the segments store days as 32-bit too, so nothing is lost): appending never copies,
 * a bulk build of ten million deltas leaves no discarded half-size copies behind for the garbage
 * collector, and the deltas lie outside the heap it walks (a national first build stages them all).
 *
 * @example const log = new DeltaLog(); log.push(0, 18_000, 0, 1); log.size // 1
 */
export class DeltaLog {
  private readonly columns: ChunkedColumn<Int32Array>;
  private readonly days: ChunkedColumn<Int32Array>;
  private readonly recs: ChunkedColumn<Float64Array>;
  private readonly amounts: ChunkedColumn<Float64Array>;

  /** An empty log (`plan`: its chunk sizes, small in tests). */
  constructor(plan: ChunkPlan = CHUNK_PLAN) {
    const i32 = (n: number) => new Int32Array(n);
    const f64 = (n: number) => new Float64Array(n);
    this.columns = new ChunkedColumn(i32, plan);
    this.days = new ChunkedColumn(i32, plan);
    this.recs = new ChunkedColumn(f64, plan);
    this.amounts = new ChunkedColumn(f64, plan);
  }

  /** Number of deltas staged. */
  get size(): number {
    return this.columns.length;
  }

  /** Appends a delta. */
  push(column: number, day: number, rec: number, amount: number): void {
    this.columns.push(column);
    this.days.push(day);
    this.recs.push(rec);
    this.amounts.push(amount);
  }

  /**
   * Visits the staged deltas in the order staged, with their columns mapped through `columnOf`.
   * @example
   * const log = new DeltaLog();
   * log.push(0, 18_000, 1, 5);
   * log.push(2, 18_001, 2, 7);
   * log.entries([10, 11, 12]).each((column, _day, _rec, amount) => console.log(column, amount)); // prints 10 5, then 12 7
   */
  entries(columnOf: ReadonlyArray<number> | undefined): DeltaEntries {
    const n = this.size;
    // The four columns' chunks line up (the same plan, pushed together): chunk `c` of each holds the
    // same deltas, the last one up to `n`.
    const cols = this.columns.parts;
    const days = this.days.parts;
    const recs = this.recs.parts;
    const amounts = this.amounts.parts;
    const eachChunk = (
      visit: (c: Int32Array, d: Int32Array, r: Float64Array, a: Float64Array, k: number) => void,
    ) => {
      let o = 0;
      for (let c = 0; c < cols.length; c++) {
        const cc = cols[c] as Int32Array;
        const k = Math.min(cc.length, n - o);
        visit(cc, days[c] as Int32Array, recs[c] as Float64Array, amounts[c] as Float64Array, k);
        o += k;
      }
    };
    const to = (col: number): number => (columnOf === undefined ? col : (columnOf[col] as number));
    return {
      size: n,
      runs: {
        count: (start) =>
          eachChunk((cc, _d, _r, _a, k) => {
            for (let i = 0; i < k; i++) {
              const col = to(cc[i] as number);
              start[col + 1] = (start[col + 1] as number) + 1;
            }
          }),
        scatter: (cursor, toDays, toRecs, toAmounts) => {
          let lo = 2147483647;
          let hi = -2147483648;
          eachChunk((cc, cd, cr, ca, k) => {
            let l = lo;
            let h = hi;
            for (let i = 0; i < k; i++) {
              const col = to(cc[i] as number);
              const at = cursor[col] as number;
              cursor[col] = at + 1;
              const d = cd[i] as number;
              toDays[at] = d;
              toRecs[at] = cr[i] as number;
              toAmounts[at] = ca[i] as number;
              if (d < l) l = d;
              if (d > h) h = d;
            }
            lo = l;
            hi = h;
          });
          return [lo, hi];
        },
      },
      each: (visit) =>
        eachChunk((cc, cd, cr, ca, k) => {
          for (let i = 0; i < k; i++)
            visit(to(cc[i] as number), cd[i] as number, cr[i] as number, ca[i] as number);
        }),
    };
  }

  /** Empties the log (its chunks are let go of). */
  clear(): void {
    this.columns.drop();
    this.days.drop();
    this.recs.drop();
    this.amounts.drop();
  }
}
