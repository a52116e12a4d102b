import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import type { EventSource, ProjectionIndex } from "@coop-ledger/projections";
import type { EventStore, StoreError } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { UNKNOWN_POSITION } from "../mapping/position.js";

/**
 * The server no longer has events a reopened index counted for a stream (the stream was truncated,
 * scavenged or deleted since they were indexed), or it reports no positions in stream reads (servers
 * before 22.6) and they cannot be matched. Retrying does not help: the index no longer agrees with the
 * log; delete the checkpoint to rebuild it from `$all`.
 *
 * @example
 * import type { IndexedEventsGone } from "@coop-ledger/store-esdb/internal";
 * const gone: IndexedEventsGone = {
 *   _tag: "IndexedEventsGone",
 *   streamId: "coop-htx-1",
 *   message: "cannot read back the indexed events of coop-htx-1: the stream holds 3 events, the index fed 5; delete the checkpoint to rebuild the index from $all",
 * };
 * console.log(gone.message.endsWith("from $all")); // true: the remedy is in the message
 */
export interface IndexedEventsGone {
  readonly _tag: "IndexedEventsGone";
  readonly streamId: string;
  readonly message: string;
}

const unmatched = (streamId: string, message: string): IndexedEventsGone => ({
  _tag: "IndexedEventsGone",
  streamId,
  message: `cannot read back the indexed events of ${streamId}: ${message}; delete the checkpoint to rebuild the index from $all`,
});

/**
 * An {@link EventSource} over the store (EventStoreDB or KurrentDB through `makeEsdbStore`, or any
 * {@link EventStore}), for an index reopened from its image (see `imageIndexSerializer` (image-index-serializer.ts)).
 *
 * The index asks its source synchronously, the server answers asynchronously: so a stream's events
 * are read from the server first (`preload`, one stream read per stream), then served from memory.
 * `runIndexProjection` preloads a stream before feeding it its first event after a restart, and
 * forgets it once the index holds its events again; an audit (explain, diff) on a reopened index
 * preloads the streams it reads. Asking for a stream that was not preloaded throws, naming it.
 *
 * Events are matched to the index's positions by their `$all` commit position; on a server that
 * reports no positions in stream reads (before 22.6) by revision order, up to the highest revision the
 * index fed, when the stream holds exactly as many events up to there as the index fed (an event-type
 * filter or a truncated stream makes the counts differ: then preloading fails, saying so).
 *
 * @example
 * import { type Instant, ledgerDecider, makeCommand, stateFromHistory, streamOf } from "@coop-ledger/domain";
 * import { buildIndex } from "@coop-ledger/projections";
 * import { makeCommandHandler, makeInMemoryStore } from "@coop-ledger/store";
 * import { imageIndexSerializer, type StoreEventSource, storeEventSource } from "@coop-ledger/store-esdb";
 * const store = makeInMemoryStore();
 * const handler = makeCommandHandler({ store, decider: ledgerDecider, streamOf, stateFromHistory, clock: () => "2024-01-15T08:00:00.000Z" as Instant });
 * for (const coopId of ["htx-1", "htx-2"]) {
 *   const found = makeCommand("FoundCoop", {
 *     coopId,
 *     effectiveDate: "2019-03-01",
 *     name: `HTX ${coopId}`,
 *     form: "cooperative",
 *     sector: "agriculture",
 *     location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *     foundingMembers: 7,
 *   });
 *   if (found._tag === "Right") await handler.handle({ commandId: `found-${coopId}`, command: found.right })();
 * }
 * const page = await store.readAll()();
 * if (page._tag === "Left") throw new Error(page.left.message);
 * const index = buildIndex(page.right.events);
 * const source: StoreEventSource = storeEventSource(store);
 * const reopened = imageIndexSerializer(source).deserialize(imageIndexSerializer(source).serialize(index));
 * if (reopened._tag === "Left") throw new Error(reopened.left);
 * await source.preload(reopened.right, ["coop-htx-2"])(); // before an audit reads that stream
 * console.log(reopened.right.streamEvents("coop-htx-2").map((e) => e.event.type)); // ["CoopFounded"]
 * source.forget(reopened.right, ["coop-htx-2"]); // the audit is done
 */
export interface StoreEventSource extends EventSource {
  /** Reads these streams of `index` from the store, to serve their events synchronously. */
  readonly preload: (
    index: ProjectionIndex,
    streamIds: ReadonlyArray<string>,
  ) => TE.TaskEither<StoreError | IndexedEventsGone, void>;
  /** Drops preloaded streams from memory (the index now holds their events, or the audit is done). */
  readonly forget: (index: ProjectionIndex, streamIds: ReadonlyArray<string>) => void;
}

/**
 * A {@link StoreEventSource} reading streams through `store.readStream`.
 *
 * @example
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { storeEventSource } from "@coop-ledger/store-esdb";
 * // Over makeEsdbStore(client) in a service; any store with readStream will do.
 * const source = storeEventSource(makeInMemoryStore());
 * console.log(typeof source.preload, typeof source.forget); // "function" "function"
 */
export const storeEventSource = (store: Pick<EventStore, "readStream">): StoreEventSource => {
  const byPosition = new Map<number, RecordedEvent>();
  // Each index's streams' highest revisions, taken once (a stream's changes only once it is fed, and
  // then it is not preloaded again); refreshed when a count does not match.
  const revisions = new WeakMap<ProjectionIndex, Map<string, number>>();
  const maxRevision = (index: ProjectionIndex, id: string, fresh: boolean): number => {
    let m = revisions.get(index);
    if (m === undefined || fresh) {
      m = index.streamRevisions();
      revisions.set(index, m);
    }
    return m.get(id) ?? -1;
  };
  return {
    eventsAt: (positions) =>
      positions.map((p) => {
        const e = byPosition.get(p);
        if (e === undefined)
          throw new Error(
            `the event at position ${p} was not preloaded: preload its stream from the store first (StoreEventSource.preload)`,
          );
        return e;
      }),
    preload: (index, streamIds) => async () => {
      for (const id of streamIds) {
        const want = index.streamPositions(id);
        if (want.length === 0) continue;
        const read = await store.readStream(id as StreamId)();
        if (E.isLeft(read)) return read;
        const events = read.right;
        if (events.length === 0)
          return E.left(
            unmatched(id, `the index fed ${want.length} of its events, the stream reads as empty (deleted?)`),
          );
        if (events.every((e) => e.position !== UNKNOWN_POSITION)) {
          const at = new Map(events.map((e) => [e.position, e] as const));
          const missing = want.filter((p) => !at.has(p));
          if (missing.length > 0)
            return E.left(
              unmatched(
                id,
                `${missing.length} of its ${want.length} indexed events are no longer in the stream (first at position ${missing[0]}; truncated, scavenged or deleted?)`,
              ),
            );
          for (const p of want) byPosition.set(p, at.get(p) as RecordedEvent);
        } else {
          // No positions in stream reads (servers before 22.6): the index fed the stream in revision
          // order, up to its highest revision fed; the stream may have grown since.
          let fed = events.filter((e) => e.revision <= maxRevision(index, id, false));
          if (fed.length !== want.length)
            fed = events.filter((e) => e.revision <= maxRevision(index, id, true));
          if (fed.length !== want.length)
            return E.left(
              unmatched(
                id,
                `the server reports no positions in stream reads and the stream holds ${fed.length} events up to revision ${maxRevision(index, id, false)} where the index fed ${want.length} (an event-type filter, or a truncated stream)`,
              ),
            );
          want.forEach((p, i) => {
            byPosition.set(p, { ...(fed[i] as RecordedEvent), position: p });
          });
        }
      }
      return E.right(undefined);
    },
    forget: (index, streamIds) => {
      for (const id of streamIds) for (const p of index.streamPositions(id)) byPosition.delete(p);
    },
  };
};
