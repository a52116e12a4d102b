import { stat } from "node:fs/promises";
import { replaceFile } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { type CliError, fileError } from "../errors/cli-error.js";

/** Options of {@link writeOutputFile}. */
export interface OutputFileOptions {
  /** Replace an existing file (`--force`); never an input of the same command. */
  readonly force?: boolean;
  /** The files the command reads: the output may not be any of them (same device and inode). */
  readonly inputs?: ReadonlyArray<string>;
}

const identityOf = async (path: string): Promise<{ dev: number; ino: number } | undefined> => {
  try {
    const s = await stat(path);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return undefined;
  }
};

/**
 * Why an output path may not be written (it exists and `force` is off, or it is an input of the
 * command), or `undefined`. Commands call it before their work too, to fail before computing anything.
 *
 * @example await outputRefusal("ledger.jsonl", { force: true, inputs: ["ledger.jsonl"] }) // FileError
 */
export const outputRefusal = async (
  path: string,
  options: OutputFileOptions = {},
): Promise<CliError | undefined> => {
  const target = await identityOf(path);
  if (target !== undefined) {
    for (const input of options.inputs ?? []) {
      const i = await identityOf(input);
      if (i !== undefined && i.dev === target.dev && i.ino === target.ino)
        return {
          _tag: "FileError",
          path,
          message: `${path}: is the input ${input} of this command (same file); refusing to overwrite it`,
          hint: "choose another output path (--force never replaces an input)",
        };
    }
    if (options.force !== true)
      return {
        _tag: "FileError",
        path,
        message: `${path}: file already exists`,
        hint: "choose another output path, or pass --force to replace it",
      };
  }
  return undefined;
};

/**
 * Writes a command's output file safely with the store's `replaceFile`: to a temporary file beside it
 * (flushed to disk), then moved into place, so a reader never sees half a file and a crash leaves the old file whole. An existing
 * file is replaced only with `force`, and never when it is one of the command's own inputs (same device
 * and inode: the same file reached by another name, a hard link or a symlink counts) — `report --out
 * LEDGER` cannot overwrite the ledger, even with `--force`. Without `force` the move is a hard link,
 * which fails if the name appeared in the meantime (no check-then-write race).
 *
 * @example
 * const written = await writeOutputFile("report.html", "<!doctype html><title>r</title>", { force: true });
 * console.log(E.isRight(written)); // true
 * // Without --force an existing file is refused (a file error, exit 3).
 * const again = await writeOutputFile("report.html", "<!doctype html>");
 * console.log(E.isLeft(again) && again.left._tag); // "FileError"
 */
export const writeOutputFile = async (
  path: string,
  content: string,
  options: OutputFileOptions = {},
): Promise<E.Either<CliError, void>> => {
  const refused = await outputRefusal(path, options);
  if (refused !== undefined) return E.left(refused);
  try {
    // Without --force the file is put in place by a hard link, which fails if the name appeared in
    // the meantime (no check-then-write race).
    await replaceFile(path, content, { overwrite: options.force === true });
    return E.right(undefined);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === "EEXIST")
      return E.left({
        _tag: "FileError",
        path,
        message: `${path}: file already exists`,
        hint: "choose another output path, or pass --force to replace it",
      });
    return E.left(fileError(path, e));
  }
};
