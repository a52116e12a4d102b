import type { RecordedEvent } from "@coop-ledger/domain";
import { imageSourceOf } from "../bitemporal-index/index-image.js";
import type { FeedTap } from "../bitemporal-index/stream-entry.js";
import type { TimedEvent } from "../model/live-events.js";
import type { EntrySpill } from "./entry-spill.js";
import { ProvenanceBuilder } from "./provenance-builder.js";
import { ProvenanceTable } from "./provenance-table.js";
import { type ProvenanceSink, provenanceChange } from "./stream-provenance.js";

/**
 * Builds the provenance table **while the index is fed** holding no events
 * (`ProjectionIndex.holdingNoEvents(source, { tap })`), instead of folding every stream's events again
 * afterwards. An event that its stream's fold takes (it comes after the stream's others in valid and
 * transaction time: the usual case) has as its marginal contribution exactly the deltas the index
 * emits for it (both are the new sweep from its day minus the old tail from that day), recorded at its
 * recording instant: those become its entries as they are emitted. An event that made its stream read
 * its events back (a back-dated event other than a flow or the reports the fold takes, a retraction)
 * is folded from the stream's live lists before and after it (`restated`, {@link provenanceChange}:
 * what `ProvenanceTable.build` records at its instant), so no stream is folded again at the end but one
 * that received a redelivery or an event recorded out of order: that one is marked dirty, and its
 * entries are derived from its events at the end, as `ProvenanceTable.build` does. Either way the table
 * answers as the one built from the events (`provenance-tap.prop.test.ts`).
 *
 * @example
 * const tap = new ProvenanceTap(0);
 * const index = ProjectionIndex.holdingNoEvents({ eventsAt: () => [] }, { tap });
 * const table = tap.table((id) => index.streamEvents(id));
 * table.entryCount // 0
 */
export class ProvenanceTap implements FeedTap {
  /** Undefined once the table is taken (the entries as fed are then garbage, not kept beside it). */
  private builder: ProvenanceBuilder | undefined;
  private readonly ordinal = new Map<string, number>();
  private readonly streams: string[] = [];
  private readonly dirtyStreams = new Set<number>();
  private position = 0;
  private stream = 0;

  /**
   * A tap for the ledger positions `0 … covered − 1`, its entries spilled to `spill` as they are
   * collected when given (see {@link EntrySpill}).
   */
  constructor(covered: number, spill?: EntrySpill) {
    this.builder = new ProvenanceBuilder(covered, spill);
  }

  private placeOf(streamId: string): number {
    let o = this.ordinal.get(streamId);
    if (o === undefined) {
      o = this.streams.length;
      this.ordinal.set(streamId, o);
      this.streams.push(streamId);
    }
    return o;
  }

  readonly event = (
    streamId: string,
    position: number,
    recordedMs: number,
    day: number,
    type: string,
  ): void => {
    this.stream = this.placeOf(streamId);
    this.position = position;
    // Once the table is taken the tap records nothing (the table is what it was when taken).
    this.builder?.event(position, recordedMs, day, type, this.stream);
  };

  readonly delta = (key: number, cell: string, day: number, amount: number, rec: number): void => {
    this.builder?.entry(this.position, key, cell, day, amount, rec);
  };

  readonly restated = (
    streamId: string,
    event: TimedEvent,
    before: ReadonlyArray<TimedEvent>,
    after: ReadonlyArray<TimedEvent>,
  ): void => {
    const r = event.recorded;
    this.event(streamId, r.position, event.recordedMs, event.day, r.event.type);
    const b = this.builder;
    if (b === undefined) return;
    provenanceChange(before, after, event.recordedMs, (p, k, c, d, a, rec) => b.entry(p, k, c, d, a, rec));
  };

  /**
   * One entry of a restated event's provenance, for the stream of the event last told (what `restated`
   * records one by one): how `FeedMerge` replays a partition's log (the entries were folded there).
   */
  readonly entry: ProvenanceSink = (position, key, cell, day, amount, rec) => {
    this.builder?.entry(position, key, cell, day, amount, rec);
  };

  readonly dirty = (streamId: string): void => {
    this.dirtyStreams.add(this.placeOf(streamId));
  };

  /** Number of streams whose provenance is derived from their events (for notes and the bench). */
  get dirtyCount(): number {
    return this.dirtyStreams.size;
  }

  /**
   * The table: the entries taken as fed, and those of the dirty streams derived from their events
   * (`eventsOf`: a stream's events in arrival order, each once, as the index gives them). Taken once:
   * the tap then lets go of the entries it collected (at national scale several hundred MB that a first
   * build would otherwise carry while it lays its columns out and writes the index).
   */
  table(eventsOf: (streamId: string) => ReadonlyArray<RecordedEvent>): ProvenanceTable {
    const b = this.builder;
    if (b === undefined) throw new Error("ProvenanceTap: its table was taken already");
    this.builder = undefined;
    const derivedFrom = b.entries;
    for (const s of [...this.dirtyStreams].sort((x, y) => x - y))
      b.stream(eventsOf(this.streams[s] as string), s);
    const dirty = this.dirtyStreams;
    const image = b.image(this.streams, (i, s) => i < derivedFrom && dirty.has(s));
    return ProvenanceTable.fromImage(imageSourceOf(image), b.types);
  }
}
