import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { EventStore, SubscribeOptions, Subscription, SubscriptionFilter } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";
import type { ChangeSignal } from "./change-signal.js";

/**
 * Whether an event passes a subscription filter (stream prefix and event type, both optional).
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * import { matchesFilter } from "@coop-ledger/store/internal";
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * const page = await store.readAll()();
 * if (page._tag === "Right")
 *   console.log(page.right.events.map((e) => matchesFilter({ streamPrefixes: ["coop-"], eventTypes: ["CoopResumed"] }, e)));
 * // [false, true] (a CoopSuspended, then a CoopResumed)
 */
export const matchesFilter = (filter: SubscriptionFilter | undefined, e: RecordedEvent): boolean =>
  filter === undefined ||
  ((filter.streamPrefixes === undefined || filter.streamPrefixes.some((p) => e.streamId.startsWith(p))) &&
    (filter.eventTypes === undefined || filter.eventTypes.includes(e.event.type)));

const PAGE = 1024;

/**
 * A catch-up subscription built on `readAll` paging and a change signal, shared by the in-memory store
 * and the file ledger: it reads pages after the last delivered position, delivers them one at a time
 * (awaiting each handler), calls `onCaughtUp` once at the first end of the log, then waits for the
 * signal and reads on. A handler that throws stops the subscription with `onError`; the caller
 * resubscribes from its checkpoint, so delivery is at least once.
 *
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * import { ChangeSignal, startSubscription } from "@coop-ledger/store/internal";
 * // A store builds its `subscribe` from these and its own readAll, bumping the signal after each
 * // durable append.
 * const store = makeInMemoryStore();
 * const { streamId } = fixtureEvent("a", 0);
 * await store.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const signal = new ChangeSignal();
 * const positions: number[] = [];
 * await new Promise<void>((caughtUp) => {
 *   const sub = startSubscription(store.readAll, signal, {
 *     onEvent: (e) => void positions.push(e.position),
 *     onCaughtUp: () => void sub.stop().then(caughtUp),
 *   });
 * });
 * console.log(positions); // [0, 1, 2]
 */
export const startSubscription = (
  readAll: EventStore["readAll"],
  signal: ChangeSignal,
  options: SubscribeOptions,
  onFinish?: () => void,
): Subscription => {
  let stopped = false;
  let wake: () => void = () => {};
  const stopping = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const fail = (error: StoreError): void => {
    if (!stopped) options.onError?.(error);
  };
  const loop = async (): Promise<void> => {
    let after = options.after;
    let caughtUp = false;
    while (!stopped) {
      const seen = signal.version;
      const page = await readAll(after === undefined ? { maxCount: PAGE } : { after, maxCount: PAGE })();
      if (E.isLeft(page)) return fail(page.left);
      for (const ev of page.right.events) {
        if (stopped) return;
        if (matchesFilter(options.filter, ev)) {
          try {
            await options.onEvent(ev);
          } catch (e) {
            return fail({
              _tag: "StoreUnavailable",
              message: `subscription handler failed at position ${ev.position}: ${e instanceof Error ? e.message : String(e)}`,
            });
          }
        }
        after = ev.position;
      }
      if (page.right.isEnd) {
        if (!caughtUp) {
          caughtUp = true;
          if (!stopped) options.onCaughtUp?.();
        }
        await Promise.race([signal.next(seen), stopping]);
      }
    }
  };
  const done = loop()
    .catch((e) => fail({ _tag: "StoreUnavailable", message: String(e) }))
    .finally(() => onFinish?.());
  return {
    stop: async () => {
      stopped = true;
      wake();
      await done;
    },
  };
};
