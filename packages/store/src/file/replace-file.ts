import { randomBytes } from "node:crypto";
import { link, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Options of {@link replaceFile}. */
export interface ReplaceFileOptions {
  /**
   * Replace a file already at the path (the default). False: the file is put in place by a hard link,
   * which fails with `EEXIST` if the name exists, even if it appeared a moment ago (no check-then-write
   * race), and an existing file is never touched.
   */
  readonly overwrite?: boolean;
  /** The new file's mode when it is created (default 0o644, less the umask). */
  readonly mode?: number;
}

/** What {@link replaceFile} writes: text (UTF-8), bytes, or bytes in pieces (written in order). */
export type FileContent = string | Uint8Array | ReadonlyArray<Uint8Array>;

const writeAll = async (path: string, content: FileContent, mode: number): Promise<void> => {
  const fh = await open(path, "wx", mode);
  try {
    if (typeof content === "string" || content instanceof Uint8Array) await fh.writeFile(content);
    else for (const piece of content) await fh.writeFile(piece);
    await fh.sync();
  } finally {
    await fh.close();
  }
};

const syncDirectory = async (dir: string): Promise<void> => {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
};

/**
 * Writes a whole file all or nothing: the content goes to a temporary file beside it (unique to this
 * call), fsynced, then moved into place (a rename over the old file, or with `overwrite: false` a hard
 * link that refuses an existing name), then the directory is fsynced so the move survives a crash too.
 * A reader sees the old file or the new one, never half of one; a crash leaves one of them whole. On
 * failure the error of the step that failed is thrown (`EEXIST` when `overwrite` is false and the name
 * is taken, `EACCES`/`EROFS`/`ENOSPC`/…) and no temporary file is left. The ledger's creation, the CLI's
 * output files, its index and provenance caches, and the projection checkpoints are all written by it.
 *
 * @example
 * import { readFile } from "node:fs/promises";
 * await replaceFile("replaced.txt", "one");
 * await replaceFile("replaced.txt", "two");
 * console.log(await readFile("replaced.txt", "utf8")); // "two"
 * const kept = await replaceFile("replaced.txt", "three", { overwrite: false }).catch((e) => e.code);
 * console.log(kept); // "EEXIST" (the existing file is left as it was)
 */
export const replaceFile = async (
  path: string,
  content: FileContent,
  options: ReplaceFileOptions = {},
): Promise<void> => {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeAll(tmp, content, options.mode ?? 0o644);
    if (options.overwrite === false) {
      await link(tmp, path);
      await unlink(tmp);
    } else await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
};
