import type { RecordedEvent } from "@coop-ledger/domain";
import type { StoreError, SubscriptionFilter } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { match, P } from "ts-pattern";
import type { EsdbClient, EsdbCredentials, EsdbPosition } from "../client/esdb-client.js";
import { comparePositions } from "../mapping/position.js";
import { type LedgerSubscription, subscribeToLedger } from "../store/ledger-subscription.js";
import type { CheckpointError, CheckpointStore } from "./checkpoint-store.js";
import type { IndexedEventsGone } from "./store-event-source.js";

/**
 * Why a projection run stopped or must retry: a store error (server unavailable, undecodable event,
 * ...), a checkpoint error, a reopened index whose events the server no longer has, or the projection's own `handle` throwing (`HandlerFailed`, naming the
 * event).
 *
 * @example
 * import type { CatchUpProjectionError } from "@coop-ledger/store-esdb";
 * import { match, P } from "ts-pattern";
 * const advice = (e: CatchUpProjectionError): string =>
 *   match(e)
 *     .with({ _tag: "HandlerFailed" }, (x) => `the fold failed at ${x.eventWhere}: fix the handler`)
 *     .with({ _tag: P.union("CheckpointUnreadable", "IndexedEventsGone") }, () => "delete the checkpoint to rebuild")
 *     .otherwise((x) => x.message);
 * console.log(advice({ _tag: "HandlerFailed", eventWhere: "coop-htx-1@3", message: "boom" })); // "the fold failed at coop-htx-1@3: fix the handler"
 * console.log(advice({ _tag: "StoreUnavailable", message: "connection refused" })); // "connection refused"
 */
export type CatchUpProjectionError =
  | StoreError
  | CheckpointError
  | IndexedEventsGone
  | { readonly _tag: "HandlerFailed"; readonly eventWhere: string; readonly message: string };

/** What to do after an error: retry from the last checkpoint, or stop. */
export type ErrorDecision = "retry" | "stop";

/** Options of {@link runCatchUpProjection}. */
export interface CatchUpProjectionOptions<S> {
  readonly client: EsdbClient;
  readonly checkpointStore: CheckpointStore<S>;
  /** The read model before any event (used when no checkpoint was saved yet). */
  readonly initialState: S;
  /** Folds one event into the read model. Pure: no I/O, no clock (may return a promise). */
  readonly handle: (state: S, event: RecordedEvent) => S | Promise<S>;
  /**
   * Reads what `handle` will need from the store before it folds `event` (the I/O stays out of
   * `handle`). A Left ends the attempt with that error, which `onError` classifies like any other (a
   * `StoreUnavailable` is retried from the last checkpoint). `runIndexProjection` preloads here the
   * events of a stream the reopened index does not hold.
   */
  readonly prefetch?: (state: S, event: RecordedEvent) => TE.TaskEither<StoreError | IndexedEventsGone, void>;
  /** Which events the projection needs (applied server-side); default: every ledger stream. */
  readonly filter?: SubscriptionFilter;
  /** Save after this many folded events (default 500); also when caught up and when stopped. */
  readonly saveEvery?: number;
  /**
   * Called on every error with the number of consecutive failed attempts (from 1); default: retry
   * `StoreUnavailable`, `NotLeader` and `DeadlineExceeded` up to 8 times, stop on anything else: an undecodable event, a failing handler or
   * `AccessDenied` (the user lacks the rights to read `$all`) would fail again on retry, they need a
   * person. A custom policy decides for itself (it may, say, wait for an administrator to grant rights).
   */
  readonly onError?: (error: CatchUpProjectionError, attempt: number) => ErrorDecision;
  /** Delay before a retry (default 100 ms × 2^(attempt − 1), at most 5 s). */
  readonly retryDelayMs?: (attempt: number) => number;
  /** Called each time the projection catches up with the log (after saving the checkpoint). */
  readonly onCaughtUp?: (state: S) => void;
  readonly credentials?: EsdbCredentials;
  readonly secrets?: ReadonlyArray<string>;
  /** Server checkpoint interval multiplier (× 32 scanned events); default 1. */
  readonly checkpointInterval?: number;
}

/** How a projection run ended. */
export type ProjectionOutcome =
  | { readonly reason: "stopped" }
  | { readonly reason: "failed"; readonly error: CatchUpProjectionError };

/** A running catch-up projection. */
export interface CatchUpProjection<S> {
  /**
   * The current read model (folded in memory; the saved one may lag by up to `saveEvery` events).
   * After an error it goes back to the last saved checkpoint until the redelivered events are folded
   * again.
   */
  readonly state: () => S;
  /** The position of the last folded event or server checkpoint. */
  readonly position: () => EsdbPosition | undefined;
  /** Resolves the first time the projection has caught up with the log. */
  readonly caughtUp: Promise<void>;
  /** Resolves when the run ends: stopped, or failed after `onError` said stop. */
  readonly done: Promise<ProjectionOutcome>;
  /** Stops, saves the checkpoint, resolves when done. */
  readonly stop: () => Promise<void>;
}

/**
 * Whether an error can go away by itself, so a retry may succeed: only an unavailable server (a
 * network failure, a node restarting, a leader change, a deadline passed). Exhaustive, so that a new error case must be
 * classified here rather than silently retried or not.
 */
const mayPassOnRetry = (e: CatchUpProjectionError): boolean =>
  match(e)
    .with({ _tag: "StoreUnavailable" }, () => true)
    // The client reconnects to the leader; a deadline on a read or subscription is a slow server.
    .with({ _tag: P.union("NotLeader", "DeadlineExceeded") }, () => true)
    // A deleted stream stays deleted.
    .with({ _tag: "StreamDeleted" }, () => false)
    // Rights do not come back by themselves: retrying would hammer the server with refused calls.
    .with({ _tag: "AccessDenied" }, () => false)
    // The same event, handler or checkpoint file fails the same way again; events the server no
    // longer has do not come back.
    .with(
      {
        _tag: P.union(
          "UndecodableEvent",
          "HandlerFailed",
          "CheckpointUnreadable",
          "CheckpointWriteFailed",
          "IndexedEventsGone",
        ),
      },
      () => false,
    )
    // Not produced by a subscription (appends, file ledgers, a closed store): a bug if seen here.
    .with(
      {
        _tag: P.union(
          "WrongExpectedRevision",
          "LedgerLocked",
          "CorruptLedger",
          "InvalidAppend",
          "StoreClosed",
          "LedgerChanged",
        ),
      },
      () => false,
    )
    .exhaustive();

const defaultOnError = (e: CatchUpProjectionError, attempt: number): ErrorDecision =>
  mayPassOnRetry(e) && attempt <= 8 ? "retry" : "stop";

class HandlerFailure extends Error {}

/**
 * Runs a projection as a catch-up subscription to `$all` with a server-side filter, keeping the read
 * model and the FULL position (commit, prepare) together in a {@link CheckpointStore}:
 *
 * - starts after the saved checkpoint (or from the beginning with `initialState`);
 * - folds each event with `handle`, saving every `saveEvery` events, when caught up and when stopped;
 *   server checkpoints advance the position even when no event matches the filter for a long time;
 * - tolerates at-least-once delivery: an event at or before the current position is skipped, so a
 *   redelivered event never changes the read model (law 5 holds even for a non-idempotent `handle`);
 * - after an error it reloads the LAST SAVED checkpoint and subscribes again from there (unsaved
 *   progress is folded again from the redelivered events), as `onError` decides.
 *
 * @example
 * import { createEsdbClient, esdbSettingsFromEnv, jsonFileCheckpointStore, runCatchUpProjection } from "@coop-ledger/store-esdb";
 * // Needs a server: ESDB_URL=esdb://localhost:2113?tls=false (see esdbSettingsFromEnv).
 * const settings = esdbSettingsFromEnv(process.env);
 * if (settings._tag === "Left") throw new Error(settings.left.message);
 * const client = createEsdbClient(settings.right);
 * if (client._tag === "Left") throw new Error(client.left.message);
 * // Co-ops founded so far; the count and its $all position are saved together in cp.json.
 * const run = runCatchUpProjection({
 *   client: client.right,
 *   checkpointStore: jsonFileCheckpointStore<number>("cp.json"),
 *   initialState: 0,
 *   handle: (n, e) => (e.event.type === "CoopFounded" ? n + 1 : n),
 * });
 * await run.caughtUp;
 * console.log(run.state()); // the number of CoopFounded events in the ledger
 * await run.stop();
 */
export const runCatchUpProjection = <S>(options: CatchUpProjectionOptions<S>): CatchUpProjection<S> => {
  const saveEvery = Math.max(1, options.saveEvery ?? 500);
  const onError = options.onError ?? defaultOnError;
  const delay = options.retryDelayMs ?? ((a: number) => Math.min(5000, 100 * 2 ** (a - 1)));
  const secrets = [
    ...(options.secrets ?? []),
    ...(options.credentials ? [options.credentials.password] : []),
  ];

  let state = options.initialState;
  let attempt = 0;
  let position: EsdbPosition | undefined;
  let unsaved = 0;
  let positionUnsaved = false;
  let stopped = false;
  let sub: LedgerSubscription | undefined;
  let wakeStop: (() => void) | undefined;
  let resolveCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((r) => {
    resolveCaughtUp = r;
  });

  const save = async (): Promise<E.Either<CheckpointError, void>> => {
    if (position === undefined || (!positionUnsaved && unsaved === 0)) return E.right(undefined);
    const r = await options.checkpointStore.save({ position, state })();
    if (E.isRight(r)) {
      unsaved = 0;
      positionUnsaved = false;
    }
    return r;
  };

  // One subscription from the last saved checkpoint; resolves with the error that ended it, or
  // undefined when stopped.
  const runOnce = async (): Promise<CatchUpProjectionError | undefined> => {
    const loaded = await options.checkpointStore.load()();
    if (E.isLeft(loaded)) return loaded.left;
    state = loaded.right?.state ?? options.initialState;
    position = loaded.right?.position;
    unsaved = 0;
    positionUnsaved = false;
    let failure: CatchUpProjectionError | undefined;
    const ended = new Promise<CatchUpProjectionError | undefined>((resolve) => {
      wakeStop = () => resolve(undefined);
      const fail = (e: CatchUpProjectionError): never => {
        failure = e;
        throw new HandlerFailure(e.message);
      };
      sub = subscribeToLedger(
        options.client,
        {
          from: position ?? "start",
          ...(options.filter !== undefined ? { filter: options.filter } : {}),
          ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
          secrets,
          checkpointInterval: options.checkpointInterval ?? 1,
        },
        {
          onEvent: async (event, at) => {
            // At-least-once: anything at or before what the state already reflects is a repeat.
            if (position !== undefined && comparePositions(at, position) <= 0) return;
            if (options.prefetch !== undefined) {
              const ready = await options.prefetch(state, event)();
              if (E.isLeft(ready)) fail(ready.left);
            }
            try {
              state = await options.handle(state, event);
            } catch (err) {
              fail({
                _tag: "HandlerFailed",
                eventWhere: `${event.streamId}@${event.revision} (${event.event.type}, position ${event.position})`,
                message: `the projection failed on ${event.streamId}@${event.revision}: ${err instanceof Error ? err.message : String(err)}`,
              });
            }
            position = at;
            unsaved++;
            attempt = 0;
            if (unsaved >= saveEvery) {
              const r = await save();
              if (E.isLeft(r)) fail(r.left);
            }
          },
          onCheckpoint: (at) => {
            if (position === undefined || comparePositions(at, position) > 0) {
              position = at;
              positionUnsaved = true;
            }
          },
          onCaughtUp: async () => {
            const r = await save();
            if (E.isLeft(r)) fail(r.left);
            resolveCaughtUp();
            options.onCaughtUp?.(state);
          },
          onError: (e) => resolve(failure ?? e),
        },
      );
    });
    const result = await ended;
    await sub?.stop();
    sub = undefined;
    return result;
  };

  const loop = async (): Promise<ProjectionOutcome> => {
    for (;;) {
      if (stopped) break;
      const error = await runOnce();
      if (error === undefined || stopped) break;
      attempt++;
      const decision = onError(error, attempt);
      const outcome = match(decision)
        .with("stop", () => ({ reason: "failed", error }) as const)
        .with("retry", () => undefined)
        .exhaustive();
      if (outcome !== undefined) return outcome;
      await new Promise<void>((r) => {
        const t = setTimeout(r, delay(attempt));
        wakeStop = () => {
          clearTimeout(t);
          r();
        };
      });
    }
    const r = await save();
    return E.isLeft(r) ? { reason: "failed", error: r.left } : { reason: "stopped" };
  };

  const done = loop();
  return {
    state: () => state,
    position: () => position,
    caughtUp,
    done,
    stop: async () => {
      stopped = true;
      wakeStop?.();
      await done;
    },
  };
};
