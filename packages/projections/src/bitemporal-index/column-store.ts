import { ColumnSegment, type DeltaEntries, type SegmentParts } from "./column-segment.js";
import type { Segment } from "./paged-segment.js";
import { SparseSegment, sparsePartsOf } from "./sparse-segment.js";

/**
 * A batch touching fewer than one column in this many is laid out sparsely (its columns only): an
 * extension of a national index touches a few thousand of 1.2 million full-detail columns, and the
 * dense per-column tables cost more to allocate, fill and sparsify again than the deltas themselves.
 * Two, not eight: the province level (~97,000 columns) gets ~13,000 deltas from 2,000 national events,
 * a few thousand columns, and its dense tables were 16 MB allocated a run (summaries over every column,
 * then `sparsePartsOf` for the extension image). A first build is dense at every level (each column
 * holds a delta at least); the layout changes no sum and no byte of an image.
 */
const SPARSE_BELOW = 2;

/**
 * The delta columns of one cell level: a short list of immutable {@link ColumnSegment}s, oldest first,
 * merged like a log-structured merge tree (a new segment at least half the size of the one before is
 * merged into it), so that a bulk build is one segment and a service adding a few events between
 * queries pays O(log n) amortised per delta, with a query reading a few segments at most.
 *
 * @example
 * const store = new ColumnStore();
 * // Deltas as (column, day, recorded instant, amount): a bulk build, then a few more between queries.
 * store.add({ size: 2, each: (visit) => [visit(0, 18_000, 1, 3), visit(1, 18_001, 2, 4)] }, 2);
 * store.add({ size: 1, each: (visit) => visit(0, 18_002, 3, 5) }, 2);
 * console.log(store.sumAt(0, 18_010, Infinity), store.sumAt(0, 18_010, 2)); // 8 3
 */
export class ColumnStore {
  private segments: Segment[] = [];
  /**
   * The segments before this one are persisted (a reopened index's): a new segment is never merged into
   * them, so that an extension of a persisted index is written as new segments beside them (appended to
   * the file), never as a rewrite of what is on disk.
   */
  private sealed = 0;

  constructor(private readonly minStride?: number) {}

  /** Number of deltas held. */
  get size(): number {
    let n = 0;
    for (const s of this.segments) n += s.size;
    return n;
  }

  /** Number of segments (for tests and diagnostics). */
  get segmentCount(): number {
    return this.segments.length;
  }

  /** Adds a batch of deltas (see {@link ColumnSegment.build}). */
  add(entries: DeltaEntries, columnCount: number): void {
    if (entries.size === 0) return;
    this.segments.push(
      entries.size * SPARSE_BELOW < columnCount
        ? sparseSegment(entries, columnCount, this.minStride)
        : ColumnSegment.build(entries, columnCount, this.minStride),
    );
    for (;;) {
      const k = this.segments.length;
      const last = this.segments[k - 1] as Segment;
      const before = this.segments[k - 2];
      if (before === undefined || k - 2 < this.sealed || last.size * 2 < before.size) break;
      this.segments.splice(k - 2, 2, merge(before, last, this.minStride));
    }
  }

  /** The segments' arrays, oldest first (to persist the store); from segment `from` on when given. */
  parts(from = 0): SegmentParts[] {
    return this.segments.slice(from).map((s) => s.parts());
  }

  /**
   * The segments' arrays over the columns that hold deltas in them (see `sparsePartsOf`), from segment
   * `from` on: what an extension image stores. A segment laid out sparsely gives its arrays as they are.
   */
  sparseParts(
    from = 0,
  ): Array<{ readonly columnCount: number; readonly cols: Float64Array; readonly parts: SegmentParts }> {
    return this.segments.slice(from).map((s) => ({
      columnCount: s.columnCount,
      ...(s instanceof SparseSegment ? s.sparseParts() : sparsePartsOf(s.parts())),
    }));
  }

  /**
   * Merges every segment into one (reading persisted ones whole): what compacting a persisted index
   * whose extensions have piled up does before it is written anew. Nothing is sealed afterwards.
   * @example
   * import { ColumnSegment, entriesOf } from "../src/bitemporal-index/column-segment.js";
   * const store = ColumnStore.fromParts([
   *   ColumnSegment.build(entriesOf({ columns: [0], days: [18_000], recs: [1], amounts: [3] }), 1).parts(),
   *   ColumnSegment.build(entriesOf({ columns: [0], days: [18_001], recs: [2], amounts: [4] }), 1).parts(),
   * ]);
   * store.compact();
   * console.log(store.segmentCount, store.sumAt(0, 18_001, Infinity)); // 1 7
   */
  compact(): void {
    this.sealed = 0;
    if (this.segments.length <= 1) return;
    const all = this.segments;
    let size = 0;
    let columns = 0;
    for (const s of all) {
      size += s.size;
      columns = Math.max(columns, s.columnCount);
    }
    this.segments = [
      ColumnSegment.build(
        {
          size,
          each: (visit) => {
            for (const s of all) s.each(visit);
          },
        },
        columns,
        this.minStride,
      ),
    ];
  }

  /**
   * A store over persisted segments (see {@link ColumnStore.parts}).
   * @example
   * const store = new ColumnStore();
   * store.add({ size: 1, each: (visit) => visit(0, 18_000, 1, 3) }, 1);
   * console.log(ColumnStore.fromParts(store.parts()).sumAt(0, 18_000, Infinity)); // 3
   */
  static fromParts(parts: ReadonlyArray<SegmentParts>, minStride?: number): ColumnStore {
    const store = new ColumnStore(minStride);
    store.segments = parts.map((p) => ColumnSegment.fromParts(p));
    return store;
  }

  /**
   * A store over segments read lazily (a reopened index's `PagedSegment` (paged-segment.ts)s), oldest first.
   * @example
   * import { PagedSegment } from "../src/bitemporal-index/paged-segment.js";
   * const store = new ColumnStore();
   * store.add({ size: 2, each: (visit) => [visit(0, 18_000, 1, 3), visit(1, 18_000, 1, 4)] }, 2);
   * const [p] = store.parts(); // as written to the index file, read back by range
   * if (p === undefined) throw new Error("no segment");
   * const reopened = ColumnStore.fromSegments([
   *   new PagedSegment(p.columnCount, p.minStride, (field, from, to) => p[field].subarray(from, to)),
   * ]);
   * console.log(reopened.sumAt(1, 18_000, Infinity)); // 4
   */
  static fromSegments(segments: ReadonlyArray<Segment>, minStride?: number): ColumnStore {
    const store = new ColumnStore(minStride);
    store.segments = [...segments];
    store.sealed = segments.length;
    return store;
  }

  /** Sum of a column's amounts with day ≤ `day` and recorded ≤ `rec`. */
  sumAt(column: number, day: number, rec: number): number {
    let acc = 0;
    for (const s of this.segments) acc += s.sumAt(column, day, rec);
    return acc;
  }

  /** Reads a column ahead in every segment (see `Segment.prepare`); changes no answer. */
  prepareColumn(column: number): void {
    for (const s of this.segments) s.prepare(column);
  }

  /**
   * Reads the persisted segments whole ahead, a slice a step (see `PagedSegment.readAhead`); changes no
   * answer.
   * @example
   * import { PagedSegment } from "../src/bitemporal-index/paged-segment.js";
   * const built = new ColumnStore();
   * built.add({ size: 2, each: (visit) => [visit(0, 18_000, 1, 3), visit(1, 18_000, 1, 4)] }, 2);
   * const [p] = built.parts();
   * if (p === undefined) throw new Error("no segment");
   * const store = ColumnStore.fromSegments([new PagedSegment(p.columnCount, p.minStride, (f, a, b) => p[f].subarray(a, b))]);
   * for (const _ of store.readAhead()) {} // a server does a few steps a turn while idle
   * console.log(store.sumAt(1, 18_000, Infinity)); // 4, from memory
   */
  *readAhead(): Generator<void> {
    for (const s of this.segments) if (s.readAhead !== undefined) yield* s.readAhead();
  }
}

/** One segment holding both (the older's deltas first, so each column stays in recording order). */
const merge = (older: Segment, newer: Segment, minStride: number | undefined): ColumnSegment =>
  ColumnSegment.build(
    {
      size: older.size + newer.size,
      each: (visit) => {
        older.each(visit);
        newer.each(visit);
      },
    },
    Math.max(older.columnCount, newer.columnCount),
    minStride,
  );

/**
 * A segment over the columns the entries touch only (local column `i` is the `i`-th of them ascending,
 * so each column keeps its entries' order): the same deltas and sums as the dense layout, without its
 * per-column tables over every column of the level.
 */
const sparseSegment = (
  entries: DeltaEntries,
  columnCount: number,
  minStride: number | undefined,
): SparseSegment => {
  const seen = new Set<number>();
  entries.each((c) => {
    seen.add(c);
  });
  const cols = Float64Array.from(seen).sort();
  const localOf = new Map<number, number>();
  cols.forEach((c, i) => {
    localOf.set(c, i);
  });
  const local = ColumnSegment.build(
    {
      size: entries.size,
      each: (visit) => {
        entries.each((c, d, r, a) => {
          visit(localOf.get(c) as number, d, r, a);
        });
      },
    },
    cols.length,
    minStride,
  );
  return new SparseSegment(columnCount, () => cols, local);
};
