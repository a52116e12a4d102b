/**
 * The exit codes of `coop-ledger`, one per family of failure, so scripts can tell a tampered ledger
 * from a typo. Documented in docs/cli.md; never renumber (scripts depend on them).
 *
 * @example process.exitCode = EXIT.corruptLedger
 */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** A bug in coop-ledger (an unexpected exception); rerun with `--debug` for the stack trace. */
  internal: 1,
  /** Bad command line: unknown command or option, missing or malformed value. */
  usage: 2,
  /** A file could not be read or written (missing ledger, output exists, permission). */
  io: 3,
  /** The ledger failed its checks: broken hash chain, torn line, undecodable event. */
  corruptLedger: 4,
  /** The question cannot be answered as asked (unknown indicator or resolution, scope not available). */
  query: 5,
  /** The EventStoreDB server could not be reached or refused the request. */
  storeUnavailable: 6,
  /** Another process holds the ledger's write lock, or a concurrent write conflicted. */
  conflict: 7,
  /** `verify`: the ledger is intact (chain, format) and decodes, but events break domain rules. */
  invalidEvents: 8,
} as const;

/** One of the documented exit codes. @example const c: ExitCode = EXIT.usage; */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
