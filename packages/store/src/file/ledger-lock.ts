import { chmod, link, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import type { StoreError } from "../port/store-error.js";

/**
 * A file's identity: device and inode numbers. Two paths (a hard link, a symlink) reach the same file
 * exactly when they have the same identity.
 * @example const id: FileIdentity = { dev: 2049, ino: 1234567 };
 */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/**
 * The writer lock of a ledger: `<ledger>.lock` (by path, created with O_EXCL, holding the writer's pid
 * and host) and, once the file exists, an identity lock `<dev>-<ino>.lock` in {@link ledgerLockDir}, so
 * the same file reached through a hard link or a symlink cannot get a second writer.
 * @example
 * import { acquireLedgerLock } from "@coop-ledger/store";
 * const lock = await acquireLedgerLock("locked.jsonl"); // creates locked.jsonl.lock
 * if (lock._tag === "Left") throw new Error(lock.left.message);
 * const second = await acquireLedgerLock("locked.jsonl");
 * console.log(second._tag === "Left" ? second.left._tag : "taken twice"); // "LedgerLocked"
 * await lock.right.release();
 * console.log((await acquireLedgerLock("locked.jsonl"))._tag); // "Right" (released, so free again)
 */
export interface LedgerLock {
  readonly path: string;
  /** The identity whose lock is held (undefined while the ledger file does not exist yet). */
  readonly identity: () => FileIdentity | undefined;
  /**
   * Makes sure the identity lock held is the given file's (the identity of the opened handle, so a path
   * swapped between locking and opening is caught): takes it, or `LedgerLocked` if another writer has it.
   */
  readonly lockIdentity: (id: FileIdentity) => Promise<E.Either<StoreError, void>>;
  /** Removes the lock files if they are still ours. */
  readonly release: () => Promise<void>;
}

/**
 * Where identity locks live: `$COOP_LEDGER_LOCK_DIR`, else `/tmp/coop-ledger-locks` (a fixed path, not
 * `$TMPDIR`, so every process of the host finds the same locks; created world-writable and sticky, like
 * /tmp, so several users' writers see each other), else on Windows `<os tmpdir>/coop-ledger-locks`.
 * @example ledgerLockDir() // "/tmp/coop-ledger-locks"
 */
export const ledgerLockDir = (): string =>
  process.env.COOP_LEDGER_LOCK_DIR ??
  (process.platform === "win32" ? join(tmpdir(), "coop-ledger-locks") : "/tmp/coop-ledger-locks");

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  /** The path the holder opened the ledger by (another one than ours for a hard link or symlink). */
  readonly ledger?: string;
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
      ? {
          pid: h.pid,
          host: h.host,
          since: String(h.since),
          ...(typeof h.ledger === "string" ? { ledger: h.ledger } : {}),
        }
      : undefined;
  } catch {
    return undefined;
  }
};

/** An unreadable lock file younger than this may be one being written right now: not stale yet. */
const UNREADABLE_GRACE_MS = 5000;

/**
 * Takes the single-writer lock of a ledger: creates `<ledger>.lock` exclusively (O_EXCL) with
 * `{ pid, host, since, ledger }`; when the file exists, also its identity lock (see {@link LedgerLock}). A lock left by a process that no longer runs on this host (a crash, kill -9)
 * is stale and taken over; a lock held by a live process, or by another host (whose processes cannot be
 * checked from here), gives `LedgerLocked` naming the holder. PIDs can be reused: a lock whose pid was
 * reused by an unrelated process looks live; remove it by hand after checking.
 *
 * @example const lock = await acquireLedgerLock("/data/ledger.jsonl"); // Right({ path, release })
 */
export const acquireLedgerLock = async (ledgerPath: string): Promise<E.Either<StoreError, LedgerLock>> => {
  const byPath = await takeLockFile(`${ledgerPath}.lock`, ledgerPath);
  if (E.isLeft(byPath)) return byPath;
  let held: { id: FileIdentity; release: () => Promise<void> } | undefined;
  const lockIdentity = async (id: FileIdentity): Promise<E.Either<StoreError, void>> => {
    if (held !== undefined && held.id.dev === id.dev && held.id.ino === id.ino) return E.right(undefined);
    await held?.release();
    held = undefined;
    const dir = ledgerLockDir();
    try {
      await mkdir(dir, { recursive: true });
      // Shared by every user's writers, like /tmp itself; best effort (it may belong to another user).
      await chmod(dir, 0o1777).catch(() => undefined);
    } catch (e) {
      return E.left({
        _tag: "StoreUnavailable",
        message: `cannot create the lock directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      });
    }
    const r = await takeLockFile(join(dir, `${id.dev}-${id.ino}.lock`), ledgerPath);
    if (E.isLeft(r)) return r;
    held = { id, release: r.right };
    return E.right(undefined);
  };
  const existing = await stat(ledgerPath).catch(() => undefined);
  if (existing !== undefined) {
    const r = await lockIdentity({ dev: existing.dev, ino: existing.ino });
    if (E.isLeft(r)) {
      await byPath.right();
      return r;
    }
  }
  return E.right({
    path: `${ledgerPath}.lock`,
    identity: () => held?.id,
    lockIdentity,
    release: async () => {
      await held?.release();
      held = undefined;
      await byPath.right();
    },
  });
};

/**
 * Creates one lock file exclusively, taking over a stale one (its holder dead on this host). Right: its
 * release. The holder records the ledger path it was taken for, to name it in `LedgerLocked`.
 */
const takeLockFile = async (
  lockPath: string,
  ledgerPath: string,
): Promise<E.Either<StoreError, () => Promise<void>>> => {
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    ledger: ledgerPath,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(lockPath, "wx", 0o644);
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } finally {
        await fh.close();
      }
      return E.right(async () => {
        const h = await readHolder(lockPath);
        if (h !== undefined && h.pid === me.pid && h.host === me.host && h.since === me.since)
          await unlink(lockPath).catch(() => undefined);
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
      const via =
        holder.ledger !== undefined && holder.ledger !== ledgerPath
          ? ` (as ${holder.ledger}: the same file through another path, a hard link or symlink)`
          : "";
      return E.left({
        _tag: "LedgerLocked",
        path: ledgerPath,
        holder: who,
        message: `the ledger ${ledgerPath} is open for writing by ${who}${via} since ${holder.since}; only one writer at a time. If that process is gone (e.g. on another host), remove ${lockPath} by hand.`,
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
