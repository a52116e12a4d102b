import type { RecordedEvent } from "@coop-ledger/domain";
import { type CellInfo, ledgerLevelCell, parseCell, provinceLevelCell } from "../model/cells.js";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { applyEvent, type FlowSink, initialStreamState, type StreamState } from "../model/stream-state.js";
import { clearDeltas, type Deltas, emptyDeltas, sweepFrom, sweepStream } from "../model/stream-sweep.js";
import { upperBound } from "./column-segment.js";
import { ColumnStore } from "./column-store.js";
import { DeltaLog } from "./delta-log.js";
import {
  IMAGE_LEVELS,
  type ImageExtent,
  type ImageSegment,
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
  imageSourceOf,
  SEGMENT_FIELDS,
} from "./index-image.js";
import { PagedSegment } from "./paged-segment.js";
import { SparseSegment, sparsePartsOf } from "./sparse-segment.js";
import {
  decodeStreamFold,
  encodeStreamFold,
  foldOfImage,
  packStreamFolds,
  type StreamFold,
} from "./stream-fold.js";

/** What happened to an event fed to the index. */
export type FeedResult = "added" | "duplicate";

/**
 * Where an index that keeps no decoded events reads a stream's events back from (the ledger, by the
 * byte offsets of their positions): only when a stream receives an event after the index was released
 * or reopened, and for the audits (explain, diff).
 *
 * @example const source: EventSource = { eventsAt: (positions) => positions.map(readEventAt) };
 */
export interface EventSource {
  /** The events at these global positions (given ascending), decoded. */
  readonly eventsAt: (positions: ReadonlyArray<number>) => ReadonlyArray<RecordedEvent>;
}

interface StreamEntry {
  /** Every event of the stream, in arrival order (empty while the stream is cold). */
  events: TimedEvent[];
  /** The global positions of the stream's events, in arrival order (kept also while cold). */
  readonly positions: number[];
  /**
   * False when the stream's events, live list, state and tail are not held (a released or reopened
   * index): they are read back from the {@link EventSource} and re-folded when the stream next
   * receives an event.
   */
  hot: boolean;
  /** The live events as known now, in valid-time order. */
  live: TimedEvent[];
  /**
   * The stream's contribution after its last event in valid time: the scheduled changes (a manager
   * turning 50, a certificate lapsing, a loan falling overdue) an event later in valid time may undo.
   * Everything before is settled and lives only in the columns.
   */
  tail: Deltas;
  maxRecorded: number;
  maxRevision: number;
  /** The fold of every live event (to resume from when the next event comes later in valid time). */
  state: StreamState;
  /**
   * A cold stream's fold (state, tail, first and last live events), decoded: enough to feed it an event
   * that continues it without reading its history back (see {@link StreamFold}).
   */
  fold: StreamFold | undefined;
  /** A released stream's fold, encoded (decoded into `fold` when the stream next receives an event). */
  packed: string | undefined;
  /** Where a reopened index's image holds the stream's fold (its place in the image's streams), or −1. */
  imageAt: number;
}

/**
 * What a reopened index held when it was opened (see {@link ProjectionIndex.extensionImage}): its size,
 * and the streams that received events since, each with its number of positions then.
 */
interface Mark extends ImageExtent {
  readonly touched: Map<string, number>;
}

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

const NO_DELTAS: Deltas = Object.freeze({
  keys: [],
  cells: [],
  days: [],
  amounts: [],
  causes: [],
}) as unknown as Deltas;

// Scratch delta lists for the sweeps of one feed (the index never re-enters itself).
const scratchOld = emptyDeltas();
const scratchNew = emptyDeltas();

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
 * const index = new ProjectionIndex();
 * for (const e of events) index.add(e);
 * snapshot(index, { validAt: "2022-12-31" });
 */
export class ProjectionIndex {
  private readonly streams = new Map<string, StreamEntry>();
  private readonly cellIds = new Map<string, number>();
  private readonly cellInfos: CellInfo[] = [];
  private readonly cellLevels: CellLevel[] = [];
  private readonly provinceCellOf: number[] = [];
  private readonly ledgerCellOf: number[] = [];
  /** The columns of each level: their count and their deltas. */
  private levels: Record<CellLevel, { count: number; readonly store: ColumnStore }>;
  /** For a full-detail column, its province-level and whole-ledger roll-up columns. */
  private readonly provinceColumnOf: number[] = [];
  private readonly ledgerColumnOf: number[] = [];
  /** Column ids (within the cell's level) by series key and cell id. */
  private readonly columnIds = new Map<number, number[]>();
  private readonly bySeries = new Map<number, Record<CellLevel, CellColumn[]>>();
  /** Full-detail columns by series key and sector, built on the first sector-scoped query of a series. */
  private readonly detailBySector = new Map<number, Map<string, CellColumn[]>>();
  private readonly staging = new DeltaLog();
  private readonly minStride: number | undefined;
  private lastCell: string | undefined = undefined;
  private flowDay = 0;
  private flowRec = 0;
  /** The sink of an independent event's flows (one closure per index, not per event). */
  private readonly flowSink: FlowSink = (key, cell, amount) => {
    if (amount !== 0) this.push(key, cell, this.flowDay, amount, this.flowRec);
  };
  private lastCellId = -1;
  private latest = Number.NEGATIVE_INFINITY;
  private eventCount = 0;
  private deltaCount = 0;
  private source: EventSource | undefined = undefined;
  /**
   * A reopened index's image, while some of it is not read yet (see {@link fromImage}): each level's
   * columns, the streams and the structures only feeding needs are read when first used.
   */
  private image: IndexImageSource | undefined = undefined;
  private readonly loaded = { ledger: true, province: true, detail: true, streams: true };
  private cellKeyList: ReadonlyArray<string> | undefined = undefined;
  /** A reopened index: what it held when opened (what an extension image leaves out). */
  private mark: Mark | undefined = undefined;
  /** The image a reopened index read its streams from: their folds are read from it when needed. */
  private foldSource: IndexImageSource | undefined = undefined;

  /**
   * An empty index. `options.minStride` sets the smallest distance between a column's knowledge
   * checkpoints (for tests: small columns then get checkpoints too).
   */
  constructor(options: { readonly minStride?: number } = {}) {
    this.minStride = options.minStride;
    this.levels = {
      ledger: { count: 0, store: new ColumnStore(options.minStride) },
      province: { count: 0, store: new ColumnStore(options.minStride) },
      detail: { count: 0, store: new ColumnStore(options.minStride) },
    };
  }

  /** Number of distinct events fed. */
  get size(): number {
    return this.eventCount;
  }

  /** Number of deltas fed (at full detail; each also rolls up into its province and the whole ledger). */
  get deltas(): number {
    return this.deltaCount;
  }

  /** The latest recording instant fed (ms since the epoch), −∞ when empty. */
  get latestRecordedMs(): number {
    return this.latest;
  }

  /** Feeds one event. @example index.add(recordedEvent) // "added" */
  add(event: RecordedEvent): FeedResult {
    if (this.image !== undefined) this.readAll();
    let entry = this.streams.get(event.streamId);
    if (entry === undefined) {
      entry = {
        events: [],
        positions: [],
        hot: true,
        live: [],
        tail: NO_DELTAS,
        maxRecorded: Number.NEGATIVE_INFINITY,
        maxRevision: Number.NEGATIVE_INFINITY,
        state: initialStreamState(),
        fold: undefined,
        packed: undefined,
        imageAt: -1,
      };
      this.streams.set(event.streamId, entry);
    } else if (!entry.hot) {
      // A cold stream: an event that continues it is folded from its persisted fold alone; anything
      // else reads its events back and re-folds them first.
      const fold = this.foldOf(entry);
      if (fold !== undefined && this.addToFold(entry, fold, event)) return "added";
      this.hydrate(entry);
    }
    // A redelivered event carries its stream revision again, so only an event at or below the highest
    // revision seen can be one; the usual, later event is never looked up.
    if (event.revision <= entry.maxRevision && isFed(entry.events, event.eventId)) return "duplicate";
    if (event.revision > entry.maxRevision) entry.maxRevision = event.revision;
    this.eventCount++;
    if (this.mark !== undefined && !this.mark.touched.has(event.streamId))
      this.mark.touched.set(event.streamId, entry.positions.length);
    entry.positions.push(event.position);
    const te = timed(event);
    if (te.recordedMs > this.latest) this.latest = te.recordedMs;
    if (te.recordedMs < entry.maxRecorded) {
      this.rederive(entry, te);
      return "added";
    }
    entry.events.push(te);
    entry.maxRecorded = te.recordedMs;
    const type = te.recorded.event.type;
    const first = entry.live[0];
    const independent =
      type === "AllianceActivityRecorded" ||
      (type === "LoanApplicationReceived" &&
        first !== undefined &&
        first.recorded.event.type === "FundEstablished" &&
        first.day <= te.day);
    if (independent) {
      // An alliance activity (its cell is in the event) or a fund's loan application (counted where the
      // fund, established earlier, is) is a flow that does not depend on the stream's other events: a
      // back-dated one needs no re-fold of a stream that holds thousands of them.
      insertByValidTime(entry.live, te);
      this.flowDay = te.day;
      this.flowRec = te.recordedMs;
      applyEvent(entry.state, te.recorded.event, this.flowSink);
      return "added";
    }
    const last = entry.live[entry.live.length - 1];
    const continuing =
      last !== undefined && last.day === te.day && last.recorded.revision < te.recorded.revision;
    if (type !== "EventRetracted" && (last === undefined || last.day < te.day || continuing)) {
      // The usual case: the event comes after all the stream's others in valid time. Resume the fold
      // from the stored state: the deltas before its day cannot change (nor, on its own day, those
      // already there: its own are increments on top of them); only the scheduled changes after it can.
      entry.live.push(te);
      const suffix = sweepFrom(
        entry.state,
        entry.live,
        entry.live.length - 1,
        te.day,
        continuing,
        scratchNew,
      );
      const old = entry.tail;
      // The old tail's entries from the event's day on (after it when continuing on the same day); days are
      // whole numbers, so "day ≥ d" is "day > d − 1".
      const cut = upperBound(old.days, 0, old.days.length, continuing ? te.day : te.day - 1);
      this.emitDifference(old, cut, suffix, te.recordedMs);
      entry.tail = tailAfter(entry.tail, suffix, te.day);
      return "added";
    }
    let fromDay: number;
    let live: TimedEvent[];
    if (type === "EventRetracted") {
      live = liveEvents(entry.events);
      fromDay = firstChangedDay(entry.live, live);
      if (fromDay === Number.POSITIVE_INFINITY) {
        entry.live = live;
        return "added";
      }
    } else {
      live = entry.live.slice();
      insertByValidTime(live, te);
      fromDay = te.day;
    }
    // Back in valid time (or a retraction): the stream's contribution from `fromDay` on, as it was and
    // as it is now; the columns receive the difference.
    // Sweeping from the day after the new last event at the latest, so that the new tail is complete
    // (a retraction of the last events leaves scheduled changes between the new last day and `fromDay`);
    // the days before `fromDay` come out the same in both sweeps and net to nothing.
    const lastDay = live.length === 0 ? Number.NEGATIVE_INFINITY : (live[live.length - 1] as TimedEvent).day;
    const sweepDay = Math.min(fromDay, lastDay + 1);
    const old = sweepStream(entry.live, sweepDay, scratchOld).deltas;
    const now = sweepStream(live, sweepDay, scratchNew);
    entry.live = live;
    entry.state = now.state;
    this.emitDifference(old, 0, now.deltas, te.recordedMs);
    entry.tail = tailAfter(entry.tail, now.deltas, lastDay);
    return "added";
  }

  /**
   * Feeds an event to a cold stream from its fold alone, when the event continues the stream: a new
   * revision, recorded no earlier than the stream's others, not a retraction, and either later in valid
   * time than every live event (or on the last one's day, after it) or an independent flow. The same
   * steps as {@link add} on a hot stream, which needs the live list only for its first and last events.
   * False (nothing changed) otherwise: the caller hydrates the stream.
   */
  private addToFold(entry: StreamEntry, f: StreamFold, event: RecordedEvent): boolean {
    if (event.revision <= entry.maxRevision) return false;
    const type = event.event.type;
    if (type === "EventRetracted") return false;
    const te = timed(event);
    if (te.recordedMs < entry.maxRecorded) return false;
    const independent =
      type === "AllianceActivityRecorded" ||
      (type === "LoanApplicationReceived" &&
        f.liveCount > 0 &&
        f.firstType === "FundEstablished" &&
        f.firstDay <= te.day);
    const rev = event.revision;
    const continuing = f.liveCount > 0 && f.lastDay === te.day && f.lastRevision < rev;
    if (!independent && !(f.liveCount === 0 || f.lastDay < te.day || continuing)) return false;
    entry.maxRevision = rev;
    this.eventCount++;
    if (this.mark !== undefined && !this.mark.touched.has(event.streamId))
      this.mark.touched.set(event.streamId, entry.positions.length);
    entry.positions.push(event.position);
    if (te.recordedMs > this.latest) this.latest = te.recordedMs;
    entry.maxRecorded = te.recordedMs;
    if (independent) {
      this.flowDay = te.day;
      this.flowRec = te.recordedMs;
      applyEvent(f.state, event.event, this.flowSink);
    } else {
      scratchOne[0] = te;
      const suffix = sweepFrom(f.state, scratchOne, 0, te.day, continuing, scratchNew);
      // The causes index the live list: this event is its last one.
      for (let i = 0; i < suffix.causes.length; i++)
        suffix.causes[i] = (suffix.causes[i] as number) + f.liveCount;
      const old = f.tail;
      const cut = upperBound(old.days, 0, old.days.length, continuing ? te.day : te.day - 1);
      this.emitDifference(old, cut, suffix, te.recordedMs);
      f.tail = tailAfter(f.tail, suffix, te.day);
    }
    // Where insertByValidTime puts it: before the first (a flow dated earlier), after the last.
    if (f.liveCount === 0 || te.day < f.firstDay || (te.day === f.firstDay && rev < f.firstRevision)) {
      f.firstType = type;
      f.firstDay = te.day;
      f.firstRevision = rev;
    }
    if (f.liveCount === 0 || te.day > f.lastDay || (te.day === f.lastDay && rev >= f.lastRevision)) {
      f.lastDay = te.day;
      f.lastRevision = rev;
    }
    f.liveCount++;
    return true;
  }

  /** A cold stream's fold: decoded from its released form or read from the image, when there is one. */
  private foldOf(entry: StreamEntry): StreamFold | undefined {
    if (entry.fold !== undefined) return entry.fold;
    const text = this.packedFold(entry);
    if (text === undefined) return undefined;
    entry.fold = decodeStreamFold(text);
    entry.packed = undefined;
    return entry.fold;
  }

  /** A stream's fold, encoded (for an image), or undefined when the index has none for it. */
  private packedFold(entry: StreamEntry): string | undefined {
    if (entry.hot) return encodeStreamFold(hotFold(entry));
    if (entry.fold !== undefined) return encodeStreamFold(entry.fold);
    if (entry.packed !== undefined) return entry.packed;
    const img = this.foldSource;
    if (entry.imageAt < 0 || img === undefined) return undefined;
    return img.fold === undefined ? foldOfImage(img, entry.imageAt) : img.fold(entry.imageAt);
  }

  /** Feeds many events in order. @example index.addAll(events) */
  addAll(events: Iterable<RecordedEvent>): this {
    for (const e of events) this.add(e);
    return this;
  }

  /**
   * The events of every stream (arrival order within a stream), for audits (explain, diff); read back
   * from the event source, one stream at a time, for streams the index does not hold.
   */
  *events(): Iterable<RecordedEvent> {
    this.readStreams();
    for (const id of this.streams.keys()) yield* this.streamEvents(id);
  }

  /** The events of one stream as fed, in arrival order (read back from the source when not held). */
  streamEvents(streamId: string): ReadonlyArray<RecordedEvent> {
    this.readStreams();
    const entry = this.streams.get(streamId);
    if (entry === undefined) return [];
    if (entry.hot) return entry.events.map((e) => e.recorded);
    return this.read(entry);
  }

  /** The global positions of one stream's events, in arrival order. */
  streamPositions(streamId: string): ReadonlyArray<number> {
    this.readStreams();
    return this.streams.get(streamId)?.positions ?? [];
  }

  /**
   * The latest recording instant (ms) of a stream's events, −∞ for an unknown stream: lets an audit
   * skip the streams that recorded nothing after an instant without reading their events.
   * @example index.streamMaxRecorded("coop-htx-1") > Date.parse("2023-01-15T00:00:00Z")
   */
  streamMaxRecorded(streamId: string): number {
    this.readStreams();
    return this.streams.get(streamId)?.maxRecorded ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * Each stream's highest revision fed (to resume a ledger read after the indexed prefix).
   * @example index.streamRevisions().get("coop-htx-1") // 4
   */
  streamRevisions(): Map<string, number> {
    this.readStreams();
    const out = new Map<string, number>();
    for (const [id, e] of this.streams) out.set(id, e.maxRevision);
    return out;
  }

  /** Whether every stream's events are held (false after {@link release} or {@link fromImage}). */
  get holdsEvents(): boolean {
    this.readStreams();
    for (const e of this.streams.values()) if (!e.hot) return false;
    return true;
  }

  /**
   * Drops every stream's decoded events, live list, fold state and tail, keeping only the columns and
   * each stream's positions: memory is then bounded by the index, not by the history. A stream that
   * later receives an event (or an audit that needs its events) reads them back from `source` and
   * re-folds them (the same state and tail as feeding them gave: the fold is deterministic).
   * @example const index = buildIndex(events).release({ eventsAt: (ps) => ps.map((p) => events[p]) });
   */
  release(source: EventSource): this {
    this.prepare();
    this.source = source;
    for (const e of this.streams.values()) {
      if (!e.hot) {
        // A stream fed from its fold: keep the fold, encoded (compact; decoded when next fed).
        if (e.fold !== undefined) {
          e.packed = encodeStreamFold(e.fold);
          e.fold = undefined;
        }
        continue;
      }
      // The fold is kept, encoded: a later event that continues the stream needs nothing else.
      e.packed = encodeStreamFold(hotFold(e));
      e.hot = false;
      e.events = [];
      e.live = [];
      e.tail = NO_DELTAS;
      e.state = initialStreamState();
    }
    return this;
  }

  /**
   * The index as plain data (laid-out columns, cells, streams' positions; no events): see
   * {@link IndexImage}. Lays out staged deltas first.
   * @example const bytes = encodeIndexImage(index.toImage());
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
   * @example const ext = reopened.addAll(newEvents).extensionImage(); encodeIndexImage(ext, extra)
   */
  extensionImage(): IndexImage {
    const mark = this.mark;
    if (mark === undefined)
      throw new Error("ProjectionIndex.extensionImage: the index was not reopened from an image");
    this.readAll();
    this.prepare();
    return this.imageSince(mark);
  }

  /**
   * Merges each level's segments into one (reading the persisted ones whole), so that a persisted index
   * whose extensions piled up is written anew as one image: `toImage()` next gives one segment a level.
   * @example reopened.compact().toImage()
   */
  compact(): this {
    this.readAll();
    this.prepare();
    for (const level of IMAGE_LEVELS) this.levels[level].store.compact();
    this.mark = undefined;
    return this;
  }

  /** The image of everything (no mark) or of what came after a mark (an extension). */
  private imageSince(mark: Mark | undefined): IndexImage {
    const arrays: Record<string, Float64Array | Int32Array> = {};
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
      this.levels[level].store.parts(mark?.segments[level] ?? 0).forEach((dense, j) => {
        if (mark === undefined) {
          for (const f of SEGMENT_FIELDS) arrays[`${level}.${j}.${f}`] = dense[f];
          segments.push({ columnCount: dense.columnCount, minStride: dense.minStride });
          return;
        }
        const { cols, parts } = sparsePartsOf(dense);
        arrays[`${level}.${j}.cols`] = cols;
        for (const f of SEGMENT_FIELDS) arrays[`${level}.${j}.${f}`] = parts[f];
        segments.push({
          columnCount: dense.columnCount,
          minStride: dense.minStride,
          localColumns: cols.length,
        });
      });
      metaLevels[level] = { count: n, segments };
    }
    const streamIds: string[] = [];
    const start: number[] = [0];
    const maxRecorded: number[] = [];
    const maxRevision: number[] = [];
    const positions: number[] = [];
    const folds: string[] = [];
    for (const [id, e] of this.streams) {
      const from = mark === undefined ? 0 : mark.touched.get(id);
      if (from === undefined) continue;
      streamIds.push(id);
      folds.push(this.packedFold(e) ?? "");
      maxRecorded.push(e.maxRecorded);
      maxRevision.push(e.maxRevision);
      for (let i = from; i < e.positions.length; i++) positions.push(e.positions[i] as number);
      start.push(positions.length);
    }
    arrays.streamStart = Float64Array.from(start);
    arrays.streamPositions = Float64Array.from(positions);
    arrays.streamMaxRecorded = Float64Array.from(maxRecorded);
    arrays.streamMaxRevision = Float64Array.from(maxRevision);
    Object.assign(arrays, packStreamFolds(folds));
    const cellKeys: string[] = [];
    let k = 0;
    for (const key of this.cellIds.keys()) if (k++ >= cells0) cellKeys.push(key);
    const extent: ImageExtent | undefined =
      mark === undefined
        ? undefined
        : {
            events: mark.events,
            deltas: mark.deltas,
            cells: mark.cells,
            streams: mark.streams,
            columns: mark.columns,
            segments: mark.segments,
          };
    return {
      meta: {
        events: this.eventCount,
        deltas: this.deltaCount,
        latest: Number.isFinite(this.latest) ? this.latest : null,
        cells: this.cellLevels.length,
        streams: this.streams.size,
        levels: metaLevels as unknown as IndexImage["meta"]["levels"],
        ...(extent === undefined ? {} : { extends: extent }),
      },
      strings: { cellKeys, streamIds },
      arrays,
    };
  }

  /**
   * Reopens an index from its image (see {@link toImage}), reading it **lazily**: nothing but the meta
   * is read here; a query reads the columns of the level it needs (a few hundred whole-ledger or
   * province columns for an unscoped or province query, the sums of each column it sums), the streams
   * are read when an audit or an extension asks for them, and feeding an event reads the whole image
   * first. Every stream is cold: its events are read back from `source` when it next receives one or an
   * audit asks for them. A piece whose arrays do not fit together throws {@link IndexImageDamaged} when
   * it is read (the caller checks versions and checksums; this is the last guard).
   * @example const index = ProjectionIndex.fromImage(decoded, { eventsAt: readEventsByOffset });
   */
  static fromImage(
    image: IndexImage | IndexImageSource,
    source: EventSource,
    options: { readonly minStride?: number } = {},
  ): ProjectionIndex {
    const img = "arrays" in image ? imageSourceOf(image) : image;
    const index = new ProjectionIndex(options);
    index.source = source;
    index.image = img;
    index.loaded.ledger = false;
    index.loaded.province = false;
    index.loaded.detail = false;
    index.loaded.streams = false;
    for (const level of IMAGE_LEVELS) index.levels[level].count = img.meta.levels[level].count;
    index.eventCount = img.meta.events;
    index.deltaCount = img.meta.deltas;
    index.latest = img.meta.latest ?? Number.NEGATIVE_INFINITY;
    const perLevel = (f: (l: CellLevel) => number) =>
      ({ ledger: f("ledger"), province: f("province"), detail: f("detail") }) as const;
    index.mark = {
      events: img.meta.events,
      deltas: img.meta.deltas,
      cells: img.meta.cells,
      streams: img.meta.streams,
      columns: perLevel((l) => img.meta.levels[l].count),
      segments: perLevel((l) => img.meta.levels[l].segments.length),
      touched: new Map(),
    };
    return index;
  }

  /** Reads one level's columns from the image (which series and cell each counts; segments paged). */
  private readLevel(level: CellLevel): void {
    const img = this.image;
    if (img === undefined || this.loaded[level]) return;
    const m = img.meta.levels[level];
    const colKey = img.array(`${level}.colKey`);
    const colCell = img.array(`${level}.colCell`);
    if (colKey.length !== m.count || colCell.length !== m.count)
      throw new IndexImageDamaged(`index image: ${level} columns do not match their count`);
    for (let c = 0; c < m.count; c++) {
      const key = colKey[c] as number;
      let s = this.bySeries.get(key);
      if (s === undefined) {
        s = { ledger: [], province: [], detail: [] };
        this.bySeries.set(key, s);
      }
      s[level].push({ cellId: colCell[c] as number, column: c });
    }
    const segments = m.segments.map((seg, j) => {
      const read = (f: string, from: number, to: number) => img.range(`${level}.${j}.${f}`, from, to);
      // A sparse segment (an extension's) holds its non-empty columns only, listed in `cols`.
      if (seg.localColumns === undefined) return new PagedSegment(seg.columnCount, seg.minStride, read);
      return new SparseSegment(
        seg.columnCount,
        () => img.array(`${level}.${j}.cols`),
        new PagedSegment(seg.localColumns, seg.minStride, read),
      );
    });
    this.levels[level] = { count: m.count, store: ColumnStore.fromSegments(segments, this.minStride) };
    this.loaded[level] = true;
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

  /** Reads the streams (ids, positions, latest recording instant and revision; all cold). */
  private readStreams(): void {
    const img = this.image;
    if (img === undefined || this.loaded.streams) return;
    const start = img.array("streamStart");
    const positions = img.array("streamPositions");
    const maxRecorded = img.array("streamMaxRecorded");
    const maxRevision = img.array("streamMaxRevision");
    const ids = img.strings("streamIds");
    if (
      start.length !== ids.length + 1 ||
      ids.length !== img.meta.streams ||
      maxRecorded.length !== ids.length ||
      maxRevision.length !== ids.length
    )
      throw new IndexImageDamaged("index image: the stream tables do not match the stream ids");
    ids.forEach((id, i) => {
      this.streams.set(id, {
        events: [],
        positions: Array.from(positions.subarray(start[i] as number, start[i + 1] as number)),
        hot: false,
        live: [],
        tail: NO_DELTAS,
        maxRecorded: maxRecorded[i] as number,
        maxRevision: maxRevision[i] as number,
        state: initialStreamState(),
        fold: undefined,
        packed: undefined,
        imageAt: i,
      });
    });
    this.foldSource = img;
    this.loaded.streams = true;
  }

  /** Reads everything a reopened index still lacks (before it is fed or persisted again). */
  private readAll(): void {
    const img = this.image;
    if (img === undefined) return;
    for (const level of IMAGE_LEVELS) this.readLevel(level);
    this.readStreams();
    const levelOf: ReadonlyArray<CellLevel> = ["ledger", "province", "detail"];
    const cellLevels = img.array("cellLevels");
    const provinceCellOf = img.array("provinceCellOf");
    const ledgerCellOf = img.array("ledgerCellOf");
    const keys = img.strings("cellKeys");
    if (keys.length !== cellLevels.length || keys.length !== img.meta.cells)
      throw new IndexImageDamaged("index image: the cell keys do not match the cells");
    keys.forEach((k, id) => {
      const level = levelOf[cellLevels[id] as number] as CellLevel;
      this.cellIds.set(k, id);
      this.cellInfos[id] ??= parseCell(level === "detail" ? k : k.slice(1));
      this.cellLevels.push(level);
      this.provinceCellOf.push(provinceCellOf[id] as number);
      this.ledgerCellOf.push(ledgerCellOf[id] as number);
    });
    // Loops, not spreads: a national index has a million detail columns (a spread overflows the stack).
    for (const c of img.array("provinceColumnOf")) this.provinceColumnOf.push(c);
    for (const c of img.array("ledgerColumnOf")) this.ledgerColumnOf.push(c);
    for (const level of IMAGE_LEVELS) {
      const colKey = img.array(`${level}.colKey`);
      const colCell = img.array(`${level}.colCell`);
      for (let c = 0; c < colKey.length; c++) {
        const key = colKey[c] as number;
        let byCell = this.columnIds.get(key);
        if (byCell === undefined) {
          byCell = [];
          this.columnIds.set(key, byCell);
        }
        byCell[colCell[c] as number] = c;
      }
    }
    this.image = undefined;
    this.cellKeyList = undefined;
  }

  private read(entry: StreamEntry): ReadonlyArray<RecordedEvent> {
    if (this.source === undefined)
      throw new Error("ProjectionIndex: a released stream without an event source");
    return this.source.eventsAt(entry.positions);
  }

  /** Reads a cold stream's events back and re-folds them: its live list, state and tail as fed. */
  private hydrate(entry: StreamEntry): void {
    const events = this.read(entry).map(timed);
    entry.events = events;
    entry.live = liveEvents(events);
    const full = sweepStream(entry.live, Number.NEGATIVE_INFINITY, scratchNew);
    entry.state = full.state;
    const lastDay =
      entry.live.length === 0
        ? Number.NEGATIVE_INFINITY
        : (entry.live[entry.live.length - 1] as TimedEvent).day;
    entry.tail = tailAfter(NO_DELTAS, full.deltas, lastDay);
    entry.hot = true;
    entry.fold = undefined;
    entry.packed = undefined;
  }

  /** The stream ids known. */
  streamIds(): Iterable<string> {
    this.readStreams();
    return this.streams.keys();
  }

  /**
   * Lays the deltas fed since the last query out into their columns now (a query does it first
   * otherwise): for a service that wants its first query fast, and to time a build honestly.
   * @example const index = buildIndex(events).prepare();
   */
  prepare(): this {
    if (this.staging.size > 0) this.flush();
    return this;
  }

  /** The columns of a series at a level (for query evaluation); with a sector, only its full-detail ones. */
  columnsOf(key: number, level: CellLevel, sector?: string): ReadonlyArray<CellColumn> {
    this.readLevel(level);
    this.prepare();
    const s = this.bySeries.get(key);
    if (s === undefined) return [];
    if (level !== "detail" || sector === undefined) return s[level];
    // A sector scope: only that sector's full-detail columns (a sector is one of ~15, and walking every
    // detail column of a series made sector-scoped queries the slowest by far).
    let bySector = this.detailBySector.get(key);
    if (bySector === undefined) {
      bySector = new Map();
      for (const c of s.detail) addToSector(bySector, this.cell(c.cellId).sector, c);
      this.detailBySector.set(key, bySector);
    }
    return bySector.get(sector) ?? [];
  }

  /**
   * Sum of a column's deltas with day ≤ `day` and recorded ≤ `rec` (a column from {@link columnsOf}
   * at the same level).
   */
  sumAt(level: CellLevel, column: number, day: number, rec: number): number {
    if (!this.loaded[level]) this.readLevel(level);
    return this.levels[level].store.sumAt(column, day, rec);
  }

  /** The parsed cell of a cell id. */
  cell(cellId: number): CellInfo {
    return this.cellInfos[cellId] ?? this.readCell(cellId);
  }

  /** Number of cells (all levels). */
  get cellCount(): number {
    return this.image === undefined ? this.cellInfos.length : this.image.array("cellLevels").length;
  }

  private rederive(entry: StreamEntry, te: TimedEvent): void {
    // The stream's knowledge history changes before instants already indexed: withdraw the history it
    // contributed and add the one it contributes now. Other streams are unaffected (law 4).
    const before = streamHistory(entry.events);
    entry.events.push(te);
    const after = streamHistory(entry.events);
    for (const h of before) this.push(h.key, h.cell, h.day, -h.amount, h.rec);
    for (const h of after) this.push(h.key, h.cell, h.day, h.amount, h.rec);
    entry.live = liveEvents(entry.events);
    const full = sweepStream(entry.live, Number.NEGATIVE_INFINITY, scratchNew);
    entry.state = full.state;
    const lastDay =
      entry.live.length === 0
        ? Number.NEGATIVE_INFINITY
        : (entry.live[entry.live.length - 1] as TimedEvent).day;
    entry.tail = tailAfter(entry.tail, full.deltas, lastDay);
  }

  /**
   * Emits `now` minus `old[cut..]` (both in day order), netting equal (series, cell, day) entries so
   * that an unchanged delta costs nothing in the columns.
   */
  private emitDifference(old: Deltas, cut: number, now: Deltas, rec: number): void {
    const oldEnd = old.keys.length;
    const nowEnd = now.keys.length;
    if (cut === oldEnd) {
      for (let i = 0; i < nowEnd; i++)
        this.push(
          now.keys[i] as number,
          now.cells[i] as string,
          now.days[i] as number,
          now.amounts[i] as number,
          rec,
        );
      return;
    }
    // Day by day (both lists are in day order): within one day, pair equal (series, cell) entries.
    let a = cut;
    let b = 0;
    while (a < oldEnd || b < nowEnd) {
      const day = Math.min(
        a < oldEnd ? (old.days[a] as number) : Number.POSITIVE_INFINITY,
        b < nowEnd ? (now.days[b] as number) : Number.POSITIVE_INFINITY,
      );
      let a1 = a;
      while (a1 < oldEnd && old.days[a1] === day) a1++;
      let b1 = b;
      while (b1 < nowEnd && now.days[b1] === day) b1++;
      this.emitDay(old, a, a1, now, b, b1, day, rec);
      a = a1;
      b = b1;
    }
  }

  private emitDay(
    old: Deltas,
    a0: number,
    a1: number,
    now: Deltas,
    b0: number,
    b1: number,
    day: number,
    rec: number,
  ): void {
    if (a0 === a1) {
      for (let i = b0; i < b1; i++)
        this.push(now.keys[i] as number, now.cells[i] as string, day, now.amounts[i] as number, rec);
      return;
    }
    if (b0 === b1) {
      for (let i = a0; i < a1; i++)
        this.push(old.keys[i] as number, old.cells[i] as string, day, -(old.amounts[i] as number), rec);
      return;
    }
    if ((a1 - a0) * (b1 - b0) > 4096) {
      // A day with hundreds of entries on both sides (an organisation moving with years of annual
      // figures): net through a map.
      const net = new Map<string, { key: number; cell: string; amount: number }>();
      const add = (key: number, cell: string, amount: number): void => {
        const id = `${key}|${cell}`;
        const cur = net.get(id);
        if (cur === undefined) net.set(id, { key, cell, amount });
        else cur.amount += amount;
      };
      for (let i = a0; i < a1; i++)
        add(old.keys[i] as number, old.cells[i] as string, -(old.amounts[i] as number));
      for (let i = b0; i < b1; i++)
        add(now.keys[i] as number, now.cells[i] as string, now.amounts[i] as number);
      for (const d of net.values()) if (d.amount !== 0) this.push(d.key, d.cell, day, d.amount, rec);
      return;
    }
    netScratch.length = 0;
    for (let i = b0; i < b1; i++) netScratch.push(now.amounts[i] as number);
    for (let j = a0; j < a1; j++) {
      let amount = -(old.amounts[j] as number);
      const key = old.keys[j] as number;
      const cell = old.cells[j] as string;
      for (let i = b0; i < b1 && amount !== 0; i++) {
        if (now.keys[i] === key && now.cells[i] === cell && netScratch[i - b0] !== 0) {
          amount += netScratch[i - b0] as number;
          netScratch[i - b0] = 0;
        }
      }
      if (amount !== 0) this.push(key, cell, day, amount, rec);
    }
    for (let i = b0; i < b1; i++) {
      const amount = netScratch[i - b0] as number;
      if (amount !== 0) this.push(now.keys[i] as number, now.cells[i] as string, day, amount, rec);
    }
  }

  /** Appends a full-detail delta to the staging log. */
  private push(key: number, cell: string, day: number, amount: number, rec: number): void {
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

  /**
   * Sorts the staged deltas into their columns: the full-detail column and its two roll-ups, each level
   * one new segment. Run when a query next reads the index, so that a bulk build lays each level out
   * once.
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
      id = this.cellInfos.length;
      this.cellIds.set(k, id);
      this.cellInfos.push(parseCell(cell));
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
}

const netScratch: number[] = [];
/** The one-event live list a fold is resumed with (only its last element is read). */
const scratchOne: TimedEvent[] = [];

/** A hot stream's fold, as {@link StreamFold} (shares its state and tail: encode it, do not keep it). */
const hotFold = (e: StreamEntry): StreamFold => {
  const first = e.live[0];
  const last = e.live[e.live.length - 1];
  return {
    state: e.state,
    tail: e.tail,
    liveCount: e.live.length,
    firstType: first?.recorded.event.type,
    firstDay: first?.day ?? Number.NaN,
    firstRevision: first?.recorded.revision ?? Number.NaN,
    lastDay: last?.day ?? Number.NaN,
    lastRevision: last?.recorded.revision ?? Number.NaN,
  };
};

const addToSector = (bySector: Map<string, CellColumn[]>, sector: string, c: CellColumn): void => {
  const list = bySector.get(sector);
  if (list === undefined) bySector.set(sector, [c]);
  else list.push(c);
};

/** Whether an event id is among a stream's events (looked up only for a possible redelivery). */
const isFed = (events: ReadonlyArray<TimedEvent>, eventId: string): boolean => {
  for (let i = events.length - 1; i >= 0; i--)
    if ((events[i] as TimedEvent).recorded.eventId === eventId) return true;
  return false;
};

/**
 * The entries of a day-ordered delta list after `day`, copied into the stream's previous tail (reused:
 * the list may be scratch, and a new tail per event was a good share of the garbage of a bulk build).
 */
const tailAfter = (previous: Deltas, d: Deltas, day: number): Deltas => {
  const from = upperBound(d.days, 0, d.days.length, day);
  if (from === d.keys.length) return NO_DELTAS;
  const out = previous === NO_DELTAS ? emptyDeltas() : clearDeltas(previous);
  for (let i = from; i < d.keys.length; i++) {
    out.keys.push(d.keys[i] as number);
    out.cells.push(d.cells[i] as string);
    out.days.push(d.days[i] as number);
    out.amounts.push(d.amounts[i] as number);
    out.causes.push(d.causes[i] as number);
  }
  return out;
};

/**
 * Builds an index from events in bulk (the same as feeding them one by one).
 * @example const index = buildIndex(events);
 */
export const buildIndex = (
  events: Iterable<RecordedEvent>,
  options: { readonly minStride?: number } = {},
): ProjectionIndex => new ProjectionIndex(options).addAll(events);

const insertByValidTime = (live: TimedEvent[], te: TimedEvent): TimedEvent[] => {
  let i = live.length;
  while (
    i > 0 &&
    ((live[i - 1] as TimedEvent).day > te.day ||
      ((live[i - 1] as TimedEvent).day === te.day &&
        (live[i - 1] as TimedEvent).recorded.revision > te.recorded.revision))
  ) {
    i--;
  }
  live.splice(i, 0, te);
  return live;
};

const firstChangedDay = (before: ReadonlyArray<TimedEvent>, after: ReadonlyArray<TimedEvent>): number => {
  const a = new Set(before.map((e) => e.recorded.eventId));
  const b = new Set(after.map((e) => e.recorded.eventId));
  let min = Number.POSITIVE_INFINITY;
  for (const e of before) if (!b.has(e.recorded.eventId) && e.day < min) min = e.day;
  for (const e of after) if (!a.has(e.recorded.eventId) && e.day < min) min = e.day;
  return min;
};

interface HistoryDelta {
  readonly key: number;
  readonly cell: string;
  readonly day: number;
  readonly amount: number;
  readonly rec: number;
}

/**
 * A stream's whole contribution over transaction time: at each distinct recording instant, the change
 * of its contribution. Used when events arrive out of recording order.
 */
const streamHistory = (events: ReadonlyArray<TimedEvent>): HistoryDelta[] => {
  const ordered = [...events].sort(
    (a, b) => a.recordedMs - b.recordedMs || a.recorded.position - b.recorded.position,
  );
  const out: HistoryDelta[] = [];
  let previous = new Map<string, HistoryDelta>();
  let i = 0;
  while (i < ordered.length) {
    const rec = (ordered[i] as TimedEvent).recordedMs;
    while (i < ordered.length && (ordered[i] as TimedEvent).recordedMs === rec) i++;
    const d = sweepStream(liveEvents(ordered.slice(0, i)), Number.NEGATIVE_INFINITY).deltas;
    const current = new Map<string, HistoryDelta>();
    for (let j = 0; j < d.keys.length; j++) {
      const id = `${d.keys[j]}|${d.days[j]}|${d.cells[j]}`;
      const c = current.get(id);
      const amount = (c?.amount ?? 0) + (d.amounts[j] as number);
      current.set(id, {
        key: d.keys[j] as number,
        cell: d.cells[j] as string,
        day: d.days[j] as number,
        amount,
        rec,
      });
    }
    for (const [id, c] of current) {
      const diff = c.amount - (previous.get(id)?.amount ?? 0);
      if (diff !== 0) out.push({ ...c, amount: diff });
    }
    for (const [id, p] of previous) if (!current.has(id)) out.push({ ...p, amount: -p.amount, rec });
    previous = current;
  }
  return out;
};
