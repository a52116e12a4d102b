import { dayOf, type Instant, type RecordedEvent } from "@coop-ledger/domain";
import type { LoadedLedger } from "./load-ledger.js";

/**
 * An event's effective date. @example effectiveOf(e) // "2022-06-01"
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const first = events[0];
 * first !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(effectiveOf(first)) // true
 */
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

/** Event types that change whether a co-op exists: they usually explain a restatement, so they come first. */
const WEIGHTY: ReadonlySet<string> = new Set([
  "CoopDissolved",
  "EventRetracted",
  "CoopReorganisedAway",
  "CoopFounded",
  "CoopConverted",
]);

/**
 * Late events in the order a restatement shows them: those that change whether a co-op exists first,
 * then by ledger position.
 * @example const ordered = (events: ReadonlyArray<RecordedEvent>) => [...events].sort(byWeight);
 */
export const byWeight = (a: RecordedEvent, b: RecordedEvent): number =>
  Number(WEIGHTY.has(b.event.type)) - Number(WEIGHTY.has(a.event.type)) || a.position - b.position;

/** A page of a restatement's late events: `limit` of them from `offset`, in {@link byWeight} order. */
export interface LatePage {
  readonly offset: number;
  readonly limit: number;
}

/**
 * One page of the events {@link recordedBetween} lists, in {@link byWeight} order, with how many there
 * are in all. With the provenance table only the page's events are read from the ledger (its event
 * columns give each event's recording instant, day and type): a wide restatement of the national
 * ledger has 22,963 late events, and reading and shipping them all was most of a compare's answer.
 * @example
 * const first = (ledger: Parameters<typeof lateEventsPage>[0]) =>
 *   lateEventsPage(ledger, "2023-01-15T23:59:59.999Z" as Instant, "2024-06-30T23:59:59.999Z" as Instant, "2022-12-31", { offset: 0, limit: 25 });
 */
export const lateEventsPage = (
  ledger: LoadedLedger,
  a: Instant,
  b: Instant,
  validAt: string,
  page: LatePage,
): { readonly total: number; readonly events: RecordedEvent[] } => {
  const table = ledger.provenance;
  if (table === undefined) {
    const all = recordedBetween(ledger, a, b, validAt).sort(byWeight);
    return { total: all.length, events: all.slice(page.offset, page.offset + page.limit) };
  }
  const lo = Date.parse(a);
  const hi = Date.parse(b);
  const validDay = dayOf(validAt);
  const retracted = table.types.indexOf("EventRetracted");
  const weighty = new Set(table.types.flatMap((t, i) => (WEIGHTY.has(t) ? [i] : [])));
  const recs = table.eventRecs();
  const days = table.eventDays();
  const types = table.eventTypes();
  // Two lists in position order (weighty, other) make the byWeight order without sorting.
  const first: number[] = [];
  const rest: number[] = [];
  for (let p = 0; p < table.covered; p++) {
    const r = recs[p] as number;
    const t = types[p] as number;
    if (r > lo && r <= hi && (t === retracted || (days[p] as number) <= validDay))
      (weighty.has(t) ? first : rest).push(p);
  }
  const appended: number[] = [];
  for (let p = table.covered; p < ledger.events; p++) appended.push(p);
  // Events appended after the table was built are read to be sorted in (few: the table is rebuilt with
  // the index on compaction).
  const late = ledger.eventsAt(appended).filter((e) => bearsOn(e, a, b, validAt));
  const lateFirst = late.filter((e) => WEIGHTY.has(e.event.type)).map((e) => e.position);
  const lateRest = late.filter((e) => !WEIGHTY.has(e.event.type)).map((e) => e.position);
  const ordered = [...first, ...lateFirst, ...rest, ...lateRest];
  const wanted = ordered.slice(page.offset, page.offset + page.limit);
  const byPosition = new Map(
    ledger.eventsAt([...wanted].sort((x, y) => x - y)).map((e) => [e.position, e] as const),
  );
  return {
    total: ordered.length,
    events: wanted.flatMap((p) => {
      const e = byPosition.get(p);
      return e === undefined ? [] : [e];
    }),
  };
};
