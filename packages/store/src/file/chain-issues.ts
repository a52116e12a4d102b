/** The issues a chain check reports at a range's end, its join and its frames, named by line (scanChain and verifyIntegrity). */
import { createHash } from "node:crypto";
import type { LedgerIssue } from "./ledger-issue.js";
import { MAX_LINE_BYTES } from "./line-limit.js";

/**
 * The issue a range reports at its end: a torn final line, or a line over the limit.
 * @example rangeEndIssue({ tag: "TornTail", byteOffset: 812, length: 40 }, 5)._tag // "TornLine"
 */
export const rangeEndIssue = (
  end:
    | { readonly tag: "TornTail"; readonly byteOffset: number; readonly length: number }
    | {
        readonly tag: "TooLong";
        readonly byteOffset: number;
      },
  line: number,
): LedgerIssue =>
  end.tag === "TornTail"
    ? {
        _tag: "TornLine",
        line,
        byteOffset: end.byteOffset,
        length: end.length,
        message: `line ${line} (byte ${end.byteOffset}): a torn final line (${end.length} bytes, no newline): a crash during a write that was never acknowledged: a repair cuts it, keeping a backup (coop-ledger repair --ledger FILE --apply)`,
      }
    : {
        _tag: "LineTooLong",
        line,
        byteOffset: end.byteOffset,
        limit: MAX_LINE_BYTES,
        message: `line ${line} (byte ${end.byteOffset}): longer than the 1 MiB line limit`,
      };

/**
 * The chain link of a range's first line, checked against the previous range's last stored hash
 * (the join of two ranges); undefined when it holds.
 * @example
 * import { createHash } from "node:crypto";
 * import { linkIssue } from "@coop-ledger/store/internal";
 * // A range's first line: its stored hash and the bytes after its hash member.
 * const prevHash = "a".repeat(64); // the previous range's last stored hash
 * const content = Buffer.from('"type":"CoopSuspended"}');
 * const stored = createHash("sha256").update(prevHash).update("{").update(content).digest("hex");
 * console.log(linkIssue(prevHash, { stored, content }, 10, 2048)); // undefined: the link holds
 * console.log(linkIssue("b".repeat(64), { stored, content }, 10, 2048)?._tag); // "HashMismatch"
 */
export const linkIssue = (
  prevHash: string,
  first: { readonly stored: string; readonly content: Uint8Array },
  line: number,
  byteOffset: number,
): LedgerIssue | undefined => {
  const computed = createHash("sha256").update(prevHash).update("{").update(first.content).digest("hex");
  return computed === first.stored
    ? undefined
    : {
        _tag: "HashMismatch",
        line,
        byteOffset,
        stored: first.stored,
        computed,
        message: `line ${line} (byte ${byteOffset}): the hash chain breaks here: this line, or the one before it, was changed, removed, inserted or moved`,
      };
};

/**
 * The issue of a range's frame (stage 1) or link (stage 2) failure.
 * @example
 * frameOrLinkIssue({ stage: 1, byteOffset: 2048 }, 10)._tag // "MalformedLine"
 * frameOrLinkIssue({ stage: 2, byteOffset: 2048, stored: "a".repeat(64), computed: "b".repeat(64) }, 10)._tag // "HashMismatch"
 */
export const frameOrLinkIssue = (
  f: {
    readonly stage: number;
    readonly byteOffset: number;
    readonly stored?: string;
    readonly computed?: string;
  },
  line: number,
): LedgerIssue =>
  f.stage === 1
    ? {
        _tag: "MalformedLine",
        line,
        byteOffset: f.byteOffset,
        reason: "bad frame",
        message: `line ${line} (byte ${f.byteOffset}): not a ledger line: it does not start with {"hash":"<64 lowercase hex>",`,
      }
    : {
        _tag: "HashMismatch",
        line,
        byteOffset: f.byteOffset,
        stored: f.stored ?? "",
        computed: f.computed ?? "",
        message: `line ${line} (byte ${f.byteOffset}): the hash chain breaks here: this line, or the one before it, was changed, removed, inserted or moved`,
      };
