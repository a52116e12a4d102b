import type { RecordedEvent } from "@coop-ledger/domain";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { applyEvent, type FlowSink, initialStreamState } from "../model/stream-state.js";
import { sweepFrom, sweepStream } from "../model/stream-sweep.js";
import type { DeltaSink } from "./column-layout.js";
import { upperBound } from "./column-segment.js";
import { emitDifference } from "./delta-difference.js";
import { FoldBytes } from "./fold-bytes.js";
import { foldEvent, foldWay } from "./fold-rules.js";
import { ImageStreams, streamImageArrays } from "./image-streams.js";
import type { IndexImageSource } from "./index-image.js";
import {
  coolEntry,
  type EventSource,
  type FeedResult,
  type FeedTap,
  firstChangedDay,
  hotFold,
  hydrateEntry,
  insertByValidTime,
  isFed,
  NO_DELTAS,
  newStreamEntry,
  rederiveEntry,
  restatable,
  type StreamEntry,
  scratchNew,
  scratchOld,
  tailAfter,
  teeSink,
} from "./stream-entry.js";
import { decodeStreamFold, encodeStreamFold, type StreamFold } from "./stream-fold.js";

/**
 * The feeding side of the bitemporal index: each stream's events, live list, fold and tail (or, for a
 * cold stream, its fold alone), and the rule that turns an event into the deltas its stream's
 * contribution changed by, pushed to a {@link DeltaSink} (the index's `ColumnLayout`). See
 * `ProjectionIndex` for the costs.
 *
 * @example new StreamFeed({ push: () => undefined }).eventCount // 0
 */
export class StreamFeed {
  /** Every stream fed, by id (in the order first fed). */
  readonly streams = new Map<string, StreamEntry>();
  /** Number of distinct events fed. */
  eventCount = 0;
  /** The latest recording instant fed (ms since the epoch), −∞ when empty. */
  latest = Number.NEGATIVE_INFINITY;
  /** Where released or reopened streams' events are read back from. */
  source: EventSource | undefined = undefined;
  /**
   * For a reopened index, the streams that received events since it was opened, each with its number
   * of positions then (what an extension image holds); undefined otherwise.
   */
  touched: Map<string, number> | undefined = undefined;
  /** A reopened index's image while its streams are not all read yet (see {@link readStreams}). */
  private pending: IndexImageSource | undefined = undefined;
  /** The image's stream tables, read when a stream is first fed (entries are made one at a time). */
  private table: ImageStreams | undefined = undefined;
  /** Streams fed while `pending` that the image does not hold. */
  private added = 0;
  /** A reopened index's stream folds, by the stream's place in its image (read when needed). */
  private foldAt: ((i: number) => string | undefined) | undefined = undefined;
  private holdNone = false;
  private flowDay = 0;
  private flowRec = 0;
  /** The sink of an independent event's flows (one closure per index, not per event). */
  private readonly flowSink: FlowSink = (key, cell, amount) => {
    if (amount !== 0) this.out.push(key, cell, this.flowDay, amount, this.flowRec);
  };
  /** Told of the events folded from their stream's fold alone, and their deltas (see holdNoEvents). */
  private tap: FeedTap | undefined = undefined;
  private tapping = false;
  private out: DeltaSink;

  /** A feed that pushes its deltas to `out` (the index's `ColumnLayout`). */
  constructor(private readonly layout: DeltaSink) {
    this.out = layout;
  }

  /** Number of streams (those of a reopened index's image included, read or not). */
  get streamCount(): number {
    return this.pending === undefined ? this.streams.size : this.tableOf(this.pending).count + this.added;
  }

  /** Feeds one event (see `ProjectionIndex.add`). */
  add(event: RecordedEvent): FeedResult {
    let entry = this.entryOf(event.streamId);
    let before: TimedEvent[] | undefined;
    if (entry === undefined) {
      entry = newStreamEntry();
      this.streams.set(event.streamId, entry);
      if (this.pending !== undefined) this.added++;
      // Holding no events, a new stream's first event is folded hot and tapped (see holdNoEvents).
      this.tapping = this.holdNone && this.tap !== undefined;
    } else if (!entry.hot) {
      // A cold stream: an event that continues it is folded from its fold alone; else it is hydrated,
      // and its provenance (what the event changed of every event's) folded from the live lists around it.
      const fold = this.foldOf(entry);
      if (fold !== undefined && this.addToFold(entry, fold, event)) return "added";
      const restating = this.holdNone && this.tap !== undefined && restatable(entry, event);
      if (!restating) this.tap?.dirty(event.streamId);
      hydrateEntry(entry, this.read(entry).map(timed));
      if (restating) before = entry.live.slice();
    }
    const r = this.addHot(entry, event);
    this.tapping = false;
    if (before !== undefined)
      this.tap?.restated(event.streamId, entry.events.at(-1) as TimedEvent, before, entry.live);
    if (this.holdNone) coolEntry(entry);
    return r;
  }

  /**
   * Feeds holding no events ({@link coolEntry}): a stream keeps only its fold; one that receives an event
   * its fold cannot take (see `addToFold`) reads its events back from `source`, is fed, and is cold
   * again: one read-back per such event, memory bounded by the folds, not the history (issue #12).
   */
  holdNoEvents(source: EventSource, tap?: FeedTap): void {
    this.source = source;
    this.holdNone = true;
    this.tap = tap;
    if (tap !== undefined) this.out = teeSink(this.layout, tap, () => this.tapping);
  }

  /** Feeds one event to a hot stream. */
  private addHot(entry: StreamEntry, event: RecordedEvent): FeedResult {
    // A redelivered event carries its stream revision again, so only an event at or below the highest
    // revision seen can be one; the usual, later event is never looked up.
    if (event.revision <= entry.maxRevision && isFed(entry.events, event.eventId)) return "duplicate";
    if (event.revision > entry.maxRevision) entry.maxRevision = event.revision;
    this.eventCount++;
    if (this.touched !== undefined && !this.touched.has(event.streamId))
      this.touched.set(event.streamId, entry.unread + entry.positions.length);
    entry.positions.push(event.position);
    const te = timed(event);
    if (this.tapping)
      this.tap?.event(event.streamId, event.position, te.recordedMs, te.day, event.event.type);
    if (te.recordedMs > this.latest) this.latest = te.recordedMs;
    if (te.recordedMs < entry.maxRecorded) {
      rederiveEntry(entry, te, this.out);
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
      emitDifference(this.out, old, cut, suffix, te.recordedMs);
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
    emitDifference(this.out, old, 0, now.deltas, te.recordedMs);
    entry.tail = tailAfter(entry.tail, now.deltas, lastDay);
    return "added";
  }

  /**
   * Feeds an event to a cold stream from its fold alone, when the event is a new revision recorded no
   * earlier than the stream's others and its fold takes it (`foldWay`, fold-rules.ts: later in valid
   * time, an independent flow, a back-dated report or single-aspect event its facts allow, the
   * retraction of a duplicate). The same steps as {@link add} on a hot stream. False (nothing changed)
   * otherwise: the caller hydrates the stream.
   */
  private addToFold(entry: StreamEntry, f: StreamFold, event: RecordedEvent): boolean {
    if (event.revision <= entry.maxRevision) return false;
    const type = event.event.type;
    const te = timed(event);
    if (te.recordedMs < entry.maxRecorded) return false;
    const way = foldWay(f, te);
    if (way === undefined) return false;
    if (this.tap !== undefined) {
      // Tapped as it is folded, an event dated before the stream's last one included: the fold takes
      // only those that leave the marginal of every event after it in valid time unchanged (the table
      // built from the events records no change for them either), and its own marginal is the deltas
      // it adds.
      this.tap.event(event.streamId, event.position, te.recordedMs, te.day, type);
      this.tapping = true;
    }
    entry.maxRevision = event.revision;
    this.eventCount++;
    if (this.touched !== undefined && !this.touched.has(event.streamId))
      this.touched.set(event.streamId, entry.unread + entry.positions.length);
    entry.positions.push(event.position);
    if (te.recordedMs > this.latest) this.latest = te.recordedMs;
    entry.maxRecorded = te.recordedMs;
    foldEvent(f, te, way, this.out);
    this.tapping = false;
    return true;
  }

  /** A cold stream's fold: decoded from its released form or read from the image, when there is one. */
  private foldOf(entry: StreamEntry): StreamFold | undefined {
    if (entry.fold !== undefined) return entry.fold;
    const text = this.foldText(entry);
    if (text === undefined) return undefined;
    entry.fold = decodeStreamFold(text);
    entry.packed = undefined;
    entry.packedIn = undefined;
    return entry.fold;
  }

  /** A stream's fold, encoded (for an image), or undefined when the index has none for it. */
  foldText(entry: StreamEntry): string | undefined {
    if (entry.hot) return encodeStreamFold(hotFold(entry));
    if (entry.fold !== undefined) return encodeStreamFold(entry.fold);
    if (entry.packedIn !== undefined) return entry.packedIn.text(entry.packedAt);
    if (entry.packed !== undefined) return entry.packed;
    if (entry.imageAt < 0 || this.foldAt === undefined) return undefined;
    return this.foldAt(entry.imageAt);
  }

  /** Reads a stream's events back from the source (a stream not held). */
  read(entry: StreamEntry): ReadonlyArray<RecordedEvent> {
    if (this.source === undefined)
      throw new Error("ProjectionIndex: a released stream without an event source");
    return this.source.eventsAt(this.positionsOf(entry));
  }

  /** A stream's positions (none for no entry), a reopened image's read in first (see `StreamEntry.unread`). */
  positionsOf(entry: StreamEntry | undefined): ReadonlyArray<number> {
    if (entry === undefined) return [];
    if (entry.unread > 0) this.table?.readPositionsInto(entry);
    return entry.positions;
  }

  /** Drops every stream's decoded events, live list, state and tail (see `ProjectionIndex.release`). */
  release(source: EventSource): void {
    this.source = source;
    // The folds kept, encoded, in one byte store in stream order (see `FoldBytes`): what the image
    // writes as it is when nothing is fed before (`wholePacked`).
    const store = new FoldBytes();
    for (const e of this.streams.values()) {
      // A stream packed already, or whose fold is in the image it was reopened from, stays as it is.
      if (!e.hot && e.fold === undefined) continue;
      // A later event that continues the stream needs nothing but its fold (decoded when next fed).
      e.packedAt = store.add(encodeStreamFold(e.hot ? hotFold(e) : (e.fold as StreamFold)));
      e.packedIn = store;
      e.fold = undefined;
      if (!e.hot) continue;
      e.hot = false;
      e.events = [];
      e.live = [];
      e.tail = NO_DELTAS;
      e.state = initialStreamState();
    }
  }

  /** Opens the feed on an image: its streams are read when first asked for ({@link readStreams}). */
  open(img: IndexImageSource, source: EventSource): void {
    this.pending = img;
    this.foldAt = (i) => this.tableOf(img).fold(i); // a layered file's: from the last image listing it
    this.source = source;
    this.eventCount = img.meta.events;
    this.latest = img.meta.latest ?? Number.NEGATIVE_INFINITY;
    this.touched = new Map();
  }

  private tableOf(img: IndexImageSource): ImageStreams {
    this.table ??= ImageStreams.of(img);
    return this.table;
  }

  /**
   * A stream's entry: held, or a stream of the image not read yet made a cold entry (added to `streams`,
   * the image's other streams left unread); undefined when neither holds it.
   */
  entryOf(id: string): StreamEntry | undefined {
    const img = this.pending;
    if (img === undefined || this.streams.has(id)) return this.streams.get(id);
    const table = this.tableOf(img);
    const i = table.indexOf(id);
    if (i < 0) return undefined;
    const entry = table.entry(i);
    this.streams.set(id, entry);
    return entry;
  }

  /** Each stream's highest revision fed, without reading the image's streams as entries. */
  revisions(): Map<string, number> {
    const out = new Map<string, number>();
    if (this.pending !== undefined) this.tableOf(this.pending).revisionsInto(out);
    for (const [id, e] of this.streams) out.set(id, e.maxRevision);
    return out;
  }

  /** A stream's highest revision fed, or undefined for a stream not fed (without making its entry). */
  revision(id: string): number | undefined {
    const held = this.streams.get(id)?.maxRevision;
    return held ?? (this.pending === undefined ? undefined : this.tableOf(this.pending).revisionOf(id));
  }

  /**
   * Reads every stream of the opened image as an entry (all cold but those fed since), in the image's
   * order, then the streams the image does not hold in the order first fed (as if read when opened).
   */
  readStreams(): void {
    const img = this.pending;
    if (img === undefined) return;
    this.tableOf(img).readAllInto(this.streams);
    this.pending = undefined;
    this.added = 0;
  }

  /**
   * The feed's part of an image (streams, their positions, folds), of every stream (`touched`
   * undefined) or of those that received events since a mark (their new positions only), written into
   * `arrays`; returns the stream ids.
   */
  imageArrays(
    touched: ReadonlyMap<string, number> | undefined,
    arrays: Record<string, Float64Array | Int32Array>,
  ): string[] {
    if (touched === undefined) for (const e of this.streams.values()) this.positionsOf(e);
    const whole = touched === undefined ? this.wholePacked() : undefined;
    return streamImageArrays(this.streams, touched, (e) => this.foldText(e), arrays, whole);
  }

  /**
   * The store every stream's fold is packed in, each at its place in stream order (a release's, nothing
   * fed since: the image's fold arrays as they are), or undefined.
   */
  private wholePacked(): FoldBytes | undefined {
    let store: FoldBytes | undefined;
    let i = 0;
    for (const e of this.streams.values()) {
      if (e.packedIn === undefined || e.packedAt !== i || (store ?? e.packedIn) !== e.packedIn)
        return undefined;
      store = e.packedIn;
      i++;
    }
    return store?.count === i ? store : undefined;
  }
}
