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

/** Each image's levels' columns grouped by series key (see {@link imageColumnsOf}), built once. */
const grouped = new WeakMap<IndexImageSource, Map<Level, Grouped>>();
/** One series' columns at a level, those of the cells `keep` keeps only when given. */
type Grouped = (key: number, keep?: (cellId: number) => boolean) => ColumnList;
/** Each image's lists of one series' columns in one sector and/or district, by `level|key|sector|district`. */
const bySector = new WeakMap<IndexImageSource, Map<string, ColumnList>>();
/** Per image and filter (`sector|district`), each cell: 0 not asked yet, 1 kept, 2 not. */
const keptCells = new WeakMap<IndexImageSource, Map<string, Int8Array>>();
const keptCellsOf = (img: IndexImageSource, filter: string): Int8Array =>
  memoised(keptCells, img, filter, () => new Int8Array(img.meta.cells));
/** What is kept per image and key, made on first use. */
const memoised = <K, V>(
  maps: WeakMap<IndexImageSource, Map<K, V>>,
  img: IndexImageSource,
  k: K,
  make: () => V,
): V => {
  let byKey = maps.get(img);
  if (byKey === undefined) {
    byKey = new Map();
    maps.set(img, byKey);
  }
  let v = byKey.get(k);
  if (v === undefined) {
    v = make();
    byKey.set(k, v);
  }
  return v;
};
/** How many series each image's levels were asked for before they were grouped (scanned instead). */
const scanned = new WeakMap<IndexImageSource, Map<Level, number>>();
/**
 * A roll-up level is scanned for its first few series, then grouped. The first query after opening
 * asks one series or a few (`coops.active` by province: one), and one scan of the province level's
 * 97 k keys costs a fraction of grouping them all (a map lookup per column, two tables of their size):
 * grouping was most of the 20 ms the bench's first province query took at national. The full-detail
 * level (1.36 M columns, ~100 series a query) is grouped at once.
 */
const SCANNED_SERIES = 4;

type ColumnList = Array<{ readonly cellId: number; readonly column: number }>;

/**
 * One series' persisted columns at a level, in column order. A roll-up level is scanned for its first
 * few series (see {@link SCANNED_SERIES}); otherwise the level's columns are grouped by key in one pass
 * over its `colKey` (a counting sort, kept with the image), and a series' columns are then a slice: a
 * full-detail query lists ~100 series, and a scan of the 1.36 M `colKey` entries for each was 1–1.5 s
 * of a first sector-scoped snapshot on the national ledger. No object is made for the columns of series
 * not asked for (97 k at province level, 1.36 M at full detail). With `only`, the columns of the cells
 * in one sector and/or district only (`of` gives a cell), from the level grouped, kept with the image.
 * @example imageColumnsOf(imageSourceOf(buildIndex([]).toImage()), "province", 7) // []
 */
export const imageColumnsOf = (
  img: IndexImageSource,
  level: Level,
  key: number,
  only?: {
    readonly sector?: string | undefined;
    readonly district?: string | undefined;
    readonly of: (cellId: number) => { readonly sector: string; readonly district: string };
  },
): ColumnList => {
  if (only !== undefined) {
    // One sector's or district's columns, kept with the image: no object for the others' columns
    // (listing a series' columns whole for the first sector scope was ~1 s of CPU at national, level in
    // memory; a district scope walked them all at each point of its sparklines, ~0.6 s of its first 1 s).
    let lists = bySector.get(img);
    if (lists === undefined) {
      lists = new Map();
      bySector.set(img, lists);
    }
    const { sector, district, of } = only;
    const filter = `${sector ?? ""}|${district ?? ""}`;
    const k = `${level}|${key}|${filter}`;
    let list = lists.get(k);
    if (list === undefined) {
      // Whether each cell is kept, decided once per filter (a series' columns name ~1 cell each).
      const kept = keptCellsOf(img, filter);
      list = groupedOf(img, level)(key, (cellId) => {
        let m = kept[cellId];
        if (m !== 1 && m !== 2) {
          const c = of(cellId);
          const keep =
            (sector === undefined || c.sector === sector) &&
            (district === undefined || c.district === district);
          m = keep ? 1 : 2;
          kept[cellId] = m;
        }
        return m === 1;
      });
      lists.set(k, list);
    }
    return list;
  }
  let levels = grouped.get(img);
  if (levels === undefined) {
    levels = new Map();
    grouped.set(img, levels);
  }
  const of = levels.get(level);
  if (of === undefined && level !== "detail") {
    let counts = scanned.get(img);
    if (counts === undefined) {
      counts = new Map();
      scanned.set(img, counts);
    }
    const n = counts.get(level) ?? 0;
    if (n < SCANNED_SERIES) {
      counts.set(level, n + 1);
      return scanForKey(img, level, key);
    }
  }
  return (of ?? groupedOf(img, level))(key);
};

/** A level's columns grouped by key, built once per image. */
const groupedOf = (img: IndexImageSource, level: Level): Grouped =>
  memoised(grouped, img, level, () => groupByKey(img, level));

/** A level's columns, checked to match its count. */
const levelColumns = (
  img: IndexImageSource,
  level: Level,
): {
  readonly count: number;
  readonly colKey: Float64Array | Int32Array;
  readonly colCell: Float64Array | Int32Array;
} => {
  const count = img.meta.levels[level].count;
  const colKey = img.array(`${level}.colKey`);
  const colCell = img.array(`${level}.colCell`);
  if (colKey.length !== count || colCell.length !== count)
    throw new IndexImageDamaged(`index image: ${level} columns do not match their count`);
  return { count, colKey, colCell };
};

/**
 * One series' columns at a level, in column order, by one pass over the level's keys. The typed array's
 * own `indexOf` does the pass: it runs at native speed in a process that has just started, where a loop
 * of ours over 97 k keys still runs in the interpreter (4-36 ms of CPU for the same pass at load ~28).
 */
const scanForKey = (img: IndexImageSource, level: Level, key: number): ColumnList => {
  const { colKey, colCell } = levelColumns(img, level);
  const out: ColumnList = [];
  for (let c = colKey.indexOf(key); c >= 0; c = colKey.indexOf(key, c + 1))
    out.push({ cellId: colCell[c] as number, column: c });
  return out;
};

const groupByKey = (img: IndexImageSource, level: Level): Grouped => {
  const { count, colKey, colCell } = levelColumns(img, level);
  // Counting sort by key (stable: each key's columns stay in column order).
  const groupOf = new Map<number, number>();
  const group = new Int32Array(count);
  const sizes: number[] = [];
  let lastKey = Number.NaN;
  let lastGroup = -1;
  for (let c = 0; c < count; c++) {
    const key = colKey[c] as number;
    if (key !== lastKey) {
      let g = groupOf.get(key);
      if (g === undefined) {
        g = sizes.length;
        groupOf.set(key, g);
        sizes.push(0);
      }
      lastKey = key;
      lastGroup = g;
    }
    group[c] = lastGroup;
    sizes[lastGroup] = (sizes[lastGroup] as number) + 1;
  }
  const start = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) start[g + 1] = (start[g] as number) + (sizes[g] as number);
  const cursor = start.slice(0, sizes.length);
  const columns = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    const g = group[c] as number;
    columns[cursor[g] as number] = c;
    cursor[g] = (cursor[g] as number) + 1;
  }
  return (key, keep) => {
    const g = groupOf.get(key);
    const out: ColumnList = [];
    if (g === undefined) return out;
    for (let i = start[g] as number; i < (start[g + 1] as number); i++) {
      const c = columns[i] as number;
      const cellId = colCell[c] as number;
      if (keep === undefined || keep(cellId)) out.push({ cellId, column: c });
    }
    return out;
  };
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
