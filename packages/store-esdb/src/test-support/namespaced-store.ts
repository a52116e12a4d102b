/**
 * Test-only view of an {@link EventStore} for running the shared contract suite on EventStoreDB: a
 * NAMESPACE per store. A real server is shared and keeps every earlier run, so each view maps
 * `coop-X` to `coop-<ns>.X` (same for every stream kind), sees only its own streams, and starts after
 * `baseAfter`, the head of `$all` when the view was made. On the gRPC test double (one fresh server per
 * store) it changes nothing but the stream names on the wire.
 *
 * Positions pass through UNTOUCHED: the contract asserts only what the port promises of them (strictly
 * increasing, one per event, `after` exclusive), so the adapter runs it with its real, sparse commit
 * positions.
 *
 * Not part of the package (excluded from the build).
 */
import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import type { EventStore, ReadAllPage, StoreError, SubscriptionFilter } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";

const KINDS = ["coop-", "alliance-", "fund-", "reorganisation-"] as const;
/** Inner events scanned per read while filling a page of the view. */
const SCAN = 1000;

/**
 * Wraps a store so its streams live in a namespace. `baseAfter` is the inner position after which this
 * view's log starts (the head of `$all` when created; `undefined` for an empty server).
 *
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * // Test support of this repository (not in the package): one shared server, one namespace per suite.
 * const inner = makeInMemoryStore(); // makeEsdbStore(client) on a real server
 * const view = namespacedStore(inner, { namespace: "t1", baseAfter: undefined });
 * const { streamId } = fixtureEvent("a", 0); // "coop-htx-a"
 * await view.append(streamId, fixtureBatch("a", 1), { expectedRevision: "noStream" })();
 * const innerPage = await inner.readAll()();
 * const viewPage = await view.readAll()();
 * if (innerPage._tag === "Right" && viewPage._tag === "Right")
 *   console.log(innerPage.right.events[0]?.streamId, viewPage.right.events[0]?.streamId); // "coop-t1.htx-a" "coop-htx-a"
 */
export const namespacedStore = (
  inner: EventStore,
  opts: { readonly namespace: string; readonly baseAfter: number | undefined },
): EventStore => {
  const ns = opts.namespace;
  const toInner = (s: string): string => {
    const k = KINDS.find((p) => s.startsWith(p));
    return k === undefined ? s : `${k}${ns}.${s.slice(k.length)}`;
  };
  const innerPrefixes = KINDS.map((k) => `${k}${ns}.`);
  const mine = (s: string): boolean => innerPrefixes.some((p) => s.startsWith(p));
  const fromInner = (s: string): StreamId => {
    const k = KINDS.find((p) => s.startsWith(`${p}${ns}.`));
    return (k === undefined ? s : `${k}${s.slice(k.length + ns.length + 1)}`) as StreamId;
  };
  const view = (e: RecordedEvent): RecordedEvent => ({ ...e, streamId: fromInner(e.streamId) });
  const errorView = (err: StoreError): StoreError =>
    "streamId" in err && typeof err.streamId === "string"
      ? ({ ...err, streamId: fromInner(err.streamId) } as StoreError)
      : err;
  // Before the view's first event, the caller passes no `after`: start at the base.
  const startAfter = (after: number | undefined): number | undefined => after ?? opts.baseAfter;

  return {
    append: (streamId, events, o) => async () => {
      const r = await inner.append(toInner(streamId) as StreamId, events, o)();
      return E.isLeft(r) ? E.left(errorView(r.left)) : r;
    },
    readStream: (streamId, o) => async () => {
      const r = await inner.readStream(toInner(streamId) as StreamId, o)();
      return E.isLeft(r) ? E.left(errorView(r.left)) : E.right(r.right.map(view));
    },
    readAll: (o) => async () => {
      // The inner log holds other namespaces' events too: scan it, keep this view's, up to maxCount.
      const max = Math.max(1, o?.maxCount ?? 4096);
      const events: RecordedEvent[] = [];
      let cursor = startAfter(o?.after);
      for (;;) {
        const page = await inner.readAll(
          cursor === undefined ? { maxCount: SCAN } : { after: cursor, maxCount: SCAN },
        )();
        if (E.isLeft(page)) return E.left(errorView(page.left));
        for (const e of page.right.events) {
          if (!mine(e.streamId)) continue;
          if (events.length === max) {
            // One more of this view's events exists: the page is full and not the end.
            const full: ReadAllPage = { events, lastPosition: events[max - 1]!.position, isEnd: false };
            return E.right(full);
          }
          events.push(view(e));
        }
        cursor = page.right.lastPosition ?? cursor;
        if (page.right.isEnd) {
          const last: ReadAllPage = {
            events,
            lastPosition: events[events.length - 1]?.position ?? o?.after,
            isEnd: true,
          };
          return E.right(last);
        }
      }
    },
    subscribe: (o) => {
      const filter: SubscriptionFilter = {
        streamPrefixes: o.filter?.streamPrefixes?.map(toInner) ?? innerPrefixes,
        ...(o.filter?.eventTypes !== undefined ? { eventTypes: o.filter.eventTypes } : {}),
      };
      const after = startAfter(o.after);
      return inner.subscribe({
        ...(after !== undefined ? { after } : {}),
        filter,
        onEvent: async (e) => {
          if (mine(e.streamId)) await o.onEvent(view(e));
        },
        ...(o.onCaughtUp !== undefined ? { onCaughtUp: o.onCaughtUp } : {}),
        ...(o.onError !== undefined ? { onError: (err: StoreError) => o.onError?.(errorView(err)) } : {}),
      });
    },
    close: () => inner.close(),
  };
};
