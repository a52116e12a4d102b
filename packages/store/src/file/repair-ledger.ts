import { constants } from "node:fs";
import { copyFile, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { StoreError } from "../port/store-error.js";
import { isRepairableTail, issueToStoreError, type LedgerIssue } from "./ledger-issue.js";
import { acquireLedgerLock } from "./ledger-lock.js";
import { verifyLedger } from "./verify-ledger.js";

/**
 * What a crash left at the end of a ledger, as {@link repairLedger} classifies it:
 * - `TornLine`: a final line without its newline (a write cut short);
 * - `IncompleteAppend`: complete lines of an append whose last line is missing (never acknowledged);
 * - `NulTail`: a block of NUL bytes (possibly after a torn line, possibly with newlines in it), which a
 *   file system can leave after a crash when the file's size was updated but its data never written;
 *   anything of an unfinished append before it is cut as well.
 * @example const k: CrashTail = "NulTail";
 */
export type CrashTail = "TornLine" | "IncompleteAppend" | "NulTail";

/**
 * What {@link repairLedger} found or did.
 * @example
 * import { appendFile } from "node:fs/promises";
 * import { openFileLedger, repairLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("torn.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * await ledger.close();
 * await appendFile("torn.jsonl", '{"hash":"0a1b'); // a crash in the middle of a write
 * const outcome = await repairLedger("torn.jsonl", { truncate: false })(); // a dry run changes nothing
 * if (outcome._tag === "Right" && outcome.right._tag === "WouldTruncate")
 *   console.log(`${outcome.right.tail}: would cut ${outcome.right.removedBytes} bytes`); // "TornLine: would cut 13 bytes"
 */
export type RepairOutcome =
  | { readonly _tag: "NothingToRepair"; readonly events: number }
  | {
      /** Dry run: what `truncate: true` would cut. Nothing was changed. */
      readonly _tag: "WouldTruncate";
      readonly tail: CrashTail;
      /** The first finding (the torn line, the unfinished append, or the NUL block). */
      readonly issue: LedgerIssue;
      readonly truncateAt: number;
      readonly removedBytes: number;
      /** Events left after the cut (all verified). */
      readonly events: number;
    }
  | {
      readonly _tag: "Truncated";
      readonly tail: CrashTail;
      /** The torn line, incomplete append or NUL block that was removed. */
      readonly issue: LedgerIssue;
      readonly truncatedAt: number;
      readonly removedBytes: number;
      /** A full copy of the file as it was before the repair. */
      readonly backupPath: string;
      readonly events: number;
    };

const CHUNK = 1 << 16;

/**
 * `true` when the bytes from `from` to the end are crash garbage: an optional torn start (bytes with no
 * newline, up to the first NUL), then only NUL bytes and newlines, with at least one NUL.
 */
const isNulTail = async (path: string, from: number): Promise<boolean> => {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = from;
    let seenNul = false;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      if (bytesRead === 0) return seenNul;
      for (let i = 0; i < bytesRead; i++) {
        const b = buf[i]!;
        if (b === 0) seenNul = true;
        else if (b === 0x0a) {
          if (!seenNul) return false; // a complete line before any NUL: not a torn start
        } else if (seenNul) return false; // data after the NUL block: not a tail
      }
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
};

/** Verifies the first `bytes` bytes of `path` as a ledger of their own (a temporary copy). */
const verifyPrefix = async (path: string, bytes: number) => {
  const dir = await mkdtemp(join(tmpdir(), "coop-ledger-repair-"));
  const copy = join(dir, "prefix.jsonl");
  try {
    const src = await open(path, "r");
    const dst = await open(copy, "wx");
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      let pos = 0;
      while (pos < bytes) {
        const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, bytes - pos), pos);
        if (bytesRead === 0) break;
        await dst.write(buf, 0, bytesRead);
        pos += bytesRead;
      }
    } finally {
      await src.close();
      await dst.close();
    }
    return await verifyLedger(copy, { decodeEvents: false })();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

type Plan =
  | { readonly _tag: "Clean"; readonly events: number }
  | {
      readonly _tag: "Cut";
      readonly tail: CrashTail;
      readonly issue: LedgerIssue;
      readonly at: number;
      readonly events: number;
    };

/** What would be cut, without changing anything; Left: damage that is not a crash tail. */
const plan = async (path: string): Promise<E.Either<LedgerIssue, Plan>> => {
  const first = await verifyLedger(path, { decodeEvents: false })();
  if (E.isRight(first)) return E.right({ _tag: "Clean", events: first.right.events });
  const issue = first.left;
  const nul =
    issue._tag !== "FileUnreadable" && issue.byteOffset > 0 && (await isNulTail(path, issue.byteOffset));
  if (!nul && !isRepairableTail(issue)) return E.left(issue);
  const prefix = await verifyPrefix(path, issue.byteOffset);
  const tail: CrashTail = nul ? "NulTail" : (issue._tag as "TornLine" | "IncompleteAppend");
  if (E.isRight(prefix))
    return E.right({ _tag: "Cut", tail, issue, at: issue.byteOffset, events: prefix.right.events });
  // Before a NUL block, the unfinished append it interrupted is cut too (never acknowledged).
  if (nul && prefix.left._tag === "IncompleteAppend") {
    const again = await verifyPrefix(path, prefix.left.byteOffset);
    if (E.isRight(again))
      return E.right({ _tag: "Cut", tail, issue, at: prefix.left.byteOffset, events: again.right.events });
  }
  return E.left(prefix.left);
};

/**
 * The explicit repair of a crash artefact at the end of a ledger (see {@link CrashTail}): a torn final
 * line, an incomplete final append (never acknowledged), or a NUL-filled tail. With `truncate: false`
 * (a dry run) it only says what would be cut (`WouldTruncate`); with `truncate: true` it copies the
 * file to `backupPath` (default `<path>.<time>.bak`, never overwritten), truncates it at the start of
 * the artefact, fsyncs and verifies again. The cut is planned on a copy first: the prefix kept must
 * verify on its own, so a valid prefix is never touched. Takes the writer lock (`LedgerLocked` while
 * a writer runs). Any other problem (a broken chain, a bad line in the middle, data after a NUL block)
 * is refused with `CorruptLedger`: that is damage to investigate, not to cut.
 *
 * @example
 * const r = await repairLedger("/data/ledger.jsonl", { truncate: true })();
 * // Right({ _tag: "Truncated", tail: "TornLine", truncatedAt: 10234, removedBytes: 87, backupPath: "…bak", events: 41 })
 */
export const repairLedger =
  (
    path: string,
    options: { readonly truncate: boolean; readonly backupPath?: string; readonly now?: () => Date },
  ): TE.TaskEither<StoreError, RepairOutcome> =>
  async () => {
    const lock = await acquireLedgerLock(path);
    if (E.isLeft(lock)) return lock;
    try {
      const p = await plan(path);
      if (E.isLeft(p)) return E.left(issueToStoreError(path, p.left));
      if (p.right._tag === "Clean") return E.right({ _tag: "NothingToRepair", events: p.right.events });
      const { tail, issue, at, events } = p.right;
      const fh = await open(path, "r+");
      let size: number;
      let backupPath: string | undefined;
      try {
        size = (await fh.stat()).size;
        if (!options.truncate)
          return E.right({
            _tag: "WouldTruncate",
            tail,
            issue,
            truncateAt: at,
            removedBytes: size - at,
            events,
          });
        const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, "-");
        backupPath = options.backupPath ?? `${path}.${stamp}.bak`;
        await copyFile(path, backupPath, constants.COPYFILE_EXCL);
        await fh.truncate(at);
        await fh.datasync();
      } finally {
        await fh.close();
      }
      const after = await verifyLedger(path, { decodeEvents: false })();
      if (E.isLeft(after)) return E.left(issueToStoreError(path, after.left));
      return E.right({
        _tag: "Truncated",
        tail,
        issue,
        truncatedAt: at,
        removedBytes: size - at,
        backupPath,
        events: after.right.events,
      });
    } catch (e) {
      return E.left({
        _tag: "StoreUnavailable",
        message: `${path}: repair failed: ${(e as NodeJS.ErrnoException)?.code ?? String(e)}`,
      });
    } finally {
      await lock.right.release();
    }
  };
