import { ProjectionIndex } from "@coop-ledger/projections";
import type { BinaryStateCodec } from "./file-checkpoint-store.js";
import type { IndexSerializer } from "./index-serializer.js";
import {
  type CatchUpProjection,
  type CatchUpProjectionOptions,
  runCatchUpProjection,
} from "./run-catch-up-projection.js";

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
  "initialState" | "handle" | "saveEvery"
> & {
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
 * @example
 * const run = runIndexProjection({ client, checkpointStore: fileCheckpointStore("idx.ckpt", indexStateCodec(eventsIndexSerializer)) });
 * await run.caughtUp; snapshot(run.state(), { validAt: "2024-12-31" });
 */
export const runIndexProjection = (options: IndexProjectionOptions): CatchUpProjection<ProjectionIndex> =>
  runCatchUpProjection<ProjectionIndex>({
    ...options,
    saveEvery: options.saveEvery ?? 50_000,
    initialState: new ProjectionIndex(),
    handle: (index, event) => {
      index.add(event);
      return index;
    },
  });
