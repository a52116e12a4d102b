import * as TE from "fp-ts/lib/TaskEither.js";
import type { Checkpoint, CheckpointStore } from "./checkpoint-store.js";

/** An in-memory checkpoint store, with the saved checkpoint readable for tests. */
export interface InMemoryCheckpointStore<S> extends CheckpointStore<S> {
  /** The last saved checkpoint. */
  readonly current: () => Checkpoint<S> | undefined;
  /** How many times `save` was called. */
  readonly saves: () => number;
}

/**
 * A checkpoint store in memory (tests, a read model rebuilt at each start). The state is kept by
 * reference: projections fold immutably, so a saved state is never changed afterwards.
 *
 * @example const cps = inMemoryCheckpointStore<number>(); cps.current() // undefined
 */
export const inMemoryCheckpointStore = <S>(initial?: Checkpoint<S>): InMemoryCheckpointStore<S> => {
  let saved = initial;
  let count = 0;
  return {
    load: () => TE.right(saved),
    save: (c) => {
      saved = c;
      count++;
      return TE.right(undefined);
    },
    current: () => saved,
    saves: () => count,
  };
};
