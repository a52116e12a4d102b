import type { DeltaEntries } from "./column-segment.js";

/** Deltas per chunk of the log. */
const CHUNK = 65_536;

/**
 * An append-only log of (column, valid day, recorded instant, amount): the index stages every delta
 * here while it is fed and sorts them into their columns when a query next reads it. The log is a list
 * of fixed-size chunks of typed arrays (column ids and days 32-bit, the rest doubles: 24 bytes a delta,
 * the segments store days as 32-bit too, so nothing is lost): appending never copies,
 * a bulk build of ten million deltas leaves no discarded half-size copies behind for the garbage
 * collector, and the deltas lie outside the heap it walks (a national first build stages them all).
 *
 * @example const log = new DeltaLog(); log.push(0, 18_000, 0, 1); log.size // 1
 */
export class DeltaLog {
  private readonly chunks: Array<{
    columns: Int32Array;
    days: Int32Array;
    recs: Float64Array;
    amounts: Float64Array;
  }> = [];
  private n = 0;

  /** Number of deltas staged. */
  get size(): number {
    return this.n;
  }

  /** Appends a delta. */
  push(column: number, day: number, rec: number, amount: number): void {
    const at = this.n % CHUNK;
    if (at === 0)
      this.chunks.push({
        columns: new Int32Array(CHUNK),
        days: new Int32Array(CHUNK),
        recs: new Float64Array(CHUNK),
        amounts: new Float64Array(CHUNK),
      });
    const c = this.chunks[this.chunks.length - 1] as (typeof this.chunks)[number];
    c.columns[at] = column;
    c.days[at] = day;
    c.recs[at] = rec;
    c.amounts[at] = amount;
    this.n++;
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
    const n = this.n;
    const chunks = this.chunks;
    return {
      size: n,
      runs: {
        count: (start) => {
          let o = 0;
          for (const c of chunks) {
            const k = Math.min(CHUNK, n - o);
            const cols = c.columns;
            for (let i = 0; i < k; i++) {
              const col =
                columnOf === undefined ? (cols[i] as number) : (columnOf[cols[i] as number] as number);
              start[col + 1] = (start[col + 1] as number) + 1;
            }
            o += k;
          }
        },
        scatter: (cursor, days, recs, amounts) => {
          let lo = 2147483647;
          let hi = -2147483648;
          let o = 0;
          for (const c of chunks) {
            const k = Math.min(CHUNK, n - o);
            for (let i = 0; i < k; i++) {
              const col = c.columns[i] as number;
              const to = columnOf === undefined ? col : (columnOf[col] as number);
              const at = cursor[to] as number;
              cursor[to] = at + 1;
              const d = c.days[i] as number;
              days[at] = d;
              recs[at] = c.recs[i] as number;
              amounts[at] = c.amounts[i] as number;
              if (d < lo) lo = d;
              if (d > hi) hi = d;
            }
            o += k;
          }
          return [lo, hi];
        },
      },
      each: (visit) => {
        let o = 0;
        for (const c of chunks) {
          const k = Math.min(CHUNK, n - o);
          for (let i = 0; i < k; i++) {
            const col = c.columns[i] as number;
            visit(
              columnOf === undefined ? col : (columnOf[col] as number),
              c.days[i] as number,
              c.recs[i] as number,
              c.amounts[i] as number,
            );
          }
          o += k;
        }
      },
    };
  }

  /** Empties the log. */
  clear(): void {
    this.n = 0;
    this.chunks.length = 0;
  }
}
