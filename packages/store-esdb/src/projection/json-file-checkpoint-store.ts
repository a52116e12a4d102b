import { readFile } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { positionFromJson, positionToJson } from "../mapping/position.js";
import { readCheckpointFile, unreadableCheckpoint, writeCheckpointFile } from "./checkpoint-file.js";
import type { Checkpoint, CheckpointError, CheckpointStore } from "./checkpoint-store.js";

/** How the state is written to and read from JSON (default: as is, for JSON-shaped states). */
export interface StateCodec<S> {
  readonly encode: (state: S) => unknown;
  readonly decode: (json: unknown) => E.Either<string, S>;
}

const FORMAT = "coop-ledger/esdb-checkpoint@1";

/**
 * A checkpoint store in one JSON file: `{ format, position: { commit, prepare } (decimal strings),
 * state }`. A save writes a temporary file beside it, fsyncs it and renames it over the old one, so a
 * crash leaves either the old or the new checkpoint, never a torn one. A missing file loads as
 * `undefined` (start from the beginning); a file that is not a checkpoint is an error, not a silent
 * restart.
 *
 * @example const cps = jsonFileCheckpointStore<{ count: number }>("./read-model/coops.checkpoint.json");
 */
export const jsonFileCheckpointStore = <S>(path: string, codec?: StateCodec<S>): CheckpointStore<S> => {
  const encode = codec?.encode ?? ((s: S) => s as unknown);
  const decode = codec?.decode ?? ((u: unknown) => E.right(u as S));
  const unreadable = unreadableCheckpoint(path);
  return {
    load: (): TE.TaskEither<CheckpointError, Checkpoint<S> | undefined> => async () => {
      const read = await readCheckpointFile(path, (p) => readFile(p, "utf8"));
      if (E.isLeft(read)) return read;
      if (read.right === undefined) return E.right(undefined);
      const text = read.right;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return E.left(unreadable("not JSON"));
      }
      const o = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
      if (o.format !== FORMAT) return E.left(unreadable(`not a ${FORMAT} file`));
      const position = positionFromJson(o.position);
      if (position === undefined) return E.left(unreadable("bad position"));
      const state = decode(o.state);
      if (E.isLeft(state)) return E.left(unreadable(`bad state: ${state.left}`));
      return E.right({ position, state: state.right });
    },
    save:
      (c): TE.TaskEither<CheckpointError, void> =>
      () =>
        writeCheckpointFile(path, () =>
          JSON.stringify({ format: FORMAT, position: positionToJson(c.position), state: encode(c.state) }),
        ),
  };
};
