import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { parseHeader } from "./chain-walker.js";
import { HASH_PREFIX_LENGTH, type LedgerHeader } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { scanLines } from "./line-scanner.js";
import { scanEndIssue } from "./read-ledger.js";

/**
 * Options of {@link scanChain}.
 * @example scanChain(path, { offsets: true, hashAfter: 1200 })
 */
export interface ChainScanOptions {
  /** Recompute every link of the hash chain (default `true`); `false` only frames and counts lines. */
  readonly verify?: boolean;
  /** Collect the byte offset of every event line (position → offset). */
  readonly offsets?: boolean;
  /** Report the stored hash of the line of the event at this count (1-based: the n-th event's line). */
  readonly hashAfter?: number;
  /** Bytes read per chunk (default 8 MiB). */
  readonly chunkBytes?: number;
  /**
   * Scan only what follows an already-checked prefix: from its end (`byteOffset`, the 1-based `line`
   * there), chained to its last line's stored hash. The header is not read; offsets and counts are of
   * the lines scanned.
   */
  readonly resume?: { readonly byteOffset: number; readonly line: number; readonly prevHash: string };
}

/**
 * What a clean raw pass over a ledger found: the header, the number of event lines, the hash of the last
 * line (the anchor), the bytes of complete lines, and on request each event line's byte offset.
 * @example const { events, lastHash } = (await scanChain(path)()).right;
 */
export interface ChainScan {
  /** The header (undefined when the scan resumed after a prefix). */
  readonly header: LedgerHeader | undefined;
  /** The header's hash (the prefix's last hash when the scan resumed). */
  readonly headerHash: string;
  /** Event lines (the header is line 1; event at position p is on line p + 2). */
  readonly events: number;
  /** The stored hash of the last line (the header's when there are no events). */
  readonly lastHash: string;
  /** Byte length of the complete lines (the file's size when it ends cleanly). */
  readonly bytes: number;
  /** Byte offset of each event line, by position (when `offsets` was asked). */
  readonly offsets: Float64Array | undefined;
  /** The stored hash of the line of event number `hashAfter` (when asked and the file holds it). */
  readonly hashAfter: string | undefined;
  /** Whether every link was recomputed (`verify`). */
  readonly verified: boolean;
}

const PREFIX = Buffer.from('{"hash":"');
const OPEN_BRACE = Buffer.from("{");

// Hex digit value of a lowercase hex character code, or -1 (the format stores lowercase hex only).
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = 10 + c;

/**
 * Whether the 64 hex digits at `buf[at..at+64)` spell the 32 bytes of `digest` (no string made per line).
 * Also false when a digit is not lowercase hex (a frame the format does not allow).
 */
const hexEquals = (buf: Buffer, at: number, digest: Buffer): boolean => {
  for (let k = 0; k < 32; k++) {
    const hi = HEX[buf[at + 2 * k] as number] as number;
    const lo = HEX[buf[at + 2 * k + 1] as number] as number;
    if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== digest[k]) return false;
  }
  return true;
};

const isFramed = (buf: Buffer, s: number, e: number): boolean =>
  e - s >= HASH_PREFIX_LENGTH + 2 &&
  buf.compare(PREFIX, 0, PREFIX.length, s, s + PREFIX.length) === 0 &&
  buf[s + 73] === 34 &&
  buf[s + 74] === 44;

/**
 * The raw pass over a ledger file, at close to the speed of hashing it: large buffered reads, a
 * newline split on bytes, and per event line one SHA-256 of the previous line's stored hash, `{` and the
 * line's bytes after its 75-byte hash frame, compared with the stored hash digit by digit. No JSON is
 * parsed (except the header's), no string made per line. It checks **integrity** only: that no line was
 * changed, removed, inserted or reordered since it was written (`verifyLedger` also checks validity:
 * sequence, ids, event data). A torn or over-long last line is an issue, as in every reader. Left: the
 * first issue, naming its 1-based line and byte offset.
 *
 * @example
 * const r = await scanChain("ledger.jsonl", { offsets: true })();
 * if (E.isRight(r)) console.log(r.right.events, r.right.lastHash, r.right.offsets?.[0]);
 */
export const scanChain =
  (path: string, options: ChainScanOptions = {}): TE.TaskEither<LedgerIssue, ChainScan> =>
  async () => {
    const verify = options.verify ?? true;
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, "r");
    } catch (e) {
      return E.left({
        _tag: "FileUnreadable",
        line: 0,
        byteOffset: 0,
        message: `${path}: cannot read: ${(e as NodeJS.ErrnoException)?.code ?? String(e)}`,
      });
    }
    try {
      const resume = options.resume;
      let header: { hash: string; header: LedgerHeader | undefined } | undefined =
        resume === undefined ? undefined : { hash: resume.prevHash, header: undefined };
      // The previous line's stored hash, as its 64 hex digits (copied: the read buffer is reused).
      const prev = Buffer.alloc(64);
      if (resume !== undefined) prev.write(resume.prevHash, "latin1");
      let events = 0;
      let offsets: Float64Array | undefined =
        options.offsets === true ? new Float64Array(1 << 16) : undefined;
      let hashAfter: string | undefined;
      for await (const item of scanLines(handle, {
        ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
        ...(resume === undefined ? {} : { from: resume.byteOffset, firstLine: resume.line }),
      })) {
        if (item._tag === "Lines") {
          const { buf, starts, ends } = item;
          let i = 0;
          if (header === undefined) {
            const h = parseHeader(buf, starts[0] as number, ends[0] as number);
            if (E.isLeft(h)) return h;
            header = h.right;
            prev.write(h.right.hash, "latin1");
            i = 1;
          }
          if (offsets !== undefined && offsets.length < events + starts.length) {
            const grown = new Float64Array(Math.max(offsets.length * 2, events + starts.length));
            grown.set(offsets.subarray(0, events));
            offsets = grown;
          }
          for (; i < starts.length; i++) {
            const s = starts[i] as number;
            const e = ends[i] as number;
            const line = item.firstLine + i;
            if (!isFramed(buf, s, e))
              return E.left({
                _tag: "MalformedLine",
                line,
                byteOffset: item.base + s,
                reason: "bad frame",
                message: `line ${line} (byte ${item.base + s}): not a ledger line: it does not start with {"hash":"<64 lowercase hex>",`,
              });
            if (verify) {
              const digest = createHash("sha256")
                .update(prev)
                .update(OPEN_BRACE)
                .update(buf.subarray(s + HASH_PREFIX_LENGTH, e))
                .digest();
              if (!hexEquals(buf, s + 9, digest))
                return E.left({
                  _tag: "HashMismatch",
                  line,
                  byteOffset: item.base + s,
                  stored: buf.toString("latin1", s + 9, s + 73),
                  computed: digest.toString("hex"),
                  message: `line ${line} (byte ${item.base + s}): the hash chain breaks here: this line, or the one before it, was changed, removed, inserted or moved`,
                });
            }
            buf.copy(prev, 0, s + 9, s + 73);
            if (offsets !== undefined) offsets[events] = item.base + s;
            events++;
            if (events === options.hashAfter) hashAfter = prev.toString("latin1");
          }
        } else if (item._tag === "End") {
          if (header === undefined)
            return E.left({
              _tag: "BadHeader",
              line: 1,
              byteOffset: 0,
              reason: "empty file",
              message: `${path}: empty file: not a coop-ledger`,
            });
          return E.right({
            header: header.header,
            headerHash: header.hash,
            events,
            lastHash: prev.toString("latin1"),
            bytes: item.bytes,
            offsets: offsets?.subarray(0, events),
            hashAfter,
            verified: verify,
          });
        } else {
          if (header === undefined && item._tag === "TornTail")
            return E.left({
              _tag: "BadHeader",
              line: 1,
              byteOffset: 0,
              reason: "torn header line",
              message: `${path}: the header line is incomplete`,
            });
          const issue = scanEndIssue(item);
          if (issue !== undefined) return E.left(issue);
        }
      }
      return E.left({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: `${path}: scan ended early` });
    } finally {
      await handle.close();
    }
  };
