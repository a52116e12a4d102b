import type { EventOf } from "../../events/domain-event.js";
import { type Check, fail, ok, type RuleContext } from "../rule-context.js";
import { historyEntries, type StreamState } from "../stream-state.js";

/** A retraction names an event on this stream that is not retracted and is not itself a retraction. */
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
