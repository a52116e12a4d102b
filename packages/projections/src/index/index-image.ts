import type { SegmentParts } from "./column-segment.js";

/** The cell levels in image order. */
export const IMAGE_LEVELS = ["ledger", "province", "detail"] as const;

/**
 * A {@link ProjectionIndex} as plain data, to persist it and reopen it without the events: the laid-out
 * delta columns of each level (their segments' arrays), the cells, which column counts which series in
 * which cell, and each stream's positions (to read its events back from the ledger when it next
 * receives one). No decoded event is in it. `encodeIndexImage` turns it into bytes.
 *
 * @example const image = index.toImage(); const again = ProjectionIndex.fromImage(image, source);
 */
export interface IndexImage {
  readonly meta: {
    readonly events: number;
    readonly deltas: number;
    /** Latest recording instant fed (ms), null when none. */
    readonly latest: number | null;
    readonly levels: Readonly<
      Record<
        (typeof IMAGE_LEVELS)[number],
        {
          readonly count: number;
          readonly segments: ReadonlyArray<{ readonly columnCount: number; readonly minStride: number }>;
        }
      >
    >;
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
   * `streamMaxRecorded`, `streamMaxRevision`.
   */
  readonly arrays: Readonly<Record<string, Float64Array | Int32Array>>;
}

/** The array fields of a segment, in image order. */
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
 * @example const source = imageSourceOf(index.toImage()); source.array("cellLevels")
 */
export interface IndexImageSource {
  readonly meta: IndexImage["meta"];
  /** The cell keys (by cell id) or the stream ids (in image order). */
  readonly strings: (name: keyof IndexImage["strings"]) => ReadonlyArray<string>;
  /** A whole named array (see {@link IndexImage.arrays}); throws when it is missing. */
  readonly array: (name: string) => Float64Array | Int32Array;
  /** Elements `from … to` of a named array (only the bytes they lie in are read). */
  readonly range: (name: string, from: number, to: number) => Float64Array | Int32Array;
}

/**
 * A piece of a persisted index image failed its integrity check (a damaged block, a missing array) when
 * it was read, after the file was opened. The index must be rebuilt, never trusted.
 *
 * @example try { source.array("cellLevels") } catch (e) { if (e instanceof IndexImageDamaged) rebuild() }
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
 * @example ProjectionIndex.fromImage(imageSourceOf(index.toImage()), source)
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
