import type { SegmentParts } from "./column-segment.js";

/**
 * The cell levels in image order.
 * @example
 * IMAGE_LEVELS.indexOf("province") // 1
 */
export const IMAGE_LEVELS = ["ledger", "province", "detail"] as const;

/**
 * A `ProjectionIndex` (projection-index.ts) as plain data, to persist it and reopen it without the events: the laid-out
 * delta columns of each level (their segments' arrays), the cells, which column counts which series in
 * which cell, and each stream's positions (to read its events back from the ledger when it next
 * receives one). No decoded event is in it. `encodeIndexImage` turns it into bytes.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const image: IndexImage = buildIndex(events).toImage(); // encodeIndexImage(image, …) writes it
 * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
 * const again = ProjectionIndex.fromImage(image, source);
 * console.log(image.meta.events, again.toImage().meta.events); // 507 507
 */
export interface IndexImage {
  readonly meta: {
    readonly events: number;
    readonly deltas: number;
    /** Latest recording instant fed (ms), null when none. */
    readonly latest: number | null;
    /** Number of cells (all levels) and of streams of the index (after this image, for an extension). */
    readonly cells: number;
    readonly streams: number;
    readonly levels: Readonly<
      Record<
        (typeof IMAGE_LEVELS)[number],
        {
          /** Number of columns of the level (after this image, for an extension). */
          readonly count: number;
          /** The segments this image holds (an extension: only its own, after those it extends). */
          readonly segments: ReadonlyArray<ImageSegment>;
        }
      >
    >;
    /**
     * Present on an **extension** image (see `ProjectionIndex.extensionImage`): the index it extends,
     * which must be exactly the one the images before it make (`layerImages` checks it). Its arrays then
     * hold only what the extension adds: the new cells and columns, the new segments, the streams that
     * received events (their new positions), and the events' extra arrays.
     */
    readonly extends?: ImageExtent;
  };
  readonly strings: {
    /** The cell map's keys, by cell id. */
    readonly cellKeys: ReadonlyArray<string>;
    readonly streamIds: ReadonlyArray<string>;
  };
  /**
   * Named arrays: `cellLevels`, `provinceCellOf`, `ledgerCellOf`, `provinceColumnOf`, `ledgerColumnOf`,
   * per level `<level>.colKey` / `<level>.colCell`, per segment `<level>.<j>.<field>` (see
   * {@link SegmentParts}), and per stream `streamStart` / `streamPositions` (compressed rows),
   * `streamMaxRecorded`, `streamMaxRevision`, and each stream's fold (`streamFoldStart` /
   * `streamFoldBytes`, see `packStreamFolds`).
   */
  readonly arrays: Readonly<Record<string, Float64Array | Int32Array>>;
}

/** One segment of an image: its column count and, for a sparse one, its number of non-empty columns. */
export interface ImageSegment {
  readonly columnCount: number;
  readonly minStride: number;
  /** Present when the segment is stored sparsely: `<level>.<j>.cols` lists this many columns. */
  readonly localColumns?: number;
}

/**
 * The size of an index as an extension image records it: the events, cells, streams and columns per
 * level of the index it extends (its new cells, streams and columns are numbered after these).
 * @example const e: ImageExtent = { events: 10, deltas: 40, cells: 6, streams: 2, columns: { ledger: 2, province: 2, detail: 3 }, segments: { ledger: 1, province: 1, detail: 1 } };
 */
export interface ImageExtent {
  readonly events: number;
  readonly deltas: number;
  readonly cells: number;
  readonly streams: number;
  readonly columns: Readonly<Record<(typeof IMAGE_LEVELS)[number], number>>;
  readonly segments: Readonly<Record<(typeof IMAGE_LEVELS)[number], number>>;
}

/**
 * The array fields of a segment, in image order.
 * @example
 * SEGMENT_FIELDS[0] // "start"
 */
export const SEGMENT_FIELDS = [
  "start",
  "days",
  "recs",
  "amounts",
  "maxRec",
  "sumStart",
  "sumDays",
  "sumValues",
] as const satisfies ReadonlyArray<keyof SegmentParts>;

/**
 * Where a reopened index reads its image from, piece by piece: the meta at once, everything else only
 * when a query (or an extension) needs it — a level's columns, a column's slice of a segment's arrays,
 * the cell keys, the streams. A persisted index is read this way (`openIndexImage`), so that opening it
 * costs its header, not its size. A piece that fails its integrity check throws
 * {@link IndexImageDamaged} (the caller rebuilds the index).
 *
 * @example
 * const source: IndexImageSource = imageSourceOf(buildIndex(asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }))).toImage());
 * console.log(source.meta.events, source.array("cellLevels").length === source.meta.cells); // 507 true
 */
export interface IndexImageSource {
  readonly meta: IndexImage["meta"];
  /** The cell keys (by cell id) or the stream ids (in image order). */
  readonly strings: (name: keyof IndexImage["strings"]) => ReadonlyArray<string>;
  /**
   * The JSON text (UTF-8) that `strings(name)` parses, when the source reads it from a file (checked as
   * any piece is): what finds a few stream ids without decoding them all (`StreamIdIndex`).
   */
  readonly stringsText?: (name: keyof IndexImage["strings"]) => Uint8Array;
  /** A whole named array (see {@link IndexImage.arrays}); throws when it is missing. */
  readonly array: (name: string) => Float64Array | Int32Array;
  /** Elements `from … to` of a named array (only the bytes they lie in are read). */
  readonly range: (name: string, from: number, to: number) => Float64Array | Int32Array;
  /**
   * A layered source's images (`layerImages`), in order, each read as itself (its own arrays, not joined
   * end to end): what reads a table per image, such as the columns grouped by cell. Absent for one image.
   */
  readonly layers?: ReadonlyArray<IndexImageSource>;
}

/**
 * A piece of a persisted index image failed its integrity check (a damaged block, a missing array) when
 * it was read, after the file was opened. The index must be rebuilt, never trusted.
 *
 * @example
 * const source = imageSourceOf(buildIndex([]).toImage());
 * try {
 *   source.array("detail.9.days");
 * } catch (e) {
 *   if (e instanceof IndexImageDamaged) console.log(e.message); // index image: array detail.9.days missing
 * }
 */
export class IndexImageDamaged extends Error {
  readonly _tag = "IndexImageDamaged" as const;
  constructor(message: string) {
    super(message);
    this.name = "IndexImageDamaged";
  }
}

/**
 * An in-memory image as an {@link IndexImageSource} (every piece at hand).
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
 * const index = ProjectionIndex.fromImage(imageSourceOf(buildIndex(events).toImage()), source);
 * const s = snapshot(index, { validAt: "2013-12-31" });
 * if (E.isRight(s)) console.log(s.right.figures.find((f) => f.id === "coops.active")?.value); // 125
 */
export const imageSourceOf = (image: IndexImage): IndexImageSource => {
  const array = (name: string): Float64Array | Int32Array => {
    const a = image.arrays[name];
    if (a === undefined) throw new IndexImageDamaged(`index image: array ${name} missing`);
    return a;
  };
  return {
    meta: image.meta,
    strings: (name) => image.strings[name],
    array,
    range: (name, from, to) => array(name).subarray(from, to),
  };
};
