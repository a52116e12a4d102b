import { doubles } from "./column-segment.js";
import { IndexImageDamaged, type IndexImageSource } from "./index-image.js";
import { PagedSegment, type Segment } from "./paged-segment.js";
import { SparseSegment } from "./sparse-segment.js";

/** An image's cell level (see `CellLevel`, column-layout.ts). */
type Level = "ledger" | "province" | "detail";

/**
 * A level's persisted segments, paged (nothing is read until a column is summed, merged or written).
 * @example const segments = imageSegments(imageSourceOf(buildIndex([]).toImage()), "province");
 */
export const imageSegments = (img: IndexImageSource, level: Level): Segment[] =>
  img.meta.levels[level].segments.map((seg, j) => {
    const read = (f: string, from: number, to: number) => img.range(`${level}.${j}.${f}`, from, to);
    // A sparse segment (an extension's) holds its non-empty columns only, listed in `cols`.
    if (seg.localColumns === undefined) return new PagedSegment(seg.columnCount, seg.minStride, read);
    return new SparseSegment(
      seg.columnCount,
      () => img.array(`${level}.${j}.cols`),
      new PagedSegment(seg.localColumns, seg.minStride, read),
    );
  });

/**
 * A level's persisted columns by series key, each list in column order (which cell each counts).
 * @example imageColumns(imageSourceOf(buildIndex([]).toImage()), "ledger").get(7) // undefined: no column
 */
export const imageColumns = (
  img: IndexImageSource,
  level: Level,
): Map<number, Array<{ readonly cellId: number; readonly column: number }>> => {
  const count = img.meta.levels[level].count;
  const colKey = img.array(`${level}.colKey`);
  const colCell = img.array(`${level}.colCell`);
  if (colKey.length !== count || colCell.length !== count)
    throw new IndexImageDamaged(`index image: ${level} columns do not match their count`);
  const listed = new Map<number, Array<{ readonly cellId: number; readonly column: number }>>();
  for (let c = 0; c < count; c++) {
    const key = colKey[c] as number;
    let list = listed.get(key);
    if (list === undefined) {
      list = [];
      listed.set(key, list);
    }
    list.push({ cellId: colCell[c] as number, column: c });
  }
  return listed;
};

/**
 * Each persisted full-detail column's province and whole-ledger roll-up columns, as unboxed arrays
 * (filled in a loop: a spread of a million overflows the stack, and pushes grow in steps).
 * @example const { province, ledger } = imageRollUps(imageSourceOf(buildIndex([]).toImage())); province.length === ledger.length
 */
export const imageRollUps = (img: IndexImageSource): { province: number[]; ledger: number[] } => {
  const detail = img.meta.levels.detail.count;
  const provinceColumnOf = img.array("provinceColumnOf");
  const ledgerColumnOf = img.array("ledgerColumnOf");
  if (provinceColumnOf.length !== detail || ledgerColumnOf.length !== detail)
    throw new IndexImageDamaged("index image: the roll-up tables do not match the detail columns");
  const province = doubles(detail);
  const ledger = doubles(detail);
  for (let c = 0; c < detail; c++) {
    province[c] = provinceColumnOf[c] as number;
    ledger[c] = ledgerColumnOf[c] as number;
  }
  return { province, ledger };
};
