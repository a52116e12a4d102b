import { dayOf, instantMs, type RecordedEvent } from "@coop-ledger/domain";
import { ChunkedColumn } from "../bitemporal-index/chunked-column.js";
import type { IndexImage } from "../bitemporal-index/index-image.js";
import type { EntrySpill } from "./entry-spill.js";
import { type EntryColumn, MemoryColumn, SpilledColumn } from "./spilled-column.js";
import { streamProvenance } from "./stream-provenance.js";

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
/** Entries a spilled column holds in memory (4 MiB of i32, 8 MiB of f64), the rest on the spill. */
const SPILL_CHUNK = 1 << 20;

/**
 * The array names of a provenance image (see `ProvenanceTable.toImage`).
 * @example PROVENANCE_ARRAYS.keys // "prov.keys"
 */
export const PROVENANCE_ARRAYS = {
  eventRec: "prov.event.rec",
  eventDay: "prov.event.day",
  eventType: "prov.event.type",
  eventStream: "prov.event.stream",
  keys: "prov.keys",
  keyStart: "prov.keyStart",
  position: "prov.entry.position",
  cell: "prov.entry.cell",
  day: "prov.entry.day",
  rec: "prov.entry.rec",
  amount: "prov.entry.amount",
} as const;
const A = PROVENANCE_ARRAYS;

/**
 * Collects a provenance table's columns: per event (by global position below `covered`) its recording
 * instant, valid day, type and stream; and the entries `(position, series, cell, valid day, recorded at,
 * amount)` of each stream. {@link image} groups the entries by series (what `ProvenanceTable` reads).
 *
 * @example
 * const b = new ProvenanceBuilder(1);
 * b.event(0, Date.parse("2023-01-15T08:00:00Z"), 18687, "CoopSuspended", 0);
 * b.image(["coop-htx-1"]).meta.events // 1
 */
export class ProvenanceBuilder {
  private readonly eventRec: Float64Array;
  private readonly eventDay: Int32Array;
  private readonly eventType: Int32Array;
  private readonly eventStream: Int32Array;
  /** Event type names by code. */
  readonly types: string[] = [];
  private readonly typeCode = new Map<string, number>();
  private readonly cellIds = new Map<string, number>();
  /** The cell of the last entry and its id (see {@link entry}). */
  private lastCell: string | undefined = undefined;
  private lastCellId = 0;
  private readonly keyIds = new Map<number, number>();
  private readonly position: EntryColumn;
  private readonly key: EntryColumn;
  private readonly cell: EntryColumn;
  private readonly day: EntryColumn;
  private readonly amount: EntryColumn;
  /**
   * An entry's recording instant is its event's but for the entries an event's restatement records for
   * the stream's other events (a back-dated event, a retraction: 3,777 of 7.79 M entries at national).
   * So only those are kept, as a sparse column (the entry's place, ascending, and its instant), not an
   * 8-byte column for every entry (62 MB at national, at the first build's peak). At worst (every entry
   * such) 12 bytes an entry: what an instant and a stream for every entry cost (not a hash map's ~50).
   * The entry's stream is not kept either: it is its event's (`eventStream`).
   */
  private readonly recAt = new ChunkedColumn(i32);
  private readonly recOther = new ChunkedColumn(f64);

  /**
   * A builder for the ledger positions `0 … covered − 1`; its entries' full chunks (of `spillChunk`
   * entries) go to `spill` when given (see {@link EntrySpill}: a first build's), else stay in memory.
   */
  constructor(
    readonly covered: number,
    private readonly spill?: EntrySpill,
    spillChunk = SPILL_CHUNK,
  ) {
    const column = <A extends Float64Array | Int32Array>(make: (n: number) => A): EntryColumn =>
      spill === undefined ? new MemoryColumn(make) : new SpilledColumn(make, spill, spillChunk);
    this.position = column(i32);
    this.key = column(i32);
    this.cell = column(i32);
    this.day = column(i32);
    this.amount = column(f64);
    this.eventRec = new Float64Array(covered).fill(Number.NaN);
    this.eventDay = new Int32Array(covered);
    this.eventType = new Int32Array(covered).fill(-1);
    this.eventStream = new Int32Array(covered).fill(-1);
  }

  /** Number of entries so far. */
  get entries(): number {
    return this.key.length;
  }

  /**
   * One event's columns (`stream`: its stream's place in the table's streams). A position told again
   * is told with the same instant and stream (its entries are compared with its instant as told).
   */
  event(position: number, recordedMs: number, day: number, type: string, stream: number): void {
    if (position >= this.covered) return;
    let t = this.typeCode.get(type);
    if (t === undefined) {
      t = this.types.length;
      this.types.push(type);
      this.typeCode.set(type, t);
    }
    this.eventRec[position] = recordedMs;
    this.eventDay[position] = day;
    this.eventType[position] = t;
    this.eventStream[position] = stream;
  }

  /**
   * One entry: recorded at `r`, the contribution of the event at position `p` changed by `a` on series
   * `k` of cell `c` from day `d` on. Its stream is its event's (told by {@link event}, before or after).
   */
  entry(p: number, k: number, c: string, d: number, a: number, r: number): void {
    let kid = this.keyIds.get(k);
    if (kid === undefined) {
      kid = this.keyIds.size;
      this.keyIds.set(k, kid);
    }
    // An event's entries are mostly in one cell (its stream's): the last cell's id is kept, so that most
    // entries look no string up (a first build at 400k events has ~2.2 M entries).
    let cid = this.lastCellId;
    if (c !== this.lastCell) {
      const known = this.cellIds.get(c);
      cid = known ?? this.cellIds.size;
      if (known === undefined) this.cellIds.set(c, cid);
      this.lastCell = c;
      this.lastCellId = cid;
    }
    this.position.push(p);
    this.key.push(kid);
    this.cell.push(cid);
    this.day.push(d);
    this.amount.push(a);
    // Object.is, not !==: the image must hold the instant told, bit for bit (-0 included).
    if (!Object.is(this.eventRec[p], r)) {
      this.recAt.push(this.key.length - 1);
      this.recOther.push(r);
    }
  }

  /**
   * A whole stream (its events in arrival order, each once): their columns, and its entries derived by
   * folding them ({@link streamProvenance}).
   */
  stream(events: ReadonlyArray<RecordedEvent>, stream: number): void {
    for (const e of events)
      this.event(
        e.position,
        instantMs(e.metadata.recordedAt),
        dayOf(e.event.data.effectiveDate),
        e.event.type,
        stream,
      );
    streamProvenance(events, (p, k, c, d, a, r) => this.entry(p, k, c, d, a, r));
  }

  /**
   * The table's image: the entries grouped by series (a counting sort: a query reads only its
   * indicator's series), without those `drop(i, stream)` refuses (`i`: the entry's place in order,
   * `stream`: its event's, −1 when its event was not told).
   * Taken once: the builder lets go of its entries as it lays them out (it holds none afterwards).
   */
  image(streams: ReadonlyArray<string>, drop?: (i: number, stream: number) => boolean): IndexImage {
    const keep = new Uint8Array(this.key.length).fill(1);
    if (drop !== undefined) {
      const position = this.position.cursor();
      for (let i = 0; i < keep.length; i++) if (drop(i, this.eventStream[position.next()] ?? -1)) keep[i] = 0;
    }
    const keys = new Float64Array(this.keyIds.size);
    for (const [k, id] of this.keyIds) keys[id] = k;
    const keyStart = new Float64Array(keys.length + 1);
    {
      const key = this.key.cursor();
      for (let i = 0; i < keep.length; i++) {
        const k = key.next();
        if (keep[i] === 1) (keyStart[k + 1] as number)++;
      }
    }
    for (let k = 0; k < keys.length; k++)
      keyStart[k + 1] = (keyStart[k + 1] as number) + (keyStart[k] as number);
    const n = keyStart[keys.length] as number;
    // Column by column, each let go of once laid out: the entries exist about once, not twice, at the
    // peak (the table is taken once; the builder holds no entries afterwards).
    const scatter = <A extends Float64Array | Int32Array>(from: EntryColumn, into: A): A => {
      const fill = keyStart.slice(0, keys.length);
      const key = this.key.cursor();
      const value = from.cursor();
      for (let i = 0; i < keep.length; i++) {
        const k = key.next();
        const v = value.next();
        if (keep[i] === 0) continue;
        const j = fill[k] as number;
        fill[k] = j + 1;
        into[j] = v;
      }
      from.drop();
      return into;
    };
    const position = scatter(this.position, new Int32Array(n));
    const cell = scatter(this.cell, new Int32Array(n));
    const day = scatter(this.day, new Int32Array(n));
    const amount = scatter(this.amount, new Float64Array(n));
    const rec = new Float64Array(n);
    {
      const fill = keyStart.slice(0, keys.length);
      const other = this.recAt.length;
      const key = this.key.cursor();
      let o = 0;
      for (let i = 0; i < keep.length; i++) {
        const own = o < other && this.recAt.at(o) === i;
        if (own) o++;
        const k = key.next();
        if (keep[i] === 0) continue;
        const j = fill[k] as number;
        fill[k] = j + 1;
        rec[j] = own ? this.recOther.at(o - 1) : (this.eventRec[position[j] as number] as number);
      }
    }
    this.recAt.drop();
    this.recOther.drop();
    const out = { position, cell, day, rec, amount };
    this.key.drop();
    this.spill?.close();
    return {
      meta: {
        events: this.covered,
        deltas: n,
        latest: null,
        cells: this.cellIds.size,
        streams: streams.length,
        levels: {
          ledger: { count: 0, segments: [] },
          province: { count: 0, segments: [] },
          detail: { count: 0, segments: [] },
        },
      },
      strings: { cellKeys: [...this.cellIds.keys()], streamIds: [...streams] },
      arrays: {
        [A.eventRec]: this.eventRec,
        [A.eventDay]: this.eventDay,
        [A.eventType]: this.eventType,
        [A.eventStream]: this.eventStream,
        [A.keys]: keys,
        [A.keyStart]: keyStart,
        [A.position]: out.position,
        [A.cell]: out.cell,
        [A.day]: out.day,
        [A.rec]: out.rec,
        [A.amount]: out.amount,
      },
    };
  }
}
