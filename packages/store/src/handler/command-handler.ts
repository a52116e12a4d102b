import type {
  Decider,
  DomainEvent,
  EventId,
  EventMetadata,
  Instant,
  RecordedEvent,
  StreamId,
} from "@coop-ledger/domain";
import { COOP_LEDGER_NAMESPACE, deriveEventId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { canonicalJson } from "../core/canonical-json.js";
import type { EventStore, NewEvent } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from "./backoff.js";
import type { CommandEnvelope, HandleResult } from "./command-envelope.js";
import { makeCommandRegistry } from "./command-registry.js";
import { foldHistory } from "./fold-history.js";
import type { HandlerError } from "./handler-error.js";

export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from "./backoff.js";
// The envelope and result types (command-envelope.ts) and the retry back-off (backoff.ts) are re-exported:
// callers name them from here.
export type { CommandEnvelope, HandleResult } from "./command-envelope.js";

/**
 * What {@link makeCommandHandler} needs.
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { type CommandHandlerDeps, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * const deps: CommandHandlerDeps<Parameters<typeof streamOf>[0], ReturnType<typeof stateFromHistory>, unknown> = {
 *   store: makeInMemoryStore(),
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant,
 *   maxRetries: 5, // then a Conflict
 * };
 * const handler = makeCommandHandler(deps);
 * const c = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2024-01-10" });
 * if (c._tag === "Right") console.log((await handler.handle({ commandId: "c-1", command: c.right })())._tag); // "Left"
 */
export interface CommandHandlerDeps<Command, State, DomainError> {
  readonly store: EventStore;
  readonly decider: Decider<Command, State, DomainEvent, DomainError>;
  readonly streamOf: (command: Command) => StreamId;
  /** The transaction-time clock (recordedAt); injected so tests and replays are deterministic. */
  readonly clock: () => Instant;
  /** The state of a stream from its recorded history (default: {@link foldHistory}, retraction-aware). */
  readonly stateFromHistory?: (history: ReadonlyArray<RecordedEvent>) => State;
  /** Namespace UUID of the derived event ids (default {@link COOP_LEDGER_NAMESPACE}). */
  readonly namespace?: string;
  /** Retries after a `WrongExpectedRevision` before a `Conflict` (default 8). */
  readonly maxRetries?: number;
  /**
   * The wait before each retry: "full jitter" exponential back-off, a uniform draw in
   * `[0, min(capMs, baseMs · 2^(retry−1)))`, and no retry once the waits would pass `budgetMs` in
   * total (default base 4 ms, cap 250 ms, budget 2,000 ms), so a contended stream is bounded in time.
   */
  readonly backoff?: BackoffPolicy;
  /** Uniform draws in [0, 1) for the jitter (default `Math.random`); inject for deterministic tests. */
  readonly random?: () => number;
  /** Waits `ms` milliseconds (default a timer); inject for deterministic tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Refuse a command id already used on another stream (default `true`): the handler learns which
   * stream each command id was used on from the store's global log, incrementally (see
   * `makeCommandRegistry`). Turn off only where command ids are known to be unique per stream.
   */
  readonly checkCommandIdsAcrossStreams?: boolean;
}

/**
 * A command handler.
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { type CommandHandler, makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const handler: CommandHandler<Parameters<typeof streamOf>[0], unknown> = makeCommandHandler({
 *   store,
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant,
 * });
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-thanh-long",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = await handler.handle({ commandId: "cmd-1", command: found.right })();
 * const stream = streamOf(found.right); // "coop-htx-thanh-long"
 * // Event ids are derived, so they can be known before (or without) handling the command.
 * console.log(r._tag === "Right" && r.right.eventIds[0] === handler.eventIdFor("cmd-1", stream, 0)); // true
 */
export interface CommandHandler<Command, DomainError> {
  readonly handle: (
    envelope: CommandEnvelope<Command>,
  ) => TE.TaskEither<HandlerError<DomainError>, HandleResult>;
  /**
   * The id of the `index`-th event a command appends to a stream: UUID v5 of
   * `<commandId>/<streamId>/<index>` under the handler's namespace (`deriveEventId`).
   */
  readonly eventIdFor: (commandId: string, streamId: StreamId, index: number) => EventId;
}

/**
 * The command handler: load the stream, fold it (retraction-aware), decide, append with the expected
 * revision, retry on `WrongExpectedRevision` up to `maxRetries` times after a jittered exponential
 * back-off, within a time budget (re-reading and re-deciding on the new state), else a typed `Conflict`. Event ids derive from the command id, the stream and the index
 * (UUID v5, `deriveEventId`), and before deciding the handler looks for the first derived id in the
 * stream: a command handled before appends nothing and returns the original result (re-deciding on
 * today's state could differ) — provided it is the same command: its decision re-made on the state it
 * was first decided on must equal the recorded events, else `CommandIdReused` (`otherContent`). A
 * command id already used on another stream is `CommandIdReused` (`otherStream`), found in the
 * store's global log and among the commands this handler is handling right now.
 * `recordedAt` comes from the injected clock; `causationId` is the command id.
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf, type Text } from "@coop-ledger/domain";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * const store = makeInMemoryStore();
 * const handler = makeCommandHandler({
 *   store,
 *   decider: ledgerDecider,
 *   streamOf,
 *   stateFromHistory,
 *   clock: () => "2024-01-15T08:00:00.000Z" as Instant, // transaction time (recordedAt)
 * });
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-thanh-long",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Left") throw new Error(found.left.message);
 * const r = await handler.handle({ commandId: "found-thanh-long", command: found.right, metadata: { recordedBy: "clerk-2" as Text } })();
 * if (r._tag === "Right") console.log(r.right.events[0]?.type, r.right.nextExpectedRevision); // "CoopFounded" 0
 * // Founding the same co-op again under a new command id is refused by the decider.
 * const again = await handler.handle({ commandId: "found-again", command: found.right })();
 * if (again._tag === "Left") console.log(again.left._tag); // "Rejected"
 */
export const makeCommandHandler = <Command, State, DomainError>(
  deps: CommandHandlerDeps<Command, State, DomainError>,
): CommandHandler<Command, DomainError> => {
  const namespace = deps.namespace ?? COOP_LEDGER_NAMESPACE;
  const maxRetries = Math.max(0, deps.maxRetries ?? 8);
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const random = deps.random ?? Math.random;
  const sleep =
    deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.round(ms))));
  const fold =
    deps.stateFromHistory ??
    ((h: ReadonlyArray<RecordedEvent>) => foldHistory(deps.decider as never, h) as State);
  const eventIdFor = (commandId: string, streamId: StreamId, index: number): EventId =>
    deriveEventId(commandId, streamId, index, namespace);
  const registry =
    deps.checkCommandIdsAcrossStreams === false ? undefined : makeCommandRegistry(deps.store, namespace);
  // Commands being handled now, by id: closes the window between the registry's look-up and the append.
  const inFlight = new Map<string, StreamId>();
  const sameEvents = (a: ReadonlyArray<DomainEvent>, b: ReadonlyArray<DomainEvent>): boolean =>
    a.length === b.length &&
    a.every((x, i) => {
      const l = canonicalJson(x);
      const r = canonicalJson(b[i]);
      return E.isRight(l) && E.isRight(r) && l.right === r.right;
    });

  const handle =
    (envelope: CommandEnvelope<Command>): TE.TaskEither<HandlerError<DomainError>, HandleResult> =>
    async () => {
      const { commandId, command } = envelope;
      const streamId = deps.streamOf(command);
      const reused = (
        usedOn: StreamId,
        reason: "otherStream" | "otherContent",
      ): E.Either<HandlerError<DomainError>, never> =>
        E.left({
          _tag: "CommandIdReused",
          commandId,
          streamId,
          usedOn,
          reason,
          message:
            reason === "otherStream"
              ? `command id ${commandId} was already used on ${usedOn}; refused for ${streamId} (use a new command id)`
              : `command id ${commandId} was already used on ${usedOn} for another command (its events differ); use a new command id`,
        });
      const busy = inFlight.get(commandId);
      if (busy !== undefined && busy !== streamId) return reused(busy, "otherStream");
      const own = busy === undefined;
      if (own) inFlight.set(commandId, streamId);
      try {
        return await handleOn(envelope, streamId, reused);
      } finally {
        if (own) inFlight.delete(commandId);
      }
    };

  const handleOn = async (
    envelope: CommandEnvelope<Command>,
    streamId: StreamId,
    reused: (
      usedOn: StreamId,
      reason: "otherStream" | "otherContent",
    ) => E.Either<HandlerError<DomainError>, never>,
  ): Promise<E.Either<HandlerError<DomainError>, HandleResult>> => {
    const { commandId, command } = envelope;
    const storeFailed = (error: StoreError): E.Either<HandlerError<DomainError>, never> =>
      E.left({ _tag: "StoreFailed", commandId, error, message: `command ${commandId}: ${error.message}` });
    if (registry !== undefined) {
      const on = await registry.streamOf(commandId);
      if (E.isLeft(on)) return storeFailed(on.left);
      if (on.right !== undefined && on.right !== streamId) return reused(on.right, "otherStream");
    }
    const firstId = eventIdFor(commandId, streamId, 0);
    let waited = 0;
    let attempts = 0;
    for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
      if (attempt > 1) {
        const wait = backoffDelay(policy, attempt - 1, random());
        if (waited + wait > policy.budgetMs) break;
        waited += wait;
        await sleep(wait);
      }
      attempts = attempt;
      const read = await deps.store.readStream(streamId)();
      if (E.isLeft(read)) return storeFailed(read.left);
      const history = read.right;
      const at = history.findIndex((r) => r.eventId === firstId);
      if (at >= 0) {
        const mine: RecordedEvent[] = [];
        for (
          let i = 0;
          at + i < history.length && history[at + i]!.eventId === eventIdFor(commandId, streamId, i);
          i++
        )
          mine.push(history[at + i]!);
        // The same command decides the same events on the state it was first decided on.
        const again = deps.decider.decide(command, fold(history.slice(0, at)));
        if (
          E.isLeft(again) ||
          !sameEvents(
            again.right,
            mine.map((r) => r.event),
          )
        )
          return reused(streamId, "otherContent");
        const last = mine[mine.length - 1]!;
        return E.right({
          streamId,
          eventIds: mine.map((r) => r.eventId),
          events: mine.map((r) => r.event),
          nextExpectedRevision: last.revision,
          lastPosition: last.position,
          alreadyHandled: true,
        });
      }
      const decided = deps.decider.decide(command, fold(history));
      if (E.isLeft(decided))
        return E.left({
          _tag: "Rejected",
          commandId,
          streamId,
          error: decided.left,
          message: `command ${commandId} on ${streamId} rejected`,
        });
      const lastRevision = history.length - 1;
      if (decided.right.length === 0)
        return E.right({
          streamId,
          eventIds: [],
          events: [],
          nextExpectedRevision: lastRevision,
          lastPosition: undefined,
          alreadyHandled: false,
        });
      const m = envelope.metadata;
      const metadata: EventMetadata = {
        recordedAt: deps.clock(),
        correlationId: m?.correlationId ?? commandId,
        causationId: commandId,
        ...(m?.recordedBy !== undefined ? { recordedBy: m.recordedBy } : {}),
        ...(m?.source !== undefined ? { source: m.source } : {}),
      };
      const events: NewEvent[] = decided.right.map((event, i) => ({
        eventId: eventIdFor(commandId, streamId, i),
        event,
        metadata,
      }));
      const appended = await deps.store.append(streamId, events, {
        expectedRevision: lastRevision < 0 ? "noStream" : lastRevision,
      })();
      if (E.isRight(appended))
        return E.right({
          streamId,
          eventIds: events.map((e) => e.eventId),
          events: decided.right,
          nextExpectedRevision: appended.right.nextExpectedRevision,
          lastPosition: appended.right.lastPosition,
          alreadyHandled: !appended.right.written,
        });
      if (appended.left._tag !== "WrongExpectedRevision") return storeFailed(appended.left);
    }
    return E.left({
      _tag: "Conflict",
      commandId,
      streamId,
      attempts,
      message: `command ${commandId}: ${streamId} kept changing; gave up after ${attempts} attempts (${Math.round(waited)} ms of back-off)`,
    });
  };

  return { handle, eventIdFor };
};
