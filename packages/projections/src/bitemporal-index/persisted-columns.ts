import { IMAGE_LEVELS, IndexImageDamaged, type IndexImageSource } from "./index-image.js";

/**
 * The arrays of an image's **columns grouped by cell** (format 7), written with every image (a base
 * image: all its columns; an extension: the columns it adds): `cells` lists the cells that have
 * columns in the image (ascending), `start` where each one's entries begin (one more entry than
 * `cells`), and `entries` two numbers an entry: the series key and the column (its id within the
 * cell's level), side by side so that a cell's entries are one read (one or two 4 KiB blocks).
 */
const CELL_COLUMNS = {
  cells: "cellColumns.cells",
  start: "cellColumns.start",
  entries: "cellColumns.entries",
} as const;

type Arrays = Record<string, Float64Array | Int32Array>;

/**
 * Adds to an image's `arrays` its columns grouped by cell (see `docs/index-format.md`), from the
 * image's own `<level>.colKey` / `<level>.colCell` (its columns from `first[level]` on: an extension
 * holds the columns after those of the index it extends). A counting sort: one pass to count, one to
 * place, each cell's entries in level then column order.
 * @example
 * const arrays: Record<string, Float64Array | Int32Array> = {
 *   "ledger.colKey": Float64Array.of(7, 8), "ledger.colCell": Int32Array.of(1, 0),
 *   "province.colKey": new Float64Array(0), "province.colCell": new Int32Array(0),
 *   "detail.colKey": new Float64Array(0), "detail.colCell": new Int32Array(0),
 * };
 * cellColumnArrays(arrays, undefined);
 * // Cell 0 holds series 8 in column 1, cell 1 series 7 in column 0.
 * console.log(Array.from(arrays["cellColumns.cells"] ?? []), Array.from(arrays["cellColumns.entries"] ?? [])); // [0, 1] [8, 1, 7, 0]
 */
export const cellColumnArrays = (
  arrays: Arrays,
  first: Readonly<Record<(typeof IMAGE_LEVELS)[number], number>> | undefined,
): void => {
  const levels = IMAGE_LEVELS.map((level) => ({
    colKey: arrays[`${level}.colKey`] ?? new Float64Array(0),
    colCell: arrays[`${level}.colCell`] ?? new Int32Array(0),
    c0: first?.[level] ?? 0,
  }));
  let maxCell = -1;
  for (const { colCell } of levels) for (const c of colCell) if (c > maxCell) maxCell = c;
  const count = new Int32Array(maxCell + 2);
  for (const { colCell } of levels) for (const c of colCell) count[c + 1] = (count[c + 1] as number) + 1;
  const cells: number[] = [];
  const starts: number[] = [0];
  for (let c = 0; c <= maxCell; c++)
    if ((count[c + 1] as number) > 0) {
      cells.push(c);
      starts.push((starts[starts.length - 1] as number) + (count[c + 1] as number));
    }
  // Where each cell's next entry goes (the cumulative counts).
  for (let c = 0; c <= maxCell; c++) count[c + 1] = (count[c + 1] as number) + (count[c] as number);
  const total = count[maxCell + 1] ?? 0;
  const entries = new Float64Array(2 * total);
  for (const { colKey, colCell, c0 } of levels)
    for (let i = 0; i < colCell.length; i++) {
      const cell = colCell[i] as number;
      const at = count[cell] as number;
      count[cell] = at + 1;
      entries[2 * at] = colKey[i] as number;
      entries[2 * at + 1] = c0 + i;
    }
  arrays[CELL_COLUMNS.cells] = Int32Array.from(cells);
  arrays[CELL_COLUMNS.start] = Float64Array.from(starts);
  arrays[CELL_COLUMNS.entries] = entries;
};

/** One image's table of its columns grouped by cell (the cell list and starts; entries read per cell). */
interface Layer {
  readonly img: IndexImageSource;
  readonly cells: Float64Array | Int32Array;
  readonly start: Float64Array | Int32Array;
}

/**
 * The columns of a reopened index's image, looked up by (series key, cell id): what feeding an event
 * to a reopened index needs to find the column its delta goes to. Each image of the file (the base and
 * every extension) persists its columns grouped by cell ({@link cellColumnArrays}); a lookup reads the
 * cell's entries of each image in one ranged read, once per cell. So an extension reads the cells its events
 * touch (a thousand events: ~1,300 of a national index's ~7,000 cells), not every column: grouping the
 * 1.36 million full-detail columns by cell at each extension read 17 MB and cost ~250 ms at load 12.
 *
 * @example
 * const cols = PersistedColumns.of(imageSourceOf(buildIndex([]).toImage()));
 * cols.find(7, 0) // −1 (else the column of series 7 in cell 0, within the cell's level)
 */
export class PersistedColumns {
  /**
   * Per cell looked up: its entries in every image, as read (key and column side by side, image order).
   * Kept as the arrays read rather than copied into lists: an extension's touched cells hold ~700,000
   * entries at national scale, and copying them cost more than scanning them.
   */
  private readonly byCell = new Map<number, ReadonlyArray<Float64Array | Int32Array>>();

  private constructor(private readonly layers: ReadonlyArray<Layer>) {}

  /** Reads each image's cell list and starts (a few thousand numbers each), checked to fit together. */
  static of(img: IndexImageSource): PersistedColumns {
    const layers = (img.layers ?? [img]).map((layer): Layer => {
      const cells = layer.array(CELL_COLUMNS.cells);
      const start = layer.array(CELL_COLUMNS.start);
      let columns = 0;
      for (const l of IMAGE_LEVELS)
        columns += layer.meta.levels[l].count - (layer.meta.extends?.columns[l] ?? 0);
      let ok = start.length === cells.length + 1 && start[0] === 0 && start[cells.length] === columns;
      for (let i = 0; ok && i < cells.length; i++)
        ok =
          (cells[i] as number) < layer.meta.cells &&
          (i === 0 ? (cells[i] as number) >= 0 : (cells[i] as number) > (cells[i - 1] as number)) &&
          (start[i + 1] as number) >= (start[i] as number);
      if (!ok) throw new IndexImageDamaged("index image: the columns by cell do not match the columns");
      return { img: layer, cells, start };
    });
    return new PersistedColumns(layers);
  }

  /** The persisted column of a series in a cell (its id within the cell's level), or −1 when none. */
  find(key: number, cellId: number): number {
    let held = this.byCell.get(cellId);
    if (held === undefined) {
      held = this.read(cellId);
      this.byCell.set(cellId, held);
    }
    // The first entry of the key, image by image (a series has one column a cell).
    for (const e of held) {
      for (let i = 0; i < e.length; i += 2) if (e[i] === key) return e[i + 1] as number;
    }
    return -1;
  }

  /** A cell's entries in every image (a binary search of each image's cell list, then two ranged reads). */
  private read(cellId: number): Array<Float64Array | Int32Array> {
    const held: Array<Float64Array | Int32Array> = [];
    for (const { img, cells, start } of this.layers) {
      let lo = 0;
      let hi = cells.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = cells[mid] as number;
        if (c === cellId) {
          lo = mid;
          break;
        }
        if (c < cellId) lo = mid + 1;
        else hi = mid - 1;
      }
      if (cells[lo] !== cellId) continue;
      const from = start[lo] as number;
      const to = start[lo + 1] as number;
      const e = img.range(CELL_COLUMNS.entries, 2 * from, 2 * to);
      if (e.length !== 2 * (to - from))
        throw new IndexImageDamaged("index image: the columns by cell do not match the columns");
      if (e.length > 0) held.push(e);
    }
    return held;
  }
}
