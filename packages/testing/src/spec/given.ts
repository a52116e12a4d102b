import {
  type Command,
  type Decider,
  type DomainError,
  type DomainEvent,
  type EventId,
  type Instant,
  ledgerDecider,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";

/** A past event as a spec states it: a bare domain event, or one with its id and recording instant (needed to retract it). */
export type GivenEvent<Ev> =
  | Ev
  | { readonly eventId: EventId; readonly event: Ev; readonly metadata?: { readonly recordedAt: Instant } };

/** Why a decider specification failed; its message says given, when, expected and got. */
export class DeciderSpecFailure extends Error {
  override readonly name = "DeciderSpecFailure";
}

const show = (v: unknown): string => JSON.stringify(v, null, 2) ?? String(v);

const label = (e: unknown): string => {
  const ev = e as { type?: string; data?: { effectiveDate?: string } };
  return ev.data?.effectiveDate === undefined ? String(ev.type) : `${ev.type} (${ev.data.effectiveDate})`;
};

/** The outcome of `given(...).when(command)`: assert it with `then`, `thenError` or `thenEvents`. */
export interface WhenResult<Ev, Err extends { readonly _tag: string }> {
  /** Asserts the decider emitted exactly these events (deep equality, order matters). */
  readonly then: (expected: ReadonlyArray<Ev>) => void;
  /** Asserts the decider refused with this error tag (and, optionally, these error fields). */
  readonly thenError: (tag: Err["_tag"], fields?: Partial<Err>) => void;
  /** Asserts the decider accepted, and runs your own checks on the events. */
  readonly thenEvents: (check: (events: ReadonlyArray<Ev>) => void) => void;
  /** The raw decision, for anything else. */
  readonly result: E.Either<Err, ReadonlyArray<Ev>>;
}

/**
 * Decider specifications in given/when/then form, for any decider: fold the given events with
 * `evolve` (passing ids and instants when given, so retractions find their targets), decide the
 * command, compare. Failures throw a {@link DeciderSpecFailure} whose message lists the given events,
 * the command, what was expected and what the decider did.
 *
 * @example
 * import { ledgerDecider, makeCommand } from "@coop-ledger/domain";
 * import { specFor } from "@coop-ledger/testing";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * const suspend = makeCommand("SuspendCoop", { coopId: "htx-1", effectiveDate: "2021-03-01" });
 * const resume = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2021-06-01" });
 * if (found._tag === "Left" || suspend._tag === "Left" || resume._tag === "Left") throw new Error("invalid command data");
 * const spec = specFor(ledgerDecider); // any Decider: your own too
 * const founded = spec([]).when(found.right).result;
 * if (founded._tag === "Left") throw new Error(founded.left._tag);
 * spec(founded.right).when(resume.right).thenError("NotSuspended"); // passes (throws DeciderSpecFailure if not)
 * try {
 *   spec(founded.right).when(resume.right).then([]);
 * } catch (e) {
 *   console.log((e as Error).name); // "DeciderSpecFailure" (its message lists given, when, expected and got)
 * }
 */
export const specFor =
  <C, S, Ev, Err extends { readonly _tag: string }>(decider: Decider<C, S, Ev, Err>) =>
  (history: ReadonlyArray<GivenEvent<Ev>>) => ({
    when: (command: C): WhenResult<Ev, Err> => {
      let state = decider.initialState;
      for (const h of history) {
        const withId = h as { eventId?: EventId; event?: Ev; metadata?: { recordedAt: Instant } };
        state =
          withId.eventId !== undefined && withId.event !== undefined
            ? decider.evolve(state, withId.event, {
                eventId: withId.eventId,
                recordedAt: withId.metadata?.recordedAt ?? ("1970-01-01T00:00:00.000Z" as Instant),
              })
            : decider.evolve(state, h as Ev);
      }
      const result = decider.decide(command, state);
      const context = (): string =>
        [
          `Given ${history.length} event(s): ${history.map((h) => label((h as { event?: unknown }).event ?? h)).join(", ") || "(none)"}`,
          `When ${show(command)}`,
        ].join("\n");
      const got = (): string =>
        E.isLeft(result)
          ? `the decider refused: ${result.left._tag}: ${show(result.left)}`
          : `the decider emitted ${show(result.right)}`;
      return {
        result,
        // biome-ignore lint/suspicious/noThenProperty: the given/when/then form asked for; a WhenResult is asserted, never awaited.
        then: (expected) => {
          if (E.isRight(result) && show(result.right) === show(expected)) return;
          throw new DeciderSpecFailure(`${context()}\nThen expected events ${show(expected)}\nbut ${got()}`);
        },
        thenError: (tag, fields) => {
          if (E.isLeft(result) && result.left._tag === tag) {
            const mismatched = Object.entries(fields ?? {}).filter(
              ([k, v]) => show((result.left as Record<string, unknown>)[k]) !== show(v),
            );
            if (mismatched.length === 0) return;
            throw new DeciderSpecFailure(
              `${context()}\nThen expected error ${tag} with ${show(fields)}\nbut fields differ: ${mismatched.map(([k]) => k).join(", ")}; ${got()}`,
            );
          }
          throw new DeciderSpecFailure(`${context()}\nThen expected error ${tag}\nbut ${got()}`);
        },
        thenEvents: (check) => {
          if (E.isLeft(result))
            throw new DeciderSpecFailure(`${context()}\nThen expected events\nbut ${got()}`);
          check(result.right);
        },
      };
    },
  });

/**
 * Given/when/then against the ledger's decider (default configuration).
 *
 * @example
 * import { makeCommand } from "@coop-ledger/domain";
 * import { given } from "@coop-ledger/testing";
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * const suspend = makeCommand("SuspendCoop", { coopId: "htx-1", effectiveDate: "2021-03-01" });
 * const resume = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2021-06-01" });
 * if (found._tag === "Left" || suspend._tag === "Left" || resume._tag === "Left") throw new Error("invalid command data");
 * const founded = given([]).when(found.right).result;
 * if (founded._tag === "Left") throw new Error(founded.left._tag);
 * given(founded.right).when(resume.right).thenError("NotSuspended");
 * const suspended = given(founded.right).when(suspend.right).result;
 * if (suspended._tag === "Left") throw new Error(suspended.left._tag);
 * given([...founded.right, ...suspended.right])
 *   .when(resume.right)
 *   .thenEvents((events) => console.log(events.map((e) => e.type))); // ["CoopResumed"]
 */
export const given: (history: ReadonlyArray<GivenEvent<DomainEvent>>) => {
  when: (command: Command) => WhenResult<DomainEvent, DomainError>;
} = specFor(ledgerDecider);
