import {
  decodeEvent,
  type EventDecodeError,
  EventId,
  EventMetadata,
  encodeEvent,
  formatValidationErrors,
  type RecordedEvent,
  StreamId,
} from "@coop-ledger/domain";
import type { NewEvent, StoreError } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { EsdbEventData, EsdbRecordedEvent } from "../client/esdb-client.js";
import { positionNumber, UNKNOWN_POSITION } from "./position.js";

/**
 * How one of our events is laid out in EventStoreDB (documented in docs/eventstoredb.md):
 * - ESDB event id = our `eventId` (deterministic UUID, so a retried append is idempotent by the
 *   server's rule);
 * - ESDB event type = our event type (`CoopFounded`, ...): server-side filters and the admin UI see it;
 * - ESDB data (JSON) = the event's encoded `data` only;
 * - ESDB metadata (JSON) = our metadata (`recordedAt`, `recordedBy`, `correlationId`, `causationId`,
 *   `source`) plus `schemaVersion`, and `$correlationId` / `$causationId` copies, the names the server's
 *   own projections (`$by_correlation_id`) read.
 */
export interface EsdbMetadata {
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly [key: string]: unknown;
}

/**
 * Our event as the client's JSON event.
 *
 * @example
 * import { fixtureEvent } from "@coop-ledger/store/contract";
 * import { toEsdbEvent } from "@coop-ledger/store-esdb/internal";
 * const { newEvent } = fixtureEvent("a", 0); // a CoopSuspended
 * const data = toEsdbEvent(newEvent);
 * console.log(data.type, data.contentType, data.metadata); // "CoopSuspended" "application/json" { recordedAt: "2023-01-15T08:00:00.000Z", recordedBy: "contract", schemaVersion: 1 }
 */
export const toEsdbEvent = (e: NewEvent): EsdbEventData => {
  const encoded = encodeEvent(e.event);
  const metadata: Record<string, unknown> = {
    ...EventMetadata.encode(e.metadata),
    schemaVersion: encoded.schemaVersion,
  };
  if (e.metadata.correlationId !== undefined) metadata.$correlationId = e.metadata.correlationId;
  if (e.metadata.causationId !== undefined) metadata.$causationId = e.metadata.causationId;
  return {
    id: e.eventId,
    contentType: "application/json",
    type: encoded.type,
    data: encoded.data,
    metadata,
  };
};

const undecodable = (where: string, error: EventDecodeError): StoreError => ({
  _tag: "UndecodableEvent",
  where,
  error,
  message: `undecodable event at ${where}: ${error.message}`,
});

const malformed = (where: string, message: string): StoreError =>
  undecodable(where, { _tag: "MalformedEvent", message });

/**
 * Decodes an event read from EventStoreDB into our envelope: the data goes through the domain's
 * `decodeEvent` (upcasting old schema versions), the metadata through `EventMetadata`. Anything that
 * does not fit is an `UndecodableEvent` naming the stream, revision and event id, never a throw.
 * `position` is the `$all` commit position, or `fallbackPosition` when the record has none (stream reads
 * on servers before 22.6), else {@link UNKNOWN_POSITION}.
 *
 * @example
 * import { fixtureEvent } from "@coop-ledger/store/contract";
 * import { fromEsdbEvent, toEsdbEvent } from "@coop-ledger/store-esdb/internal";
 * const { streamId, newEvent } = fixtureEvent("a", 0);
 * const sent = toEsdbEvent(newEvent);
 * // What a client hands back for it: the same JSON, with the stream, revision and $all position.
 * const read = { streamId, id: sent.id, revision: 0n, type: sent.type, data: sent.data, metadata: sent.metadata, isJson: true, position: { commit: 332n, prepare: 332n } };
 * const r = fromEsdbEvent(read);
 * if (r._tag === "Right") console.log(r.right.streamId, r.right.revision, r.right.position, r.right.event.type); // "coop-htx-a" 0 332 "CoopSuspended"
 * const foreign = fromEsdbEvent({ ...read, streamId: "$stats-0.0.0.0:2113" });
 * console.log(foreign._tag === "Left" && foreign.left._tag); // "UndecodableEvent" (not one of our streams)
 */
export const fromEsdbEvent = (
  recorded: EsdbRecordedEvent,
  fallbackPosition?: number,
): E.Either<StoreError, RecordedEvent> => {
  const where = `${recorded.streamId}@${recorded.revision} (event ${recorded.id})`;
  const streamId = StreamId.decode(recorded.streamId);
  if (E.isLeft(streamId))
    return E.left(malformed(where, `"${recorded.streamId.slice(0, 80)}" is not our stream`));
  const eventId = EventId.decode(recorded.id.toLowerCase());
  if (E.isLeft(eventId)) return E.left(malformed(where, `event id "${recorded.id}" is not a UUID`));
  if (!recorded.isJson) return E.left(malformed(where, "the event is not JSON (content type octet-stream)"));
  const meta = recorded.metadata;
  if (typeof meta !== "object" || meta === null || Array.isArray(meta) || meta instanceof Uint8Array) {
    return E.left(malformed(where, "the event has no JSON metadata (schemaVersion, recordedAt)"));
  }
  const schemaVersion = (meta as Record<string, unknown>).schemaVersion;
  if (typeof schemaVersion !== "number")
    return E.left(malformed(where, "the metadata has no numeric schemaVersion"));
  const event = decodeEvent({ type: recorded.type, schemaVersion, data: recorded.data });
  if (E.isLeft(event)) return E.left(undecodable(where, event.left));
  const metadata = EventMetadata.decode(meta);
  if (E.isLeft(metadata)) {
    return E.left(
      malformed(where, `invalid metadata: ${formatValidationErrors(metadata.left).slice(0, 3).join("; ")}`),
    );
  }
  return E.right({
    eventId: eventId.right,
    streamId: streamId.right,
    revision: Number(recorded.revision),
    position: positionNumber(recorded.position) ?? fallbackPosition ?? UNKNOWN_POSITION,
    event: event.right,
    metadata: metadata.right,
  });
};

/**
 * Whether an event read from `$all` belongs to the ledger: a stream of ours (`coop-`, `alliance-`,
 * `fund-`, `reorganisation-`) and not a system event (`$`-prefixed type). System and foreign events are
 * skipped, not reported: `$all` is shared with the server and possibly other applications.
 *
 * @example isLedgerEvent({ streamId: "$stats-127.0.0.1:2113", type: "$statsCollected" }) // false
 */
export const isLedgerEvent = (recorded: { readonly streamId: string; readonly type: string }): boolean =>
  !recorded.type.startsWith("$") && StreamId.is(recorded.streamId);
