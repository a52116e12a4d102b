import type { EventOf } from "../../events/domain-event.js";
import { type Check, fail, ok, type RuleContext } from "../rule-context.js";
import { historyEntries, type StreamState } from "../stream-state.js";

/**
 * A retraction names an event on this stream that is not retracted and is not itself a retraction.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "EventRetracted" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const retraction = EventRetracted.decode({ type: "EventRetracted", schemaVersion: 1, data: { effectiveDate: "2023-02-01", retractedEventId: "0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b", reason: "Nhập trùng" } });
 * E.isRight(retraction) && E.isLeft(checkRetraction(ctx, state, retraction.right)) // true: no such event on this stream
 */
export const checkRetraction = (
  ctx: RuleContext,
  state: StreamState,
  e: EventOf<"EventRetracted">,
  streamId?: string,
): Check => {
  const id = e.data.retractedEventId;
  const on = streamId ?? "this stream";
  const target = historyEntries(state.history).find((x) => x.eventId === id);
  if (target === undefined) {
    // a state folded without event ids (evolve with no context) cannot name its events: say so
    const hint = historyEntries(state.history).some((x) => x.eventId === undefined)
      ? " (this state was folded without event ids: fold the stream with stateFromHistory)"
      : "";
    return fail(
      ctx,
      "UnknownEventToRetract",
      { eventId: id, streamId: on },
      `event ${id} is not on ${on}${hint}`,
    );
  }
  if (target.event.type === "EventRetracted") {
    return fail(
      ctx,
      "CannotRetractRetraction",
      { eventId: id },
      `event ${id} is itself a retraction; record the retracted event again instead`,
    );
  }
  if (state.history.retracted.has(id))
    return fail(ctx, "AlreadyRetracted", { eventId: id }, `event ${id} is already retracted`);
  return ok;
};
