/**
 * Test-only view of an {@link EventStore} for running the shared contract suite on EventStoreDB:
 *
 * 1. Positions as RANKS. The contract states positions as 0, 1, 2, ... (dense, from 0: what the
 *    in-memory store and the file ledger give). EventStoreDB's positions are commit positions, byte
 *    offsets in its log (e.g. 332, 498, ...): same order, not dense. This view renumbers them by rank
 *    among the events of the test, so the suite checks order, exclusivity of `after` and paging,
 *    without asserting byte offsets. Everything else goes through the adapter untouched.
 * 2. A NAMESPACE per store. A real server is shared and keeps every earlier run, so each store maps
 *    `coop-X` to `coop-<ns>.X` (same for every prefix) and sees only its own streams, and starts after
 *    the head of `$all` at creation.
 *
 * Not part of the package (excluded from the build).
 */
import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import type { EventStore, ReadAllPage, StoreError, SubscriptionFilter } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";

const KINDS = ["coop-", "alliance-", "fund-", "reorganisation-"] as const;

/**
 * Wraps a store: positions become ranks among this view's events; stream ids live in a namespace.
 * `baseAfter` is the inner position after which this view's events start (the head when created).
 *
 * @example const view = rankedStore(makeEsdbStore(client), { namespace: "t1", baseAfter: 1234 });
 */
export const rankedStore = (
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

  // Inner positions of this view's events, in order; the rank of an event is its index here.
  const known: number[] = [];
  let scannedTo = opts.baseAfter;
  const refresh = async (): Promise<E.Either<StoreError, void>> => {
    for (;;) {
      const page = await inner.readAll(
        scannedTo === undefined ? { maxCount: 1000 } : { after: scannedTo, maxCount: 1000 },
      )();
      if (E.isLeft(page)) return page;
      for (const e of page.right.events) {
        if (mine(e.streamId) && (known.length === 0 || e.position > known[known.length - 1]!))
          known.push(e.position);
      }
      if (page.right.lastPosition !== undefined) scannedTo = page.right.lastPosition;
      if (page.right.isEnd) return E.right(undefined);
    }
  };
  const rankOf = async (position: number): Promise<number> => {
    let i = known.indexOf(position);
    if (i < 0) {
      await refresh();
      i = known.indexOf(position);
    }
    return i;
  };
  const view = async (e: RecordedEvent): Promise<RecordedEvent> => ({
    ...e,
    streamId: fromInner(e.streamId),
    position: await rankOf(e.position),
  });
  const innerAfter = async (after: number | undefined): Promise<number | undefined> => {
    if (after === undefined) return opts.baseAfter;
    if (known[after] === undefined) await refresh();
    return known[after] ?? known[known.length - 1] ?? opts.baseAfter;
  };

  return {
    append: (streamId, events, o) => async () => {
      const r = await inner.append(toInner(streamId) as StreamId, events, o)();
      if (E.isLeft(r)) {
        const err = r.left;
        return E.left(
          "streamId" in err && typeof err.streamId === "string"
            ? ({ ...err, streamId: fromInner(err.streamId) } as StoreError)
            : err,
        );
      }
      return E.right({ ...r.right, lastPosition: await rankOf(r.right.lastPosition) });
    },
    readStream: (streamId, o) => async () => {
      const r = await inner.readStream(toInner(streamId) as StreamId, o)();
      if (E.isLeft(r)) return r;
      const out: RecordedEvent[] = [];
      for (const e of r.right) out.push(await view(e));
      return E.right(out);
    },
    readAll: (o) => async () => {
      const refreshed = await refresh();
      if (E.isLeft(refreshed)) return refreshed;
      const from = o?.after === undefined ? 0 : o.after + 1;
      const max = o?.maxCount ?? 4096;
      const ranks = known.slice(from, from + max);
      const events: RecordedEvent[] = [];
      // Read each event back through the adapter's readAll (one page from just before it).
      let after = from === 0 ? opts.baseAfter : known[from - 1];
      while (events.length < ranks.length) {
        const page = await inner.readAll(
          after === undefined ? { maxCount: 1000 } : { after, maxCount: 1000 },
        )();
        if (E.isLeft(page)) return page;
        for (const e of page.right.events) {
          if (events.length < ranks.length && mine(e.streamId)) events.push(await view(e));
        }
        after = page.right.lastPosition;
        if (page.right.isEnd) break;
      }
      const page: ReadAllPage = {
        events,
        lastPosition: events.length > 0 ? events[events.length - 1]!.position : o?.after,
        isEnd: from + max >= known.length,
      };
      return E.right(page);
    },
    subscribe: (o) => {
      const filter: SubscriptionFilter = {
        streamPrefixes: o.filter?.streamPrefixes?.map(toInner) ?? innerPrefixes,
        ...(o.filter?.eventTypes !== undefined ? { eventTypes: o.filter.eventTypes } : {}),
      };
      let innerSub: { stop: () => Promise<void> } | undefined;
      let stopped = false;
      const starting = innerAfter(o.after).then((after) => {
        if (stopped) return;
        innerSub = inner.subscribe({
          ...(after !== undefined ? { after } : {}),
          filter,
          onEvent: async (e) => {
            if (mine(e.streamId)) await o.onEvent(await view(e));
          },
          ...(o.onCaughtUp !== undefined ? { onCaughtUp: o.onCaughtUp } : {}),
          ...(o.onError !== undefined ? { onError: o.onError } : {}),
        });
      });
      return {
        stop: async () => {
          stopped = true;
          await starting;
          await innerSub?.stop();
        },
      };
    },
    close: () => inner.close(),
  };
};
