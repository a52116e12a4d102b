import * as E from "fp-ts/lib/Either.js";
import type { Decider } from "../decider/decider.js";
import type { EventId } from "../values/ids.js";
import type { Instant } from "../values/time.js";

// Decider specifications live in the domain package, beside the Decider type, for the reason Emmett
// ships its DeciderSpecification in its core package: the domain's own rule tests are written in this
// form, and the domain depends on no other package (so `@coop-ledger/testing`, which depends on the
// domain, re-exports it rather than owning it). Pure: no fast-check, no test runner, no clock.

/**
 * A past event as a spec states it: a bare domain event (it gets the id {@link givenEventId}(n), n its
 * 1-based position in the list), or one with its own id and recording instant.
 *
 * @example
 * const founding = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1" } };
 * const history: ReadonlyArray<GivenEvent<typeof founding>> = [founding, { eventId: givenEventId(9), event: founding }];
 * history.length // 2
 */
export type GivenEvent<Ev> =
  | Ev
  | { readonly eventId: EventId; readonly event: Ev; readonly metadata?: { readonly recordedAt: Instant } };

/**
 * Why a decider specification failed; its message says given, when, expected and got.
 *
 * @example
 * new DeciderSpecFailure("Given 0 event(s)…").name // "DeciderSpecFailure"
 */
export class DeciderSpecFailure extends Error {
  override readonly name = "DeciderSpecFailure";
}

/**
 * The id a bare given event gets: `givenEventId(1)` for the first event of the list, and so on, so a
 * spec can retract it, or expect it in an error, without spelling ids out.
 *
 * @example givenEventId(2) // "00000000-0000-4000-8000-000000000002"
 */
export const givenEventId = (position: number): EventId =>
  `00000000-0000-4000-8000-${position.toString(16).padStart(12, "0")}` as EventId;

/** The recording instant of a given event that states none (its position, in seconds after this). */
const recordedAtOf = (position: number): Instant =>
  `2030-01-01T00:00:${String(position % 60).padStart(2, "0")}.000Z` as Instant;

/** An error value with a tag, as every decider's error union here is. */
type Tagged = { readonly _tag: string };

/**
 * The outcome of `given(...).when(command)`: assert it with one of the `then…` methods.
 *
 * @example
 * const spec = specFor(ledgerDecider);
 * spec([]).when({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2020-01-01" } } as never).thenError("CoopNotFound");
 */
export interface WhenResult<Ev, Err extends Tagged, W extends Tagged = never> {
  /** Asserts the decider emitted exactly these events (deep equality, order matters). */
  readonly then: (expected: ReadonlyArray<Ev>) => void;
  /** Asserts the decider accepted the command, whatever it emitted. */
  readonly thenAccepted: () => void;
  /**
   * Asserts the decider refused with this error tag and, optionally, these fields of the error
   * (each compared by value) or your own checks on the (narrowed) error.
   */
  readonly thenError: <T extends Err["_tag"]>(
    tag: T,
    expected?: Partial<Extract<Err, { _tag: T }>> | ((error: Extract<Err, { _tag: T }>) => void),
  ) => void;
  /** Asserts the decider accepted, and runs your own checks on the events. */
  readonly thenEvents: (check: (events: ReadonlyArray<Ev>) => void) => void;
  /**
   * Asserts the decider accepted with exactly these warnings, in order, each given by the fields it
   * must have (compared by value): `thenWarnings([])` is "accepted, no warning".
   */
  readonly thenWarnings: (expected: ReadonlyArray<Partial<W>>) => void;
  /** The raw decision, for anything else. */
  readonly result: E.Either<Err, ReadonlyArray<Ev>>;
}

/**
 * A history under test: the state its events fold to (for checks of functions other than `decide`,
 * such as an event validator) and `when`, to decide a command on it.
 *
 * @example
 * given([]).state._tag // "Empty"
 */
export interface Given<C, S, Ev, Err extends Tagged, W extends Tagged = never> {
  readonly state: S;
  readonly when: (command: C) => WhenResult<Ev, Err, W>;
}

/** A decider that can also say which warnings an accepted decision carries (the ledger's can). */
type WarningDecider<C, S, Ev, Err, W> = Decider<C, S, Ev, Err> & {
  readonly decideWithWarnings?: (
    command: C,
    state: S,
  ) => E.Either<Err, { readonly events: ReadonlyArray<Ev>; readonly warnings: ReadonlyArray<W> }>;
};

const show = (v: unknown): string => JSON.stringify(v, null, 2) ?? String(v);

/** A value as JSON with object keys sorted: what "equal" means here (key order is not a difference). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  ) ?? String(v);

const label = (e: unknown): string => {
  const ev = e as { type?: string; data?: { effectiveDate?: string } };
  return ev.data?.effectiveDate === undefined ? String(ev.type) : `${ev.type} (${ev.data.effectiveDate})`;
};

/** The fields of `expected` whose value differs in `actual` (compared as JSON). */
const differing = (actual: unknown, expected: object): string[] =>
  Object.entries(expected)
    .filter(([k, v]) => canonical((actual as Record<string, unknown>)[k]) !== canonical(v))
    .map(([k]) => k);

/**
 * Decider specifications in given/when/then form, for any decider: fold the given events with
 * `evolve` (each with its id and recording instant, so retractions find their targets), decide the
 * command, compare. Failures throw a {@link DeciderSpecFailure} whose message lists the given events,
 * the command, what was expected and what the decider did. With a decider that has
 * `decideWithWarnings` (the ledger's), `thenWarnings` checks the warnings too.
 *
 * @example
 * const spec = specFor(ledgerDecider);
 * spec([]).when({ type: "ResumeCoop", data: { coopId: "htx-1", effectiveDate: "2020-01-01" } } as never).thenError("CoopNotFound");
 */
export const specFor =
  <C, S, Ev, Err extends Tagged, W extends Tagged = never>(decider: WarningDecider<C, S, Ev, Err, W>) =>
  (history: ReadonlyArray<GivenEvent<Ev>>): Given<C, S, Ev, Err, W> => {
    let state = decider.initialState;
    history.forEach((h, i) => {
      const withId = h as { eventId?: EventId; event?: Ev; metadata?: { recordedAt: Instant } };
      state =
        withId.eventId !== undefined && withId.event !== undefined
          ? decider.evolve(state, withId.event, {
              eventId: withId.eventId,
              recordedAt: withId.metadata?.recordedAt ?? recordedAtOf(i + 1),
            })
          : decider.evolve(state, h as Ev, { eventId: givenEventId(i + 1), recordedAt: recordedAtOf(i + 1) });
    });
    const given = state;
    const when = (command: C): WhenResult<Ev, Err, W> => {
      const decision =
        decider.decideWithWarnings === undefined
          ? E.map((events: ReadonlyArray<Ev>) => ({ events, warnings: [] as ReadonlyArray<W> }))(
              decider.decide(command, given),
            )
          : decider.decideWithWarnings(command, given);
      const result: E.Either<Err, ReadonlyArray<Ev>> = E.isLeft(decision)
        ? decision
        : E.right(decision.right.events);
      const context = (): string =>
        [
          `Given ${history.length} event(s): ${history.map((h) => label((h as { event?: unknown }).event ?? h)).join(", ") || "(none)"}`,
          `When ${show(command)}`,
        ].join("\n");
      const got = (): string =>
        E.isLeft(decision)
          ? `the decider refused: ${decision.left._tag}: ${show(decision.left)}`
          : `the decider emitted ${show(decision.right.events)}${
              decision.right.warnings.length === 0 ? "" : ` with warnings ${show(decision.right.warnings)}`
            }`;
      const fail = (expected: string): never => {
        throw new DeciderSpecFailure(`${context()}\nThen expected ${expected}\nbut ${got()}`);
      };
      return {
        result,
        // biome-ignore lint/suspicious/noThenProperty: the given/when/then form asked for; a WhenResult is asserted, never awaited.
        then: (expected) => {
          if (E.isRight(decision) && canonical(decision.right.events) === canonical(expected)) return;
          fail(`events ${show(expected)}`);
        },
        thenAccepted: () => {
          if (E.isLeft(decision)) fail("the command accepted");
        },
        thenError: (tag, expected) => {
          if (E.isLeft(decision) && decision.left._tag === tag) {
            const error = decision.left as Extract<Err, { _tag: typeof tag }>;
            if (typeof expected === "function") return expected(error);
            const mismatched = differing(error, expected ?? {});
            if (mismatched.length === 0) return;
            fail(`error ${tag} with ${show(expected)} (fields differ: ${mismatched.join(", ")})`);
          }
          fail(`error ${tag}`);
        },
        thenEvents: (check) => {
          if (E.isLeft(decision)) fail("events");
          else check(decision.right.events);
        },
        thenWarnings: (expected) => {
          if (
            E.isRight(decision) &&
            decision.right.warnings.length === expected.length &&
            decision.right.warnings.every((w, i) => differing(w, expected[i] ?? {}).length === 0)
          )
            return;
          fail(`acceptance with warnings ${show(expected)}`);
        },
      };
    };
    return { state: given, when };
  };
