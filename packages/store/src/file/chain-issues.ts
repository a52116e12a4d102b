/** The issues a chain check reports at a range's end, its join and its frames, named by line (scanChain and verifyIntegrity). */
import { createHash } from "node:crypto";
import { readSync } from "node:fs";
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
import { readSync } from "node:fs";
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

/**
 * The issue of a file that ends inside an append: `b` is the append's first line and how many of its
 * lines are present, `remaining` the last present line's `batchRemaining` less one.
 * @example incompleteAppend({ line: 7, byteOffset: 4096, lines: 2 }, 2).message.slice(0, 86) // "line 7 (byte 4096): the file ends inside an append (2 of its lines present, 3 missing)"
 */
export const incompleteAppend = (
  b: { readonly line: number; readonly byteOffset: number; readonly lines: number },
  remaining: number,
): LedgerIssue => ({
  _tag: "IncompleteAppend",
  line: b.line,
  byteOffset: b.byteOffset,
  lines: b.lines,
  message: `line ${b.line} (byte ${b.byteOffset}): the file ends inside an append (${b.lines} of its lines present, ${remaining + 1} missing): a crash during a write that was never acknowledged: a repair cuts it, keeping a backup (coop-ledger repair --ledger FILE --apply)`,
});

/**
 * Why a line's `batchRemaining` is out of sequence (an `OutOfSequence` issue's reason).
 * @example batchReason(3, 1) // "batchRemaining 3, expected 1 (an append's lines are missing or reordered)"
 */
export const batchReason = (br: number, expected: number): string =>
  `batchRemaining ${br}, expected ${expected} (an append's lines are missing or reordered)`;

/**
 * The byte offset of the `k`-th line (0-based) after a line start `from`, found by reading the file
 * again: the strict check keeps no offset a line, and a fault's or an anchor's line is found this way.
 * @example
 * import { closeSync, openSync, writeFileSync } from "node:fs";
 * writeFileSync("line-start.txt", "ab\ncde\nf\n");
 * const fd = openSync("line-start.txt", "r");
 * console.log(lineStartAt(fd, 9, 0, 0), lineStartAt(fd, 9, 0, 2), lineStartAt(fd, 9, 3, 1)); // 0 7 7
 * closeSync(fd);
 */
export const lineStartAt = (fd: number, size: number, from: number, k: number): number => {
  const buf = Buffer.allocUnsafe(1 << 20);
  let at = from;
  for (let left = k; left > 0; ) {
    const got = readSync(fd, buf, 0, Math.min(buf.length, size - at), at);
    if (got <= 0) break;
    const view = buf.subarray(0, got);
    let i = 0;
    for (let nl = view.indexOf(10); left > 0 && nl >= 0; nl = view.indexOf(10, i)) {
      i = nl + 1;
      left--;
    }
    at += left === 0 ? i : got;
  }
  return at;
};
