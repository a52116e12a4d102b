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
 * @example
 * import type { LedgerIssue } from "@coop-ledger/store";
 * import { match } from "ts-pattern";
 * const where = (issue: LedgerIssue): string =>
 *   match(issue)
 *     .with({ _tag: "HashMismatch" }, (i) => `changed at or before line ${i.line}`)
 *     .otherwise((i) => i.message);
 * console.log(where({ _tag: "HashMismatch", line: 7, byteOffset: 1804, stored: "9f2c…", computed: "41d0…", message: "" }));
 * // "changed at or before line 7"
 * console.log(where({ _tag: "TornLine", line: 9, byteOffset: 2210, length: 40, message: "line 9: a torn final line" }));
 * // "line 9: a torn final line"
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
 * @example
 * import type { LedgerIssue } from "@coop-ledger/store";
 * import { isRepairableTail } from "@coop-ledger/store/internal";
 * const torn: LedgerIssue = { _tag: "TornLine", line: 5, byteOffset: 812, length: 40, message: "torn final line" };
 * const changed: LedgerIssue = { _tag: "HashMismatch", line: 3, byteOffset: 400, stored: "…", computed: "…", message: "chain breaks" };
 * console.log(isRepairableTail(torn), isRepairableTail(changed)); // true false
 */
export const isRepairableTail = (issue: LedgerIssue): boolean =>
  issue._tag === "TornLine" || issue._tag === "IncompleteAppend";

/**
 * The port's error for a ledger issue: `UndecodableEvent` for events the domain cannot read,
 * `StoreUnavailable` for I/O, `CorruptLedger` (with line and byte offset) for everything else.
 * @example
 * import type { LedgerIssue } from "@coop-ledger/store";
 * import { issueToStoreError } from "@coop-ledger/store/internal";
 * const issue: LedgerIssue = { _tag: "TornLine", line: 5, byteOffset: 812, length: 40, message: "torn final line" };
 * const error = issueToStoreError("ledger.jsonl", issue);
 * console.log(error._tag, error.message); // "CorruptLedger" "ledger.jsonl: torn final line"
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
