import { IMAGE_LEVELS, IndexImageDamaged, type IndexImageSource } from "./index-image.js";

/**
 * The columns of a reopened index's image, looked up by (series key, cell id): what feeding an event
 * to a reopened index needs to find the column its delta goes to, without listing every column as
 * objects and maps. A national index has 1.2 million full-detail columns; listing them (a map per series
 * key, an object per column) was most of the 0.9 s an extension spent before reading its first appended
 * line. Here they are grouped by cell in three typed arrays (compressed sparse rows, built by a counting
 * sort in one pass over each level's `colKey` / `colCell`): a cell holds a few dozen columns, one per
 * series it has deltas for, scanned for the key.
 *
 * @example
 * const cols = PersistedColumns.of(imageSourceOf(buildIndex([]).toImage()));
 * cols.find(7, 0) // −1 (else the column of series 7 in cell 0, within the cell's level)
 */
export class PersistedColumns {
  private constructor(
    /** Per cell id: where its columns start in `keys` / `columns` (one more entry than the cells). */
    private readonly start: Int32Array,
    private readonly keys: Float64Array,
    private readonly columns: Int32Array,
  ) {}

  /** Groups every persisted column of the image (all levels) by its cell. */
  static of(img: IndexImageSource): PersistedColumns {
    const cells = img.meta.cells;
    const start = new Int32Array(cells + 1);
    const levels = IMAGE_LEVELS.map((level) => {
      const colKey = img.array(`${level}.colKey`);
      const colCell = img.array(`${level}.colCell`);
      if (colKey.length !== img.meta.levels[level].count || colCell.length !== colKey.length)
        throw new IndexImageDamaged(`index image: ${level} columns do not match their count`);
      return { colKey, colCell };
    });
    for (const { colCell } of levels)
      for (let c = 0; c < colCell.length; c++) {
        const cell = colCell[c] as number;
        if (!(cell >= 0 && cell < cells))
          throw new IndexImageDamaged(
            `index image: a column's cell ${cell} is not one of the ${cells} cells`,
          );
        start[cell + 1] = (start[cell + 1] as number) + 1;
      }
    for (let i = 0; i < cells; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
    const total = start[cells] as number;
    const keys = new Float64Array(total);
    const columns = new Int32Array(total);
    const cursor = start.slice(0, cells);
    for (const { colKey, colCell } of levels)
      for (let c = 0; c < colCell.length; c++) {
        const cell = colCell[c] as number;
        const at = cursor[cell] as number;
        cursor[cell] = at + 1;
        keys[at] = colKey[c] as number;
        columns[at] = c;
      }
    return new PersistedColumns(start, keys, columns);
  }

  /** The persisted column of a series in a cell (its id within the cell's level), or −1 when none. */
  find(key: number, cellId: number): number {
    if (cellId >= this.start.length - 1) return -1;
    const end = this.start[cellId + 1] as number;
    for (let i = this.start[cellId] as number; i < end; i++)
      if (this.keys[i] === key) return this.columns[i] as number;
    return -1;
  }
}
