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
 * One series' persisted columns at a level, in column order: a scan of the level's `colKey` (what a
 * query needs, where {@link imageColumns} makes an object for each of the level's columns: 97 k at
 * province level, 1.36 M at full detail on the national ledger).
 * @example imageColumnsOf(imageSourceOf(buildIndex([]).toImage()), "province", 7) // []
 */
export const imageColumnsOf = (
  img: IndexImageSource,
  level: Level,
  key: number,
): Array<{ readonly cellId: number; readonly column: number }> => {
  const count = img.meta.levels[level].count;
  const colKey = img.array(`${level}.colKey`);
  const colCell = img.array(`${level}.colCell`);
  if (colKey.length !== count || colCell.length !== count)
    throw new IndexImageDamaged(`index image: ${level} columns do not match their count`);
  const out: Array<{ readonly cellId: number; readonly column: number }> = [];
  for (let c = 0; c < count; c++)
    if (colKey[c] === key) out.push({ cellId: colCell[c] as number, column: c });
  return out;
};

/**
 * Each persisted full-detail column's province and whole-ledger roll-up columns.
 * @example const { province, ledger } = imageRollUps(imageSourceOf(buildIndex([]).toImage())); province.length === ledger.length
 */
export const imageRollUps = (
  img: IndexImageSource,
): { readonly province: ArrayLike<number>; readonly ledger: ArrayLike<number> } => {
  const detail = img.meta.levels.detail.count;
  const provinceColumnOf = img.array("provinceColumnOf");
  const ledgerColumnOf = img.array("ledgerColumnOf");
  if (provinceColumnOf.length !== detail || ledgerColumnOf.length !== detail)
    throw new IndexImageDamaged("index image: the roll-up tables do not match the detail columns");
  return { province: provinceColumnOf, ledger: ledgerColumnOf };
};

/**
 * The image's cells: keys (roll-up keys prefixed `P` or `L`), levels, and each cell's province and
 * whole-ledger roll-up cells (−1 for a roll-up cell), checked to fit together.
 * @example imageCells(imageSourceOf(buildIndex([]).toImage())).keys // []
 */
export const imageCells = (
  img: IndexImageSource,
): {
  readonly keys: ReadonlyArray<string>;
  readonly levels: ReadonlyArray<Level>;
  readonly provinceCellOf: ArrayLike<number>;
  readonly ledgerCellOf: ArrayLike<number>;
} => {
  const levelOf: ReadonlyArray<Level> = ["ledger", "province", "detail"];
  const cellLevels = img.array("cellLevels");
  const provinceCellOf = img.array("provinceCellOf");
  const ledgerCellOf = img.array("ledgerCellOf");
  const keys = img.strings("cellKeys");
  if (
    keys.length !== cellLevels.length ||
    keys.length !== img.meta.cells ||
    provinceCellOf.length !== keys.length ||
    ledgerCellOf.length !== keys.length
  )
    throw new IndexImageDamaged("index image: the cell keys do not match the cells");
  const levels = Array.from(cellLevels, (l) => levelOf[l] as Level);
  return { keys, levels, provinceCellOf, ledgerCellOf };
};
