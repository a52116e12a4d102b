import { unlinkSync } from "node:fs";

// Apart from index-file.ts so that `runAction` (on every command's path, and on `--version`'s through
// program.ts) can catch a damaged index without loading the projections package (issue #12).

/**
 * An index file found damaged after it was opened (a block read for a query failed its checksum). The
 * command is run again without it (see `runAction`): the index is rebuilt, never trusted.
 *
 * @example new DamagedIndexFile("l.jsonl.idx", "block 3 does not match its checksum").path // "l.jsonl.idx"
 */
export class DamagedIndexFile extends Error {
  readonly _tag = "DamagedIndexFile" as const;
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "DamagedIndexFile";
  }
}

/** Index files found damaged in this process: not opened again until this process writes them anew. */
const distrusted = new Set<string>();

/**
 * Marks an index file as damaged for the rest of the process (and removes it when it can): the next
 * `readIndexFile` of it is a Left, so the command rebuilds it from the ledger.
 * @example distrustIndexFile("ledger.jsonl.idx")
 */
export const distrustIndexFile = (path: string): void => {
  distrusted.add(path);
  try {
    unlinkSync(path);
  } catch {
    // already gone, or in a directory we cannot write: it is ignored all the same
  }
};

/**
 * Whether this process found the index file damaged (and has not written it anew since).
 * @example isDistrusted("never-opened.jsonl.idx") // false
 */
export const isDistrusted = (path: string): boolean => distrusted.has(path);

/**
 * Trusts an index file again: this process has just written it anew.
 * @example trustIndexFile("ledger.jsonl.idx")
 */
export const trustIndexFile = (path: string): void => {
  distrusted.delete(path);
};
