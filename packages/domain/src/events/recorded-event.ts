import * as t from "io-ts";
import { struct } from "../values/codec-helpers.js";
import type { EventId } from "../values/ids.js";
import { Text } from "../values/quantity.js";
import { SourceDocument } from "../values/source-document.js";
import type { StreamId } from "../values/stream-id.js";
import { Instant } from "../values/time.js";
import type { DomainEvent } from "./domain-event.js";

/**
 * Metadata of a recorded event (see the envelope in ARCHITECTURE.md): `recordedAt` is the transaction
 * time, set by the command handler from an injected clock; `source` is the document the event rests on.
 *
 * @example EventMetadata.decode({ recordedAt: "2023-01-15T08:00:00.000Z", recordedBy: "alliance-60/clerk-2" })
 */
export const EventMetadata = struct(
  { recordedAt: Instant },
  { recordedBy: Text, correlationId: t.string, causationId: t.string, source: SourceDocument },
  "EventMetadata",
);
/** @see EventMetadata */
export type EventMetadata = t.TypeOf<typeof EventMetadata>;

/**
 * A decoded event as a store hands it out: the domain event with its envelope.
 * - `eventId`: UUID, deterministic from the command id and the event's index in the decision;
 * - `streamId`, `revision` (per stream, from 0), `position` (global order in the store, a safe integer);
 * - `event`: `{ type, schemaVersion, data }`, upcast to the current version;
 * - `metadata`: transaction time and provenance.
 *
 * Projections, explain and diff work on this shape: it is what "which events make up this number" names.
 */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly eventId: EventId;
  readonly streamId: StreamId;
  readonly revision: number;
  readonly position: number;
  readonly event: E;
  readonly metadata: EventMetadata;
}
