import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { EntrySpill } from "@coop-ledger/projections";
import { readAt } from "./cache-file.js";

/**
 * From this many events a first build spills its provenance entries to a file (below, they are a few
 * MB and stay in memory): at national scale they are ~190 MB that the feed would otherwise hold.
 * @example SPILL_FROM_EVENTS // 200000
 */
export const SPILL_FROM_EVENTS = 200_000;

/**
 * An {@link EntrySpill} on a temporary file in `dir`, removed as soon as it is opened: the open
 * descriptor keeps it until `close` (or the process's end, however it ends), so no path leaves it
 * behind, a crash included. Where the file cannot be removed while open, it is removed at `close`.
 * Undefined when the file cannot be created (the entries then stay in memory).
 *
 * @example
 * import { tmpdir } from "node:os";
 * const spill = fileSpill(tmpdir());
 * const at = spill?.append(new Uint8Array([5, 6])) ?? 0;
 * const back = new Uint8Array(2);
 * spill?.read(at, back);
 * spill?.close();
 * console.log([...back]); // [5, 6]
 */
export const fileSpill = (dir: string): EntrySpill | undefined => {
  const path = join(dir, `.coop-ledger-spill-${process.pid}-${randomBytes(6).toString("hex")}`);
  let fd: number;
  try {
    fd = openSync(path, "wx+", 0o600);
  } catch {
    return undefined;
  }
  let removeAtClose = false;
  try {
    unlinkSync(path);
  } catch {
    removeAtClose = true;
  }
  let end = 0;
  let open = true;
  return {
    append: (bytes) => {
      const at = end;
      for (let done = 0; done < bytes.length; )
        done += writeSync(fd, bytes, done, bytes.length - done, at + done);
      end += bytes.length;
      return at;
    },
    read: (offset, into) => {
      const got = readAt(fd, offset, into.length, into).length;
      if (got < into.length) throw new Error(`provenance spill: ${into.length - got} bytes past its end`);
    },
    close: () => {
      if (!open) return;
      open = false;
      closeSync(fd);
      if (removeAtClose) rmSync(path, { force: true });
    },
  };
};

/**
 * The spill of a first build of the ledger at `ledgerPath` with `events` events: none below
 * {@link SPILL_FROM_EVENTS}, else a file beside the ledger (where its index is written), else in the
 * system's temporary directory, else none.
 * @example provenanceSpill("ledger.jsonl", 10) // undefined: a small ledger's entries stay in memory
 */
export const provenanceSpill = (ledgerPath: string, events: number): EntrySpill | undefined =>
  events < SPILL_FROM_EVENTS ? undefined : (fileSpill(dirname(ledgerPath)) ?? fileSpill(tmpdir()));
