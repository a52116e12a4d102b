import { dayOf, type EventType, instantMs, type RecordedEvent } from "@coop-ledger/domain";
import {
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
  imageSourceOf,
} from "../bitemporal-index/index-image.js";
import { streamProvenance } from "./stream-provenance.js";

/** A growable typed column (doubling), trimmed to its length when laid out. */
class Grow<A extends Float64Array | Int32Array> {
  length = 0;
  constructor(
    private data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(1024, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i] as number;
  }
  trimmed(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);

/** The entries of one series in a provenance table (parallel columns; see {@link ProvenanceTable}). */
export interface ProvenanceEntries {
  readonly positions: Int32Array;
  readonly cells: Int32Array;
  readonly days: Int32Array;
  readonly recs: Float64Array;
  readonly amounts: Float64Array;
}

/** The array names of a provenance image (see {@link ProvenanceTable.toImage}). */
const A = {
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

/**
 * What `explain` and `diff` read instead of the events: built once from the streams (with the index),
 * persisted beside it, read back piece by piece.
 *
 * - **Per event** (by global position): its recording instant, valid day, type and stream — so `diff`
 *   finds the events recorded between two instants, and `explain` orders and groups what it credits,
 *   without reading the ledger; only the events shown are then read from the ledger by byte offset.
 * - **Per series**: every event's marginal contribution, as changes over recording time (see
 *   {@link streamProvenance}): `(position, cell, valid day, recorded at, amount)`. The contribution of an
 *   event to a figure valid at D as known at K is the indicator evaluated on its entries with day ≤ D
 *   and recorded ≤ K — the same figure `streamContributions` computes by re-folding the stream.
 *
 * `covered` is the number of ledger positions the table was built from: a stream that received events
 * after that (an extended index) is not described here and is explained from its events.
 *
 * @example const t = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
 */
export class ProvenanceTable {
  private keyIndex: Map<number, number> | undefined;
  private keyStartCache: Float64Array | undefined;
  private readonly cellKeyCache: { keys: ReadonlyArray<string> | undefined } = { keys: undefined };
  private readonly eventCache: {
    rec?: Float64Array;
    day?: Int32Array;
    type?: Int32Array;
    stream?: Int32Array;
  } = {};
  private streamIdCache: ReadonlyArray<string> | undefined;

  private constructor(
    private readonly source: IndexImageSource,
    /** Event type names by code. */
    readonly types: ReadonlyArray<string>,
    /** Ledger positions the table describes (0 … covered − 1). */
    readonly covered: number,
  ) {}

  /**
   * Builds the table from every stream's events (arrival order, each once, as the index keeps them).
   * `covered` is the number of ledger positions fed (duplicates, which belong to no stream, included).
   */
  static build(
    covered: number,
    streamIds: Iterable<string>,
    eventsOf: (streamId: string) => ReadonlyArray<RecordedEvent>,
  ): ProvenanceTable {
    const eventRec = new Float64Array(covered).fill(Number.NaN);
    const eventDay = new Int32Array(covered);
    const eventType = new Int32Array(covered).fill(-1);
    const eventStream = new Int32Array(covered).fill(-1);
    const types: string[] = [];
    const typeCode = new Map<string, number>();
    const cellIds = new Map<string, number>();
    const keyIds = new Map<number, number>();
    const position = new Grow(i32(0), i32);
    const key = new Grow(i32(0), i32);
    const cell = new Grow(i32(0), i32);
    const day = new Grow(i32(0), i32);
    const rec = new Grow(f64(0), f64);
    const amount = new Grow(f64(0), f64);
    const streams: string[] = [];
    for (const id of streamIds) {
      const s = streams.length;
      streams.push(id);
      const events = eventsOf(id);
      for (const e of events) {
        if (e.position >= covered) continue;
        let t = typeCode.get(e.event.type);
        if (t === undefined) {
          t = types.length;
          types.push(e.event.type);
          typeCode.set(e.event.type, t);
        }
        eventRec[e.position] = instantMs(e.metadata.recordedAt);
        eventDay[e.position] = dayOf(e.event.data.effectiveDate);
        eventType[e.position] = t;
        eventStream[e.position] = s;
      }
      streamProvenance(events, (p, k, c, d, a, r) => {
        let kid = keyIds.get(k);
        if (kid === undefined) {
          kid = keyIds.size;
          keyIds.set(k, kid);
        }
        let cid = cellIds.get(c);
        if (cid === undefined) {
          cid = cellIds.size;
          cellIds.set(c, cid);
        }
        position.push(p);
        key.push(kid);
        cell.push(cid);
        day.push(d);
        rec.push(r);
        amount.push(a);
      });
    }
    // Group the entries by series (a counting sort): a query reads only its indicator's series.
    const keys = new Float64Array(keyIds.size);
    for (const [k, id] of keyIds) keys[id] = k;
    const keyStart = new Float64Array(keys.length + 1);
    for (let i = 0; i < key.length; i++) (keyStart[key.at(i) + 1] as number)++;
    for (let k = 0; k < keys.length; k++)
      keyStart[k + 1] = (keyStart[k + 1] as number) + (keyStart[k] as number);
    const fill = keyStart.slice(0, keys.length);
    const n = key.length;
    const out = {
      position: new Int32Array(n),
      cell: new Int32Array(n),
      day: new Int32Array(n),
      rec: new Float64Array(n),
      amount: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const k = key.at(i);
      const j = fill[k] as number;
      fill[k] = j + 1;
      out.position[j] = position.at(i);
      out.cell[j] = cell.at(i);
      out.day[j] = day.at(i);
      out.rec[j] = rec.at(i);
      out.amount[j] = amount.at(i);
    }
    const image: IndexImage = {
      meta: {
        events: covered,
        deltas: n,
        latest: null,
        cells: cellIds.size,
        streams: streams.length,
        levels: {
          ledger: { count: 0, segments: [] },
          province: { count: 0, segments: [] },
          detail: { count: 0, segments: [] },
        },
      },
      strings: { cellKeys: [...cellIds.keys()], streamIds: streams },
      arrays: {
        [A.eventRec]: eventRec,
        [A.eventDay]: eventDay,
        [A.eventType]: eventType,
        [A.eventStream]: eventStream,
        [A.keys]: keys,
        [A.keyStart]: keyStart,
        [A.position]: out.position,
        [A.cell]: out.cell,
        [A.day]: out.day,
        [A.rec]: out.rec,
        [A.amount]: out.amount,
      },
    };
    return new ProvenanceTable(imageSourceOf(image), types, covered);
  }

  /**
   * Reopens a table from its image (read lazily: a query reads its series' entries, the event columns
   * when first needed). `types` are the event type names by code, as {@link types} gave them.
   * @example ProvenanceTable.fromImage(openedSource, ["CoopFounded", ...])
   */
  static fromImage(source: IndexImageSource, types: ReadonlyArray<string>): ProvenanceTable {
    return new ProvenanceTable(source, types, source.meta.events);
  }

  /**
   * The table as an image (arrays and string tables) for `encodeIndexImage`; the type names go beside
   * it (see {@link fromImage}).
   * @example encodeIndexImage(table.toImage(), { types: table.types })
   */
  toImage(): IndexImage {
    const arrays: Record<string, Float64Array | Int32Array> = {};
    for (const name of Object.values(A)) arrays[name] = this.source.array(name);
    return {
      meta: this.source.meta,
      strings: { cellKeys: this.cellKeys(), streamIds: this.streamIds() },
      arrays,
    };
  }

  /** Number of entries (all series). */
  get entryCount(): number {
    return this.source.meta.deltas;
  }

  private keyStart(): Float64Array {
    if (this.keyStartCache === undefined) {
      const keys = this.source.array(A.keys);
      const start = this.source.array(A.keyStart);
      if (start.length !== keys.length + 1 || !(start instanceof Float64Array))
        throw new IndexImageDamaged("provenance: the series table does not match its keys");
      const index = new Map<number, number>();
      keys.forEach((k, i) => {
        index.set(k, i);
      });
      this.keyIndex = index;
      this.keyStartCache = start;
    }
    return this.keyStartCache;
  }

  /**
   * The entries of one series (empty when no event ever contributed to it).
   * @example table.entriesOf(seriesKey(SeriesCode.active)).positions.length
   */
  entriesOf(key: number): ProvenanceEntries {
    const start = this.keyStart();
    const k = this.keyIndex?.get(key);
    const from = k === undefined ? 0 : (start[k] as number);
    const to = k === undefined ? 0 : (start[k + 1] as number);
    const range = <T extends Int32Array | Float64Array>(name: string): T =>
      (from === to ? this.source.array(name).subarray(0, 0) : this.source.range(name, from, to)) as T;
    return {
      positions: range<Int32Array>(A.position),
      cells: range<Int32Array>(A.cell),
      days: range<Int32Array>(A.day),
      recs: range<Float64Array>(A.rec),
      amounts: range<Float64Array>(A.amount),
    };
  }

  /** The cell keys, by cell id. */
  cellKeys(): ReadonlyArray<string> {
    this.cellKeyCache.keys ??= this.source.strings("cellKeys");
    return this.cellKeyCache.keys;
  }

  /** The stream ids, by stream number. */
  streamIds(): ReadonlyArray<string> {
    this.streamIdCache ??= this.source.strings("streamIds");
    return this.streamIdCache;
  }

  /** Recording instant (ms) of each position (NaN: a redelivered duplicate, in no stream). */
  eventRecs(): Float64Array {
    this.eventCache.rec ??= this.column(A.eventRec) as Float64Array;
    return this.eventCache.rec;
  }

  /** Valid day of each position. */
  eventDays(): Int32Array {
    this.eventCache.day ??= this.column(A.eventDay) as Int32Array;
    return this.eventCache.day;
  }

  /** Type code of each position (−1: in no stream); names in {@link types}. */
  eventTypes(): Int32Array {
    this.eventCache.type ??= this.column(A.eventType) as Int32Array;
    return this.eventCache.type;
  }

  /** Stream number of each position (−1: in no stream); ids in {@link streamIds}. */
  eventStreams(): Int32Array {
    this.eventCache.stream ??= this.column(A.eventStream) as Int32Array;
    return this.eventCache.stream;
  }

  /** The type name of a code. */
  typeName(code: number): EventType | undefined {
    return this.types[code] as EventType | undefined;
  }

  private column(name: string): Float64Array | Int32Array {
    const a = this.source.array(name);
    if (a.length !== this.covered)
      throw new IndexImageDamaged(`provenance: ${name} does not match the ${this.covered} positions`);
    return a;
  }
}
