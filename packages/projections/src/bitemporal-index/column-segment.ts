import { fillCheckpoints, upperBound } from "./knowledge-checkpoints.js";

export { upperBound } from "./knowledge-checkpoints.js";

/** Smallest number of deltas between two knowledge checkpoints of a column. */
const MIN_STRIDE = 512;

/**
 * Columns with at most this many deltas get no summary: a query scans them (most full-detail columns —
 * one series in one district and sector — hold a handful of deltas, and their summaries cost as much
 * memory as the deltas themselves).
 */
const SCAN_BELOW = 16;

/**
 * An array of `n` numbers stored unboxed in the JavaScript heap (a flat array of doubles, which the
 * garbage collector does not scan), for the small arrays that grow while an index is fed (checkpoints):
 * each large typed array allocated made V8 run a full collection of a heap then holding a million
 * decoded events. A segment's own arrays are typed (a few, once the feed is done), and so are the
 * staging log's fixed-size chunks (`DeltaLog`: off the heap a collection walks, 24 bytes a delta).
 * @example const a = doubles(3); a[0] = 1;
 */
export const doubles = (n: number): number[] => new Array<number>(n).fill(0.5);

/**
 * The arrays of a {@link ColumnSegment} (compressed sparse rows; see its description): days are whole
 * days since 1970-01-01 (32-bit), recording instants ms since the epoch, amounts exact integers.
 */
export interface SegmentParts {
  readonly columnCount: number;
  readonly minStride: number;
  readonly start: Float64Array;
  readonly days: Int32Array;
  readonly recs: Float64Array;
  readonly amounts: Float64Array;
  readonly maxRec: Float64Array;
  readonly sumStart: Float64Array;
  readonly sumDays: Int32Array;
  readonly sumValues: Float64Array;
}

/** Deltas to build a segment from, visited as (column, day, recorded instant, amount), twice. */
export interface DeltaEntries {
  readonly size: number;
  readonly each: (visit: (column: number, day: number, rec: number, amount: number) => void) => void;
  /** The same deltas grouped without a call per delta (a staging log's typed chunks), when held so. */
  readonly runs?: DeltaRuns;
}

/**
 * Deltas held in typed arrays, grouped by column in place of {@link DeltaEntries}' `each`: a call per
 * delta boxed each recording instant (a double) for the call, ~230 MB of garbage at a 400k first build.
 */
export interface DeltaRuns {
  /** Adds one to `start[column + 1]` for each delta. */
  count(start: Float64Array): void;
  /** Writes each delta, in order, at `cursor[column]` (advanced); returns its least and greatest day. */
  scatter(
    cursor: Float64Array,
    days: Int32Array,
    recs: Float64Array,
    amounts: Float64Array,
  ): [number, number];
}

/**
 * Entries from flat arrays.
 * @example entriesOf({ columns: [0], days: [18_000], recs: [0], amounts: [1] }).size // 1
 */
export const entriesOf = (a: {
  readonly columns: ReadonlyArray<number>;
  readonly days: ReadonlyArray<number>;
  readonly recs: ReadonlyArray<number>;
  readonly amounts: ReadonlyArray<number>;
}): DeltaEntries => ({
  size: a.columns.length,
  each: (visit) => {
    for (let i = 0; i < a.columns.length; i++)
      visit(a.columns[i] as number, a.days[i] as number, a.recs[i] as number, a.amounts[i] as number);
  },
});

/**
 * An immutable batch of deltas for many columns, laid out for queries in a few shared arrays of numbers
 * (compressed sparse rows: column `c` holds entries `start[c]..start[c + 1]`), never one array per
 * column: a national ledger has about a million columns, and a million small arrays cost more
 * to allocate and collect than the deltas they hold.
 *
 * - In each column the deltas are kept in recording order (`days`, `recs`, `amounts`).
 * - Knowing everything: `sumDays`/`sumValues` hold, per column, its distinct days ascending with the
 *   cumulative sum up to each, so "sum with day ≤ D" is one binary search (a column of a few deltas is
 *   scanned instead).
 * - An earlier knowledge instant T: the deltas recorded by T are a prefix of the column's recording
 *   order; a long column gets (lazily, on the first such query) knowledge checkpoints every `stride`
 *   deltas (at least its number of distinct days, so at most 8 bytes a delta) holding the cumulative
 *   sums by day of the prefix so far: a query is one checkpoint lookup and a scan of under `stride`.
 *
 * @example
 * const day = (d: string) => dayOf(d);
 * const entries = entriesOf({
 *   columns: [0, 0, 1],
 *   days: [day("2022-03-01"), day("2023-02-01"), day("2022-05-01")],
 *   recs: [1, 2, 3],
 *   amounts: [5, -2, 7],
 * });
 * const seg = ColumnSegment.build(entries, 2);
 * console.log(seg.sumAt(0, day("2022-12-31"), Infinity), seg.sumAt(0, day("2023-12-31"), Infinity)); // 5 3
 */
export class ColumnSegment {
  private readonly checkpoints = new Map<number, number[]>();

  private constructor(
    /** Number of columns the segment knows (later columns hold nothing here). */
    readonly columnCount: number,
    private readonly start: ArrayLike<number>,
    private readonly days: ArrayLike<number>,
    private readonly recs: ArrayLike<number>,
    private readonly amounts: ArrayLike<number>,
    private readonly maxRec: ArrayLike<number>,
    private readonly sumStart: ArrayLike<number>,
    private readonly sumDays: ArrayLike<number>,
    private readonly sumValues: ArrayLike<number>,
    private readonly minStride: number,
  ) {}

  /**
   * The segment's arrays, to persist it (see {@link ColumnSegment.fromParts}); typed arrays, so that
   * they can be written as they are and read back without a copy.
   * @example
   * const segment = ColumnSegment.build(entriesOf({ columns: [0], days: [18_000], recs: [1], amounts: [4] }), 1);
   * const parts = segment.parts(); // typed arrays, written to the index file as they are
   * console.log(ColumnSegment.fromParts(parts).sumAt(0, 18_000, Infinity)); // 4
   */
  parts(): SegmentParts {
    const f64 = (a: ArrayLike<number>): Float64Array =>
      a instanceof Float64Array ? a : Float64Array.from(a);
    const i32 = (a: ArrayLike<number>): Int32Array => (a instanceof Int32Array ? a : Int32Array.from(a));
    return {
      columnCount: this.columnCount,
      minStride: this.minStride,
      start: f64(this.start),
      days: i32(this.days),
      recs: f64(this.recs),
      amounts: f64(this.amounts),
      maxRec: f64(this.maxRec),
      sumStart: f64(this.sumStart),
      sumDays: i32(this.sumDays),
      sumValues: f64(this.sumValues),
    };
  }

  /**
   * A segment over persisted arrays (as {@link ColumnSegment.parts} gave them; trusted: the caller
   * checked the file they came from).
   */
  static fromParts(p: SegmentParts): ColumnSegment {
    return new ColumnSegment(
      p.columnCount,
      p.start,
      p.days,
      p.recs,
      p.amounts,
      p.maxRec,
      p.sumStart,
      p.sumDays,
      p.sumValues,
      p.minStride,
    );
  }

  /** Number of deltas held. */
  get size(): number {
    return this.days.length;
  }

  /** Number of deltas of one column. */
  sizeOf(column: number): number {
    return column >= this.columnCount
      ? 0
      : (this.start[column + 1] as number) - (this.start[column] as number);
  }

  /**
   * Builds a segment from entries whose recording instants are in order within each column (any order
   * is accepted: a column that is not is sorted). `minStride` is for tests.
   */
  static build(entries: DeltaEntries, columnCount: number, minStride = MIN_STRIDE): ColumnSegment {
    const n = entries.size;
    // Group by column (a stable counting sort, so each column keeps the entries' order).
    // Typed: the index file takes them as they are (`parts`), not as a second copy (the build's peak).
    const start = new Float64Array(columnCount + 1);
    const runs = entries.runs;
    if (runs !== undefined) runs.count(start);
    else
      entries.each((c) => {
        start[c + 1] = (start[c + 1] as number) + 1;
      });
    for (let c = 0; c < columnCount; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
    const cursor = start.slice(0, columnCount);
    const days = new Int32Array(n);
    const recs = new Float64Array(n);
    const amounts = new Float64Array(n);
    let lo = 2147483647;
    let hi = -2147483648;
    if (runs !== undefined) [lo, hi] = runs.scatter(cursor, days, recs, amounts);
    else
      entries.each((c, d, r, a) => {
        const at = cursor[c] as number;
        cursor[c] = at + 1;
        days[at] = d;
        recs[at] = r;
        amounts[at] = a;
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      });
    const maxRec = new Float64Array(columnCount).fill(Number.NEGATIVE_INFINITY);
    for (let c = 0; c < columnCount; c++) {
      const a = start[c] as number;
      const b = start[c + 1] as number;
      let ordered = true;
      for (let i = a + 1; i < b && ordered; i++)
        if ((recs[i] as number) < (recs[i - 1] as number)) ordered = false;
      if (!ordered) sortByRecording(days, recs, amounts, a, b);
      if (b > a) maxRec[c] = recs[b - 1] as number;
    }
    const { sumStart, sumDays, sumValues } = summarise(start, days, amounts, columnCount, lo, hi);
    return new ColumnSegment(
      columnCount,
      start,
      days,
      recs,
      amounts,
      maxRec,
      sumStart,
      sumDays,
      sumValues,
      minStride,
    );
  }

  /** Visits every delta of the segment, column by column (to merge segments). */
  each(visit: (column: number, day: number, rec: number, amount: number) => void): void {
    for (let c = 0; c < this.columnCount; c++) {
      for (let i = this.start[c] as number; i < (this.start[c + 1] as number); i++)
        visit(c, this.days[i] as number, this.recs[i] as number, this.amounts[i] as number);
    }
  }

  /** Sum of a column's amounts with day ≤ `day` and recorded ≤ `rec`. */
  sumAt(column: number, day: number, rec: number): number {
    if (column >= this.columnCount) return 0;
    const s0 = this.sumStart[column] as number;
    const s1 = this.sumStart[column + 1] as number;
    if (s0 === s1) {
      let acc = 0;
      const end = this.start[column + 1] as number;
      for (let x = this.start[column] as number; x < end; x++)
        if ((this.days[x] as number) <= day && (this.recs[x] as number) <= rec)
          acc += this.amounts[x] as number;
      return acc;
    }
    const i = upperBound(this.sumDays, s0, s1, day);
    if (rec >= (this.maxRec[column] as number)) return i === s0 ? 0 : (this.sumValues[i - 1] as number);
    const a = this.start[column] as number;
    const k = upperBound(this.recs, a, this.start[column + 1] as number, rec);
    const u = s1 - s0;
    const stride = Math.max(this.minStride, u);
    let from = a;
    let acc = 0;
    if (k - a >= stride) {
      const cp = this.checkpoints.get(column) ?? this.buildCheckpoints(column, stride);
      const j = Math.floor((k - a) / stride);
      if (i > s0) acc = cp[(j - 1) * u + (i - 1 - s0)] as number;
      from = a + j * stride;
    }
    const days = this.days;
    const amounts = this.amounts;
    for (let x = from; x < k; x++) if ((days[x] as number) <= day) acc += amounts[x] as number;
    return acc;
  }

  /** Builds a column's knowledge checkpoints now (else the first earlier-instant query does): same ones. */
  prepare(column: number): void {
    if (column >= this.columnCount || this.checkpoints.has(column)) return;
    const u = (this.sumStart[column + 1] as number) - (this.sumStart[column] as number);
    const stride = Math.max(this.minStride, u);
    if (u > 0 && this.sizeOf(column) >= stride) this.buildCheckpoints(column, stride);
  }

  private buildCheckpoints(column: number, stride: number): number[] {
    const s0 = this.sumStart[column] as number;
    const s1 = this.sumStart[column + 1] as number;
    const a = this.start[column] as number;
    const count = Math.floor(((this.start[column + 1] as number) - a) / stride);
    const sums = doubles(count * (s1 - s0));
    fillCheckpoints(sums, this.days, this.amounts, a, count, stride, this.sumDays, s0, s1);
    this.checkpoints.set(column, sums);
    return sums;
  }
}

/** Sorts entries `a..b` by recording instant (stable), after a stream was re-derived with older ones. */
type Col = Float64Array;
const sortByRecording = (days: Int32Array, recs: Col, amounts: Col, a: number, b: number): void => {
  const order: number[] = [];
  for (let i = a; i < b; i++) order.push(i);
  order.sort((x, y) => (recs[x] as number) - (recs[y] as number) || x - y);
  const d = order.map((i) => days[i] as number);
  const r = order.map((i) => recs[i] as number);
  const m = order.map((i) => amounts[i] as number);
  for (let i = a; i < b; i++) {
    days[i] = d[i - a] as number;
    recs[i] = r[i - a] as number;
    amounts[i] = m[i - a] as number;
  }
};

/**
 * Per column, the distinct days ascending and the cumulative sum of the amounts up to each. Days are
 * whole numbers over a few decades: each column's amounts are added up per day in a dense scratch array
 * (stamped per column, so it is never cleared), and only its distinct days are sorted.
 */
const summarise = (
  start: Float64Array,
  days: Int32Array,
  amounts: Float64Array,
  columnCount: number,
  lo: number,
  hi: number,
): { sumStart: Float64Array; sumDays: Int32Array; sumValues: Float64Array } => {
  const n = days.length;
  const sumStart = new Float64Array(columnCount + 1);
  if (n === 0) return { sumStart, sumDays: new Int32Array(0), sumValues: new Float64Array(0) };
  const range = hi - lo + 1;
  const dense = range <= 4 * n + 1_000_000;
  const perDay = new Float64Array(dense ? range : 0);
  const stamp = dense ? new Int32Array(range).fill(-1) : new Int32Array(0);
  // Pass 1: the number of distinct days of each column.
  let total = 0;
  for (let c = 0; c < columnCount; c++) {
    sumStart[c] = total;
    const a = start[c] as number;
    const b = start[c + 1] as number;
    if (b - a <= SCAN_BELOW) continue;
    if (!dense) {
      total += new Set(days.slice(a, b)).size;
      continue;
    }
    for (let i = a; i < b; i++) {
      const k = (days[i] as number) - lo;
      if (stamp[k] !== c) {
        stamp[k] = c;
        total++;
      }
    }
  }
  sumStart[columnCount] = total;
  const sumDays = new Int32Array(total);
  const sumValues = new Float64Array(total);
  stamp.fill(-1);
  const distinct: number[] = [];
  // Pass 2: per column, its distinct days sorted and the running sums.
  for (let c = 0; c < columnCount; c++) {
    const a = start[c] as number;
    const b = start[c + 1] as number;
    if (b - a <= SCAN_BELOW) continue;
    distinct.length = 0;
    // Only the sparse case needs a map (a per-column map in the dense case was a million allocations).
    const sums = dense ? undefined : new Map<number, number>();
    for (let i = a; i < b; i++) {
      const d = days[i] as number;
      if (dense) {
        const k = d - lo;
        if (stamp[k] !== c) {
          stamp[k] = c;
          perDay[k] = 0;
          distinct.push(d);
        }
        perDay[k] = (perDay[k] as number) + (amounts[i] as number);
      } else {
        const m = sums as Map<number, number>;
        if (!m.has(d)) distinct.push(d);
        m.set(d, (m.get(d) ?? 0) + (amounts[i] as number));
      }
    }
    if (distinct.length > 1) distinct.sort((x, y) => x - y);
    let acc = 0;
    let o = sumStart[c] as number;
    for (const d of distinct) {
      acc += sums === undefined ? (perDay[d - lo] as number) : (sums.get(d) as number);
      sumDays[o] = d;
      sumValues[o] = acc;
      o++;
    }
  }
  return { sumStart, sumDays, sumValues };
};
