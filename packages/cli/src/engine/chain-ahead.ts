import { resolve } from "node:path";
import { type StartedChainCheck, startChainCheck } from "@coop-ledger/store/internal";

/** The check started ahead, and the file it was started for (an absolute path), until it is taken. */
let ahead: { readonly path: string; readonly check: StartedChainCheck } | undefined;

/**
 * Starts the hash-chain check of a ledger file now, on worker threads, for the next `loadLedger`
 * of the same file that verifies it: a program calls it first thing, then loads the rest of itself
 * (`await import(…)`), and the check runs meanwhile. The executable does so for the commands that
 * verify the ledger they load (issue #12: ~0.2 s of a cold verified `snapshot` at national). Changes no
 * verdict: `loadLedger` uses the check only if it covers the file it finds (the same file, size and
 * header), else checks anew. Nothing is started for a small ledger (checked on the calling thread
 * anyway); a check nobody takes does not keep the process alive.
 *
 * @example
 * checkChainAhead("national.jsonl");
 * const { loadLedger, makeContext, processIo } = await import("@coop-ledger/cli");
 * const r = await loadLedger(makeContext(processIo()), "national.jsonl"); // takes the check under way
 */
export const checkChainAhead = (path: string): void => {
  ahead?.check.stop();
  const check = startChainCheck(path, { offsets: true });
  ahead = check === undefined ? undefined : { path: resolve(path), check };
};

/**
 * The check started ahead for this file (once: the first load of it takes it), or undefined.
 * @example takeChainAhead("national.jsonl") // undefined: none was started
 */
export const takeChainAhead = (path: string): StartedChainCheck | undefined => {
  if (ahead === undefined || ahead.path !== resolve(path)) return undefined;
  const { check } = ahead;
  ahead = undefined;
  return check;
};
