import type { RecordedEvent } from "@coop-ledger/domain";
import { ProjectionIndex } from "../index/projection-index.js";
import type { TimedEvent } from "../model/live-events.js";
import { timed } from "../model/live-events.js";
import { groupByStream } from "../replay/replay.js";

/** What the audits read from: an index (it keeps every event) or the events themselves. */
export type AuditSource = ProjectionIndex | Iterable<RecordedEvent>;

/** Every stream's events (arrival order) of an audit source. */
export const streamsOf = (source: AuditSource): Map<string, TimedEvent[]> => {
  if (source instanceof ProjectionIndex) {
    const out = new Map<string, TimedEvent[]>();
    for (const id of source.streamIds()) out.set(id, source.streamEvents(id).map(timed));
    return out;
  }
  return groupByStream(source);
};
