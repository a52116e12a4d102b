import * as t from "io-ts";
import {
  AllianceActivityRecorded,
  FundCapitalChanged,
  FundEstablished,
  LoanApplicationReceived,
} from "./alliance-and-fund.js";
import { CoopFounded } from "./coop-founded.js";
import {
  CoopConformedToLaw,
  CoopConverted,
  CoopDissolved,
  CoopJoinedAlliance,
  CoopLeftAlliance,
  CoopResumed,
  CoopSuspended,
  DissolutionStarted,
  HeadOfficeMoved,
} from "./lifecycle.js";
import { LoanDisbursed, LoanRepaid, LoanRescheduled } from "./loans.js";
import { OcopCertified, OcopEnded, ValueChainLinked, ValueChainUnlinked } from "./products-and-links.js";
import {
  CoopMergerReceived,
  CoopReorganisedAway,
  CoopSpunOff,
  ReorganisationDecided,
} from "./reorganisation.js";
import {
  AnnualReportFiled,
  CoopAssessed,
  ManagerAppointed,
  ManagerLeft,
  MembershipReported,
} from "./reporting.js";
import { EventRetracted } from "./retraction.js";

/**
 * The codec of every event at its current schema version, keyed by type. The single source of truth:
 * the union codec, the type list and the catalogue are derived from it.
 * @example
 * Object.keys(eventCodecs).length // 31
 * E.isRight(eventCodecs.OcopEnded.decode({ type: "OcopEnded", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2022-01-01", productId: "p-1", reason: "revoked" } })) // true
 */
export const eventCodecs = {
  CoopFounded,
  CoopJoinedAlliance,
  CoopLeftAlliance,
  CoopConformedToLaw,
  CoopConverted,
  ReorganisationDecided,
  CoopReorganisedAway,
  CoopSpunOff,
  CoopMergerReceived,
  CoopSuspended,
  CoopResumed,
  DissolutionStarted,
  CoopDissolved,
  LoanDisbursed,
  LoanRepaid,
  LoanRescheduled,
  MembershipReported,
  ManagerAppointed,
  ManagerLeft,
  AnnualReportFiled,
  CoopAssessed,
  OcopCertified,
  OcopEnded,
  HeadOfficeMoved,
  ValueChainLinked,
  ValueChainUnlinked,
  EventRetracted,
  AllianceActivityRecorded,
  FundEstablished,
  FundCapitalChanged,
  LoanApplicationReceived,
} as const;

/** The name of an event type. @example const k: EventType = "CoopFounded"; */
export type EventType = keyof typeof eventCodecs;

/**
 * Every event type, in catalogue order.
 * @example
 * EVENT_TYPES.includes("CoopDissolved") // true
 */
export const EVENT_TYPES = Object.keys(eventCodecs) as ReadonlyArray<EventType>;

/**
 * The current schema version of each event type.
 * @example
 * CURRENT_SCHEMA_VERSION.CoopFounded // 2
 */
export const CURRENT_SCHEMA_VERSION = Object.fromEntries(
  EVENT_TYPES.map((k) => [k, eventCodecs[k].type.props.schemaVersion.value]),
) as { readonly [K in EventType]: (typeof eventCodecs)[K]["type"]["props"]["schemaVersion"]["value"] };

const [c0, c1, ...cs] = EVENT_TYPES.map((k) => eventCodecs[k]) as unknown as [t.Mixed, t.Mixed, ...t.Mixed[]];

/**
 * The union codec of every domain event at its current version. Decoding old versions goes through
 * `decodeEvent` (decode.ts), which upcasts first.
 *
 * @example DomainEvent.decode({ type: "CoopResumed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-06-01" } })
 */
export const DomainEvent: t.Type<DomainEvent, DomainEventOutput, unknown> = t.union(
  [c0, c1, ...cs],
  "DomainEvent",
);

/** A domain event: `{ type, schemaVersion, data }` (see the catalogue in docs/events.md). */
export type DomainEvent = { [K in EventType]: t.TypeOf<(typeof eventCodecs)[K]> }[EventType];
/** The JSON form of a domain event. */
export type DomainEventOutput = { [K in EventType]: t.OutputOf<(typeof eventCodecs)[K]> }[EventType];

/** The event of a given type. @example type F = EventOf<"CoopFounded">; */
export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;

/** The data of an event of a given type. @example type D = EventData<"LoanRepaid">; */
export type EventData<K extends EventType> = EventOf<K>["data"];

/**
 * Whether a string names a known event type.
 * @example
 * isEventType("CoopFounded") // true
 */
export const isEventType = (s: string): s is EventType => Object.hasOwn(eventCodecs, s);
