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
 * import { defaultDomainConfig, makeCommand, makeLedgerDecider, type PositiveInt } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const decider = makeLedgerDecider({ ...defaultDomainConfig, ocopValidityMonths: 24 as PositiveInt });
 * const r = decider.decide(found.right, decider.initialState);
 * console.log(r._tag === "Right" && r.right[0]?.type); // "CoopFounded"
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
 * import { ledgerDecider, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = ledgerDecider.decide(found.right, ledgerDecider.initialState);
 * if (r._tag === "Right") console.log(r.right.map((e) => e.type)); // ["CoopFounded"]
 * const again = r._tag === "Right" ? ledgerDecider.decide(found.right, r.right.reduce((s, e) => ledgerDecider.evolve(s, e), ledgerDecider.initialState)) : r;
 * if (again._tag === "Left") console.log(again.left._tag); // "CoopAlreadyExists"
 */
export const ledgerDecider: LedgerDecider = makeLedgerDecider();

/**
 * Decides a command against a stream's state with the default configuration (= `ledgerDecider.decide`).
 * @example
 * import { decide, initialState, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = decide(found.right, initialState);
 * console.log(r._tag === "Right" ? r.right.map((e) => e.type) : r.left._tag); // ["CoopFounded"]
 */
export const decide = ledgerDecider.decide;

/**
 * Decides with warnings, default configuration (= `ledgerDecider.decideWithWarnings`).
 * @example
 * import { decideWithWarnings, initialState, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = decideWithWarnings(found.right, initialState);
 * if (r._tag === "Right") console.log(r.right.events.length, r.right.warnings); // 1 []
 */
export const decideWithWarnings = ledgerDecider.decideWithWarnings;

/**
 * Checks an event against a stream's state by the ledger's rules, default configuration
 * (= `ledgerDecider.validateEvent`): for imports, generated histories and tests.
 * @example
 * import { decide, type DomainEvent, initialState, makeCommand, validateEvent } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const founded = decide(found.right, initialState);
 * if (founded._tag === "Left") throw new Error(founded.left.message);
 * const event = founded.right[0];
 * if (event === undefined) throw new Error("no event");
 * console.log(validateEvent(initialState, event)); // { _tag: "Right", right: [] } (no warnings)
 * // An imported event for a co-op never founded:
 * const resumed = { type: "CoopResumed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-06-01" } } as DomainEvent;
 * const r = validateEvent(initialState, resumed);
 * console.log(r._tag); // "Left"
 */
export const validateEvent = ledgerDecider.validateEvent;

/**
 * Whether a reorganisation effect (from `deriveReorganisationEffects`) may be appended to a co-op
 * stream in this state: a new co-op's stream must be empty; a source or absorbing co-op must exist and
 * be active (not terminated; not in dissolution), and the effect must not be back-dated before events
 * already effective later on the stream. The store's process calls it per target stream (after checking
 * the effect's deterministic event id is not already there: a re-run must skip, not fail).
 *
 * @example
 * import { canApplyEffect, decide, deriveReorganisationEffects, evolve, initialState, makeCommand } from "@coop-ledger/domain";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const merger = makeCommand("DecideReorganisation", {
 *   reorganisationId: "r-1", effectiveDate: "2022-01-01", kind: "merger",
 *   sources: ["htx-2"], newCoops: [], absorbingCoopId: "htx-1", absorbedMembers: 12,
 * });
 * if (merger._tag === "Left") throw new Error(merger.left.message);
 * const effects = deriveReorganisationEffects(merger.right.data);
 * const received = effects.find((e) => e.streamId === "coop-htx-1")?.events[0];
 * if (received === undefined) throw new Error("no effect on htx-1");
 * console.log(canApplyEffect(initialState, received)._tag); // "Left" (htx-1 does not exist yet)
 * const founded = decide(found.right, initialState);
 * if (founded._tag === "Right") console.log(canApplyEffect(founded.right.reduce((s, e) => evolve(s, e), initialState), received)._tag); // "Right"
 */
export const canApplyEffect = (
  state: StreamState,
  event: DomainEvent,
  config: DomainConfig = defaultDomainConfig,
  options: LedgerDeciderOptions = {},
): E.Either<DomainError, ReadonlyArray<DomainWarning>> =>
  checkEvent({ config, geography: options.geography, action: event.type }, state, event);
