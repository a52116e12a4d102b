import type { SegmentParts } from "./column-segment.js";
import type { Segment } from "./paged-segment.js";

/**
 * A segment's arrays restricted to the columns that hold deltas in it: `cols` lists them ascending and
 * the other arrays are {@link SegmentParts} over those columns only (local column `i` is column
 * `cols[i]`). An extension of a persisted index is written this way: a thousand events touch a few
 * thousand of a national index's 1.2 million full-detail columns, and the dense per-column tables
 * (`start`, `maxRec`, `sumStart`) would cost 29 MB an extension instead of a few KB.
 *
 * @example
 * import { ColumnSegment, entriesOf } from "../src/bitemporal-index/column-segment.js";
 * const dense = ColumnSegment.build(entriesOf({ columns: [3, 900], days: [18_000, 18_050], recs: [1, 2], amounts: [5, 7] }), 1_000);
 * const { cols, parts } = sparsePartsOf(dense.parts());
 * console.log([...cols], parts.columnCount, parts.start.length); // [3, 900] 2 3
 */
export const sparsePartsOf = (
  p: SegmentParts,
): { readonly cols: Float64Array; readonly parts: SegmentParts } => {
  let k = 0;
  for (let c = 0; c < p.columnCount; c++) if ((p.start[c + 1] as number) > (p.start[c] as number)) k++;
  const cols = new Float64Array(k);
  const start = new Float64Array(k + 1);
  const sumStart = new Float64Array(k + 1);
  const maxRec = new Float64Array(k);
  let i = 0;
  for (let c = 0; c < p.columnCount; c++) {
    if ((p.start[c + 1] as number) === (p.start[c] as number)) continue;
    // A column's entries (and its sums) are contiguous and in column order: dropping the empty columns
    // keeps every offset as it is.
    cols[i] = c;
    start[i] = p.start[c] as number;
    sumStart[i] = p.sumStart[c] as number;
    maxRec[i] = p.maxRec[c] as number;
    i++;
  }
  start[k] = p.start[p.columnCount] as number;
  sumStart[k] = p.sumStart[p.columnCount] as number;
  return { cols, parts: { ...p, columnCount: k, start, sumStart, maxRec } };
};

/** Index of `x` in the ascending `a`, or −1. */
const indexIn = (a: ArrayLike<number>, x: number): number => {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo] === x ? lo : -1;
};

/**
 * A segment stored sparsely (see {@link sparsePartsOf}), seen with its columns' real ids: a query asks
 * for column `c`, this finds its local position in `cols` (one binary search) and asks the segment over
 * the local columns. `cols` is read on first use.
 *
 * @example
 * import { ColumnSegment, entriesOf } from "../src/bitemporal-index/column-segment.js";
 * import { PagedSegment } from "../src/bitemporal-index/paged-segment.js";
 * const dense = ColumnSegment.build(entriesOf({ columns: [3, 3, 900], days: [18_000, 18_100, 18_050], recs: [1, 2, 3], amounts: [5, -2, 7] }), 1_000);
 * const { cols, parts } = sparsePartsOf(dense.parts()); // as an extension is written
 * const local = new PagedSegment(parts.columnCount, parts.minStride, (f, a, b) => parts[f].subarray(a, b));
 * const seg = new SparseSegment(1_000, () => cols, local);
 * console.log(seg.sumAt(3, 18_200, Infinity), seg.sumAt(900, 18_200, Infinity), seg.sumAt(4, 18_200, Infinity)); // 3 7 0
 */
export class SparseSegment implements Segment {
  private colsRead: ArrayLike<number> | undefined;

  constructor(
    /** Number of columns of the level when the segment was written. */
    readonly columnCount: number,
    private readonly readCols: () => ArrayLike<number>,
    private readonly local: Segment,
  ) {}

  private cols(): ArrayLike<number> {
    this.colsRead ??= this.readCols();
    return this.colsRead;
  }

  get size(): number {
    return this.local.size;
  }

  sumAt(column: number, day: number, rec: number): number {
    const i = indexIn(this.cols(), column);
    return i < 0 ? 0 : this.local.sumAt(i, day, rec);
  }

  prepare(column: number): void {
    const i = indexIn(this.cols(), column);
    if (i >= 0) this.local.prepare(i);
  }

  /** Reads its columns' segment whole ahead (see `Segment.readAhead`). */
  *readAhead(): Generator<void> {
    if (this.local.readAhead !== undefined) yield* this.local.readAhead();
  }

  each(visit: (column: number, day: number, rec: number, amount: number) => void): void {
    const cols = this.cols();
    this.local.each((i, d, r, a) => visit(cols[i] as number, d, r, a));
  }

  /** The segment's arrays over its own columns, as {@link sparsePartsOf} gives them (to persist it). */
  sparseParts(): { readonly cols: Float64Array; readonly parts: SegmentParts } {
    return { cols: Float64Array.from(this.cols()), parts: this.local.parts() };
  }

  /** The segment's arrays over every column of the level (dense again: to rewrite the index whole). */
  parts(): SegmentParts {
    const p = this.local.parts();
    const cols = this.cols();
    const n = this.columnCount;
    const start = new Float64Array(n + 1);
    const sumStart = new Float64Array(n + 1);
    const maxRec = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    let i = 0;
    for (let c = 0; c < n; c++) {
      start[c] = p.start[i] as number;
      sumStart[c] = p.sumStart[i] as number;
      if (i < cols.length && cols[i] === c) {
        maxRec[c] = p.maxRec[i] as number;
        i++;
      }
    }
    start[n] = p.start[p.columnCount] as number;
    sumStart[n] = p.sumStart[p.columnCount] as number;
    return { ...p, columnCount: n, start, sumStart, maxRec };
  }
}
