import type { RecordedEvent } from "@coop-ledger/domain";
import type { CellInfo } from "../model/cells.js";
import { type CellColumn, type CellLevel, ColumnLayout } from "./column-layout.js";
import { type ImageExtent, type IndexImage, type IndexImageSource, imageSourceOf } from "./index-image.js";
import { adoptPartitions, type FeedAssembly } from "./partition-feed.js";
import { cellColumnArrays } from "./persisted-columns.js";
import type { EventSource, FeedResult, FeedTap } from "./stream-entry.js";
import { StreamFeed } from "./stream-feed.js";

export type { CellColumn, CellLevel } from "./column-layout.js";
export type { EventSource, FeedResult, FeedTap } from "./stream-entry.js";

/**
 * The bitemporal index: fed events in transaction-time order (any order is accepted, see below), it
 * keeps each stream's live events and the fold of them, and turns every change into compensating step
 * deltas on valid time, tagged with the recording instant of the event that caused them. A query
 * (validAt D, knownAt T) is then a sum, per series and cell, of the deltas with day ≤ D and recorded ≤ T
 * (the delta columns of `ColumnStore`, column-store.ts), never a re-fold of the history.
 *
 * Feeding an event costs a fold of that one event (resumed from the stream's stored state) plus the
 * deltas that changed, which in the usual case (an event later in valid time than the stream's others)
 * are a handful; they are appended to a staging log of unboxed arrays and sorted into their columns (full
 * detail, province and whole-ledger roll-ups) when a query next reads the index. A back-dated event or a
 * retraction re-folds its own stream from the start; an event recorded earlier than events already fed
 * for its stream (out of transaction-time order) re-derives that stream's whole knowledge history (rare,
 * correct, slower). A repeated event (same stream, same id: at-least-once delivery) is ignored.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const index = new ProjectionIndex();
 * for (const e of events) index.add(e);
 * const s = snapshot(index, { validAt: "2013-12-31" });
 * if (E.isRight(s)) console.log(s.right.figures.find((f) => f.id === "coops.active")?.value); // 125
 */
export class ProjectionIndex {
  /** The cells, columns and their deltas (what a query reads). */
  private readonly layout: ColumnLayout;
  /** The streams and the rule that turns each event into deltas (what feeding changes). */
  private readonly feed: StreamFeed;
  /**
   * A reopened index's image, while some of it is not read yet (see {@link fromImage}): each level's
   * columns when a query needs them, the cells and column tables feeding needs when first fed, each
   * stream when it is first fed or asked for; everything before it is written whole.
   */
  private image: IndexImageSource | undefined = undefined;
  /** A reopened index: what it held when opened (what an extension image leaves out). */
  private mark: ImageExtent | undefined = undefined;

  /**
   * An empty index. `options.minStride` sets the smallest distance between a column's knowledge
   * checkpoints (for tests: small columns then get checkpoints too).
   */
  constructor(options: { readonly minStride?: number } = {}) {
    this.layout = new ColumnLayout(options.minStride);
    this.feed = new StreamFeed(this.layout);
  }

  /**
   * An empty index that **holds no decoded events while it is fed** (a first build at national scale):
   * each stream keeps only its fold (state, tail, first and last live events), so an event that comes
   * after its stream's others is folded from that alone; a stream that receives anything else (a
   * back-dated event, a retraction, a redelivery) reads its events back from `source` once and is held
   * from then on. It answers, persists and extends exactly as an index fed by {@link add} does
   * (persist-laws.prop.test.ts); audits read the streams' events back from `source`. `options.tap` is
   * told of each event folded from its stream's fold and the deltas it caused (`ProvenanceTap` builds
   * the provenance table from them).
   * @example const index = ProjectionIndex.holdingNoEvents({ eventsAt: () => [] }); index.size // 0
   */
  static holdingNoEvents(
    source: EventSource,
    options: { readonly minStride?: number; readonly tap?: FeedTap } = {},
  ): ProjectionIndex {
    const index = new ProjectionIndex(options);
    index.feed.holdNoEvents(source, options.tap);
    return index;
  }

  /**
   * The index's side of a first build fed in partitions on worker threads (see `FeedAssembly`).
   * @example const index = ProjectionIndex.holdingNoEvents({ eventsAt: () => [] }); index.assembly().adopt([]); index.size // 0
   */
  assembly(): FeedAssembly {
    return { layout: this.layout, adopt: (ends) => adoptPartitions(this.feed, ends) };
  }

  /** Number of distinct events fed. */
  get size(): number {
    return this.feed.eventCount;
  }

  /** Number of deltas fed (at full detail; each also rolls up into its province and the whole ledger). */
  get deltas(): number {
    return this.layout.deltaCount;
  }

  /** The latest recording instant fed (ms since the epoch), −∞ when empty. */
  get latestRecordedMs(): number {
    return this.feed.latest;
  }

  /** Feeds one event. @example index.add(recordedEvent) // "added" */
  add(event: RecordedEvent): FeedResult {
    if (this.image !== undefined) this.layout.readForFeeding();
    return this.feed.add(event);
  }

  /** Feeds many events in order. @example index.addAll(events) */
  addAll(events: Iterable<RecordedEvent>): this {
    for (const e of events) this.add(e);
    return this;
  }

  /** Every stream's events (arrival order within a stream), for audits; read back when not held. */
  *events(): Iterable<RecordedEvent> {
    this.feed.readStreams();
    for (const id of this.feed.streams.keys()) yield* this.streamEvents(id);
  }

  /** The events of one stream as fed, in arrival order (read back from the source when not held). */
  streamEvents(streamId: string): ReadonlyArray<RecordedEvent> {
    this.feed.readStreams();
    const entry = this.feed.streams.get(streamId);
    if (entry === undefined) return [];
    if (entry.hot) return entry.events.map((e) => e.recorded);
    return this.feed.read(entry);
  }

  /** One stream's global positions, in arrival order (of a reopened index: that stream's read only). */
  streamPositions(streamId: string): ReadonlyArray<number> {
    return this.feed.positionsOf(this.feed.entryOf(streamId));
  }

  /**
   * The latest recording instant (ms) of a stream's events, −∞ for an unknown stream (an audit skips the
   * streams that recorded nothing after an instant).
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const index = buildIndex(events);
   * console.log(index.streamMaxRecorded("coop-htx-60-00089") > Date.parse("2013-01-01T00:00:00Z")); // true
   * console.log(index.streamMaxRecorded("no-such-stream")); // -Infinity
   */
  streamMaxRecorded(streamId: string): number {
    this.feed.readStreams();
    return this.feed.streams.get(streamId)?.maxRecorded ?? Number.NEGATIVE_INFINITY;
  }

  /** Each stream's highest revision fed, in a map. @example buildIndex([]).streamRevisions().size // 0 */
  streamRevisions(): Map<string, number> {
    return this.feed.revisions();
  }

  /** One stream's highest revision fed (undefined: never fed). @example buildIndex([]).streamRevision("x") // undefined */
  streamRevision(streamId: string): number | undefined {
    return this.feed.revision(streamId);
  }

  /** Whether every stream's events are held (false after {@link release} or {@link fromImage}). */
  get holdsEvents(): boolean {
    this.feed.readStreams();
    for (const e of this.feed.streams.values()) if (!e.hot) return false;
    return true;
  }

  /** The stream ids known. */
  streamIds(): Iterable<string> {
    this.feed.readStreams();
    return this.feed.streams.keys();
  }

  /**
   * Drops every stream's decoded events, live list, fold state and tail, keeping only the columns and
   * each stream's positions: memory is then bounded by the index, not by the history. A stream that
   * later receives an event (or an audit that needs its events) reads them back from `source` and
   * re-folds them (the same state and tail as feeding them gave: the fold is deterministic). Staged
   * deltas are laid out after, by the next query or image, once the streams' memory can be reclaimed.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const index = buildIndex(events).release({ eventsAt: (ps) => ps.map((p) => events[p]!) });
   * console.log(index.holdsEvents, index.streamEvents("coop-htx-60-00089").length); // false 3
   */
  release(source: EventSource): this {
    this.feed.release(source);
    return this;
  }

  /**
   * The index as plain data (laid-out columns, cells, streams' positions; no events): see
   * {@link IndexImage}. Lays out staged deltas first.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const image = buildIndex(events).toImage();
   * const chunks = encodeIndexImage(image, { ledger: "l.jsonl" });
   * console.log(image.meta.events, chunks.length > 0); // 507 true
   */
  toImage(): IndexImage {
    this.readAll();
    this.prepare();
    return this.imageSince(undefined);
  }

  /**
   * What this index holds beyond the image it was reopened from ({@link fromImage}), as an **extension
   * image**: the cells, columns and streams added since, the segments of deltas laid out since (stored
   * sparsely: only their non-empty columns), each stream that received events with its new positions,
   * and `meta.extends` naming the index it extends. Persisted after the image it extends, it is what
   * makes an extension of a persisted index cost the events appended, not the index's size: nothing
   * already persisted is read whole or written again. `layerImages` reopens the images in order.
   * Throws for an index that was not reopened from an image.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
   * const reopened = ProjectionIndex.fromImage(buildIndex(events.slice(0, 300)).toImage(), source);
   * const ext = reopened.addAll(events.slice(300)).extensionImage();
   * console.log(ext.meta.extends?.events, ext.meta.events); // 300 507
   */
  extensionImage(): IndexImage {
    const mark = this.mark;
    if (mark === undefined)
      throw new Error("ProjectionIndex.extensionImage: the index was not reopened from an image");
    // What came after the mark only: the cells and column tables feeding reads, the streams fed.
    this.layout.readForFeeding();
    this.prepare();
    return this.imageSince(mark);
  }

  /**
   * Merges each level's segments into one (reading the persisted ones whole), so that a persisted index
   * whose extensions piled up is written anew as one image: `toImage()` next gives one segment a level.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
   * const reopened = ProjectionIndex.fromImage(buildIndex(events.slice(0, 300)).toImage(), source);
   * const image = reopened.addAll(events.slice(300)).compact().toImage();
   * console.log(image.meta.events, image.meta.extends); // 507 undefined
   */
  compact(): this {
    this.readAll();
    this.prepare();
    this.layout.compact();
    this.mark = undefined;
    this.feed.touched = undefined;
    return this;
  }

  /** The image of everything (no mark) or of what came after a mark (an extension). */
  private imageSince(mark: ImageExtent | undefined): IndexImage {
    const arrays: Record<string, Float64Array | Int32Array> = {};
    const { levels, cellKeys } = this.layout.imageArrays(mark, arrays);
    cellColumnArrays(arrays, mark?.columns);
    const streamIds = this.feed.imageArrays(mark === undefined ? undefined : this.feed.touched, arrays);
    return {
      meta: {
        events: this.feed.eventCount,
        deltas: this.layout.deltaCount,
        latest: Number.isFinite(this.feed.latest) ? this.feed.latest : null,
        cells: this.layout.cellCount,
        streams: this.feed.streamCount,
        levels: levels as unknown as IndexImage["meta"]["levels"],
        ...(mark === undefined ? {} : { extends: mark }),
      },
      strings: { cellKeys, streamIds },
      arrays,
    };
  }

  /**
   * Reopens an index from its image (see {@link toImage}), reading it **lazily**: nothing but the meta
   * is read here; a query reads the columns of the level it needs (a few hundred whole-ledger or
   * province columns for an unscoped or province query, the sums of each column it sums), the streams
   * are read when an audit asks for them (feeding reads the streams it feeds, one at a time), and
   * feeding an event reads the cells and the column tables first (never a segment's deltas). Every stream
   * is cold (its events read back from `source` when needed). A piece whose arrays do not fit together
   * throws `IndexImageDamaged` when read (the caller checks versions and checksums; this is the last guard).
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
   * const index = ProjectionIndex.fromImage(buildIndex(events).toImage(), source);
   * const s = snapshot(index, { validAt: "2013-12-31" });
   * if (E.isRight(s)) console.log(s.right.figures.find((f) => f.id === "coops.active")?.value); // 125
   */
  static fromImage(
    image: IndexImage | IndexImageSource,
    source: EventSource,
    options: { readonly minStride?: number } = {},
  ): ProjectionIndex {
    const img = "arrays" in image ? imageSourceOf(image) : image;
    const index = new ProjectionIndex(options);
    index.image = img;
    index.layout.open(img);
    index.feed.open(img, source);
    const perLevel = (f: (l: CellLevel) => number) =>
      ({ ledger: f("ledger"), province: f("province"), detail: f("detail") }) as const;
    index.mark = {
      events: img.meta.events,
      deltas: img.meta.deltas,
      cells: img.meta.cells,
      streams: img.meta.streams,
      columns: perLevel((l) => img.meta.levels[l].count),
      segments: perLevel((l) => img.meta.levels[l].segments.length),
    };
    return index;
  }

  /** Reads everything a reopened index still lacks (before it is fed or persisted again). */
  private readAll(): void {
    if (this.image === undefined) return;
    this.layout.readAll();
    this.feed.readStreams();
    this.image = undefined;
  }

  /**
   * Lays the deltas fed since the last query out into their columns now (a query does it first
   * otherwise): for a service that wants its first query fast, and to time a build honestly.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const index = buildIndex(events).prepare(); // the first query then sums laid-out columns only
   * console.log(index.holdsEvents); // true
   */
  prepare(): this {
    this.layout.prepare();
    return this;
  }

  /**
   * The columns of a series at a level (for query evaluation); with a sector, only its full-detail ones;
   * with a district, those of a reopened index may be that district's only (the caller still filters).
   */
  columnsOf(key: number, level: CellLevel, sector?: string, district?: string): ReadonlyArray<CellColumn> {
    return this.layout.columnsOf(key, level, sector, district);
  }

  /**
   * Sum of a column's deltas with day ≤ `day` and recorded ≤ `rec` (a column from {@link columnsOf}
   * at the same level).
   */
  sumAt(level: CellLevel, column: number, day: number, rec: number): number {
    return this.layout.sumAt(level, column, day, rec);
  }

  /**
   * The columns of a level read from the image the index was reopened from (0 for an index built in
   * memory): those {@link prepareColumn} reads ahead.
   */
  persistedColumns(level: CellLevel): number {
    return this.mark?.columns[level] ?? 0;
  }

  /**
   * Reads a persisted column ahead: its deltas and knowledge checkpoints, what the first query at an
   * earlier knowledge instant reads (a national whole-ledger level: ~1 s of such reads for the first).
   * For a server that warms a reopened index while idle, one column at a time. Changes no answer.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
   * const index = ProjectionIndex.fromImage(buildIndex(events).toImage(), source);
   * for (let c = 0; c < index.persistedColumns("ledger"); c++) index.prepareColumn("ledger", c);
   */
  prepareColumn(level: CellLevel, column: number): void {
    this.layout.storeOf(level).prepareColumn(column);
  }

  /**
   * Reads a level's persisted segments whole ahead, a slice of an array a step: what the first sector
   * scope reads at full detail, or the query that has paged a province level's columns long enough
   * (~220 MB a level on the national ledger, seconds as one synchronous read). For a server that warms
   * a reopened index while idle, a few steps a turn; a query meanwhile pages as before, or finishes
   * the read at once when it needs the level whole. Changes no answer.
   * @example
   * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
   * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
   * const index = ProjectionIndex.fromImage(buildIndex(events).toImage(), source);
   * for (const _ of index.readAhead("detail")) {} // a server does a few steps a turn while idle
   */
  readAhead(level: CellLevel): Generator<void> {
    return this.layout.storeOf(level).readAhead();
  }

  /** The parsed cell of a cell id. */
  cell(cellId: number): CellInfo {
    return this.layout.cell(cellId);
  }

  /** Number of cells (all levels). */
  get cellCount(): number {
    return this.layout.cellCount;
  }
}

/**
 * Builds an index from events in bulk (the same as feeding them one by one).
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const s = snapshot(buildIndex(events), { validAt: "2013-12-31" });
 * if (E.isRight(s)) console.log(s.right.figures.find((f) => f.id === "coops.active")?.value); // 125
 */
export const buildIndex = (
  events: Iterable<RecordedEvent>,
  options: { readonly minStride?: number } = {},
): ProjectionIndex => new ProjectionIndex(options).addAll(events);
