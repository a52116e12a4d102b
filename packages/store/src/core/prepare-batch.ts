import {
  type DomainEvent,
  decodeEvent,
  type EventId,
  EventId as EventIdCodec,
  EventMetadata,
  encodeEvent,
  formatValidationErrors,
  type StreamId,
  StreamId as StreamIdCodec,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { NewEvent } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";

/**
 * An event checked and encoded for storage: what a store writes, and the decoded form it hands out.
 * @example
 * import { prepareBatch } from "@coop-ledger/store/internal";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const { streamId, newEvent } = fixtureEvent("a", 0);
 * const prepared = prepareBatch(streamId, [newEvent]);
 * if (prepared._tag === "Right") console.log(prepared.right.events[0]?.encoded);
 * // { type: "CoopSuspended", schemaVersion: 1, data: { coopId: "htx-a", effectiveDate: "2021-03-01" } }
 */
export interface PreparedEvent {
  readonly eventId: EventId;
  readonly event: DomainEvent;
  /** The codec's JSON form of the event (what is stored). */
  readonly encoded: { readonly type: string; readonly schemaVersion: number; readonly data: unknown };
  readonly metadata: EventMetadata;
}

const invalid = (streamId: string, reason: string): StoreError => ({
  _tag: "InvalidAppend",
  streamId,
  reason,
  message: `append to ${streamId.slice(0, 80)} refused: ${reason}`,
});

/**
 * Checks a batch before any store writes it: a valid stream id, at least one event, unique UUID event
 * ids, and events and metadata that round-trip through their codecs (so what is stored is exactly what
 * the codecs know: unknown keys, including `__proto__`, are dropped). Every store runs it, so every
 * store refuses the same appends.
 *
 * @example
 * import { prepareBatch } from "@coop-ledger/store/internal";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const { streamId, newEvent } = fixtureEvent("a", 0);
 * const ok = prepareBatch(streamId, [newEvent]);
 * console.log(ok._tag === "Right" && ok.right.events.length); // 1
 * const twice = prepareBatch(streamId, [newEvent, newEvent]);
 * if (twice._tag === "Left") console.log(twice.left._tag); // "InvalidAppend" (a duplicate event id in the batch)
 */
export const prepareBatch = (
  streamId: string,
  events: ReadonlyArray<NewEvent>,
): E.Either<StoreError, { readonly streamId: StreamId; readonly events: ReadonlyArray<PreparedEvent> }> => {
  if (!StreamIdCodec.is(streamId)) return E.left(invalid(String(streamId), "not a valid stream id"));
  if (!Array.isArray(events) || events.length === 0) return E.left(invalid(streamId, "empty batch"));
  const seen = new Set<string>();
  const out: PreparedEvent[] = [];
  for (const [i, e] of events.entries()) {
    if (!EventIdCodec.is(e.eventId))
      return E.left(invalid(streamId, `event ${i}: event id is not a lowercase UUID`));
    if (seen.has(e.eventId)) return E.left(invalid(streamId, `duplicate event id ${e.eventId} in the batch`));
    seen.add(e.eventId);
    let encoded: PreparedEvent["encoded"];
    try {
      encoded = encodeEvent(e.event);
    } catch {
      return E.left(invalid(streamId, `event ${i}: not a domain event`));
    }
    const decoded = decodeEvent(encoded);
    if (E.isLeft(decoded)) return E.left(invalid(streamId, `event ${i}: ${decoded.left.message}`));
    const meta = EventMetadata.decode(e.metadata);
    if (E.isLeft(meta))
      return E.left(
        invalid(streamId, `event ${i} metadata: ${formatValidationErrors(meta.left).join("; ")}`),
      );
    out.push({
      eventId: e.eventId,
      event: decoded.right,
      encoded: encodeEvent(decoded.right),
      metadata: EventMetadata.encode(meta.right) as EventMetadata,
    });
  }
  return E.right({ streamId, events: out });
};
