import type { Decider, DomainEvent, RecordedEvent } from "@coop-ledger/domain";

/**
 * Folds a stream's recorded history into a decider's state, leaving out events retracted by an
 * `EventRetracted` (Hủy bỏ sự kiện ghi nhầm) in the same history: a mistake, once retracted, no longer
 * constrains decisions. The retraction events themselves are folded (the state may track them). The
 * handler uses the domain's own `stateFromHistory` when it is given one.
 *
 * @example
 * import { ledgerDecider } from "@coop-ledger/domain";
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { foldHistory } from "@coop-ledger/store/internal";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const history = await store.readStream(streamId)();
 * if (history._tag === "Right") {
 *   const state = foldHistory(ledgerDecider, history.right); // suspended, resumed, suspended again
 *   console.log(history.right.length, state === ledgerDecider.initialState); // 3 false
 * }
 */
export const foldHistory = <S>(
  decider: Pick<Decider<never, S, DomainEvent, never>, "evolve" | "initialState">,
  history: ReadonlyArray<RecordedEvent>,
): S => {
  const retracted = new Set<string>();
  for (const r of history)
    if (r.event.type === "EventRetracted") retracted.add(r.event.data.retractedEventId);
  let state = decider.initialState;
  for (const r of history)
    if (!retracted.has(r.eventId))
      state = decider.evolve(state, r.event, { eventId: r.eventId, recordedAt: r.metadata.recordedAt });
  return state;
};
