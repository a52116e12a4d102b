import type { DomainEvent, EventId, EventMetadata, RecordedEvent, StreamId } from "@coop-ledger/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { StoreError } from "./store-error.js";

/**
 * What an append expects the stream to be: `"noStream"` (must not exist), `"any"` (no check),
 * `"streamExists"` (must exist), or the exact revision of its last event (revisions count from 0).
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })(); // revisions 0 and 1
 * const stale = await store.append(streamId, fixtureBatch("a", 1, 2), { expectedRevision: 0 })();
 * const fresh = await store.append(streamId, fixtureBatch("a", 1, 2), { expectedRevision: 1 })();
 * console.log(stale._tag === "Left" && stale.left._tag, fresh._tag); // "WrongExpectedRevision" "Right"
 */
export type ExpectedRevision = "noStream" | "any" | "streamExists" | number;

/**
 * An event to append: a domain event, its id (deterministic from the command) and metadata.
 * @example
 * import { type DomainEvent, type EventMetadata, uuidV5 } from "@coop-ledger/domain";
 * import { makeInMemoryStore, type NewEvent } from "@coop-ledger/store";
 * const ns = "0f3a6c2e-1b4d-4e8f-9a7b-6c5d4e3f2a1b"; // the application's own namespace UUID
 * const event = {
 *   type: "CoopSuspended",
 *   schemaVersion: 1,
 *   data: { coopId: "htx-1", effectiveDate: "2021-03-01" },
 * } as DomainEvent;
 * const metadata = { recordedAt: "2023-01-15T08:00:00.000Z" } as EventMetadata;
 * const newEvent: NewEvent = { eventId: uuidV5(ns, "cmd-1/0") as NewEvent["eventId"], event, metadata };
 * const r = await makeInMemoryStore().append("coop-htx-1" as never, [newEvent], { expectedRevision: "noStream" })();
 * console.log(r._tag); // "Right"
 */
export interface NewEvent {
  readonly eventId: EventId;
  readonly event: DomainEvent;
  readonly metadata: EventMetadata;
}

/**
 * The result of an append: the stream's last revision and the global position of the last event.
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * const batch = fixtureBatch("a", 2);
 * const first = await store.append(streamId, batch, { expectedRevision: "noStream" })();
 * const repeat = await store.append(streamId, batch, { expectedRevision: "noStream" })(); // e.g. a retry after a timeout
 * if (first._tag === "Right" && repeat._tag === "Right") console.log(first.right.written, repeat.right);
 * // true { nextExpectedRevision: 1, lastPosition: 1, written: false }
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
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 5), { expectedRevision: "noStream" })();
 * const sizes: number[] = [];
 * for (let after: number | undefined; ; ) {
 *   const page = await store.readAll(after === undefined ? { maxCount: 2 } : { after, maxCount: 2 })();
 *   if (page._tag === "Left") throw new Error(page.left.message);
 *   sizes.push(page.right.events.length);
 *   if (page.right.isEnd) break;
 *   after = page.right.lastPosition;
 * }
 * console.log(sizes); // [2, 2, 1]
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
 * @example
 * import type { SubscriptionFilter } from "@coop-ledger/store";
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 4), { expectedRevision: "noStream" })();
 * const filter: SubscriptionFilter = { streamPrefixes: ["coop-"], eventTypes: ["CoopResumed"] };
 * const types: string[] = [];
 * await new Promise<void>((caughtUp) => {
 *   const sub = store.subscribe({ filter, onEvent: (e) => void types.push(e.event.type), onCaughtUp: () => void sub.stop().then(caughtUp) });
 * });
 * console.log(types); // ["CoopResumed", "CoopResumed"]
 */
export interface SubscriptionFilter {
  readonly streamPrefixes?: ReadonlyArray<string>;
  readonly eventTypes?: ReadonlyArray<DomainEvent["type"]>;
}

/**
 * Options of a catch-up subscription on the global log.
 * @example
 * import type { SubscribeOptions } from "@coop-ledger/store";
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const checkpoint = 0; // the position of the last event handled before a restart
 * const seen: number[] = [];
 * await new Promise<void>((ready) => {
 *   const options: SubscribeOptions = {
 *     after: checkpoint,
 *     onEvent: (e) => void seen.push(e.position),
 *     onCaughtUp: () => void sub.stop().then(ready),
 *   };
 *   const sub = store.subscribe(options);
 * });
 * console.log(seen); // [1, 2]
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
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * const sub = store.subscribe({ onEvent: (e) => console.log("live:", e.event.type) });
 * await store.append(streamId, fixtureBatch("a", 1), { expectedRevision: "noStream" })();
 * await new Promise((r) => setTimeout(r, 50)); // the handler printed: live: CoopSuspended
 * await sub.stop(); // resolves once no handler call is in flight
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
 * import { type EventStore, makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * // Code written against the port runs on every store (in memory, file ledger, EventStoreDB).
 * const countEvents = async (store: EventStore): Promise<number> => {
 *   const page = await store.readAll({ maxCount: 100 })();
 *   return page._tag === "Right" ? page.right.events.length : -1;
 * };
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * const r = await store.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * console.log(r._tag, await countEvents(store)); // "Right" 2
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
