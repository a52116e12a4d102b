import { ColumnSegment, type SegmentParts, upperBound } from "./column-segment.js";

/** What a `ColumnStore` (column-store.ts) keeps: a segment laid out in memory, or one read column by column. */
export interface Segment {
  /** Number of columns the segment knows (later columns hold nothing in it). */
  readonly columnCount: number;
  /** Number of deltas held. */
  readonly size: number;
  /** Sum of a column's amounts with day ≤ `day` and recorded ≤ `rec`. */
  sumAt(column: number, day: number, rec: number): number;
  /** Visits every delta, column by column (to merge segments). */
  each(visit: (column: number, day: number, rec: number, amount: number) => void): void;
  /** The segment's arrays (to persist it). */
  parts(): SegmentParts;
}

/** The array fields of a segment read per column (the others are per column already, read whole). */
type Field = Exclude<keyof SegmentParts, "columnCount" | "minStride">;

/**
 * Reads elements `from … to` of one of a segment's persisted arrays (`to` past the end means "to the
 * end"). Throws when the bytes are damaged (the caller rebuilds the index).
 */
export type SegmentReader = (field: Field, from: number, to: number) => ArrayLike<number>;

/**
 * A persisted {@link ColumnSegment} read only as far as queries need it: its per-column tables (`start`,
 * `maxRec`, `sumStart`) the first time a column is asked for, then for each column asked, its slice of
 * the distinct-day sums (knowing everything: the usual query) or, for an earlier knowledge instant or a
 * short column, its slice of the deltas. Reopening a national index thus reads a few MB for a snapshot,
 * not the hundreds of MB of every delta. Merging or persisting it again reads it whole.
 *
 * @example const seg = new PagedSegment(columnCount, 512, (f, a, b) => source.range(`detail.0.${f}`, a, b));
 */
export class PagedSegment implements Segment {
  private full: ColumnSegment | undefined;
  private readonly tables = new Map<Field, ArrayLike<number>>();
  private readonly sums = new Map<number, { days: ArrayLike<number>; values: ArrayLike<number> }>();
  private readonly columns = new Map<number, ColumnSegment>();

  constructor(
    readonly columnCount: number,
    private readonly minStride: number,
    private readonly read: SegmentReader,
  ) {}

  private table(f: "start" | "maxRec" | "sumStart"): ArrayLike<number> {
    let t = this.tables.get(f);
    if (t === undefined) {
      t = this.read(f, 0, Number.MAX_SAFE_INTEGER);
      this.tables.set(f, t);
    }
    return t;
  }

  get size(): number {
    return (this.table("start")[this.columnCount] as number | undefined) ?? 0;
  }

  sumAt(column: number, day: number, rec: number): number {
    if (this.full !== undefined) return this.full.sumAt(column, day, rec);
    if (column >= this.columnCount) return 0;
    const sumStart = this.table("sumStart");
    const s0 = sumStart[column] as number;
    const s1 = sumStart[column + 1] as number;
    if (s0 < s1 && rec >= (this.table("maxRec")[column] as number)) {
      let s = this.sums.get(column);
      if (s === undefined) {
        s = { days: this.read("sumDays", s0, s1), values: this.read("sumValues", s0, s1) };
        this.sums.set(column, s);
      }
      const i = upperBound(s.days, 0, s1 - s0, day);
      return i === 0 ? 0 : (s.values[i - 1] as number);
    }
    let c = this.columns.get(column);
    if (c === undefined) {
      c = this.oneColumn(column, s0, s1);
      this.columns.set(column, c);
    }
    return c.sumAt(0, day, rec);
  }

  /** One column as a segment of its own (its deltas and sums; its knowledge checkpoints built there). */
  private oneColumn(column: number, s0: number, s1: number): ColumnSegment {
    const start = this.table("start");
    const a = start[column] as number;
    const b = start[column + 1] as number;
    const f64 = (x: ArrayLike<number>): Float64Array =>
      x instanceof Float64Array ? x : Float64Array.from(x);
    const i32 = (x: ArrayLike<number>): Int32Array => (x instanceof Int32Array ? x : Int32Array.from(x));
    return ColumnSegment.fromParts({
      columnCount: 1,
      minStride: this.minStride,
      start: Float64Array.of(0, b - a),
      days: i32(this.read("days", a, b)),
      recs: f64(this.read("recs", a, b)),
      amounts: f64(this.read("amounts", a, b)),
      maxRec: Float64Array.of(this.table("maxRec")[column] as number),
      sumStart: Float64Array.of(0, s1 - s0),
      sumDays: i32(this.read("sumDays", s0, s1)),
      sumValues: f64(this.read("sumValues", s0, s1)),
    });
  }

  /** The whole segment in memory (to merge or persist it). */
  private whole(): ColumnSegment {
    if (this.full === undefined) {
      const r = (f: Field) => this.read(f, 0, Number.MAX_SAFE_INTEGER);
      this.full = ColumnSegment.fromParts({
        columnCount: this.columnCount,
        minStride: this.minStride,
        start: r("start") as Float64Array,
        days: r("days") as Int32Array,
        recs: r("recs") as Float64Array,
        amounts: r("amounts") as Float64Array,
        maxRec: r("maxRec") as Float64Array,
        sumStart: r("sumStart") as Float64Array,
        sumDays: r("sumDays") as Int32Array,
        sumValues: r("sumValues") as Float64Array,
      });
      this.tables.clear();
      this.sums.clear();
      this.columns.clear();
    }
    return this.full;
  }

  each(visit: (column: number, day: number, rec: number, amount: number) => void): void {
    this.whole().each(visit);
  }

  parts(): SegmentParts {
    return this.whole().parts();
  }
}
