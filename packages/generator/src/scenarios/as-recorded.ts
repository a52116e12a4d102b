import type { RecordedEvent } from "@coop-ledger/domain";
import type { GeneratedEvent } from "../recorder.js";

/**
 * Generated events as a store would hand them back: each with its stream revision and its position in
 * the whole ledger (the order given). For folding a generated history in memory without a store.
 *
 * @example const index = buildIndex(asRecorded(buildScenario(SCENARIOS["004"].spec)));
 */
export const asRecorded = (events: Iterable<GeneratedEvent>): RecordedEvent[] => {
  const revisions = new Map<string, number>();
  const out: RecordedEvent[] = [];
  for (const g of events) {
    const revision = revisions.get(g.streamId) ?? 0;
    revisions.set(g.streamId, revision + 1);
    out.push({ ...g, revision, position: out.length } as RecordedEvent);
  }
  return out;
};
