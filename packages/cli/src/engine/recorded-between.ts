import { dayOf, type Instant, type RecordedEvent } from "@coop-ledger/domain";
import type { LoadedLedger } from "./load-ledger.js";

/** An event's effective date. @example effectiveOf(e) // "2022-06-01" */
export const effectiveOf = (e: RecordedEvent): string =>
  (e.event.data as { effectiveDate: string }).effectiveDate;

/** Recorded in (a, b], and effective by the valid date or a retraction. */
const bearsOn = (e: RecordedEvent, a: Instant, b: Instant, validAt: string): boolean =>
  e.metadata.recordedAt > a &&
  e.metadata.recordedAt <= b &&
  (e.event.type === "EventRetracted" || effectiveOf(e) <= validAt);

/**
 * Events recorded in (a, b] that can bear on figures valid at `validAt`: those effective by then, and
 * every retraction (a correction dated later still removes an earlier event). In global order.
 * @example
 * // The late events of a restatement of 2022 between mid-January 2023 and mid-2024, on an opened ledger.
 * const late = (ledger: Parameters<typeof recordedBetween>[0]) =>
 *   recordedBetween(ledger, "2023-01-15T23:59:59.999Z" as Instant, "2024-06-30T23:59:59.999Z" as Instant, "2022-12-31");
 */
export const recordedBetween = (
  ledger: LoadedLedger,
  a: Instant,
  b: Instant,
  validAt: string,
): RecordedEvent[] => {
  const table = ledger.provenance;
  if (table !== undefined) {
    // From the provenance table's event columns: no event is read but those listed (by byte offset),
    // and those appended after the table was built.
    const lo = Date.parse(a);
    const hi = Date.parse(b);
    const validDay = dayOf(validAt);
    const retracted = table.types.indexOf("EventRetracted");
    const recs = table.eventRecs();
    const days = table.eventDays();
    const types = table.eventTypes();
    const positions: number[] = [];
    for (let p = 0; p < table.covered; p++) {
      const r = recs[p] as number;
      if (r > lo && r <= hi && ((types[p] as number) === retracted || (days[p] as number) <= validDay))
        positions.push(p);
    }
    const appended: number[] = [];
    for (let p = table.covered; p < ledger.events; p++) appended.push(p);
    return [
      ...ledger.eventsAt(positions),
      ...ledger.eventsAt(appended).filter((e) => bearsOn(e, a, b, validAt)),
    ];
  }
  const out: RecordedEvent[] = [];
  const after = Date.parse(a);
  for (const id of ledger.index.streamIds()) {
    // Streams that recorded nothing after A are skipped without reading their events back.
    if (ledger.index.streamMaxRecorded(id) <= after) continue;
    for (const e of ledger.index.streamEvents(id)) if (bearsOn(e, a, b, validAt)) out.push(e);
  }
  return out.sort((x, y) => x.position - y.position);
};
