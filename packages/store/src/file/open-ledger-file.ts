import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { ChainWorkerFailed } from "./chain-pool.js";

/**
 * Thrown by {@link openLedgerFile} for a path that is not a regular file (caught by its callers).
 * @example
 * new NotRegularFile("ledgers", "directory").code // "EISDIR"
 */
export class NotRegularFile extends Error {
  readonly code: "EISDIR" | "ENOTREG";
  constructor(path: string, kind: "directory" | "other") {
    super(
      kind === "directory"
        ? `${path}: is a directory, not a ledger file`
        : `${path}: not a regular file (a FIFO, device or socket), not a ledger file`,
    );
    this.code = kind === "directory" ? "EISDIR" : "ENOTREG";
  }
}

/**
 * Opens a ledger file for reading, refusing anything but a regular file: a directory (which would fail
 * with EISDIR only at the first read) and a FIFO, device or socket (opening a FIFO with no writer blocks
 * forever). Opened non-blocking, so a FIFO does not block the open itself; the type is checked on the
 * open handle (no race with a rename in between), and the handle closed when refused.
 *
 * @example
 * import { mkdir } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * const created = await openFileLedger("open-file.jsonl")();
 * if (created._tag === "Right") await created.right.close();
 * const fh = await openLedgerFile("open-file.jsonl");
 * console.log((await fh.stat()).isFile()); // true
 * await fh.close();
 * await mkdir("not-a-ledger", { recursive: true });
 * console.log(await openLedgerFile("not-a-ledger").catch((e) => e.message)); // "not-a-ledger: is a directory, not a ledger file"
 */
export const openLedgerFile = async (path: string): Promise<FileHandle> => {
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new NotRegularFile(path, st.isDirectory() ? "directory" : "other");
    return fh;
  } catch (e) {
    await fh.close();
    throw e;
  }
};

/**
 * The message of a failed open or read of a ledger file: the sentence of {@link NotRegularFile} or of a
 * dead chain-check worker ({@link ChainWorkerFailed}), else
 * "cannot read" and the system's code.
 *
 * @example unreadableMessage("l.jsonl", Object.assign(new Error(), { code: "ENOENT" })) // "l.jsonl: cannot read: ENOENT"
 */
export const unreadableMessage = (path: string, e: unknown): string =>
  e instanceof NotRegularFile
    ? e.message
    : e instanceof ChainWorkerFailed
      ? `${path}: ${e.message}`
      : `${path}: cannot read: ${(e as NodeJS.ErrnoException)?.code ?? String(e)}`;
