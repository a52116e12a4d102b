import * as E from "fp-ts/lib/Either.js";
import type { Command, CommandOf, CommandType } from "../../commands/command.js";
import { streamOf } from "../../commands/command.js";
import type { DomainEvent } from "../../events/domain-event.js";
import type { RecordedEvent } from "../../events/recorded-event.js";
import type { EventId, Instant, StreamId } from "../../index.js";
import type { DomainError } from "../domain-error.js";
import { evolve } from "../evolve.js";
import { type LedgerDecider, ledgerDecider } from "../ledger-decider.js";
import { initialState, type StreamState } from "../stream-state.js";

/** A deterministic event id for tests. */
export const eid = (n: number): EventId =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}` as EventId;

/** Builds a command without the ceremony of brands (the decoder is what checks real input). */
export const cmd = <K extends CommandType>(type: K, data: Record<string, unknown>): CommandOf<K> =>
  ({ type, data }) as unknown as CommandOf<K>;

/** A stream under test: its state and what was recorded, with ids 1, 2, 3... */
export interface Given {
  readonly state: StreamState;
  readonly recorded: ReadonlyArray<RecordedEvent>;
}

/**
 * Runs commands one by one on their streams (one stream per test here), failing the test on the first
 * refusal; events get ids eid(1), eid(2)... in order.
 */
export const given = (commands: ReadonlyArray<Command>, decider: LedgerDecider = ledgerDecider): Given => {
  let state: StreamState = initialState;
  const recorded: RecordedEvent[] = [];
  for (const c of commands) {
    const r = decider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`given: ${c.type} refused: ${r.left.message}`);
    for (const event of r.right) state = append(state, recorded, event, streamOf(c));
  }
  return { state, recorded };
};

/** Appends an event to a test stream, giving it the next id. */
export const append = (
  state: StreamState,
  recorded: RecordedEvent[],
  event: DomainEvent,
  streamId: StreamId,
): StreamState => {
  const eventId = eid(recorded.length + 1);
  const recordedAt = `2030-01-01T00:00:${String(recorded.length % 60).padStart(2, "0")}.000Z` as Instant;
  recorded.push({
    eventId,
    streamId,
    revision: recorded.length,
    position: recorded.length,
    event,
    metadata: { recordedAt },
  });
  return evolve(state, event, { eventId, recordedAt });
};

/** The refusal's tag, or "accepted". */
export const outcome = (r: E.Either<DomainError, unknown>): string =>
  E.isLeft(r) ? r.left._tag : "accepted";

/** The refusal, failing the test when the command was accepted. */
export const refusal = (r: E.Either<DomainError, unknown>): DomainError => {
  if (E.isRight(r)) throw new Error("expected a refusal, the command was accepted");
  return r.left;
};

/** A co-op founding with sensible defaults. */
export const found = (over: Record<string, unknown> = {}) =>
  cmd("FoundCoop", {
    coopId: "htx-1",
    effectiveDate: "2019-03-01",
    name: "HTX Nông nghiệp Thanh Long",
    form: "cooperative",
    sector: "agriculture",
    location: { gazetteer: "2008-08-01", provinceCode: "60" },
    foundingMembers: 7,
    ...over,
  });

/** A command on co-op htx-1 with its data. */
export const on = <K extends CommandType>(type: K, data: Record<string, unknown>) =>
  cmd(type, { coopId: "htx-1", ...data });
