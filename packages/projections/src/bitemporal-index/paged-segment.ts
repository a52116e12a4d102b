import { ColumnSegment, type SegmentParts, upperBound } from "./column-segment.js";
import { IndexImageDamaged } from "./index-image.js";

/**
 * One column's entries of a segment's per-column tables, each pair read when first needed (NaN until
 * then): a query knowing everything needs only its sums' range, one at an earlier knowledge instant
 * only its deltas' range.
 */
interface ColumnEntry {
  /** Its deltas: `a … b`. */
  a: number;
  b: number;
  /** Its distinct-day sums: `s0 … s1`. */
  s0: number;
  s1: number;
  maxRec: number;
}

/** A column's deltas as read for one scan (recording order), kept until it is asked again. */
interface ScannedColumn {
  readonly days: ArrayLike<number>;
  readonly recs: ArrayLike<number>;
  readonly amounts: ArrayLike<number>;
}

/** What a `ColumnStore` (column-store.ts) keeps: a segment laid out in memory, or one read column by column. */
export interface Segment {
  /** Number of columns the segment knows (later columns hold nothing in it). */
  readonly columnCount: number;
  /** Number of deltas held. */
  readonly size: number;
  /** Sum of a column's amounts with day ≤ `day` and recorded ≤ `rec`. */
  sumAt(column: number, day: number, rec: number): number;
  /**
   * Reads a column ahead and builds what a query at an earlier knowledge instant would (its deltas and
   * knowledge checkpoints): for a server that warms its index while idle. Changes no answer.
   */
  prepare(column: number): void;
  /**
   * Reads a persisted segment whole ahead, a slice a step (see `PagedSegment.readAhead`); absent where
   * the segment is in memory already. Changes no answer.
   */
  readonly readAhead?: () => Generator<void>;
  /** Visits every delta, column by column (to merge segments). */
  each(visit: (column: number, day: number, rec: number, amount: number) => void): void;
  /** The segment's arrays (to persist it). */
  parts(): SegmentParts;
}

/**
 * Columns paged one by one before a segment is read whole instead. Paging a column costs up to eight
 * positioned reads (its table entries, its sums or its deltas), 30–80 µs; reading a national level whole
 * (7.8 million deltas, ~220 MB) costs about as much as 10,000 of them. A province snapshot pages a few
 * hundred province columns and stays paged; a sector scope pages 28,000–76,000 full-detail columns (its
 * columns are spread over the whole level, so it reads most blocks anyway) and took 2–5 s of CPU paged.
 */
const PAGED_COLUMNS_BEFORE_WHOLE = 4096;

/**
 * Elements of one array read per step of {@link PagedSegment.readAhead}: 256 KiB of doubles, read and
 * checked in about a millisecond, so a server reading a national level ahead while idle (~220 MB) lets
 * a request in within its turn.
 */
const READ_AHEAD_SLICE = 32_768;

/** The array fields of a segment read per column (the others are per column already, read whole). */
type Field = Exclude<keyof SegmentParts, "columnCount" | "minStride">;

/**
 * Reads elements `from … to` of one of a segment's persisted arrays (`to` past the end means "to the
 * end"). Throws when the bytes are damaged (the caller rebuilds the index).
 */
export type SegmentReader = (field: Field, from: number, to: number) => ArrayLike<number>;

/**
 * A persisted {@link ColumnSegment} read only as far as queries need it: for each column asked, its
 * entries of the per-column tables (`start`, `maxRec`, `sumStart`: two numbers each, read by range, not
 * the tables whole: at national they are 0.8 MB each at province level and 11 MB at full detail, and
 * reading them whole was most of a first province query), then its slice of the distinct-day sums
 * (knowing everything: the usual query) or, for an earlier knowledge instant or a short column, its
 * slice of the deltas. Reopening a national index thus reads a few KB for a province snapshot, not the
 * hundreds of MB of every delta. Merging or persisting it again reads it whole.
 *
 * @example
 * const source = imageSourceOf(buildIndex(asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }))).toImage());
 * const first = source.meta.levels.detail.segments[0];
 * if (first === undefined) throw new Error("no segment");
 * const seg = new PagedSegment(first.columnCount, first.minStride, (f, a, b) => source.range(`detail.0.${f}`, a, b));
 * console.log(seg.columnCount === source.meta.levels.detail.count, seg.sumAt(0, dayOf("2013-12-31"), Infinity)); // true 7
 */
export class PagedSegment implements Segment {
  private full: ColumnSegment | undefined;
  /** Per column asked: its deltas' range (`start`), its sums' range (`sumStart`) and its `maxRec`, as read. */
  private readonly entries = new Map<number, ColumnEntry>();
  private readonly sums = new Map<number, { days: ArrayLike<number>; values: ArrayLike<number> }>();
  private readonly columns = new Map<number, ColumnSegment>();
  /** Per column scanned once at an earlier knowledge instant: its deltas as read (see {@link sumAt}). */
  private readonly scanned = new Map<number, ScannedColumn>();
  /** A read ahead under way (see {@link readAhead}): a query that needs the segment whole finishes it. */
  private ahead: Generator<void> | undefined;

  /** `wholeAfter`: columns paged one by one before the segment is read whole (see {@link PAGED_COLUMNS_BEFORE_WHOLE}). */
  constructor(
    readonly columnCount: number,
    private readonly minStride: number,
    private readonly read: SegmentReader,
    private readonly wholeAfter: number = PAGED_COLUMNS_BEFORE_WHOLE,
  ) {}

  /** A column's entry, nothing of it read yet when new. */
  private entry(column: number): ColumnEntry {
    let e = this.entries.get(column);
    if (e === undefined) {
      e = { a: Number.NaN, b: Number.NaN, s0: Number.NaN, s1: Number.NaN, maxRec: Number.NaN };
      this.entries.set(column, e);
    }
    return e;
  }

  /** Elements `column … column + n` of a per-column table (read by range). */
  private table(field: "start" | "sumStart" | "maxRec", column: number, n: number): ArrayLike<number> {
    const t = this.read(field, column, column + n);
    if (t.length !== n)
      throw new IndexImageDamaged(`index image: column ${column} is not in its segment's tables`);
    return t;
  }

  /** A column's deltas' range (its `start` entries) or its sums' range (`sumStart`), read once. */
  private rangeOf(column: number, e: ColumnEntry, field: "start" | "sumStart"): ColumnEntry {
    const deltas = field === "start";
    if (Number.isNaN(deltas ? e.a : e.s0)) {
      const t = this.table(field, column, 2);
      const lo = t[0] as number;
      const hi = t[1] as number;
      if (deltas) {
        e.a = lo;
        e.b = hi;
      } else {
        e.s0 = lo;
        e.s1 = hi;
      }
    }
    return e;
  }

  /** Every table entry of a column, read once each. */
  private fullEntry(column: number, e: ColumnEntry): ColumnEntry {
    this.rangeOf(column, e, "start");
    this.rangeOf(column, e, "sumStart");
    if (Number.isNaN(e.maxRec)) e.maxRec = this.table("maxRec", column, 1)[0] as number;
    return e;
  }

  get size(): number {
    if (this.full !== undefined) return this.full.size;
    const end = this.read("start", this.columnCount, this.columnCount + 1);
    return (end[0] as number | undefined) ?? 0;
  }

  sumAt(column: number, day: number, rec: number): number {
    if (this.full !== undefined) return this.full.sumAt(column, day, rec);
    if (column >= this.columnCount) return 0;
    // Many columns asked (a sector or form scope at full detail): the whole segment costs less than
    // paging on. The sums are the same: `oneColumn` lays a column out as the whole segment holds it.
    if (this.entries.size >= this.wholeAfter) return this.whole().sumAt(column, day, rec);
    const held = this.columns.get(column);
    if (held !== undefined) return held.sumAt(0, day, rec);
    const e = this.entry(column);
    // Knowing everything (or more than the column holds): its distinct-day sums, one search.
    if (rec === Number.POSITIVE_INFINITY || rec >= e.maxRec) {
      this.rangeOf(column, e, "sumStart");
      const s0 = e.s0;
      const s1 = e.s1;
      if (s0 < s1) {
        let s = this.sums.get(column);
        if (s === undefined) {
          s = { days: this.read("sumDays", s0, s1), values: this.read("sumValues", s0, s1) };
          this.sums.set(column, s);
        }
        const i = upperBound(s.days, 0, s1 - s0, day);
        return i === 0 ? 0 : (s.values[i - 1] as number);
      }
    }
    // An earlier knowledge instant (or a short column): the first time, one scan of the column's deltas
    // as read (its start, days, recordings and amounts: four reads, no sums, no knowledge checkpoints,
    // the cheapest for a column asked once, as a province query asks its few); asked again, the column
    // is laid out as a segment of its own (its checkpoints then serve every later instant).
    this.rangeOf(column, e, "start");
    if (e.a === e.b) return 0;
    const scanned = this.scanned.get(column);
    if (scanned === undefined) {
      const d = {
        days: this.read("days", e.a, e.b),
        recs: this.read("recs", e.a, e.b),
        amounts: this.read("amounts", e.a, e.b),
      };
      const n = e.b - e.a;
      if (d.days.length !== n || d.recs.length !== n || d.amounts.length !== n)
        throw new IndexImageDamaged(`index image: column ${column}'s deltas are shorter than its table says`);
      this.scanned.set(column, d);
      return scanSum(d, e.b - e.a, day, rec);
    }
    const c = this.oneColumn(column, e, scanned);
    this.columns.set(column, c);
    this.scanned.delete(column);
    return c.sumAt(0, day, rec);
  }

  prepare(column: number): void {
    if (this.full !== undefined) this.full.prepare(column);
    if (this.full !== undefined || column >= this.columnCount || this.entries.size >= this.wholeAfter) return;
    const e = this.rangeOf(column, this.entry(column), "start");
    if (e.a === e.b) return;
    let c = this.columns.get(column);
    if (c === undefined) {
      c = this.oneColumn(column, e, this.scanned.get(column));
      this.columns.set(column, c);
      this.scanned.delete(column);
    }
    c.prepare(0);
  }

  /**
   * One column as a segment of its own (its deltas, as read for a scan when they were, and its sums;
   * its knowledge checkpoints built there).
   */
  private oneColumn(column: number, entry: ColumnEntry, scanned: ScannedColumn | undefined): ColumnSegment {
    const { a, b, s0, s1, maxRec } = this.fullEntry(column, entry);
    const f64 = (x: ArrayLike<number>): Float64Array =>
      x instanceof Float64Array ? x : Float64Array.from(x);
    const i32 = (x: ArrayLike<number>): Int32Array => (x instanceof Int32Array ? x : Int32Array.from(x));
    return ColumnSegment.fromParts({
      columnCount: 1,
      minStride: this.minStride,
      start: Float64Array.of(0, b - a),
      days: i32(scanned?.days ?? this.read("days", a, b)),
      recs: f64(scanned?.recs ?? this.read("recs", a, b)),
      amounts: f64(scanned?.amounts ?? this.read("amounts", a, b)),
      maxRec: Float64Array.of(maxRec),
      sumStart: Float64Array.of(0, s1 - s0),
      sumDays: i32(this.read("sumDays", s0, s1)),
      sumValues: f64(this.read("sumValues", s0, s1)),
    });
  }

  /** The whole segment in memory (to merge or persist it); a read ahead under way is finished first. */
  private whole(): ColumnSegment {
    const ahead = this.ahead;
    if (this.full === undefined && ahead !== undefined)
      for (let step = ahead.next(); step.done !== true; step = ahead.next());
    if (this.full === undefined) {
      const r = (f: Field) => this.read(f, 0, Number.MAX_SAFE_INTEGER);
      this.install({
        start: r("start") as Float64Array,
        days: r("days") as Int32Array,
        recs: r("recs") as Float64Array,
        amounts: r("amounts") as Float64Array,
        maxRec: r("maxRec") as Float64Array,
        sumStart: r("sumStart") as Float64Array,
        sumDays: r("sumDays") as Int32Array,
        sumValues: r("sumValues") as Float64Array,
      });
    }
    return this.full as ColumnSegment;
  }

  /** Keeps the segment's arrays in memory: every column is summed from them from now on. */
  private install(arrays: Record<Field, Float64Array | Int32Array>): void {
    this.full = ColumnSegment.fromParts({
      ...(arrays as Omit<SegmentParts, "columnCount" | "minStride">),
      columnCount: this.columnCount,
      minStride: this.minStride,
    });
    this.entries.clear();
    this.sums.clear();
    this.columns.clear();
    this.scanned.clear();
  }

  /**
   * Reads the segment whole, a slice of one array a step (`slice` elements), for a server that reads
   * its index ahead while idle: once done, every column is summed from memory as after a query that read
   * it whole (a sector scope at full detail, ~220 MB at national: seconds in one synchronous read), and
   * a query that needs it whole before then finishes the remaining slices at once. The same arrays as
   * a whole read; changes no answer. One read ahead per segment: asked again, the same steps.
   * @example
   * import { ColumnSegment, entriesOf } from "../src/bitemporal-index/column-segment.js";
   * const p = ColumnSegment.build(entriesOf({ columns: [0, 1, 1], days: [18_000, 18_000, 18_001], recs: [1, 2, 3], amounts: [3, 4, 5] }), 2).parts();
   * const paged = new PagedSegment(p.columnCount, p.minStride, (f, a, b) => p[f].subarray(a, b));
   * let steps = 0;
   * for (const _ of paged.readAhead(1)) steps++; // one element a step
   * console.log(steps, paged.sumAt(1, 18_001, Infinity)); // 17 9
   */
  readAhead(slice: number = READ_AHEAD_SLICE): Generator<void> {
    this.ahead ??= this.readInSlices(slice);
    return this.ahead;
  }

  private *readInSlices(slice: number): Generator<void> {
    if (this.full !== undefined) return;
    const n = this.columnCount;
    const deltas = this.size;
    const sums = (this.read("sumStart", n, n + 1)[0] as number | undefined) ?? 0;
    const lengths: Record<Field, number> = {
      start: n + 1,
      days: deltas,
      recs: deltas,
      amounts: deltas,
      maxRec: n,
      sumStart: n + 1,
      sumDays: sums,
      sumValues: sums,
    };
    const arrays = {} as Record<Field, Float64Array | Int32Array>;
    for (const f of Object.keys(lengths) as Field[]) {
      const a = f === "days" || f === "sumDays" ? new Int32Array(lengths[f]) : new Float64Array(lengths[f]);
      for (let i = 0; i < a.length; i += slice) {
        const part = this.read(f, i, Math.min(i + slice, a.length));
        if (part.length !== Math.min(slice, a.length - i))
          throw new IndexImageDamaged(`index image: a segment's ${f} is shorter than its tables say`);
        a.set(part, i);
        yield;
      }
      // As long as its tables say, no longer: a whole read would have read what follows too.
      if (this.read(f, a.length, a.length + 1).length !== 0)
        throw new IndexImageDamaged(`index image: a segment's ${f} is longer than its tables say`);
      arrays[f] = a;
    }
    if (this.full === undefined) this.install(arrays);
  }

  each(visit: (column: number, day: number, rec: number, amount: number) => void): void {
    this.whole().each(visit);
  }

  parts(): SegmentParts {
    return this.whole().parts();
  }
}

/**
 * Sum of the amounts of a column's deltas (recording order) with day ≤ `day` and recorded ≤ `rec`: the
 * same deltas `ColumnSegment.sumAt` adds (exact integers, so the same sum).
 */
const scanSum = (d: ScannedColumn, n: number, day: number, rec: number): number => {
  const { days, recs, amounts } = d;
  let acc = 0;
  for (let x = 0; x < n; x++) {
    if ((recs[x] as number) > rec) break;
    if ((days[x] as number) <= day) acc += amounts[x] as number;
  }
  return acc;
};
