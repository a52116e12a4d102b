import { match } from "ts-pattern";
import { EXIT, type ExitCode } from "./exit-codes.js";

/**
 * Everything a command can fail with, as values. Each carries a one-line `message` (what went wrong,
 * naming the file, line or option) and a `hint` (what to do next); `cause` keeps the underlying error
 * for `--debug`.
 *
 * - `UsageError`: the command line is wrong;
 * - `FileError`: a file could not be read or written;
 * - `LedgerCorrupt`: the ledger fails verification or cannot be decoded (first bad line named);
 * - `QueryError`: the question is not answerable (unknown indicator, resolution, scope);
 * - `StoreUnavailable`: EventStoreDB unreachable or refusing;
 * - `Conflict`: the ledger is locked by another writer or a concurrent write won;
 * - `Internal`: a bug.
 *
 * @example
 * const e: CliError = { _tag: "UsageError", message: "--valid-at: not a date: 31/02/2022", hint: "use YYYY-MM-DD or DD/MM/YYYY" };
 */
export type CliError =
  | { readonly _tag: "UsageError"; readonly message: string; readonly hint: string }
  | {
      readonly _tag: "FileError";
      readonly path: string;
      readonly message: string;
      readonly hint: string;
      readonly cause?: unknown;
    }
  | {
      readonly _tag: "LedgerCorrupt";
      readonly path: string;
      readonly line?: number;
      readonly message: string;
      readonly hint: string;
    }
  | { readonly _tag: "QueryError"; readonly message: string; readonly hint: string }
  | { readonly _tag: "StoreUnavailable"; readonly message: string; readonly hint: string }
  | { readonly _tag: "Conflict"; readonly message: string; readonly hint: string }
  | { readonly _tag: "Internal"; readonly message: string; readonly hint: string; readonly cause?: unknown };

/**
 * The exit code of an error (see {@link EXIT}).
 * @example exitCodeOf({ _tag: "QueryError", message: "x", hint: "y" }) // 5
 */
export const exitCodeOf = (e: CliError): ExitCode =>
  match(e)
    .with({ _tag: "UsageError" }, () => EXIT.usage)
    .with({ _tag: "FileError" }, () => EXIT.io)
    .with({ _tag: "LedgerCorrupt" }, () => EXIT.corruptLedger)
    .with({ _tag: "QueryError" }, () => EXIT.query)
    .with({ _tag: "StoreUnavailable" }, () => EXIT.storeUnavailable)
    .with({ _tag: "Conflict" }, () => EXIT.conflict)
    .with({ _tag: "Internal" }, () => EXIT.internal)
    .exhaustive();

/**
 * The lines printed for an error on stderr: one `coop-ledger: error: …` line and one `hint: …` line;
 * with `debug`, the cause's stack follows (never otherwise: users get a sentence, not a trace).
 *
 * @example formatError({ _tag: "UsageError", message: "missing --ledger", hint: "see --help" }, false)
 * // "coop-ledger: error: missing --ledger\nhint: see --help\n"
 */
export const formatError = (e: CliError, debug: boolean): string => {
  const cause = "cause" in e ? e.cause : undefined;
  const trace =
    debug && cause !== undefined
      ? `\n${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`
      : "";
  return `coop-ledger: error: ${oneLine(e.message)}\nhint: ${oneLine(e.hint)}${trace}\n`;
};

/** Collapses whitespace so a message stays one line even when a cause's text had newlines. */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, " ").trim();

/**
 * Shorthands for building errors.
 * @example usage("--every must be month, quarter or year")
 */
export const usage = (
  message: string,
  hint = "run the command with --help to see its options",
): CliError => ({
  _tag: "UsageError",
  message,
  hint,
});

/**
 * A query error with a hint.
 * @example queryError("unknown indicator foo", "run `coop-ledger indicators` for the list")
 */
export const queryError = (message: string, hint: string): CliError => ({
  _tag: "QueryError",
  message,
  hint,
});

/**
 * An internal error from an unexpected exception.
 * @example internal(new Error("boom"))
 */
export const internal = (cause: unknown): CliError => ({
  _tag: "Internal",
  message: `unexpected failure: ${cause instanceof Error ? cause.message : String(cause)}`,
  hint: "this is a bug in coop-ledger; rerun with --debug and report the output",
  cause,
});

/**
 * A file error from a Node fs error, with a hint suited to its code.
 * @example fileError("/tmp/x.jsonl", Object.assign(new Error("no"), { code: "ENOENT" }))
 */
export const fileError = (path: string, cause: unknown): CliError => {
  const code = (cause as { code?: unknown } | undefined)?.code;
  const [what, hint] =
    code === "ENOENT"
      ? ["no such file", "check the path; `coop-ledger generate --out FILE` makes a sample ledger"]
      : code === "EACCES" || code === "EPERM"
        ? ["permission denied", "check the file's permissions"]
        : code === "EEXIST"
          ? ["file already exists", "choose another --out path or remove the file first"]
          : code === "EISDIR"
            ? ["is a directory", "give a file path"]
            : [cause instanceof Error ? cause.message : String(cause), "check the path and the disk"];
  return { _tag: "FileError", path, message: `${path}: ${what}`, hint, cause };
};
