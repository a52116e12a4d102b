import type { RecordedEvent } from "@coop-ledger/domain";

/** The ledger, read by position (as the CLI reads it by byte offset). */
export const byPosition = (events: ReadonlyArray<RecordedEvent>) => {
  const at = new Map(events.map((e) => [e.position, e]));
  return (positions: ReadonlyArray<number>) => positions.map((p) => at.get(p) as RecordedEvent);
};
