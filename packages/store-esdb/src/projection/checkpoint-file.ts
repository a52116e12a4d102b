import { replaceFile } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CheckpointError } from "./checkpoint-store.js";

// What the two file checkpoint stores (JSON, binary) do alike: the error of a file that is not a
// checkpoint, a missing file read as "nothing saved yet", and the all-or-nothing write.

/**
 * The `CheckpointUnreadable` error of the checkpoint file at `path`, saying why.
 *
 * @example unreadableCheckpoint("cp.json")("not JSON").message // "checkpoint cp.json is unreadable: not JSON"
 */
export const unreadableCheckpoint =
  (path: string) =>
  (message: string): CheckpointError => ({
    _tag: "CheckpointUnreadable",
    where: path,
    message: `checkpoint ${path} is unreadable: ${message}`,
  });

/**
 * Reads a checkpoint file with `read`: undefined when there is none (nothing saved yet), a
 * `CheckpointUnreadable` error when it cannot be read.
 *
 * @example
 * import { readFile } from "node:fs/promises";
 * const r = await readCheckpointFile("none.checkpoint.json", (p) => readFile(p, "utf8"));
 * console.log(r); // { _tag: "Right", right: undefined }
 */
export const readCheckpointFile = async <T>(
  path: string,
  read: (path: string) => Promise<T>,
): Promise<E.Either<CheckpointError, T | undefined>> => {
  try {
    return E.right(await read(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return E.right(undefined);
    return E.left(unreadableCheckpoint(path)((err as Error).message));
  }
};

/**
 * Writes a checkpoint file all or nothing with the store's `replaceFile` (temporary file, fsync, rename,
 * directory fsync): `data()` is the encoding (one that throws is a failed save too). A crash leaves the
 * old or the new checkpoint, never a torn one; a failure is `CheckpointWriteFailed` and leaves no
 * temporary file.
 *
 * @example
 * const r = await writeCheckpointFile("written.checkpoint.json", () => JSON.stringify({ n: 1 }));
 * console.log(r._tag); // "Right"
 */
export const writeCheckpointFile = async (
  path: string,
  data: () => string | Uint8Array,
): Promise<E.Either<CheckpointError, void>> => {
  try {
    await replaceFile(path, data());
    return E.right(undefined);
  } catch (err) {
    return E.left({
      _tag: "CheckpointWriteFailed",
      where: path,
      message: `cannot save checkpoint ${path}: ${(err as Error).message}`,
    });
  }
};
