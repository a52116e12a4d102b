import { type CellInfo, ledgerLevelCell, parseCell, provinceLevelCell } from "../model/cells.js";
import { ColumnStore } from "./column-store.js";
import { DeltaLog } from "./delta-log.js";
import { imageCells, imageColumns, imageColumnsOf, imageRollUps, imageSegments } from "./image-columns.js";
import {
  IMAGE_LEVELS,
  type ImageExtent,
  type ImageSegment,
  IndexImageDamaged,
  type IndexImageSource,
  SEGMENT_FIELDS,
} from "./index-image.js";
import { PersistedColumns } from "./persisted-columns.js";

/** A column of the index (its id within its level) with the cell it counts. */
export interface CellColumn {
  readonly cellId: number;
  readonly column: number;
}

/**
 * Cell levels: whole-ledger roll-ups (form × people's credit fund or not) answer unscoped queries,
 * province-level roll-ups province queries, full detail district and sector scopes.
 */
export type CellLevel = "ledger" | "province" | "detail";

/**
 * Where the deltas of the feeding side go: one full-detail delta (series key, cell key, valid day,
 * amount, recording instant).
 * @example const sink: DeltaSink = { push: (key, cell, day, amount, rec) => console.log(key, cell, day, amount, rec) };
 */
export interface DeltaSink {
  readonly push: (key: number, cell: string, day: number, amount: number, rec: number) => void;
}

/**
 * The layout side of the bitemporal index: the cells (full detail and their province and whole-ledger
 * roll-ups), the columns of each level (one per series and cell) and their deltas, staged as fed and
 * sorted into their columns when a query next reads them. It knows nothing of streams or events: the
 * feeding side (`StreamFeed`, stream-feed.ts) pushes it deltas; `ProjectionIndex` reads it.
 * Opened on an image ({@link open}), it reads it lazily: a level's columns when a query needs them, a
 * cell when asked for, the cells and column tables feeding needs before it is fed ({@link readForFeeding}).
 * @example
 * const layout = new ColumnLayout();
 * layout.push(7, "2008-08-01|60|593|agriculture|cooperative", 19_000, 1, 0);
 * layout.prepare().sumAt("ledger", layout.columnsOf(7, "ledger")[0]?.column ?? 0, 19_000, 0) // 1
 */
export class ColumnLayout implements DeltaSink {
  /** Cell ids by key (full-detail keys as they are, roll-up keys prefixed `P` or `L`). */
  private readonly cellIds = new Map<string, number>();
  private readonly cellInfos: CellInfo[] = [];
  private readonly cellLevels: CellLevel[] = [];
  private readonly provinceCellOf: number[] = [];
  private readonly ledgerCellOf: number[] = [];
  /** The columns of each level: their count and their deltas. */
  private readonly levels: Record<CellLevel, { count: number; store: ColumnStore }>;
  /** For a full-detail column, its province-level and whole-ledger roll-up columns. */
  private readonly provinceColumnOf: number[] = [];
  private readonly ledgerColumnOf: number[] = [];
  /** Column ids (within the cell's level) by series key and cell id. */
  private readonly columnIds = new Map<number, number[]>();
  private readonly bySeries = new Map<number, Record<CellLevel, CellColumn[]>>();
  /** Full-detail columns by series key and sector, built on the first sector-scoped query of a series. */
  private readonly detailBySector = new Map<number, Map<string, CellColumn[]>>();
  private readonly staging = new DeltaLog();
  private lastCell: string | undefined = undefined;
  private lastCellId = -1;
  /** Number of deltas pushed (at full detail; each also rolls up into its province and the whole ledger). */
  deltaCount = 0;
  /**
   * An image this layout was opened on, while some of it is not read yet: each level's columns and
   * the cells are read when first used.
   */
  private image: IndexImageSource | undefined = undefined;
  /** Whether each level's columns are listed by series (`bySeries`) whole, and the keys listed before. */
  private readonly loaded = { ledger: true, province: true, detail: true };
  private readonly listedKeys = {
    ledger: new Set<number>(),
    province: new Set<number>(),
    detail: new Set<number>(),
  };
  /** Whether the image's segments are open in the levels' stores (paged: read when summed). */
  private storesOpen = true;
  /** Whether the cells and the column tables feeding needs are read (see {@link readForFeeding}). */
  private fedReady = true;
  /** A reopened layout's persisted columns by (series, cell), once fed. */
  private persisted: PersistedColumns | undefined = undefined;
  private cellKeyList: ReadonlyArray<string> | undefined = undefined;

  /** An empty layout; `minStride` as for {@link ColumnStore}. */
  constructor(private readonly minStride?: number) {
    this.levels = {
      ledger: { count: 0, store: new ColumnStore(minStride) },
      province: { count: 0, store: new ColumnStore(minStride) },
      detail: { count: 0, store: new ColumnStore(minStride) },
    };
  }

  /** Opens the layout on an image: nothing is read yet but the column counts and the delta count. */
  open(img: IndexImageSource): void {
    this.image = img;
    this.loaded.ledger = false;
    this.loaded.province = false;
    this.loaded.detail = false;
    this.storesOpen = false;
    this.fedReady = false;
    for (const level of IMAGE_LEVELS) this.levels[level].count = img.meta.levels[level].count;
    this.deltaCount = img.meta.deltas;
  }

  /** Appends a full-detail delta to the staging log. */
  push(key: number, cell: string, day: number, amount: number, rec: number): void {
    let cellId: number;
    if (cell === this.lastCell) cellId = this.lastCellId;
    else {
      cellId = this.intern(cell);
      this.lastCell = cell;
      this.lastCellId = cellId;
    }
    let byCell = this.columnIds.get(key);
    if (byCell === undefined) {
      byCell = [];
      this.columnIds.set(key, byCell);
    }
    let column = byCell[cellId];
    if (column === undefined) column = this.detailColumn(key, cellId, byCell);
    this.staging.push(column, day, rec, amount);
    this.deltaCount++;
  }

  /** Lays the staged deltas out into their columns now (see `ProjectionIndex.prepare`). */
  prepare(): this {
    if (this.staging.size > 0) this.flush();
    return this;
  }

  /** A series' columns at a level; a sector's full-detail ones; a district's maybe only (the query filters). */
  columnsOf(key: number, level: CellLevel, sector?: string, district?: string): ReadonlyArray<CellColumn> {
    const img = this.image;
    // A sector or district of a series not listed nor fed at full detail: its columns from the image.
    const unlisted =
      !this.loaded.detail && !this.listedKeys.detail.has(key) && !this.bySeries.get(key)?.detail.length;
    if ((sector ?? district) !== undefined && level === "detail" && img !== undefined && unlisted)
      return imageColumnsOf(img, "detail", key, { sector, district, of: (cellId) => this.cell(cellId) });
    // A reopened layout lists the series' own persisted columns (a slice of the level's, by key).
    if (img !== undefined && !this.loaded[level] && !this.listedKeys[level].has(key)) {
      this.openStores();
      this.listed(level, key, imageColumnsOf(img, level, key));
      this.listedKeys[level].add(key);
    }
    this.prepare();
    const s = this.bySeries.get(key);
    if (s === undefined) return [];
    if (level !== "detail" || sector === undefined) return s[level];
    // A sector scope: only that sector's columns (walking all of a series' made them the slowest by far).
    let bySector = this.detailBySector.get(key);
    if (bySector === undefined) {
      bySector = new Map();
      for (const c of s.detail) addToSector(bySector, this.cell(c.cellId).sector, c);
      this.detailBySector.set(key, bySector);
    }
    return bySector.get(sector) ?? [];
  }

  /** Sum of a column's deltas with day ≤ `day` and recorded ≤ `rec` (a column from {@link columnsOf}). */
  sumAt(level: CellLevel, column: number, day: number, rec: number): number {
    if (!this.storesOpen) this.openStores();
    return this.levels[level].store.sumAt(column, day, rec);
  }

  /** A level's store (the image's segments opened in it): to read it ahead. */
  storeOf(level: CellLevel): ColumnStore {
    if (!this.storesOpen) this.openStores();
    return this.levels[level].store;
  }

  /** The parsed cell of a cell id. */
  cell(cellId: number): CellInfo {
    return this.cellInfos[cellId] ?? this.readCell(cellId);
  }

  /** Number of cells (all levels). */
  get cellCount(): number {
    return this.fedReady
      ? this.cellLevels.length
      : (this.image as IndexImageSource).array("cellLevels").length;
  }

  /** Merges each level's segments into one (reading the persisted ones whole). */
  compact(): void {
    for (const level of IMAGE_LEVELS) this.levels[level].store.compact();
  }

  /**
   * Sorts the staged deltas into their columns: the full-detail column and its two roll-ups, each level
   * one new segment. Run when a query next reads the index: a bulk build lays each level out once.
   */
  private flush(): void {
    const log = this.staging;
    this.levels.detail.store.add(log.entries(undefined), this.levels.detail.count);
    this.levels.province.store.add(log.entries(this.provinceColumnOf), this.levels.province.count);
    this.levels.ledger.store.add(log.entries(this.ledgerColumnOf), this.levels.ledger.count);
    log.clear();
  }

  private intern(cell: string): number {
    let id = this.cellIds.get(cell);
    if (id === undefined) {
      id = this.internAt(cell, "detail", cell);
      const province = provinceLevelCell(cell);
      const ledger = ledgerLevelCell(cell);
      this.provinceCellOf[id] = this.internAt(`P${province}`, "province", province);
      this.ledgerCellOf[id] = this.internAt(`L${ledger}`, "ledger", ledger);
    }
    return id;
  }

  private internAt(k: string, level: CellLevel, cell: string): number {
    let id = this.cellIds.get(k);
    if (id === undefined) {
      id = this.cellLevels.length;
      this.cellIds.set(k, id);
      this.cellInfos[id] = parseCell(cell);
      this.cellLevels.push(level);
      this.provinceCellOf.push(-1);
      this.ledgerCellOf.push(-1);
    }
    return id;
  }

  private detailColumn(key: number, cellId: number, byCell: number[]): number {
    // The roll-up columns are created with their first detail column so that the roll-up column lists
    // keep the order in which cells were first seen.
    const id = this.column(key, cellId, byCell);
    this.provinceColumnOf[id] = this.column(key, this.provinceCellOf[cellId] as number, byCell);
    this.ledgerColumnOf[id] = this.column(key, this.ledgerCellOf[cellId] as number, byCell);
    return id;
  }

  private column(key: number, cellId: number, byCell: number[]): number {
    let id = byCell[cellId];
    if (id !== undefined) return id;
    // A reopened layout's persisted column (remembered in `byCell` once found).
    const found = this.persisted === undefined ? -1 : this.persisted.find(key, cellId);
    if (found >= 0) {
      byCell[cellId] = found;
      return found;
    }
    const level = this.cellLevels[cellId] as CellLevel;
    id = this.levels[level].count++;
    byCell[cellId] = id;
    let s = this.bySeries.get(key);
    if (s === undefined) {
      s = { ledger: [], province: [], detail: [] };
      this.bySeries.set(key, s);
    }
    const c = { cellId, column: id };
    s[level].push(c);
    const bySector = level === "detail" ? this.detailBySector.get(key) : undefined;
    if (bySector !== undefined) addToSector(bySector, this.cell(cellId).sector, c);
    return id;
  }

  /** Lists a level's persisted columns by series (before those added since: ids ascend, as when fed). */
  private readLevel(level: CellLevel): void {
    const img = this.image;
    if (img === undefined || this.loaded[level]) return;
    this.openStores();
    for (const [key, list] of imageColumns(img, level))
      if (!this.listedKeys[level].has(key)) this.listed(level, key, list);
    this.loaded[level] = true;
  }

  /** A series' persisted columns at a level, before those added since the layout was opened. */
  private listed(level: CellLevel, key: number, list: CellColumn[]): void {
    const s = this.bySeries.get(key);
    if (s === undefined) this.bySeries.set(key, { ledger: [], province: [], detail: [], [level]: list });
    else s[level] = s[level].length === 0 ? list : list.concat(s[level]);
  }

  /** Opens the image's segments in each level's store (paged: nothing is read until summed). */
  private openStores(): void {
    const img = this.image;
    if (img === undefined || this.storesOpen) return;
    for (const level of IMAGE_LEVELS)
      this.levels[level].store = ColumnStore.fromSegments(imageSegments(img, level), this.minStride);
    this.storesOpen = true;
  }

  /** Parses one cell of a reopened index (its key read from the image). */
  private readCell(cellId: number): CellInfo {
    const img = this.image;
    if (img === undefined) throw new Error(`ProjectionIndex: no cell ${cellId}`);
    this.cellKeyList ??= img.strings("cellKeys");
    const k = this.cellKeyList[cellId];
    const level = img.array("cellLevels")[cellId];
    if (k === undefined || level === undefined) throw new IndexImageDamaged(`index image: no cell ${cellId}`);
    const info = parseCell(level === 2 ? k : k.slice(1));
    this.cellInfos[cellId] = info;
    return info;
  }

  /**
   * Reads what feeding a reopened layout needs: the cells (a few thousand: their keys, levels and
   * roll-up cells), each full-detail column's roll-up columns (two numbers a column), the persisted
   * columns by (series, cell) ({@link PersistedColumns}), and the stores over the persisted segments.
   * The columns are not listed by series (a query lists its own level's when it needs them) and no
   * segment's deltas are read: an extension costs the events appended, not the index's size.
   */
  readForFeeding(): void {
    const img = this.image;
    if (img === undefined || this.fedReady) return;
    this.openStores();
    const cells = imageCells(img);
    this.cellKeyList = cells.keys;
    cells.keys.forEach((k, id) => {
      this.cellIds.set(k, id);
      this.cellLevels.push(cells.levels[id] as CellLevel);
      this.provinceCellOf.push(cells.provinceCellOf[id] as number);
      this.ledgerCellOf.push(cells.ledgerCellOf[id] as number);
    });
    // No roll-up table is read: `detailColumn` looks a fed column's roll-ups up in `persisted` too.
    this.persisted = PersistedColumns.of(img);
    this.fedReady = true;
  }

  /** Reads everything of the image the layout still lacks (before it is written whole again). */
  readAll(): void {
    const img = this.image;
    if (img === undefined) return;
    this.readForFeeding();
    const rollUps = imageRollUps(img);
    for (let c = 0; c < rollUps.province.length; c++) {
      this.provinceColumnOf[c] ??= rollUps.province[c] as number;
      this.ledgerColumnOf[c] ??= rollUps.ledger[c] as number;
    }
    for (const level of IMAGE_LEVELS) this.readLevel(level);
    for (let id = 0; id < img.meta.cells; id++) this.cell(id);
    this.image = undefined;
    this.cellKeyList = undefined;
  }

  /**
   * The layout's part of an image (cells, columns, segments), of everything (no mark) or of what came
   * after a mark (an extension: segments laid out since, stored sparsely), written into `arrays`;
   * returns the image's `meta.levels` and its cell keys.
   */
  imageArrays(
    mark: ImageExtent | undefined,
    arrays: Record<string, Float64Array | Int32Array>,
  ): {
    readonly levels: Record<string, { count: number; segments: ImageSegment[] }>;
    readonly cellKeys: string[];
  } {
    const levelCode = { ledger: 0, province: 1, detail: 2 } as const;
    const cells0 = mark?.cells ?? 0;
    arrays.cellLevels = Int32Array.from(this.cellLevels.slice(cells0), (l) => levelCode[l]);
    arrays.provinceCellOf = Int32Array.from(this.provinceCellOf.slice(cells0));
    arrays.ledgerCellOf = Int32Array.from(this.ledgerCellOf.slice(cells0));
    const detail0 = mark?.columns.detail ?? 0;
    arrays.provinceColumnOf = Float64Array.from(this.provinceColumnOf.slice(detail0));
    arrays.ledgerColumnOf = Float64Array.from(this.ledgerColumnOf.slice(detail0));
    const metaLevels: Record<string, { count: number; segments: ImageSegment[] }> = {};
    for (const level of IMAGE_LEVELS) {
      const n = this.levels[level].count;
      const c0 = mark?.columns[level] ?? 0;
      const colKey = new Float64Array(n - c0);
      const colCell = new Int32Array(n - c0);
      for (const [key, s] of this.bySeries)
        for (const c of s[level]) {
          if (c.column < c0) continue;
          colKey[c.column - c0] = key;
          colCell[c.column - c0] = c.cellId;
        }
      arrays[`${level}.colKey`] = colKey;
      arrays[`${level}.colCell`] = colCell;
      const segments: ImageSegment[] = [];
      const store = this.levels[level].store;
      if (mark === undefined)
        store.parts().forEach((dense, j) => {
          for (const f of SEGMENT_FIELDS) arrays[`${level}.${j}.${f}`] = dense[f];
          segments.push({ columnCount: dense.columnCount, minStride: dense.minStride });
        });
      else
        store.sparseParts(mark.segments[level]).forEach(({ columnCount, cols, parts }, j) => {
          arrays[`${level}.${j}.cols`] = cols;
          for (const f of SEGMENT_FIELDS) arrays[`${level}.${j}.${f}`] = parts[f];
          segments.push({ columnCount, minStride: parts.minStride, localColumns: cols.length });
        });
      metaLevels[level] = { count: n, segments };
    }
    const cellKeys: string[] = [];
    let k = 0;
    for (const key of this.cellIds.keys()) if (k++ >= cells0) cellKeys.push(key);
    return { levels: metaLevels, cellKeys };
  }
}

const addToSector = (bySector: Map<string, CellColumn[]>, sector: string, c: CellColumn): void =>
  void (bySector.get(sector)?.push(c) ?? bySector.set(sector, [c]));
