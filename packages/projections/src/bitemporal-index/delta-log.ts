import { CHUNK_PLAN, ChunkedColumn, type ChunkPlan } from "./chunked-column.js";
import type { DeltaEntries } from "./column-segment.js";

/** The 32-bit amount that stands for "the next of the amounts kept whole" (see {@link DeltaLog}). */
const WHOLE = -2147483648;

/**
 * An append-only log of (column, valid day, recorded instant, amount): the index stages every delta
 * here while it is fed and sorts them into their columns when a query next reads it. The log is typed
 * columns kept in chunks ({@link ChunkedColumn}): appending never copies, a bulk build of ten million
 * deltas leaves no discarded half-size copies behind for the garbage collector, and the deltas lie
 * outside the heap it walks (a national first build stages them all, ~7.5 million, and holds them
 * while it lays the three levels out: the largest thing it holds then but the levels and its heap).
 * Column ids, days and amounts are 32-bit; the recording instants are kept once a run of deltas that
 * share one (an event's deltas do: ~6 a run at national scale); an amount that is not a 32-bit integer
 * (or is −0, or the marker itself) is kept whole beside them, marked by {@link WHOLE}, in order. About
 * 12 bytes a delta rather than 24; every value is given back exactly as pushed.
 *
 * @example const log = new DeltaLog(); log.push(0, 18_000, 0, 1); log.size // 1
 */
export class DeltaLog {
  private readonly columns: ChunkedColumn<Int32Array>;
  private readonly days: ChunkedColumn<Int32Array>;
  private readonly amounts: ChunkedColumn<Int32Array>;
  /** The amounts marked {@link WHOLE}, in order. */
  private readonly wholeAmounts: ChunkedColumn<Float64Array>;
  /** Each run's recording instant and the place of its first delta. */
  private readonly runRecs: ChunkedColumn<Float64Array>;
  private readonly runStarts: ChunkedColumn<Float64Array>;
  private lastRec = Number.NaN;

  /** An empty log (`plan`: its chunk sizes, small in tests). */
  constructor(plan: ChunkPlan = CHUNK_PLAN) {
    const i32 = (n: number) => new Int32Array(n);
    const f64 = (n: number) => new Float64Array(n);
    this.columns = new ChunkedColumn(i32, plan);
    this.days = new ChunkedColumn(i32, plan);
    this.amounts = new ChunkedColumn(i32, plan);
    this.wholeAmounts = new ChunkedColumn(f64, plan);
    this.runRecs = new ChunkedColumn(f64, plan);
    this.runStarts = new ChunkedColumn(f64, plan);
  }

  /** Number of deltas staged. */
  get size(): number {
    return this.columns.length;
  }

  /** Appends a delta. */
  push(column: number, day: number, rec: number, amount: number): void {
    // A zero starts a run of its own: +0 and −0 are equal to `!==`, not as bytes of the image.
    if (rec !== this.lastRec || rec === 0) {
      this.runRecs.push(rec);
      this.runStarts.push(this.columns.length);
      this.lastRec = rec;
    }
    this.columns.push(column);
    this.days.push(day);
    const a = amount | 0;
    if (a === amount && a !== WHOLE && (a !== 0 || 1 / amount > 0)) this.amounts.push(a);
    else {
      this.amounts.push(WHOLE);
      this.wholeAmounts.push(amount);
    }
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
    // The three columns' chunks line up (the same plan, pushed together): chunk `c` of each holds the
    // same deltas, the last one up to `n`. The runs and whole amounts are read along, in order.
    const cols = this.columns.parts;
    const days = this.days.parts;
    const amounts = this.amounts.parts;
    const { runRecs, runStarts, wholeAmounts } = this;
    const eachChunk = (
      visit: (c: Int32Array, d: Int32Array, a: Int32Array, k: number, o: number) => void,
    ) => {
      let o = 0;
      for (let c = 0; c < cols.length; c++) {
        const cc = cols[c] as Int32Array;
        const k = Math.min(cc.length, n - o);
        visit(cc, days[c] as Int32Array, amounts[c] as Int32Array, k, o);
        o += k;
      }
    };
    /** A walk of the deltas' recording instants and whole amounts, in order. */
    const walk = () => {
      let run = -1;
      let next = 0;
      let rec = Number.NaN;
      let whole = 0;
      return {
        /** The recording instant of delta `i` (asked for in order). */
        rec: (i: number): number => {
          while (i === next) {
            run++;
            rec = runRecs.at(run);
            next = run + 1 < runRecs.length ? runStarts.at(run + 1) : n;
          }
          return rec;
        },
        /** The amount of a delta whose 32-bit amount is `a` (asked for in order). */
        amount: (a: number): number => (a === WHOLE ? wholeAmounts.at(whole++) : a),
      };
    };
    const to = (col: number): number => (columnOf === undefined ? col : (columnOf[col] as number));
    return {
      size: n,
      runs: {
        count: (start) =>
          eachChunk((cc, _d, _a, k) => {
            for (let i = 0; i < k; i++) {
              const col = to(cc[i] as number);
              start[col + 1] = (start[col + 1] as number) + 1;
            }
          }),
        scatter: (cursor, toDays, toRecs, toAmounts) => {
          let lo = 2147483647;
          let hi = -2147483648;
          const w = walk();
          eachChunk((cc, cd, ca, k, o) => {
            let l = lo;
            let h = hi;
            for (let i = 0; i < k; i++) {
              const col = to(cc[i] as number);
              const at = cursor[col] as number;
              cursor[col] = at + 1;
              const d = cd[i] as number;
              toDays[at] = d;
              toRecs[at] = w.rec(o + i);
              toAmounts[at] = w.amount(ca[i] as number);
              if (d < l) l = d;
              if (d > h) h = d;
            }
            lo = l;
            hi = h;
          });
          return [lo, hi];
        },
      },
      each: (visit) => {
        const w = walk();
        eachChunk((cc, cd, ca, k, o) => {
          for (let i = 0; i < k; i++)
            visit(to(cc[i] as number), cd[i] as number, w.rec(o + i), w.amount(ca[i] as number));
        });
      },
    };
  }

  /** Empties the log (its chunks are let go of). */
  clear(): void {
    this.columns.drop();
    this.days.drop();
    this.amounts.drop();
    this.wholeAmounts.drop();
    this.runRecs.drop();
    this.runStarts.drop();
    this.lastRec = Number.NaN;
  }
}
