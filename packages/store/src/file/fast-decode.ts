import {
  CURRENT_SCHEMA_VERSION,
  type DomainEvent,
  EventMetadata,
  type EventType,
  eventCodecs,
  isEventType,
} from "@coop-ledger/domain";
import { type CompiledDecoder, compileDecoder } from "./compiled-codec.js";

/** Each event type's codec, compiled on its first use (a short ledger compiles only the types it holds). */
const compiled: Partial<Record<EventType, CompiledDecoder<DomainEvent>>> = {};

/**
 * Decodes a stored event at its type's current schema version with the domain's event codec compiled
 * once ({@link compileDecoder}): the value `decodeEvent` gives, or `undefined` when the codec would not
 * accept it, the type is unknown or the version is an older one (upcast by `decodeEvent`). The caller
 * then runs `decodeEvent`, so every error is the codec's.
 * @example
 * const data = { coopId: "htx-1", effectiveDate: "2021-06-01", note: "dropped, as the codec drops it" };
 * decodeEventFast("CoopResumed", 1, data) // { type: "CoopResumed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-06-01" } }
 * decodeEventFast("CoopResumed", 1, { coopId: "htx-1", effectiveDate: "2021-02-30" }) // undefined
 * decodeEventFast("CoopFounded", 1, {}) // undefined: v1 is upcast by decodeEvent
 */
export const decodeEventFast = (
  type: string,
  schemaVersion: number,
  data: unknown,
): DomainEvent | undefined => {
  if (!isEventType(type) || schemaVersion !== CURRENT_SCHEMA_VERSION[type]) return undefined;
  let decode = compiled[type];
  if (decode === undefined) {
    decode = compileDecoder(eventCodecs[type] as never) as CompiledDecoder<DomainEvent>;
    compiled[type] = decode;
  }
  // The codec decodes the same object decodeEvent hands it: { type, schemaVersion, data }.
  return decode({ type, schemaVersion, data });
};

/**
 * Decodes an event's metadata with {@link EventMetadata} compiled once: `EventMetadata.decode`'s value,
 * or `undefined` when it would not accept it (the caller then runs the codec for its error).
 * @example
 * decodeMetadataFast({ recordedAt: "2023-01-15T08:00:00.000Z" }) // { recordedAt: "2023-01-15T08:00:00.000Z" }
 * decodeMetadataFast({ recordedAt: "2023-01-15" }) // undefined
 */
export const decodeMetadataFast: CompiledDecoder<EventMetadata> = compileDecoder(EventMetadata);
