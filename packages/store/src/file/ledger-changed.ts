import { type open, stat } from "node:fs/promises";
import type { StoreError } from "../port/store-error.js";
import type { LedgerIndex } from "./ledger-index.js";
import { errnoCode, unavailable } from "./ledger-io-error.js";

/**
 * Whether the file was changed by someone else: the opened file's size must be what this writer wrote,
 * and the path must still name the opened file. Two stat calls per append (next to its fdatasync).
 * `LedgerChanged` (truncated, grown, replaced, removed) when it was, undefined when it was not.
 * @example
 * import { open } from "node:fs/promises";
 * const handle = await open("changed.txt", "w+");
 * const index = { offsets: [] as number[], streams: new Map(), lastHash: "", bytes: 0 };
 * console.log(await changedUnderneath("changed.txt", handle, index)); // undefined
 * await handle.write("someone else's line\n");
 * console.log((await changedUnderneath("changed.txt", handle, index))?._tag); // "LedgerChanged"
 * await handle.close();
 */
export const changedUnderneath = async (
  path: string,
  handle: Awaited<ReturnType<typeof open>>,
  index: LedgerIndex,
): Promise<StoreError | undefined> => {
  const changed = (
    change: "truncated" | "grown" | "replaced" | "removed",
    found: number,
    what: string,
  ): StoreError => ({
    _tag: "LedgerChanged",
    path,
    change,
    expectedBytes: index.bytes,
    foundBytes: found,
    message: `${path}: ${what} while this writer had it open (it wrote ${index.bytes} bytes); refusing every further write: appending at the old offset would leave a hole or overwrite lines. Find out what changed it, then reopen and verify the ledger`,
  });
  try {
    const mine = await handle.stat();
    if (mine.size < index.bytes)
      return changed("truncated", mine.size, `the file was truncated to ${mine.size} bytes`);
    if (mine.size > index.bytes)
      return changed("grown", mine.size, `the file grew to ${mine.size} bytes (another program wrote to it)`);
    const now = await stat(path).catch(() => undefined);
    if (now === undefined) return changed("removed", -1, "the file was removed or renamed");
    if (now.dev !== mine.dev || now.ino !== mine.ino)
      return changed("replaced", now.size, "the file was replaced by another file");
    return undefined;
  } catch (e) {
    return unavailable(`${path}: cannot check the file: ${errnoCode(e)}`);
  }
};
