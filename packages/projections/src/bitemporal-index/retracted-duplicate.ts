import type { TimedEvent } from "../model/live-events.js";
import type { Deltas } from "../model/stream-sweep.js";

/**
 * The stream's last arrival (the event fed last, when it is live: not a retraction, not retracted):
 * its event id ("" unless it is a duplicate), revision, type, the key of what it sets
 * ({@link stateKeyOf}), and the revision of the arrival just before it when it duplicates that one
 * (same type, same key; that one live too), else −1. Null when the last arrival is a retraction (or not
 * live) or of a type without a key.
 * @example const a: Arrival = ["e-9", 9, "MembershipReported", "18992|42|0|0", 8]; // duplicates revision 8
 */
export type Arrival = readonly [
  id: string,
  revision: number,
  type: string,
  key: string | null,
  duplicates: number,
];

/**
 * The facts about a stream's last arrival that decide whether the retraction of a duplicate is folded
 * from the fold alone ({@link retractedDuplicateFoldable}).
 * @example const facts: ArrivalFacts = { arrival: null }; // the last arrival was a retraction
 */
export interface ArrivalFacts {
  arrival: Arrival | null;
}

/**
 * What an event sets of its stream's state, as a string, for the types whose retracted duplicate the
 * fold takes; null for the others. A `MembershipReported` sets the three member counts, on its day, and
 * nothing else (`applyEvent`): two with the same key leave the same state whatever came before them.
 * Exact (no hash): the members, households and workers, not the whole data (a note would not matter).
 * @example
 * const te = { day: 18992, recorded: { event: { type: "MembershipReported", data: { officialMembers: 42 } } } } as unknown as Parameters<typeof stateKeyOf>[0];
 * stateKeyOf(te) // "18992|42|0|0"
 */
export const stateKeyOf = (te: TimedEvent): string | null => {
  const e = te.recorded.event;
  if (e.type !== "MembershipReported") return null;
  const d = e.data;
  return `${te.day}|${d.officialMembers}|${d.farmHouseholds ?? 0}|${d.regularWorkers ?? 0}`;
};

/**
 * Records a new live arrival (a new revision, fed from the fold): it becomes the last arrival, a
 * duplicate of the one before when that one (live: the facts are null after a retraction) has its type
 * and key.
 * @example
 * const f: ArrivalFacts = { arrival: ["e-1", 1, "MembershipReported", "18992|42|0|0", -1] };
 * noteArrival(f, { day: 18992, recorded: { eventId: "e-2", revision: 2, event: { type: "MembershipReported", data: { officialMembers: 42 } } } } as unknown as Parameters<typeof noteArrival>[1]);
 * f.arrival?.[4] // 1
 */
export const noteArrival = (f: ArrivalFacts, te: TimedEvent): void => {
  const r = te.recorded;
  const key = stateKeyOf(te);
  const p = f.arrival;
  const dup = p !== null && key !== null && p[2] === r.event.type && p[3] === key && p[1] < r.revision;
  f.arrival = arrivalOf(r.eventId, r.revision, r.event.type, key, dup ? p[1] : -1);
};

/**
 * The facts kept of an arrival: none for a type without a key (nothing after it can duplicate it, and
 * a fold is kept for every stream), and its id only when it is a duplicate (only then is its
 * retraction folded).
 */
const arrivalOf = (
  id: string,
  revision: number,
  type: string,
  key: string | null,
  dup: number,
): Arrival | null => (key === null ? null : [dup < 0 ? "" : id, revision, type, key, dup]);

const retracts = (events: ReadonlyArray<TimedEvent>, id: string): boolean => {
  for (const te of events) {
    const e = te.recorded.event;
    if (e.type === "EventRetracted" && e.data.retractedEventId === id) return true;
  }
  return false;
};

/**
 * The arrival facts of a stream's events (arrival order, each once, as a hot stream holds them): what
 * {@link noteArrival} gives when they are fed one by one, with the conditions it takes from the fold's
 * way of feeding checked on the events (neither arrival retracted, no other event's revision between).
 * @example arrivalFactsOf([]).arrival // null
 */
export const arrivalFactsOf = (events: ReadonlyArray<TimedEvent>): ArrivalFacts => {
  const x = events[events.length - 1];
  if (x === undefined) return { arrival: null };
  const r = x.recorded;
  // Keyless arrivals (a retraction among them) keep no facts: no scan of a long stream for them.
  const key = stateKeyOf(x);
  if (key === null || retracts(events, r.eventId)) return { arrival: null };
  let dup = -1;
  const p = events[events.length - 2];
  if (
    p !== undefined &&
    p.recorded.event.type === r.event.type &&
    p.recorded.revision < r.revision &&
    stateKeyOf(p) === key &&
    !retracts(events, p.recorded.eventId)
  ) {
    dup = p.recorded.revision;
    // Adjacent in valid time too (same day: the key holds it; no revision between theirs).
    for (let i = 0; i < events.length - 2; i++) {
      const v = (events[i] as TimedEvent).recorded.revision;
      if (v >= dup && v <= r.revision) dup = -1;
    }
  }
  return { arrival: arrivalOf(r.eventId, r.revision, r.event.type, key, dup) };
};

/**
 * The facts a retraction of a duplicate changes, with the live count and last-event facts of
 * `StreamFold` (what {@link foldRetractedDuplicate} needs of it).
 * @example const f: DuplicateFold = { arrival: null, liveCount: 0, lastRevision: Number.NaN, tail: { keys: [], cells: [], days: [], amounts: [], causes: [] } };
 */
export interface DuplicateFold extends ArrivalFacts {
  liveCount: number;
  lastRevision: number;
  tail: Deltas;
}

/**
 * Whether a retraction is of the stream's last arrival when that one duplicates the live arrival just
 * before it (a `MembershipReported` entered twice): the two are adjacent in valid time (same day, no
 * revision between) and set the same state, so the stream's state, deltas, tail and every other
 * event's marginal contribution are the same without it, and its own marginal is nothing.
 * @example
 * const f: ArrivalFacts = { arrival: ["e-2", 2, "MembershipReported", "18992|42|0|0", 1] };
 * retractedDuplicateFoldable(f, { recorded: { event: { type: "EventRetracted", data: { retractedEventId: "e-2" } } } } as unknown as Parameters<typeof retractedDuplicateFoldable>[1]) // true
 */
export const retractedDuplicateFoldable = (f: ArrivalFacts, te: TimedEvent): boolean => {
  const e = te.recorded.event;
  const a = f.arrival;
  return (
    e.type === "EventRetracted" &&
    a !== null &&
    a[2] === "MembershipReported" &&
    // The id is kept only for a duplicate (`arrivalOf`): "" never matches.
    a[0] === e.data.retractedEventId
  );
};

/**
 * Folds the retraction of a duplicate ({@link retractedDuplicateFoldable}): one live event fewer; the
 * last live event in valid time is its twin when it was (same day); the tail's scheduled changes are
 * attributed to the live event before them, as the re-fold's sweep does; the last arrival is now a
 * retraction. No delta changes: nothing is pushed.
 * @example
 * const f: DuplicateFold = { arrival: ["e-2", 2, "MembershipReported", "18992|42|0|0", 1], liveCount: 3, lastRevision: 2, tail: { keys: [], cells: [], days: [], amounts: [], causes: [] } };
 * foldRetractedDuplicate(f);
 * console.log(f.liveCount, f.lastRevision, f.arrival); // 2 1 null
 */
export const foldRetractedDuplicate = (f: DuplicateFold): void => {
  const a = f.arrival;
  if (a === null) return;
  f.liveCount--;
  if (f.lastRevision === a[1]) f.lastRevision = a[4];
  const causes = f.tail.causes;
  for (let i = 0; i < causes.length; i++)
    if ((causes[i] as number) >= f.liveCount) causes[i] = f.liveCount - 1;
  f.arrival = null;
};
