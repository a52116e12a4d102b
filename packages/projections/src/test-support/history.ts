import type { DomainEvent, EventId, RecordedEvent, StreamId } from "@coop-ledger/domain";

/** A deterministic UUID-shaped event id from a number (tests only). */
export const uuidOf = (n: number): EventId => {
  const h = n.toString(16).padStart(12, "0");
  return `00000000-0000-4000-8000-${h}` as EventId;
};

/** Which stream an event belongs to, from its data. */
export const streamOf = (e: DomainEvent): StreamId => {
  const d = e.data as Record<string, unknown>;
  if (e.type === "AllianceActivityRecorded") return `alliance-${String(d.provinceCode)}` as StreamId;
  if (
    e.type === "FundEstablished" ||
    e.type === "FundCapitalChanged" ||
    e.type === "LoanApplicationReceived"
  ) {
    return `fund-${String(d.fundId)}` as StreamId;
  }
  if (e.type === "ReorganisationDecided") return `reorganisation-${String(d.reorganisationId)}` as StreamId;
  return `coop-${String(d.coopId)}` as StreamId;
};

/**
 * A tiny ledger builder for hand-worked scenarios: `record(event, recordedAt, streamId?)` appends an
 * envelope with the next position, the stream's next revision and a deterministic id.
 */
export class Ledger {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  record(event: DomainEvent, recordedAt: string, streamId: StreamId = streamOf(event)): RecordedEvent {
    const revision = this.revisions.get(streamId) ?? 0;
    this.revisions.set(streamId, revision + 1);
    const r: RecordedEvent = {
      eventId: uuidOf(this.events.length + 1),
      streamId,
      revision,
      position: this.events.length,
      event,
      metadata: {
        recordedAt: (recordedAt.length === 10 ? `${recordedAt}T12:00:00.000Z` : recordedAt) as never,
      },
    };
    this.events.push(r);
    return r;
  }
}

/** Shorthand event constructors (data typed loosely: tests build valid events by hand). */
export const ev = <T extends DomainEvent["type"]>(type: T, data: Record<string, unknown>): DomainEvent =>
  ({ type, schemaVersion: type === "CoopFounded" ? 2 : 1, data }) as unknown as DomainEvent;

/** A co-op founding. */
export const founded = (
  coopId: string,
  effectiveDate: string,
  extra: {
    readonly province?: string;
    readonly district?: string;
    readonly gazetteer?: string;
    readonly sector?: string;
    readonly form?: string;
    readonly members?: number;
    readonly origin?: Record<string, unknown>;
    readonly advisedByAlliance?: boolean;
  } = {},
): DomainEvent =>
  ev("CoopFounded", {
    coopId,
    effectiveDate,
    name: `HTX ${coopId}`,
    form: extra.form ?? "cooperative",
    sector: extra.sector ?? "agriculture",
    location: {
      gazetteer: extra.gazetteer ?? "2008-08-01",
      provinceCode: extra.province ?? "60",
      ...(extra.district !== undefined ? { districtCode: extra.district } : {}),
    },
    foundingMembers: extra.members ?? 7,
    origin: extra.origin ?? { kind: "new" },
    ...(extra.advisedByAlliance !== undefined ? { advisedByAlliance: extra.advisedByAlliance } : {}),
  });
