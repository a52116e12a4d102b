import * as E from "fp-ts/lib/Either.js";
import { type Command, streamOf } from "../commands/command.js";
import { type DomainConfig, defaultDomainConfig } from "../config/domain-config.js";
import type { DomainEvent } from "../events/domain-event.js";
import type { Decider } from "./decider.js";
import type { DomainError } from "./domain-error.js";
import type { DomainWarning } from "./domain-warning.js";
import { eventsOfCommand } from "./events-of-command.js";
import { evolve } from "./evolve.js";
import type { GeographyData, RuleContext } from "./rule-context.js";
import { initialState, type StreamState } from "./stream-state.js";
import { checkEvent } from "./validate-event.js";

/** What a command decided: the events to append and any warnings (accepted, but worth a look). */
export interface Decision {
  readonly events: ReadonlyArray<DomainEvent>;
  readonly warnings: ReadonlyArray<DomainWarning>;
}

/** Options of {@link makeLedgerDecider}: unit lists for district and commune checks. */
export interface LedgerDeciderOptions {
  readonly geography?: GeographyData;
}

/**
 * The ledger's decider and its companions, for one configuration:
 * - `decide` / `evolve` / `initialState`: the {@link Decider} the store's command handler runs;
 * - `decideWithWarnings`: the same decision, with the warnings for historical records that break a
 *   rule that came later (accepted: the rule in force on the effective date decides);
 * - `validateEvent`: checks an event that does not come from a command (an import, a generated
 *   history, a reorganisation effect) against a stream's state, by the same rules.
 */
export interface LedgerDecider extends Decider<Command, StreamState, DomainEvent, DomainError> {
  readonly decideWithWarnings: (command: Command, state: StreamState) => E.Either<DomainError, Decision>;
  readonly validateEvent: (
    state: StreamState,
    event: DomainEvent,
  ) => E.Either<DomainError, ReadonlyArray<DomainWarning>>;
  readonly config: DomainConfig;
}

/**
 * Makes the ledger decider for a configuration (and optional district/commune lists).
 *
 * @example
 * const decider = makeLedgerDecider({ ...defaultDomainConfig, ocopValidityMonths: 36 as PositiveInt });
 * decider.decide(command, decider.initialState); // Either<DomainError, events>
 */
export const makeLedgerDecider = (
  config: DomainConfig = defaultDomainConfig,
  options: LedgerDeciderOptions = {},
): LedgerDecider => {
  const decideWithWarnings = (command: Command, state: StreamState): E.Either<DomainError, Decision> => {
    const proposed = eventsOfCommand(config, command, state);
    if (E.isLeft(proposed)) return proposed;
    const ctx: RuleContext = { config, geography: options.geography, action: command.type };
    const warnings: DomainWarning[] = [];
    let s = state;
    const streamId = command.type === "RetractEvent" ? command.data.streamId : streamOf(command);
    for (const event of proposed.right) {
      const checked = checkEvent(ctx, s, event, streamId);
      if (E.isLeft(checked)) return checked;
      warnings.push(...checked.right);
      s = evolve(s, event);
    }
    return E.right({ events: proposed.right, warnings });
  };
  return {
    config,
    initialState,
    evolve,
    decide: (command, state) => E.map((d: Decision) => d.events)(decideWithWarnings(command, state)),
    decideWithWarnings,
    validateEvent: (state, event) =>
      checkEvent({ config, geography: options.geography, action: event.type }, state, event),
  };
};

/**
 * The ledger decider with the default configuration: ONE decider for every stream kind (co-op,
 * alliance, fund, reorganisation), which the store's command handler uses with {@link streamOf} and
 * `stateFromHistory`.
 *
 * @example
 * const r = ledgerDecider.decide({ type: "FoundCoop", data: { ... } }, ledgerDecider.initialState);
 */
export const ledgerDecider: LedgerDecider = makeLedgerDecider();

/**
 * Decides a command against a stream's state with the default configuration (= `ledgerDecider.decide`).
 * @example decide(command, initialState) // Right([CoopFounded]) or Left(DomainError)
 */
export const decide = ledgerDecider.decide;

/**
 * Decides with warnings, default configuration (= `ledgerDecider.decideWithWarnings`).
 * @example decideWithWarnings(command, state) // Right({ events, warnings })
 */
export const decideWithWarnings = ledgerDecider.decideWithWarnings;

/**
 * Checks an event against a stream's state by the ledger's rules, default configuration
 * (= `ledgerDecider.validateEvent`): for imports, generated histories and tests.
 * @example validateEvent(state, event) // Right(warnings) or Left(DomainError)
 */
export const validateEvent = ledgerDecider.validateEvent;

/**
 * Whether a reorganisation effect (from `deriveReorganisationEffects`) may be appended to a co-op
 * stream in this state: a new co-op's stream must be empty; a source or absorbing co-op must exist and
 * be active (not terminated; not in dissolution), and the effect must not be back-dated before events
 * already effective later on the stream. The store's process calls it per target stream (after checking
 * the effect's deterministic event id is not already there: a re-run must skip, not fail).
 *
 * @example canApplyEffect(stateFromHistory(events), effect.events[0]) // Right([]) or Left(DomainError)
 */
export const canApplyEffect = (
  state: StreamState,
  event: DomainEvent,
  config: DomainConfig = defaultDomainConfig,
  options: LedgerDeciderOptions = {},
): E.Either<DomainError, ReadonlyArray<DomainWarning>> =>
  checkEvent({ config, geography: options.geography, action: event.type }, state, event);
