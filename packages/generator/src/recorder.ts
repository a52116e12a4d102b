import {
  CURRENT_SCHEMA_VERSION,
  DAY_MS,
  type DayNumber,
  type DomainEvent,
  type EventData,
  type EventId,
  type EventMetadata,
  type EventOf,
  type EventType,
  isoInstant,
  type SourceDocument,
  type StreamId,
  type Text,
} from "@coop-ledger/domain";
import { DayQueue } from "./day-queue.js";
import type { Prng } from "./prng.js";
import { generatedEventId } from "./uuid.js";

/**
 * One generated event, ready to append: the stream, a deterministic event id, the domain event and its
 * metadata (transaction time `recordedAt`, who recorded it, the document it rests on). Events come out
 * of `generateLedger` (generate-ledger.ts) in recording order (non-decreasing `recordedAt`).
 */
export interface GeneratedEvent {
  readonly streamId: StreamId;
  readonly eventId: EventId;
  readonly event: DomainEvent;
  readonly metadata: EventMetadata;
}

/**
 * The recording clock of one stream. Dependent ("ordered") events are recorded after every earlier
 * dependent event of the stream, so each stream's recording order respects the decider's rules;
 * "independent" events (reports, which no rule orders) may be recorded late, out of step; a
 * "terminal" event is recorded after everything else of the stream.
 */
export interface StreamClock {
  readonly streamId: StreamId;
  /** Recording instant of the last dependent event. */
  lastOrdered: number;
  /** Latest recording instant of any event. */
  maxRecorded: number;
  /** No event of the stream may be recorded before this (its founding). */
  floor: number;
  /**
   * The latest effective date of any event made on the stream (`YYYY-MM-DD` strings sort by date): a
   * termination may not be back-dated before it (the decider's BackdatedTermination rule).
   */
  maxEffective: string;
}

/** How an event's recording instant is constrained by its stream (see {@link StreamClock}). */
export type RecordMode = "ordered" | "independent" | "terminal";

/**
 * Makes a stream clock.
 * @example
 * newClock("coop-htx-1" as StreamId)
 */
export const newClock = (streamId: StreamId): StreamClock => ({
  streamId,
  lastOrdered: Number.NEGATIVE_INFINITY,
  maxRecorded: Number.NEGATIVE_INFINITY,
  floor: Number.NEGATIVE_INFINITY,
  maxEffective: "",
});

/**
 * Builds a domain event at its current schema version.
 * @example
 * const resumed = mk("CoopResumed", { coopId: "htx-1" as CoopId, effectiveDate: "2024-01-10" as BusinessDate });
 * console.log(resumed.type, resumed.schemaVersion); // "CoopResumed" 1
 */
export const mk = <K extends EventType>(type: K, data: EventData<K>): EventOf<K> =>
  ({ type, schemaVersion: CURRENT_SCHEMA_VERSION[type], data }) as unknown as EventOf<K>;

/** An event waiting for its recording instant. */
class Pending {
  constructor(
    readonly streamId: StreamId,
    readonly index: number,
    readonly ms: number,
    readonly event: DomainEvent,
    readonly by: string,
    readonly source: SourceDocument | undefined,
  ) {}
}

/** What {@link Recorder.record} needs besides the event. */
export interface RecordOptions {
  readonly mode: RecordMode;
  /** The wished recording instant (ms); constraints may push it later. */
  readonly at: number;
  readonly by: string;
  readonly source?: SourceDocument;
  /** An extra lower bound (e.g. a retraction after its target). */
  readonly notBefore?: number;
  /**
   * The event is of a kind a later generator version added: its index (hence its id) comes from a
   * second index space, from {@link SUPPLEMENT_INDEX_BASE}, so adding it leaves the ids of every other
   * event unchanged. It must be recorded `independent` (it may not move its stream's ordering clock).
   */
  readonly supplement?: boolean;
}

/**
 * Where the second index space starts (2^30): far above the events any dataset makes in the first one
 * (a national ledger makes ≈ 1.3 M), so the two never meet and event ids stay distinct.
 * @example SUPPLEMENT_INDEX_BASE // 1073741824
 */
export const SUPPLEMENT_INDEX_BASE = 2 ** 30;

/**
 * Gives events their ids and recording instants and holds them until they are due, so the generator
 * can emit in recording order while simulating in world (valid) time, month by month.
 *
 * @example
 * const r = new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY);
 * const clock = newClock(coopStream("htx-1" as CoopId));
 * const day = dayOf("2024-01-10");
 * const resumed = mk("CoopResumed", { coopId: "htx-1" as CoopId, effectiveDate: "2024-01-10" as BusinessDate });
 * r.record(clock, resumed, { mode: "ordered", at: r.at(day, 3), by: "clerk" });
 * const [e] = [...r.drain()];
 * console.log(e?.streamId, e?.metadata.recordedAt.slice(0, 10)); // "coop-htx-1" "2024-01-13" (3 days after it took effect)
 */
export class Recorder {
  private readonly queue = new DayQueue<Pending>();
  private nextIndex = 0;
  private nextSupplement = SUPPLEMENT_INDEX_BASE;
  /** Events made in the current month step are recorded no earlier than this. */
  stepStartMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly seed: number,
    private readonly rng: Prng,
    /** Events recorded after this instant are left out (the ledger has not learnt them yet). */
    private readonly cutoffMs: number,
  ) {}

  /** How many events were made (recorded or cut off). */
  get made(): number {
    return this.nextIndex + (this.nextSupplement - SUPPLEMENT_INDEX_BASE);
  }

  /** A working-hours instant (08:00–17:00 Vietnam time) `delayDays` after `day`. */
  at(day: DayNumber, delayDays: number): number {
    return Recorder.atWith(this.rng, day, delayDays);
  }

  /**
   * {@link Recorder.at} drawing from another stream (a supplement event's instant must not move the
   * recorder's own draws).
   * @example Recorder.atWith(new Prng(1), 20_000, 3) >= 20_003 * DAY_MS // true
   */
  static atWith(rng: Prng, day: DayNumber, delayDays: number): number {
    return (day + delayDays) * DAY_MS + 3_600_000 + rng.int(0, 9 * 3600 - 1) * 1000;
  }

  /**
   * Records an event on a stream; returns its index (see {@link Recorder.eventIdOf}) and recording
   * instant. Only the event waits in the queue: its id, instant string and metadata are made when it is
   * emitted, so they never outlive the consumer's use of them (less for the garbage collector to copy).
   */
  record(clock: StreamClock, event: DomainEvent, o: RecordOptions): { index: number; ms: number } {
    if (o.supplement === true && o.mode !== "independent")
      throw new RangeError(`Recorder.record: a supplement event must be independent (${event.type})`);
    let ms = Math.max(o.at, this.stepStartMs, clock.floor, o.notBefore ?? Number.NEGATIVE_INFINITY);
    if (o.mode === "ordered") ms = Math.max(ms, clock.lastOrdered + 1000);
    else if (o.mode === "terminal") ms = Math.max(ms, clock.maxRecorded + 1000, clock.lastOrdered + 1000);
    if (o.mode !== "independent") clock.lastOrdered = ms;
    if (ms > clock.maxRecorded) clock.maxRecorded = ms;
    const effective = event.data.effectiveDate;
    if (effective > clock.maxEffective) clock.maxEffective = effective;
    const index = o.supplement === true ? this.nextSupplement++ : this.nextIndex++;
    if (ms <= this.cutoffMs)
      this.queue.push(ms, new Pending(clock.streamId, index, ms, event, o.by, o.source));
    return { index, ms };
  }

  /** The deterministic event id of the event made `index`-th, on `streamId` (see {@link generatedEventId}). */
  eventIdOf(streamId: StreamId, index: number): EventId {
    return generatedEventId(this.seed, streamId, index);
  }

  /** Emits, in recording order, the events due strictly before `ms`. */
  *dueBefore(ms: number): Generator<GeneratedEvent, void, undefined> {
    // Emission is at day boundaries (month starts), so "before ms" is "on a day before ms's day".
    for (const p of this.queue.popBeforeDay(Math.ceil(ms / DAY_MS))) yield this.emit(p);
  }

  private emit(p: Pending): GeneratedEvent {
    const recordedAt = isoInstant(p.ms);
    const metadata: EventMetadata =
      p.source === undefined
        ? { recordedAt, recordedBy: p.by as Text }
        : { recordedAt, recordedBy: p.by as Text, source: p.source };
    return {
      streamId: p.streamId,
      eventId: generatedEventId(this.seed, p.streamId, p.index),
      event: p.event,
      metadata,
    };
  }

  /** Emits everything still waiting, in recording order. */
  drain(): Generator<GeneratedEvent, void, undefined> {
    return this.dueBefore(Number.POSITIVE_INFINITY);
  }
}
