import { constants } from "node:fs";
import { copyFile, open } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { StoreError } from "../port/store-error.js";
import { isRepairableTail, issueToStoreError, type LedgerIssue } from "./ledger-issue.js";
import { acquireLedgerLock } from "./ledger-lock.js";
import { verifyLedger } from "./verify-ledger.js";

/**
 * What {@link repairLedger} did.
 * @example if (outcome._tag === "Truncated") console.log(outcome.backupPath);
 */
export type RepairOutcome =
  | { readonly _tag: "NothingToRepair"; readonly events: number }
  | {
      readonly _tag: "Truncated";
      /** The torn line or incomplete append that was removed. */
      readonly issue: LedgerIssue;
      readonly truncatedAt: number;
      readonly removedBytes: number;
      /** A full copy of the file as it was before the repair. */
      readonly backupPath: string;
      readonly events: number;
    };

/**
 * The explicit repair of a crash artefact: when the only problem of a ledger is a torn final line or an
 * incomplete final append (a write that was never acknowledged), and `truncate: true` is passed, copies
 * the file to `backupPath` (default `<path>.<time>.bak`, never overwritten), truncates it at the start
 * of the artefact, fsyncs and verifies again. Takes the writer lock. Any other problem (a broken chain,
 * a bad line in the middle) is refused with `CorruptLedger`: that is damage to investigate, not to cut.
 * Without `truncate: true` it only reports.
 *
 * @example
 * const r = await repairLedger("/data/ledger.jsonl", { truncate: true })();
 * // Right({ _tag: "Truncated", truncatedAt: 10234, removedBytes: 87, backupPath: "…bak", events: 41 })
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
      const first = await verifyLedger(path, { decodeEvents: false })();
      if (E.isRight(first)) return E.right({ _tag: "NothingToRepair", events: first.right.events });
      const issue = first.left;
      if (!isRepairableTail(issue)) return E.left(issueToStoreError(path, issue));
      if (!options.truncate) {
        const err = issueToStoreError(path, issue);
        return E.left({
          ...err,
          message: `${err.message} (pass truncate: true to remove it; a backup is kept)`,
        });
      }
      const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, "-");
      const backupPath = options.backupPath ?? `${path}.${stamp}.bak`;
      const fh = await open(path, "r+");
      let size: number;
      try {
        size = (await fh.stat()).size;
        await copyFile(path, backupPath, constants.COPYFILE_EXCL);
        await fh.truncate(issue.byteOffset);
        await fh.datasync();
      } finally {
        await fh.close();
      }
      const after = await verifyLedger(path, { decodeEvents: false })();
      if (E.isLeft(after)) return E.left(issueToStoreError(path, after.left));
      return E.right({
        _tag: "Truncated",
        issue,
        truncatedAt: issue.byteOffset,
        removedBytes: size - issue.byteOffset,
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
