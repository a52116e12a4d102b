import type { EventType, RecordedEvent } from "@coop-ledger/domain";
import {
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
  imageSourceOf,
} from "../bitemporal-index/index-image.js";
import { PROVENANCE_ARRAYS, ProvenanceBuilder } from "./provenance-builder.js";

/** The entries of one series in a provenance table (parallel columns; see {@link ProvenanceTable}). */
export interface ProvenanceEntries {
  readonly positions: Int32Array;
  readonly cells: Int32Array;
  readonly days: Int32Array;
  readonly recs: Float64Array;
  readonly amounts: Float64Array;
}

const A = PROVENANCE_ARRAYS;

/**
 * What `explain` and `diff` read instead of the events: built once from the streams (with the index),
 * persisted beside it, read back piece by piece.
 *
 * - **Per event** (by global position): its recording instant, valid day, type and stream — so `diff`
 *   finds the events recorded between two instants, and `explain` orders and groups what it credits,
 *   without reading the ledger; only the events shown are then read from the ledger by byte offset.
 * - **Per series**: every event's marginal contribution, as changes over recording time (see
 *   `streamProvenance`): `(position, cell, valid day, recorded at, amount)`. The contribution of an
 *   event to a figure valid at D as known at K is the indicator evaluated on its entries with day ≤ D
 *   and recorded ≤ K — the same figure `streamContributions` computes by re-folding the stream.
 *
 * `covered` is the number of ledger positions the table was built from: a stream that received events
 * after that (an extended index) is not described here and is explained from its events.
 *
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const t = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
 * console.log(t.covered === events.length, t.entryCount > 0); // true true
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
    const b = new ProvenanceBuilder(covered);
    const streams: string[] = [];
    for (const id of streamIds) {
      b.stream(eventsOf(id), streams.length);
      streams.push(id);
    }
    return new ProvenanceTable(imageSourceOf(b.image(streams)), b.types, covered);
  }

  /**
   * Reopens a table from its image (read lazily: a query reads its series' entries, the event columns
   * when first needed). `types` are the event type names by code, as {@link types} gave them.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
   * const index = buildIndex(events);
   * const t = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
   * // Persisted with encodeIndexImage and read back with openIndexImage; here from memory.
   * const back = ProvenanceTable.fromImage(imageSourceOf(t.toImage()), t.types);
   * console.log(back.entryCount === t.entryCount); // true
   */
  static fromImage(source: IndexImageSource, types: ReadonlyArray<string>): ProvenanceTable {
    return new ProvenanceTable(source, types, source.meta.events);
  }

  /**
   * The table as an image (arrays and string tables) for `encodeIndexImage`; the type names go beside
   * it (see {@link fromImage}).
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
   * const index = buildIndex(events);
   * const table = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
   * const chunks = encodeIndexImage(table.toImage(), { types: table.types }); // the bytes of a `.prov` file
   * console.log(chunks.length > 0); // true
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
   * @example
   * import { SeriesCode, seriesKey } from "../src/model/series-keys.js";
   * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
   * const index = buildIndex(events);
   * const table = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
   * const active = table.entriesOf(seriesKey(SeriesCode.active));
   * console.log(active.positions.length === active.amounts.length); // true: one amount per entry
   */
  entriesOf(key: number): ProvenanceEntries {
    const start = this.keyStart();
    const k = this.keyIndex?.get(key);
    const from = k === undefined ? 0 : (start[k] as number);
    const to = k === undefined ? 0 : (start[k + 1] as number);
    // A series without entries reads nothing (`array(name)` would read and keep the whole column:
    // 7.8 million entries of each of the five at national, read by every compare).
    if (from === to)
      return {
        positions: new Int32Array(0),
        cells: new Int32Array(0),
        days: new Int32Array(0),
        recs: new Float64Array(0),
        amounts: new Float64Array(0),
      };
    return {
      positions: this.source.range(A.position, from, to) as Int32Array,
      cells: this.source.range(A.cell, from, to) as Int32Array,
      days: this.source.range(A.day, from, to) as Int32Array,
      recs: this.source.range(A.rec, from, to) as Float64Array,
      amounts: this.source.range(A.amount, from, to) as Float64Array,
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
