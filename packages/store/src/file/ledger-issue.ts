import type { EventDecodeError } from "@coop-ledger/domain";
import { match } from "ts-pattern";
import type { StoreError } from "../port/store-error.js";

/** Where in a ledger file: the 1-based line and the byte offset of its first byte. */
interface At {
  readonly line: number;
  readonly byteOffset: number;
  readonly message: string;
}

/**
 * Everything wrong a ledger file can show, as values (what `verifyLedger`, `readLedger` and
 * `openFileLedger` report). Each names the first bad line and its byte offset:
 * - `FileUnreadable`: the file cannot be opened or read (line 0);
 * - `BadHeader`: line 1 is not a coop-ledger header (empty file, wrong format, bad hash);
 * - `UnsupportedFormatVersion`: a header written by a newer coop-ledger;
 * - `TornLine`: a final line without its newline (a crash during an append that was never acknowledged;
 *   `repairLedger` can truncate it when asked);
 * - `IncompleteAppend`: complete lines of an append whose last line is missing (same cause, same repair);
 * - `LineTooLong`: a line over the byte limit;
 * - `MalformedLine`: not a ledger line (bad frame, bad JSON, missing or ill-typed members);
 * - `HashMismatch`: the chain breaks here (this line or one before it was changed, removed, inserted or
 *   reordered);
 * - `OutOfSequence`: position, revision or append grouping not the next expected;
 * - `NotCanonical`: the content is not the canonical JSON the format defines (invalid UTF-8, nesting
 *   over the limit, whitespace, key order, number form, unknown or missing members…), even if rehashed;
 * - `DuplicateEventId`: an event id already used by an earlier line (`firstLine`);
 * - `UndecodableEvent`: an unknown event type, a newer schema version, or data the codec rejects;
 * - `MissingLines` / `AnchorMismatch`: the file ends before, or differs at, a known anchor (an event count
 *   and last hash recorded elsewhere): the only way to detect lines removed from the end.
 *
 * @example match(issue).with({ _tag: "HashMismatch" }, (i) => `line ${i.line}`).otherwise((i) => i.message)
 */
export type LedgerIssue =
  | (At & { readonly _tag: "FileUnreadable" })
  | (At & { readonly _tag: "BadHeader"; readonly reason: string })
  | (At & {
      readonly _tag: "UnsupportedFormatVersion";
      readonly formatVersion: number;
      readonly supported: number;
    })
  | (At & { readonly _tag: "TornLine"; readonly length: number })
  | (At & { readonly _tag: "IncompleteAppend"; readonly lines: number })
  | (At & { readonly _tag: "LineTooLong"; readonly limit: number })
  | (At & { readonly _tag: "MalformedLine"; readonly reason: string })
  | (At & { readonly _tag: "HashMismatch"; readonly stored: string; readonly computed: string })
  | (At & { readonly _tag: "OutOfSequence"; readonly reason: string })
  | (At & { readonly _tag: "NotCanonical"; readonly reason: string })
  | (At & { readonly _tag: "DuplicateEventId"; readonly eventId: string; readonly firstLine: number })
  | (At & { readonly _tag: "UndecodableEvent"; readonly error: EventDecodeError })
  | (At & { readonly _tag: "MissingLines"; readonly expectedEvents: number; readonly foundEvents: number })
  | (At & { readonly _tag: "AnchorMismatch"; readonly expectedHash: string; readonly foundHash: string });

/**
 * Whether an issue is a crash artefact at the end of the file (an unacknowledged append), which
 * `repairLedger` may truncate when asked, as opposed to damage that needs an investigation.
 * @example isRepairableTail(issue) // true for TornLine and IncompleteAppend
 */
export const isRepairableTail = (issue: LedgerIssue): boolean =>
  issue._tag === "TornLine" || issue._tag === "IncompleteAppend";

/**
 * The port's error for a ledger issue: `UndecodableEvent` for events the domain cannot read,
 * `StoreUnavailable` for I/O, `CorruptLedger` (with line and byte offset) for everything else.
 * @example issueToStoreError("/data/ledger.jsonl", issue)._tag // "CorruptLedger"
 */
export const issueToStoreError = (path: string, issue: LedgerIssue): StoreError =>
  match(issue)
    .with(
      { _tag: "UndecodableEvent" },
      (i): StoreError => ({
        _tag: "UndecodableEvent",
        where: `${path}:${i.line} (byte ${i.byteOffset})`,
        error: i.error,
        message: `${path}: ${i.message}`,
      }),
    )
    .with({ _tag: "FileUnreadable" }, (i): StoreError => ({ _tag: "StoreUnavailable", message: i.message }))
    .with(
      { _tag: "BadHeader" },
      { _tag: "UnsupportedFormatVersion" },
      { _tag: "TornLine" },
      { _tag: "IncompleteAppend" },
      { _tag: "LineTooLong" },
      { _tag: "MalformedLine" },
      { _tag: "HashMismatch" },
      { _tag: "OutOfSequence" },
      { _tag: "NotCanonical" },
      { _tag: "DuplicateEventId" },
      { _tag: "MissingLines" },
      { _tag: "AnchorMismatch" },
      (i): StoreError => ({
        _tag: "CorruptLedger",
        path,
        line: i.line,
        byteOffset: i.byteOffset,
        reason: i._tag,
        message: `${path}: ${i.message}`,
      }),
    )
    .exhaustive();
