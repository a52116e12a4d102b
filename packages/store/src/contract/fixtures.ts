import type { CoopId, DomainEvent, EventId, Instant, StreamId } from "@coop-ledger/domain";
import { uuidV5 } from "@coop-ledger/domain";
import type { NewEvent } from "../port/event-store.js";

const NS = "0f3a6c2e-1b4d-4e8f-9a7b-6c5d4e3f2a1b";

/**
 * A valid event for store tests: `CoopSuspended` / `CoopResumed` alternating on a co-op, with an id
 * derived from a label so tests can repeat it exactly.
 *
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const e = fixtureEvent("a", 0);
 * console.log(e.streamId, e.newEvent.event.type); // "coop-htx-a" "CoopSuspended"
 * const first = await store.append(e.streamId, [e.newEvent], { expectedRevision: "any" })();
 * const again = await store.append(e.streamId, [fixtureEvent("a", 0).newEvent], { expectedRevision: "any" })();
 * if (first._tag === "Right" && again._tag === "Right") console.log(again.right.written); // false (same id: a repeat)
 */
export const fixtureEvent = (
  coop: string,
  n: number,
  label = `${coop}/${n}`,
): { readonly streamId: StreamId; readonly newEvent: NewEvent } => {
  const coopId = `htx-${coop}` as CoopId;
  const day = String((n % 28) + 1).padStart(2, "0");
  const event: DomainEvent =
    n % 2 === 0
      ? {
          type: "CoopSuspended",
          schemaVersion: 1,
          data: { coopId, effectiveDate: `2021-03-${day}` as never },
        }
      : { type: "CoopResumed", schemaVersion: 1, data: { coopId, effectiveDate: `2021-04-${day}` as never } };
  return {
    streamId: `coop-htx-${coop}` as StreamId,
    newEvent: {
      eventId: uuidV5(NS, label) as EventId,
      event,
      metadata: { recordedAt: "2023-01-15T08:00:00.000Z" as Instant, recordedBy: "contract" as never },
    },
  };
};

/**
 * `count` fixture events for one co-op, numbered from `from`.
 * @example fixtureBatch("a", 3).length // 3 (NewEvents for coop-htx-a)
 */
export const fixtureBatch = (coop: string, count: number, from = 0): ReadonlyArray<NewEvent> =>
  Array.from({ length: count }, (_, i) => fixtureEvent(coop, from + i).newEvent);
