import { dayOf, instantMs, type RecordedEvent } from "@coop-ledger/domain";

/** An event prepared for folding: its valid day and recording instant as numbers. */
export interface TimedEvent {
  readonly recorded: RecordedEvent;
  readonly day: number;
  readonly recordedMs: number;
}

/**
 * Prepares an event for folding (valid day, recording instant in ms).
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const [first] = events;
 * if (first === undefined) throw new Error("no events");
 * const e = timed(first);
 * console.log(e.day === dayOf(first.event.data.effectiveDate), e.recordedMs === Date.parse(first.metadata.recordedAt)); // true true
 */
export const timed = (recorded: RecordedEvent): TimedEvent => ({
  recorded,
  day: dayOf(recorded.event.data.effectiveDate),
  recordedMs: instantMs(recorded.metadata.recordedAt),
});

/** Valid-time order within a stream: effective day, then the stream's own order (revision). */
const byValidTime = (a: TimedEvent, b: TimedEvent): number =>
  a.day - b.day || a.recorded.revision - b.recorded.revision;

/**
 * The live events of one stream as known at `knownAtMs`: recorded by then, first delivery of each
 * event id only, and not retracted by a live retraction recorded by then; sorted in valid-time order.
 * Retractions are resolved from the latest back, so retracting a retraction revives its target
 * (a retraction always names an earlier event).
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const stream = events.filter((e) => e.streamId === events[0]?.streamId).map(timed);
 * const knownAt = Date.parse("2022-06-30T23:59:59.999Z");
 * const live = liveEvents(stream, knownAt);
 * // What was recorded by 30 June, in valid-time order (retracted events and retractions left out).
 * console.log(live.every((e, i) => e.recordedMs <= knownAt && (i === 0 || (live[i - 1]?.day ?? 0) <= e.day))); // true
 */
export const liveEvents = (
  events: ReadonlyArray<TimedEvent>,
  knownAtMs: number = Number.POSITIVE_INFINITY,
): TimedEvent[] => {
  const seen = new Set<string>();
  const known: TimedEvent[] = [];
  for (const e of events) {
    if (e.recordedMs > knownAtMs || seen.has(e.recorded.eventId)) continue;
    seen.add(e.recorded.eventId);
    known.push(e);
  }
  let hasRetraction = false;
  for (const e of known) if (e.recorded.event.type === "EventRetracted") hasRetraction = true;
  let live = known;
  if (hasRetraction) {
    // Later recorded first; ties by global position.
    const order = [...known].sort(
      (a, b) => b.recordedMs - a.recordedMs || b.recorded.position - a.recorded.position,
    );
    const dead = new Set<string>();
    for (const e of order) {
      if (dead.has(e.recorded.eventId)) continue;
      const ev = e.recorded.event;
      if (ev.type === "EventRetracted") dead.add(ev.data.retractedEventId);
    }
    live = known.filter((e) => !dead.has(e.recorded.eventId) && e.recorded.event.type !== "EventRetracted");
  }
  return live.sort(byValidTime);
};
