import type { LedgerIssue } from "@coop-ledger/store";
import { match } from "ts-pattern";
import type { CliError } from "../errors/cli-error.js";

/** A path as one shell word: as is when it is plain, else single-quoted (so the hint can be pasted). */
const shellWord = (p: string): string => (/^[\w./@%+=:,-]+$/.test(p) ? p : `'${p.replaceAll("'", "'\\''")}'`);

/**
 * A ledger file's issue as a CLI error: an unreadable file is a file error (exit 3), everything else
 * (bad header, torn tail, broken chain, undecodable event…) is a corrupt ledger (exit 4) whose message
 * names the first bad line and whose hint says what an auditor can do about it.
 *
 * @example
 * const e = fromLedgerIssue("x.jsonl", {
 *   _tag: "HashMismatch",
 *   line: 57,
 *   byteOffset: 18_040,
 *   stored: "9f2c",
 *   computed: "41d0",
 *   message: "line 57: the hash chain breaks here",
 * });
 * console.log(e._tag); // "LedgerCorrupt"
 */
export const fromLedgerIssue = (path: string, issue: LedgerIssue): CliError => {
  const corrupt = (hint: string): CliError => ({
    _tag: "LedgerCorrupt",
    path,
    line: issue.line,
    message: issue.message.startsWith(path) ? issue.message : `${path}: ${issue.message}`,
    hint,
  });
  return match(issue)
    .with(
      { _tag: "FileUnreadable" },
      (i): CliError => ({
        _tag: "FileError",
        path,
        message: i.message,
        hint: "check the path; `coop-ledger generate --out FILE` makes a sample ledger",
      }),
    )
    .with({ _tag: "BadHeader" }, () => corrupt("this is not a coop-ledger file (line 1 must be its header)"))
    .with({ _tag: "UnsupportedFormatVersion" }, () =>
      corrupt("written by a newer coop-ledger: upgrade to read it"),
    )
    .with({ _tag: "TornLine" }, { _tag: "IncompleteAppend" }, () =>
      corrupt(
        `a crash interrupted an append that was never acknowledged; \`coop-ledger repair --ledger ${shellWord(path)}\` shows what would be cut; add --apply to cut it (keeping a backup)`,
      ),
    )
    .with({ _tag: "LineTooLong" }, () =>
      corrupt("a line over the format's limit: the file was not written by coop-ledger"),
    )
    .with({ _tag: "MalformedLine" }, () =>
      corrupt("the line is not a ledger event line: the file was edited or damaged"),
    )
    .with({ _tag: "HashMismatch" }, () =>
      corrupt(
        "the hash chain breaks here: this line, or one before it, was changed, removed, inserted or reordered; compare with a trusted copy",
      ),
    )
    .with({ _tag: "OutOfSequence" }, () =>
      corrupt("positions or revisions are out of order: lines were moved or removed"),
    )
    .with({ _tag: "NotCanonical" }, () =>
      corrupt(
        "the line is not in the canonical form the format defines: it was edited (and possibly rehashed) by something other than coop-ledger",
      ),
    )
    .with({ _tag: "DuplicateEventId" }, () =>
      corrupt(
        "an event id appears twice: a line was copied, or a writer reused an id; compare with a trusted copy",
      ),
    )
    .with({ _tag: "UndecodableEvent" }, () =>
      corrupt(
        "an event this version cannot read (unknown type, newer schema, or invalid data): upgrade coop-ledger or investigate the line",
      ),
    )
    .with({ _tag: "MissingLines" }, { _tag: "AnchorMismatch" }, () =>
      corrupt(
        "the file differs from the recorded anchor (event count and last hash): lines were removed or changed",
      ),
    )
    .exhaustive();
};
