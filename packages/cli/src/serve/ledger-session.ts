import { statSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { type LoadedLedger, loadLedger } from "../engine/load-ledger.js";
import type { CliError } from "../errors/cli-error.js";

/** How a session opens its ledger: the CLI's own switches. */
export interface SessionOptions {
  readonly verify: boolean;
  readonly reindex: boolean;
}

/**
 * A ledger kept open for a long-running reader (`coop-ledger serve`): the projection index stays in
 * memory, and every answer first checks whether the file changed (size, modification time, inode).
 * A changed file is reopened through the CLI's own load path (`loadLedger`: chain check unless
 * `--no-verify`, the persisted index extended from where it stops, a rewritten history refused), so the
 * web view never shows a figure of a state the CLI would not show for the same file.
 *
 * @example
 * import { utimesSync } from "node:fs";
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("session.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const s = await openLedgerSession(ctx, "session.jsonl", { verify: true, reindex: false });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * // Touched (or appended to): the next answer reopens it first.
 * utimesSync("session.jsonl", new Date(), new Date());
 * const now = await s.right.current();
 * console.log(E.isRight(now) && now.right.events, s.right.opens()); // 525 2
 */
export interface LedgerSession {
  readonly path: string;
  /** The ledger as it is now: the open one, or the file reopened when it changed; Left when it no longer loads. */
  readonly current: () => Promise<E.Either<CliError, LoadedLedger>>;
  /** How many times the ledger was (re)opened, the first open included (for tests and the status line). */
  readonly opens: () => number;
}

/** What identifies the file's state cheaply: a changed ledger changes at least one of these. */
const stampOf = (path: string): string => {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    return `missing:${(e as NodeJS.ErrnoException).code ?? ""}`;
  }
};

/**
 * Opens a ledger for a session (see {@link LedgerSession}); Left with the CLI's error when the first
 * open fails (the server then does not start).
 *
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("open.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const s = await openLedgerSession(ctx, "open.jsonl", { verify: true, reindex: false });
 * if (E.isLeft(s)) throw new Error(s.left.message);
 * console.log(s.right.path, s.right.opens()); // "open.jsonl" 1
 * const missing = await openLedgerSession(ctx, "no-such.jsonl", { verify: true, reindex: false });
 * console.log(E.isLeft(missing) && missing.left._tag); // "FileError": the server does not start
 */
export const openLedgerSession = async (
  ctx: CliContext,
  path: string,
  options: SessionOptions,
): Promise<E.Either<CliError, LedgerSession>> => {
  let stamp = stampOf(path);
  const first = await loadLedger(ctx, path, options);
  if (E.isLeft(first)) return first;
  let loaded: E.Either<CliError, LoadedLedger> = first;
  let opens = 1;
  // One reopen at a time: requests that arrive while the file is being reopened wait for the same one.
  let reopening: Promise<E.Either<CliError, LoadedLedger>> | undefined;
  const current = async (): Promise<E.Either<CliError, LoadedLedger>> => {
    if (reopening !== undefined) return reopening;
    const now = stampOf(path);
    if (now === stamp) return loaded;
    reopening = loadLedger(ctx, path, { verify: options.verify }).then((r) => {
      stamp = now;
      loaded = r;
      opens++;
      reopening = undefined;
      return r;
    });
    return reopening;
  };
  return E.right({ path, current, opens: () => opens });
};
