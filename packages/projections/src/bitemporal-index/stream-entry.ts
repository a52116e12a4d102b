import { instantMs, type RecordedEvent } from "@coop-ledger/domain";
import { liveEvents, type TimedEvent } from "../model/live-events.js";
import { initialStreamState, type StreamState } from "../model/stream-state.js";
import { copyDeltas, type Deltas, emptyDeltas, sweepStream } from "../model/stream-sweep.js";
import { aspectFactsOf } from "./back-dated-aspect.js";
import { reportFactsOf } from "./back-dated-report.js";
import type { DeltaSink } from "./column-layout.js";
import { upperBound } from "./column-segment.js";
import type { FoldBytes } from "./fold-bytes.js";
import { arrivalFactsOf } from "./retracted-duplicate.js";
import type { StreamFold } from "./stream-fold.js";
import { streamHistory } from "./stream-history.js";

/** What happened to an event fed to the index. */
export type FeedResult = "added" | "duplicate";

/**
 * Where an index that keeps no decoded events reads a stream's events back from (the ledger, by the
 * byte offsets of their positions): only when a stream receives an event after the index was released
 * or reopened, and for the audits (explain, diff).
 *
 * @example
 * const ledger: RecordedEvent[] = [];
 * const source: EventSource = { eventsAt: (positions) => positions.flatMap((p) => ledger[p] ?? []) };
 * source.eventsAt([]) // []
 */
export interface EventSource {
  /** The events at these global positions (given ascending), decoded. */
  readonly eventsAt: (positions: ReadonlyArray<number>) => ReadonlyArray<RecordedEvent>;
}

/**
 * What the feeding side keeps of one stream: its events and live list (while hot), positions, fold
 * state and tail, or (while cold) only its fold and positions.
 *
 * @example const entry: StreamEntry = newStreamEntry(); entry.hot // true
 */
export interface StreamEntry {
  /** Every event of the stream, in arrival order (empty while the stream is cold). */
  events: TimedEvent[];
  /**
   * The global positions of the stream's events, in arrival order (kept also while cold), but for the
   * first `unread` of them.
   */
  positions: number[];
  /**
   * How many of the stream's first positions a reopened image holds and `positions` does not (yet): an
   * extension feeds a stream from its fold and writes only the positions it adds, so the image's are
   * read only when the stream's events are read back (`StreamFeed.positionsOf`). 0 otherwise.
   */
  unread: number;
  /**
   * False when the stream's events, live list, state and tail are not held (a released or reopened
   * index): they are read back from the {@link EventSource} and re-folded when the stream next receives an
   * event.
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
  /**
   * Where a release packed the stream's fold (a store of the folds of the streams it released, see
   * `FoldBytes`) and its place there; decoded into `fold` when the stream next receives an event.
   */
  packedIn: FoldBytes | undefined;
  packedAt: number;
  /** Where a reopened index's image holds the stream's fold (its place in the image's streams), or −1. */
  imageAt: number;
}

/**
 * The empty delta list of a stream with no tail (shared, frozen: never written to).
 * @example NO_DELTAS.keys.length // 0
 */
export const NO_DELTAS: Deltas = Object.freeze({
  keys: [],
  cells: [],
  days: [],
  amounts: [],
  causes: [],
}) as unknown as Deltas;

/**
 * Scratch delta lists for the sweeps of one feed (the index never re-enters itself).
 * @example scratchOld !== scratchNew // true
 */
export const scratchOld = emptyDeltas();
/**
 * See {@link scratchOld}.
 * @example
 * scratchNew !== scratchOld // true
 */
export const scratchNew = emptyDeltas();

/**
 * A new, hot, empty stream entry.
 * @example newStreamEntry().positions.length // 0
 */
export const newStreamEntry = (): StreamEntry => ({
  events: [],
  positions: [],
  unread: 0,
  hot: true,
  live: [],
  tail: NO_DELTAS,
  maxRecorded: Number.NEGATIVE_INFINITY,
  maxRevision: Number.NEGATIVE_INFINITY,
  state: initialStreamState(),
  fold: undefined,
  packed: undefined,
  packedIn: undefined,
  packedAt: -1,
  imageAt: -1,
});

/** The state of a cold stream (never read or written: a cold stream's state is in its fold). */
const COLD_STATE: StreamState = initialStreamState();

/**
 * A cold entry for a stream of a reopened image: its positions (or, `unread` > 0, how many the image
 * holds, read when needed), latest instant and revision, and where the image holds its fold; its state
 * is the shared cold one (a stream turns hot through {@link hydrateEntry}, which gives it its own). An
 * extension makes one per stream it feeds (~1,600 at national scale): a fresh initial state each was a
 * dozen maps and sets made for nothing, and reading its positions a ranged read each.
 * @example
 * const e = coldStreamEntry([0, 7], 1_700_000_000_000, 3, 42);
 * console.log(e.hot, e.positions.length, e.imageAt); // false 2 42
 * coldStreamEntry([], 1_700_000_000_000, 3, 42, 2).unread // 2: the image's two positions, not read
 */
export const coldStreamEntry = (
  positions: number[],
  maxRecorded: number,
  maxRevision: number,
  imageAt: number,
  unread = 0,
): StreamEntry => ({
  events: [],
  positions,
  unread,
  hot: false,
  live: [],
  tail: NO_DELTAS,
  maxRecorded,
  maxRevision,
  state: COLD_STATE,
  fold: undefined,
  packed: undefined,
  packedIn: undefined,
  packedAt: -1,
  imageAt,
});

/**
 * Turns a hot stream cold, keeping its fold (decoded, sharing the state and tail) and dropping its
 * events and live list: a stream fed afterwards from its fold alone costs no memory for its history.
 * @example const e = newStreamEntry(); coolEntry(e); e.hot // false
 */
export const coolEntry = (e: StreamEntry): void => {
  e.fold = hotFold(e);
  e.hot = false;
  e.events = [];
  e.live = [];
  e.tail = NO_DELTAS;
  e.state = COLD_STATE;
};

/**
 * Makes a stream hot from its events (arrival order, as read back): its live list, state and tail as
 * feeding them gave (the fold is deterministic).
 * @example const e = newStreamEntry(); hydrateEntry(e, []); e.hot // true
 */
export const hydrateEntry = (entry: StreamEntry, events: TimedEvent[]): void => {
  entry.events = events;
  entry.live = liveEvents(events);
  const full = sweepStream(entry.live, Number.NEGATIVE_INFINITY, scratchNew);
  entry.state = full.state;
  const last = entry.live[entry.live.length - 1];
  entry.tail = tailAfter(NO_DELTAS, full.deltas, last === undefined ? Number.NEGATIVE_INFINITY : last.day);
  entry.hot = true;
  entry.fold = undefined;
  entry.packed = undefined;
  entry.packedIn = undefined;
};

/**
 * Adds an event recorded before the stream's latest to a hot stream: its knowledge history changes
 * before instants already indexed, so the history it contributed is withdrawn and the one it
 * contributes now added (other streams are unaffected: law 4).
 * @example
 * const late = { day: 18687, recordedMs: 0, recorded: { eventId: "e-1", revision: 0, position: 0, streamId: "coop-htx-1", event: { type: "CoopSuspended", data: { coopId: "htx-1", effectiveDate: "2021-03-01" } }, metadata: { recordedAt: "1970-01-01T00:00:00.000Z" } } } as unknown as Parameters<typeof rederiveEntry>[1];
 * const e = newStreamEntry();
 * rederiveEntry(e, late, { push: () => undefined });
 * e.events.length // 1
 */
export const rederiveEntry = (entry: StreamEntry, te: TimedEvent, out: DeltaSink): void => {
  const before = streamHistory(entry.events);
  entry.events.push(te);
  const after = streamHistory(entry.events);
  for (const h of before) out.push(h.key, h.cell, h.day, -h.amount, h.rec);
  for (const h of after) out.push(h.key, h.cell, h.day, h.amount, h.rec);
  entry.live = liveEvents(entry.events);
  const full = sweepStream(entry.live, Number.NEGATIVE_INFINITY, scratchNew);
  entry.state = full.state;
  const last = entry.live[entry.live.length - 1];
  entry.tail = tailAfter(entry.tail, full.deltas, last === undefined ? Number.NEGATIVE_INFINITY : last.day);
};

/**
 * What an index fed holding no events reports besides its deltas, so that the provenance table is built
 * with it rather than by folding every stream again (`ProvenanceTap`, provenance-tap.ts): each event
 * folded from its stream's fold alone (`event`, then the deltas it caused, `delta`); each event that
 * made its stream read its events back, a back-dated one or a retraction (`restated`: the event, and
 * the stream's live list before and after it); and each stream whose provenance must be derived from its
 * events instead (`dirty`: a redelivery, or an event recorded before the stream's latest).
 * @example
 * const tap: FeedTap = { event: () => undefined, delta: () => undefined, restated: () => undefined, dirty: () => undefined };
 */
export interface FeedTap {
  readonly event: (streamId: string, position: number, recordedMs: number, day: number, type: string) => void;
  readonly delta: (key: number, cell: string, day: number, amount: number, rec: number) => void;
  readonly restated: (
    streamId: string,
    event: TimedEvent,
    before: ReadonlyArray<TimedEvent>,
    after: ReadonlyArray<TimedEvent>,
  ) => void;
  readonly dirty: (streamId: string) => void;
}

/**
 * Whether the provenance of an event that a cold stream's fold cannot take is folded as it is fed
 * ({@link FeedTap}'s `restated`): a new revision recorded no earlier than the stream's others (a
 * back-dated event, a retraction). Else (a redelivery, an event recorded out of order) the stream is
 * dirty: its provenance is derived from its events at the end.
 * @example
 * const late = { eventId: "e-1", revision: 0, position: 0, streamId: "coop-htx-1", event: { type: "CoopSuspended", data: { coopId: "htx-1", effectiveDate: "2021-03-01" } }, metadata: { recordedAt: "1970-01-01T00:00:00.000Z" } } as unknown as RecordedEvent;
 * restatable(newStreamEntry(), late) // true
 */
export const restatable = (entry: StreamEntry, event: RecordedEvent): boolean =>
  event.revision > entry.maxRevision && instantMs(event.metadata.recordedAt) >= entry.maxRecorded;

/**
 * A sink that pushes to `out`, and to `tap` too while `on()` holds.
 * @example
 * const amounts: number[] = [];
 * const tap = { event: () => undefined, delta: (_k: number, _c: string, _d: number, a: number) => { amounts.push(a); }, restated: () => undefined, dirty: () => undefined };
 * teeSink({ push: () => undefined }, tap, () => true).push(1, "c", 0, 5, 0);
 * amounts // [5]
 */
export const teeSink = (out: DeltaSink, tap: FeedTap, on: () => boolean): DeltaSink => ({
  push: (key, cell, day, amount, rec) => {
    out.push(key, cell, day, amount, rec);
    if (on()) tap.delta(key, cell, day, amount, rec);
  },
});

/**
 * A hot stream's fold, as {@link StreamFold} (shares its state and tail: encode it, do not keep it).
 * @example hotFold(newStreamEntry()).liveCount // 0
 */
export const hotFold = (e: StreamEntry): StreamFold => {
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
    ...reportFactsOf(e.live),
    ...aspectFactsOf(e.live),
    ...arrivalFactsOf(e.events),
  };
};

/**
 * Whether an event id is among a stream's events (looked up only for a possible redelivery).
 * @example isFed([], "e-1") // false
 */
export const isFed = (events: ReadonlyArray<TimedEvent>, eventId: string): boolean => {
  for (let i = events.length - 1; i >= 0; i--)
    if ((events[i] as TimedEvent).recorded.eventId === eventId) return true;
  return false;
};

/**
 * The entries of a day-ordered delta list after `day`, copied into the stream's previous tail (reused:
 * the list may be scratch, and a new tail per event was a good share of the garbage of a bulk build).
 * @example tailAfter(NO_DELTAS, { keys: [1, 1], cells: ["c", "c"], days: [5, 9], amounts: [1, -1], causes: [0, 0] }, 5).days // [9]
 */
export const tailAfter = (previous: Deltas, d: Deltas, day: number): Deltas => {
  const from = upperBound(d.days, 0, d.days.length, day);
  if (from === d.keys.length) return NO_DELTAS;
  return copyDeltas(previous === NO_DELTAS ? emptyDeltas() : previous, d, from);
};

/**
 * Inserts an event into a live list in valid-time order (day, then revision), after its equals.
 * @example insertByValidTime([], { day: 3, recordedMs: 0, recorded: { revision: 0 } } as Parameters<typeof insertByValidTime>[1]).length // 1
 */
export const insertByValidTime = (live: TimedEvent[], te: TimedEvent): TimedEvent[] => {
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

/**
 * The earliest valid day of an event in one live list and not the other (+∞ when they hold the same).
 * @example firstChangedDay([], []) // Number.POSITIVE_INFINITY
 */
export const firstChangedDay = (
  before: ReadonlyArray<TimedEvent>,
  after: ReadonlyArray<TimedEvent>,
): number => {
  const a = new Set(before.map((e) => e.recorded.eventId));
  const b = new Set(after.map((e) => e.recorded.eventId));
  let min = Number.POSITIVE_INFINITY;
  for (const e of before) if (!b.has(e.recorded.eventId) && e.day < min) min = e.day;
  for (const e of after) if (!a.has(e.recorded.eventId) && e.day < min) min = e.day;
  return min;
};
