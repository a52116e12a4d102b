import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { decideAppend } from "../core/append-decision.js";
import { ChangeSignal } from "../core/change-signal.js";
import { prepareBatch } from "../core/prepare-batch.js";
import { startSubscription } from "../core/subscription.js";
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Subscription,
} from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";

interface StreamEntry {
  readonly ids: string[];
  readonly positions: number[];
}

const closedError: StoreError = { _tag: "StoreClosed", message: "the in-memory store is closed" };

/**
 * An {@link EventStore} in memory: for tests and for embedding where durability is not needed. Same
 * rules as every store (it passes the contract suite): batches are checked by the codecs, expected
 * revisions and idempotent repeats follow EventStoreDB, subscriptions catch up then go live.
 *
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * const r = await store.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * const stream = await store.readStream(streamId)();
 * if (r._tag === "Right" && stream._tag === "Right") console.log(r.right.nextExpectedRevision, stream.right.length); // 1 2
 * await store.close();
 */
export const makeInMemoryStore = (): EventStore => {
  const log: RecordedEvent[] = [];
  const streams = new Map<string, StreamEntry>();
  const signal = new ChangeSignal();
  const subs = new Set<Subscription>();
  let closed = false;

  const append =
    (
      streamId: StreamId,
      events: ReadonlyArray<NewEvent>,
      options: { readonly expectedRevision: ExpectedRevision },
    ): TE.TaskEither<StoreError, AppendResult> =>
    () =>
      Promise.resolve(appendNow(streamId, events, options.expectedRevision));

  const appendNow = (
    streamId: StreamId,
    events: ReadonlyArray<NewEvent>,
    expectedRevision: ExpectedRevision,
  ): E.Either<StoreError, AppendResult> => {
    if (closed) return E.left(closedError);
    const prepared = prepareBatch(streamId, events);
    if (E.isLeft(prepared)) return prepared;
    const entry = streams.get(streamId) ?? { ids: [], positions: [] };
    const decision = decideAppend(
      prepared.right.streamId,
      entry.ids,
      prepared.right.events.map((e) => e.eventId),
      expectedRevision,
    );
    if (E.isLeft(decision)) return decision;
    if (decision.right._tag === "Repeat")
      return E.right({
        nextExpectedRevision: decision.right.lastRevision,
        lastPosition: entry.positions[decision.right.lastRevision] ?? -1,
        written: false,
      });
    streams.set(streamId, entry);
    for (const p of prepared.right.events) {
      const recorded: RecordedEvent = {
        eventId: p.eventId,
        streamId: prepared.right.streamId,
        revision: entry.ids.length,
        position: log.length,
        event: p.event,
        metadata: p.metadata,
      };
      entry.ids.push(p.eventId);
      entry.positions.push(recorded.position);
      log.push(recorded);
    }
    signal.bump();
    return E.right({
      nextExpectedRevision: entry.ids.length - 1,
      lastPosition: log.length - 1,
      written: true,
    });
  };

  const readStream: EventStore["readStream"] = (streamId, options) => () => {
    if (closed) return Promise.resolve(E.left(closedError));
    const entry = streams.get(streamId);
    const from = Math.max(0, options?.fromRevision ?? 0);
    const out = entry === undefined ? [] : entry.positions.slice(from).map((p) => log[p]!);
    return Promise.resolve(E.right(out));
  };

  const readAll: EventStore["readAll"] = (options) => () => {
    if (closed) return Promise.resolve(E.left(closedError));
    const start = options?.after === undefined ? 0 : options.after + 1;
    const max = Math.max(1, options?.maxCount ?? 4096);
    const events = log.slice(Math.max(0, start), Math.max(0, start) + max);
    const lastPosition = events.length > 0 ? events[events.length - 1]!.position : options?.after;
    return Promise.resolve(
      E.right({ events, lastPosition, isEnd: Math.max(0, start) + events.length >= log.length }),
    );
  };

  const subscribe: EventStore["subscribe"] = (options) => {
    if (closed) {
      queueMicrotask(() => options.onError?.(closedError));
      return { stop: () => Promise.resolve() };
    }
    const sub = startSubscription(readAll, signal, options, () => subs.delete(sub));
    subs.add(sub);
    return sub;
  };

  return {
    append,
    readStream,
    readAll,
    subscribe,
    close: async () => {
      closed = true;
      await Promise.all([...subs].map((s) => s.stop()));
    },
  };
};
