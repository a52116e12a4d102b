import type { DomainEvent, EventId, EventMetadata, RecordedEvent, StreamId } from "@coop-ledger/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { StoreError } from "./store-error.js";

/**
 * What an append expects the stream to be: `"noStream"` (must not exist), `"any"` (no check),
 * `"streamExists"` (must exist), or the exact revision of its last event (revisions count from 0).
 * @example store.append(sid, events, { expectedRevision: 41 }) // the stream's last revision must be 41
 */
export type ExpectedRevision = "noStream" | "any" | "streamExists" | number;

/**
 * An event to append: a domain event, its id (deterministic from the command) and metadata.
 * @example { eventId: uuidV5(ns, "cmd-1/0"), event, metadata: { recordedAt } }
 */
export interface NewEvent {
  readonly eventId: EventId;
  readonly event: DomainEvent;
  readonly metadata: EventMetadata;
}

/**
 * The result of an append: the stream's last revision and the global position of the last event.
 * @example if (!result.written) console.log("idempotent repeat at", result.nextExpectedRevision);
 */
export interface AppendResult {
  /** The revision of the batch's last event. */
  readonly nextExpectedRevision: number;
  /**
   * The global position of the batch's last event: the same number `readAll`, `readStream` and
   * subscriptions give that event. On an idempotent repeat, the position it was first written at.
   */
  readonly lastPosition: number;
  /** `false` when every event was already there (an idempotent repeat) and nothing was written. */
  readonly written: boolean;
}

/**
 * One page of the global log.
 * @example const next = await store.readAll({ after: page.lastPosition })();
 */
export interface ReadAllPage {
  readonly events: ReadonlyArray<RecordedEvent>;
  /**
   * Pass as `after` to read the next page: the position of the page's last event, or the `after`
   * asked for when the page is empty (`undefined` when neither exists).
   */
  readonly lastPosition: number | undefined;
  /**
   * `true` when no stored event follows the page. A page that is not the end is full (`maxCount`
   * events), so a short page is always the last.
   */
  readonly isEnd: boolean;
}

/**
 * Which events a subscription receives (a server-side filter on EventStoreDB).
 * @example { streamPrefixes: ["coop-"], eventTypes: ["CoopFounded", "CoopDissolved"] }
 */
export interface SubscriptionFilter {
  readonly streamPrefixes?: ReadonlyArray<string>;
  readonly eventTypes?: ReadonlyArray<DomainEvent["type"]>;
}

/**
 * Options of a catch-up subscription on the global log.
 * @example store.subscribe({ after: checkpoint, onEvent: (e) => project(e), onCaughtUp: () => ready() })
 */
export interface SubscribeOptions {
  /** Deliver events after this global position (exclusive); omit to start at the beginning. */
  readonly after?: number;
  readonly filter?: SubscriptionFilter;
  /**
   * Called once per event, in global order; the next event waits for the returned promise. Delivery is
   * at least once: after a reconnect or a restart from a stored checkpoint an event may come again, so
   * handlers must be idempotent (projections are: law 5).
   */
  readonly onEvent: (event: RecordedEvent) => void | Promise<void>;
  /** Called once when the subscription has delivered everything stored when it started. */
  readonly onCaughtUp?: () => void;
  /** Called when the subscription stops on an error (it does not deliver further events). */
  readonly onError?: (error: StoreError) => void;
}

/**
 * A running subscription.
 * @example const sub = store.subscribe({ onEvent }); await sub.stop();
 */
export interface Subscription {
  /** Stops delivery; resolves when no handler call is in flight. */
  readonly stop: () => Promise<void>;
}

/**
 * The store port: every implementation (in-memory, file ledger, EventStoreDB) passes one contract suite.
 *
 * Global positions: every stored event has a `position`, a safe integer. What is promised:
 * - positions strictly increase in global order, the order of `readAll` and of subscriptions;
 * - an event has one position: `readAll`, `readStream`, subscriptions and `AppendResult.lastPosition`
 *   all give the same number for it (one known exception: EventStoreDB servers before 22.6 send no
 *   position in stream reads, and that adapter reports `-1` in `readStream` there);
 * - `after: p`, for `p` the position of a stored event, means exactly the events after that one.
 *
 * What is NOT promised: that positions are dense or start at 0. The in-memory store and the file
 * ledger number events 0, 1, 2...; EventStoreDB's are commit positions, byte offsets in its log
 * (e.g. 332, 498, ...). So compute nothing from a position but order: keep positions you read back
 * (as checkpoints) and compare them, never count with them.
 *
 * @example
 * const r = await store.append(coopStream(id), [newEvent], { expectedRevision: "noStream" })();
 */
export interface EventStore {
  /**
   * Appends events atomically, checking the expected revision. Idempotent for a repeat of the same
   * event ids at the same place (EventStoreDB's rule): nothing is written and `written` is `false`.
   */
  readonly append: (
    streamId: StreamId,
    events: ReadonlyArray<NewEvent>,
    options: { readonly expectedRevision: ExpectedRevision },
  ) => TE.TaskEither<StoreError, AppendResult>;
  /** Reads a stream from a revision (inclusive, default 0); a stream that does not exist reads as `[]`. */
  readonly readStream: (
    streamId: StreamId,
    options?: { readonly fromRevision?: number },
  ) => TE.TaskEither<StoreError, ReadonlyArray<RecordedEvent>>;
  /**
   * Reads the global log after a position (exclusive: `after` is a position read back from the store,
   * the page starts with the first event after it), in global order, at most `maxCount` events
   * (default 4096).
   */
  readonly readAll: (options?: {
    readonly after?: number;
    readonly maxCount?: number;
  }) => TE.TaskEither<StoreError, ReadAllPage>;
  /** Catch-up subscription on the global log: stored events first, then live ones. */
  readonly subscribe: (options: SubscribeOptions) => Subscription;
  /** Releases resources (file handles, locks, connections). */
  readonly close: () => Promise<void>;
}
