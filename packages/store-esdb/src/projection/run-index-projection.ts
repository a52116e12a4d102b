import type { RecordedEvent } from "@coop-ledger/domain";
import { ProjectionIndex } from "@coop-ledger/projections";
import type { StoreError } from "@coop-ledger/store";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { BinaryStateCodec } from "./file-checkpoint-store.js";
import type { IndexSerializer } from "./index-serializer.js";
import {
  type CatchUpProjection,
  type CatchUpProjectionOptions,
  runCatchUpProjection,
} from "./run-catch-up-projection.js";
import type { IndexedEventsGone, StoreEventSource } from "./store-event-source.js";

/**
 * A point-in-time index as a checkpoint state, written by an {@link IndexSerializer}.
 *
 * @example fileCheckpointStore("./index.checkpoint", indexStateCodec(eventsIndexSerializer))
 */
export const indexStateCodec = (serializer: IndexSerializer): BinaryStateCodec<ProjectionIndex> => ({
  format: serializer.format,
  encode: serializer.serialize,
  decode: serializer.deserialize,
});

/** Options of {@link runIndexProjection}: those of the catch-up runner, minus the fold. */
export type IndexProjectionOptions = Omit<
  CatchUpProjectionOptions<ProjectionIndex>,
  "initialState" | "handle" | "saveEvery" | "prefetch"
> & {
  /**
   * Where a reopened index reads back the events of a stream it does not hold (required with
   * `imageIndexSerializer` (image-index-serializer.ts), the same source it was given): before the first event of such a
   * stream is fed, its events are read from the server once, the index re-folds them and holds them
   * from then on.
   */
  readonly eventSource?: StoreEventSource;
  /**
   * Save after this many events (default 50,000): each save writes the whole index, so saving as
   * often as a small read model would make a catch-up quadratic. Also saved when caught up and when
   * stopped, as always.
   */
  readonly saveEvery?: number;
};

/**
 * Keeps a point-in-time index (`ProjectionIndex`, what `snapshot`/`explain` query) up to date from
 * `$all`, saving it WITH its position in the checkpoint store: a restarted service loads the index
 * and resumes after that position, reading nothing before it from the server.
 *
 * The index ignores an event it was already fed (same stream and id), so at-least-once delivery and a
 * retry from the last checkpoint never count an event twice (the runner also skips events at or
 * before the checkpoint's position).
 *
 * With `imageIndexSerializer` (image-index-serializer.ts) the checkpoint holds the index's image (no events): loading it
 * maps the columns back without a refold, and a stream's events are read from the server only when
 * it next receives one (through `eventSource`, once per stream after a restart).
 *
 * @example
 * import { snapshot } from "@coop-ledger/projections";
 * import { createEsdbClient, esdbSettingsFromEnv, fileCheckpointStore, imageIndexSerializer, indexStateCodec, makeEsdbStore, runIndexProjection, storeEventSource } from "@coop-ledger/store-esdb";
 * // Needs a server: ESDB_URL=esdb://localhost:2113?tls=false (see esdbSettingsFromEnv).
 * const settings = esdbSettingsFromEnv(process.env);
 * if (settings._tag === "Left") throw new Error(settings.left.message);
 * const client = createEsdbClient(settings.right);
 * if (client._tag === "Left") throw new Error(client.left.message);
 * const source = storeEventSource(makeEsdbStore(client.right));
 * const checkpointStore = fileCheckpointStore("idx.ckpt", indexStateCodec(imageIndexSerializer(source)));
 * const run = runIndexProjection({ client: client.right, checkpointStore, eventSource: source });
 * await run.caughtUp; // a restart resumes from idx.ckpt
 * const figures = snapshot(run.state(), { validAt: "2024-12-31" });
 * if (figures._tag === "Right") console.log(figures.right.figures.length > 0); // true
 * await run.stop();
 */
export const runIndexProjection = (options: IndexProjectionOptions): CatchUpProjection<ProjectionIndex> => {
  const source = options.eventSource;
  // Per index object (a retry reloads the checkpoint into a new one): the streams it knows but does
  // not hold. A fresh index holds every stream it is fed; a reopened one none until fed again.
  const coldOf = new WeakMap<ProjectionIndex, Set<string>>();
  const cold = (index: ProjectionIndex): Set<string> => {
    let c = coldOf.get(index);
    if (c === undefined) {
      c = index.holdsEvents ? new Set() : new Set(index.streamIds());
      coldOf.set(index, c);
    }
    return c;
  };
  return runCatchUpProjection<ProjectionIndex>({
    ...options,
    saveEvery: options.saveEvery ?? 50_000,
    initialState: new ProjectionIndex(),
    ...(source !== undefined
      ? {
          prefetch: (
            index: ProjectionIndex,
            event: RecordedEvent,
          ): TE.TaskEither<StoreError | IndexedEventsGone, void> =>
            cold(index).has(event.streamId) ? source.preload(index, [event.streamId]) : TE.right(undefined),
        }
      : {}),
    handle: (index, event) => {
      index.add(event);
      const c = cold(index);
      if (c.delete(event.streamId)) source?.forget(index, [event.streamId]);
      return index;
    },
  });
};
