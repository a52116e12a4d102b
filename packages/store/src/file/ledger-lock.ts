import { link, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import * as E from "fp-ts/lib/Either.js";
import type { StoreError } from "../port/store-error.js";

/**
 * The writer lock of a ledger: `<ledger>.lock`, created with O_EXCL, holding the writer's pid and host.
 * @example const lock = await acquireLedgerLock(path); if (E.isRight(lock)) await lock.right.release();
 */
export interface LedgerLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. */
  readonly release: () => Promise<void>;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readHolder = async (lockPath: string): Promise<Holder | undefined> => {
  try {
    const h = JSON.parse(await readFile(lockPath, "utf8")) as Partial<Holder>;
    return typeof h.pid === "number" && typeof h.host === "string"
      ? { pid: h.pid, host: h.host, since: String(h.since) }
      : undefined;
  } catch {
    return undefined;
  }
};

/** An unreadable lock file younger than this may be one being written right now: not stale yet. */
const UNREADABLE_GRACE_MS = 5000;

/**
 * Takes the single-writer lock of a ledger: creates `<ledger>.lock` exclusively (O_EXCL) with
 * `{ pid, host, since }`. A lock left by a process that no longer runs on this host (a crash, kill -9)
 * is stale and taken over; a lock held by a live process, or by another host (whose processes cannot be
 * checked from here), gives `LedgerLocked` naming the holder. PIDs can be reused: a lock whose pid was
 * reused by an unrelated process looks live; remove it by hand after checking.
 *
 * @example const lock = await acquireLedgerLock("/data/ledger.jsonl"); // Right({ path, release })
 */
export const acquireLedgerLock = async (ledgerPath: string): Promise<E.Either<StoreError, LedgerLock>> => {
  const lockPath = `${ledgerPath}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(lockPath, "wx", 0o644);
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } finally {
        await fh.close();
      }
      return E.right({
        path: lockPath,
        release: async () => {
          const h = await readHolder(lockPath);
          if (h !== undefined && h.pid === me.pid && h.host === me.host && h.since === me.since)
            await unlink(lockPath).catch(() => undefined);
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        return E.left({
          _tag: "StoreUnavailable",
          message: `cannot create the lock ${lockPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        });
    }
    const raw = await readFile(lockPath, "utf8").catch(() => undefined);
    const holder = await readHolder(lockPath);
    if (holder === undefined) {
      const age = await stat(lockPath).then(
        (s) => Date.now() - s.mtimeMs,
        () => Number.POSITIVE_INFINITY,
      );
      if (age < UNREADABLE_GRACE_MS)
        return E.left({
          _tag: "LedgerLocked",
          path: ledgerPath,
          message: `the ledger ${ledgerPath} is being opened by another writer (lock file ${lockPath} just created); try again`,
        });
    } else if (holder.host !== me.host || isAlive(holder.pid)) {
      const who = `pid ${holder.pid} on host ${holder.host}`;
      return E.left({
        _tag: "LedgerLocked",
        path: ledgerPath,
        holder: who,
        message: `the ledger ${ledgerPath} is open for writing by ${who} since ${holder.since}; only one writer at a time. If that process is gone (e.g. on another host), remove ${lockPath} by hand.`,
      });
    }
    // Stale: the holder is dead (or the lock unreadable and old). Move it aside atomically and check we
    // moved the stale lock, not a fresh one another process took over in between (then put it back).
    const aside = `${lockPath}.${process.pid}.${Date.now()}.stale`;
    try {
      await rename(lockPath, aside);
    } catch {
      continue;
    }
    const moved = await readFile(aside, "utf8").catch(() => undefined);
    if (moved !== raw) {
      await link(aside, lockPath).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
      continue;
    }
    await unlink(aside).catch(() => undefined);
  }
  return E.left({
    _tag: "LedgerLocked",
    path: ledgerPath,
    message: `could not take the lock ${lockPath} after removing a stale one (contention)`,
  });
};
