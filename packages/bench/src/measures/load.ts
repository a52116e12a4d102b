import type { RecordedEvent } from "@coop-ledger/domain";
import type { DatasetFacts } from "../subjects.js";

/**
 * Learns, from the events of a dataset, what random queries may range over: the span of effective dates
 * and recording instants, the province codes and sectors of the co-ops founded.
 *
 * @example const facts = factsOf(events);
 */
export const factsOf = (events: Iterable<RecordedEvent>): DatasetFacts => {
  let firstDate = "9999-12-31";
  let lastDate = "0000-01-01";
  let firstRecordedAt = "9999";
  let lastRecordedAt = "0000";
  const provinces = new Set<string>();
  const sectors = new Set<string>();
  for (const e of events) {
    const data = e.event.data as { effectiveDate?: string };
    const d = data.effectiveDate;
    if (d !== undefined) {
      if (d < firstDate) firstDate = d;
      if (d > lastDate) lastDate = d;
    }
    const r = e.metadata.recordedAt;
    if (r < firstRecordedAt) firstRecordedAt = r;
    if (r > lastRecordedAt) lastRecordedAt = r;
    if (e.event.type === "CoopFounded") {
      provinces.add(e.event.data.location.provinceCode);
      sectors.add(e.event.data.sector);
    }
  }
  return {
    firstDate,
    lastDate,
    firstRecordedAt,
    lastRecordedAt,
    provinceCodes: [...provinces].sort(),
    sectors: [...sectors].sort(),
  };
};

/**
 * Reads a whole ledger into memory (for measurements that must not time the file read).
 *
 * @example const events = await loadAll(subjects.readLedger!, path);
 */
export const loadAll = async (
  readLedger: (path: string) => AsyncIterable<RecordedEvent>,
  path: string,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const e of readLedger(path)) events.push(e);
  return events;
};
