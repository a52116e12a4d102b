import type { RecordedEvent } from "@coop-ledger/domain";
import { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { TimedEvent } from "../model/live-events.js";
import { timed } from "../model/live-events.js";
import { groupByStream } from "../replay/replay.js";

/** What the audits read from: an index (it keeps every event) or the events themselves. */
export type AuditSource = ProjectionIndex | Iterable<RecordedEvent>;

/**
 * Every stream's events (arrival order) of an audit source, one stream at a time: an index that keeps
 * no events reads each stream back from its event source only when the visit reaches it, so an audit
 * holds one stream's events at a time, not the history.
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * let n = 0;
 * for (const [, streamEvents] of eachStream(index)) n += streamEvents.length;
 * console.log(n === index.size); // true: every event once (this ledger has no duplicates)
 */
export function* eachStream(source: AuditSource): Iterable<[string, TimedEvent[]]> {
  if (source instanceof ProjectionIndex) {
    for (const id of source.streamIds()) yield [id, source.streamEvents(id).map(timed)];
    return;
  }
  yield* groupByStream(source);
}

/**
 * Every stream's events (arrival order) of an audit source.
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * streamsOf(events).size === new Set(events.map((e) => e.streamId)).size // true
 */
export const streamsOf = (source: AuditSource): Map<string, TimedEvent[]> => {
  if (source instanceof ProjectionIndex) {
    const out = new Map<string, TimedEvent[]>();
    for (const id of source.streamIds()) out.set(id, source.streamEvents(id).map(timed));
    return out;
  }
  return groupByStream(source);
};
