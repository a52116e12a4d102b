import type * as E from "fp-ts/lib/Either.js";
import type { EventId } from "../values/ids.js";
import type { Instant } from "../values/time.js";

/**
 * What `evolve` may know about an event beyond its data, when folding recorded history (the command
 * handler passes it; pure in-memory folds may omit it).
 */
export interface EvolveContext {
  readonly eventId: EventId;
  readonly recordedAt: Instant;
}

/**
 * The decider shape (after Jérémie Chassaing's "functional event sourcing decider", as in Emmett):
 * `decide` turns a command and the current state into events or an error value; `evolve` folds one
 * event into the state; `initialState` is the state of an empty stream. All three are pure.
 *
 * @example
 * const counter: Decider<"inc", number, "incremented", never> = {
 *   decide: () => E.right(["incremented"]),
 *   evolve: (n) => n + 1,
 *   initialState: 0,
 * };
 */
export interface Decider<Command, State, Event, Error> {
  readonly decide: (command: Command, state: State) => E.Either<Error, ReadonlyArray<Event>>;
  readonly evolve: (state: State, event: Event, context?: EvolveContext) => State;
  readonly initialState: State;
}
