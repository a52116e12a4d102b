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
