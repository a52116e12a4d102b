import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { StartedChainCheck } from "./chain-ahead.js";
import { frameOrLinkIssue, linkIssue, rangeEndIssue } from "./chain-issues.js";
import { checkRanges } from "./chain-pool.js";
import { parseHeader } from "./chain-walker.js";
import { type LedgerHeader, MAX_LINE_BYTES } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { NotRegularFile, unreadableMessage } from "./open-ledger-file.js";

/**
 * Options of {@link scanChain}.
 * @example
 * import type { ChainScanOptions } from "@coop-ledger/store";
 * import { openFileLedger, scanChain } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("scan-options.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const options: ChainScanOptions = { offsets: true, hashAfter: 2 };
 * const r = await scanChain("scan-options.jsonl", options)();
 * if (r._tag === "Right") console.log(r.right.offsets?.length, r.right.hashAfter?.length); // 3 64
 */
export interface ChainScanOptions {
  /** Recompute every link of the hash chain (default `true`); `false` only frames and counts lines. */
  readonly verify?: boolean;
  /** Collect the byte offset of every event line (position → offset). */
  readonly offsets?: boolean;
  /** Report the stored hash of the line of the event at this count (1-based: the n-th event's line). */
  readonly hashAfter?: number;
  /**
   * Worker threads hashing ranges of the file in parallel (default: one per core for a file over
   * 16 MiB, else none); `0` checks on the calling thread. Same verdict either way.
   */
  readonly workers?: number;
  /** Bytes per range handed to a worker (default: about four ranges per worker, 4–64 MiB). */
  readonly rangeBytes?: number;
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
 * @example
 * import { openFileLedger, scanChain } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("scan.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const r = await scanChain("scan.jsonl")();
 * if (r._tag === "Right") console.log(r.right.events, r.right.lastHash === info.lastHash, r.right.verified); // 3 true true
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
  /**
   * Byte offset of each event line, by position (when `offsets` was asked): the ranges' tables joined
   * into one on first read (10 MB at national: a caller that needs a few offsets uses `offsetAt`).
   */
  readonly offsets: Float64Array | undefined;
  /** The byte offset of the event line at a position (when `offsets` was asked), without the join. */
  readonly offsetAt: ((position: number) => number) | undefined;
  /** The stored hash of the line of event number `hashAfter` (when asked and the file holds it). */
  readonly hashAfter: string | undefined;
  /** Whether every link was recomputed (`verify`). */
  readonly verified: boolean;
}

/**
 * An opened ledger (its descriptor), its size, and its header line checked (or the point a resumed read
 * starts from).
 * @example
 * import { closeSync } from "node:fs";
 * import { openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("opened.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 1), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const o = openChain("opened.jsonl");
 * if (o._tag === "Right") {
 *   console.log(o.right.header?.format, o.right.bodyLine, o.right.size === info.bytes); // "coop-ledger" 2 true
 *   closeSync(o.right.fd); // the caller closes it
 * }
 */
export interface OpenedChain {
  readonly fd: number;
  readonly size: number;
  readonly header: LedgerHeader | undefined;
  readonly headerHash: string;
  /** Byte offset of the first event line. */
  readonly bodyStart: number;
  /** Its 1-based line number. */
  readonly bodyLine: number;
}

/**
 * Opens a ledger (a regular file only: a FIFO is opened non-blocking and refused, never waited on) and
 * checks its header line (line 1), or, for `resume`, trusts the prefix it names. Synchronous, so that a
 * check started with it has its worker threads running before the caller's next synchronous step (the
 * CLI reads its index meanwhile). The caller closes `fd`. Left: the file is unreadable, empty, or its
 * header torn, over-long or not a header.
 * @example const o = openChain("ledger.jsonl"); // Right({ fd, size, header, headerHash, bodyStart: 231, bodyLine: 2 })
 */
export const openChain = (
  path: string,
  resume?: ChainScanOptions["resume"],
): E.Either<LedgerIssue, OpenedChain> => {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return E.left({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: unreadableMessage(path, e) });
  }
  const fail = (issue: LedgerIssue): E.Either<LedgerIssue, never> => {
    closeSync(fd);
    return E.left(issue);
  };
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFile(path, st.isDirectory() ? "directory" : "other");
    const size = st.size;
    if (resume !== undefined)
      return E.right({
        fd,
        size,
        header: undefined,
        headerHash: resume.prevHash,
        bodyStart: resume.byteOffset,
        bodyLine: resume.line,
      });
    const buf = Buffer.allocUnsafe(Math.min(size, MAX_LINE_BYTES + 1));
    const got = buf.length === 0 ? 0 : readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, got).indexOf(10);
    if (nl < 0) {
      if (got === 0)
        return fail({
          _tag: "BadHeader",
          line: 1,
          byteOffset: 0,
          reason: "empty file",
          message: `${path}: empty file: not a coop-ledger`,
        });
      if (got > MAX_LINE_BYTES)
        return fail({
          _tag: "LineTooLong",
          line: 1,
          byteOffset: 0,
          limit: MAX_LINE_BYTES,
          message: "line 1 (byte 0): longer than the 1 MiB line limit",
        });
      return fail({
        _tag: "BadHeader",
        line: 1,
        byteOffset: 0,
        reason: "torn header line",
        message: `${path}: the header line is incomplete`,
      });
    }
    const h = parseHeader(buf, 0, nl);
    if (E.isLeft(h)) return fail(h.left);
    return E.right({
      fd,
      size,
      header: h.right.header,
      headerHash: h.right.hash,
      bodyStart: nl + 1,
      bodyLine: 2,
    });
  } catch (e) {
    return fail({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: unreadableMessage(path, e) });
  }
};

// The issues a range reports, named by line (chain-issues.ts; verifyIntegrity reports them too).
export { frameOrLinkIssue, linkIssue, rangeEndIssue } from "./chain-issues.js";

/** Whether a check started ahead checks the file opened here, whole, from the same header. */
const fits = (started: StartedChainCheck, o: OpenedChain, wantOffsets: boolean): boolean => {
  const st = fstatSync(o.fd);
  return (
    st.dev === started.dev &&
    st.ino === started.ino &&
    o.size === started.size &&
    o.bodyStart === started.bodyStart &&
    o.headerHash === started.headerHash &&
    (started.offsets || !wantOffsets)
  );
};

/** The ranges' offset tables read as one: by position, or joined into one table when first asked. */
const offsetTable = (parts: ReadonlyArray<Float64Array>, n: number) => {
  let joined: Float64Array | undefined = parts.length === 1 ? parts[0] : undefined;
  return {
    at: (p: number): number => {
      for (const part of parts) {
        if (p < part.length) return part[p] as number;
        p -= part.length;
      }
      return Number.NaN;
    },
    all: (): Float64Array => {
      if (joined === undefined) {
        joined = new Float64Array(n);
        let k = 0;
        for (const part of parts) {
          joined.set(part, k);
          k += part.length;
        }
      }
      return joined;
    },
  };
};

/**
 * The raw pass over a ledger file, at the speed of hashing it: the file is split into large byte ranges
 * on line boundaries, each hashed on a worker thread (one per core; on the calling thread for a small
 * file), and the ranges joined (each range's first line is linked to the previous range's last stored
 * hash). Per event line: its frame, and one SHA-256 of the previous line's stored hash, `{` and the
 * line's bytes after its 75-byte hash frame, compared with the stored hash. No JSON is parsed (except
 * the header's). It checks **integrity of the chain** only: that no line was changed, removed, inserted
 * or reordered since it was written (`verifyIntegrity` also checks the strict content, sequence and
 * unique ids; `verifyLedger` validity too). A torn or over-long last line is an issue, as in every
 * reader. Left: the first issue, naming its 1-based line and byte offset — the same line whatever the
 * number of workers.
 *
 * @example
 * const r = await scanChain("ledger.jsonl", { offsets: true })();
 * if (E.isRight(r)) console.log(r.right.events, r.right.lastHash, r.right.offsets?.[0]);
 */
export const scanChain = (
  path: string,
  options: ChainScanOptions = {},
): TE.TaskEither<LedgerIssue, ChainScan> => scanChainTaking(path, options, undefined);

/**
 * {@link scanChain}, taking a check of the file started ahead (`startChainCheck`, before the program was
 * loaded): its results are used when it checks the file found here, as large as found, with the same
 * header and body start (verifying, not resuming); otherwise it is stopped and the file checked anew.
 * Same result either way.
 * @example
 * const started = startChainCheck("national.jsonl", { offsets: true });
 * const r = await scanChainTaking("national.jsonl", { offsets: true }, started)(); // as scanChain's
 */
export const scanChainTaking =
  (
    path: string,
    options: ChainScanOptions,
    started: StartedChainCheck | undefined,
  ): TE.TaskEither<LedgerIssue, ChainScan> =>
  async () => {
    const verify = options.verify ?? true;
    const opened = openChain(path, options.resume);
    if (E.isLeft(opened)) {
      started?.stop();
      return opened;
    }
    const o = opened.right;
    try {
      const wantOffsets = options.offsets === true || options.hashAfter !== undefined;
      const useStarted =
        started !== undefined && verify && options.resume === undefined && fits(started, o, wantOffsets);
      if (started !== undefined && !useStarted) started.stop();
      const parts: Float64Array[] = [];
      let line = o.bodyLine;
      let events = 0;
      let prevHash = o.headerHash;
      let bytes = o.bodyStart;
      const ranges = useStarted
        ? started.take()
        : checkRanges(o.fd, o.size, o.bodyStart, o.headerHash, {
            link: verify,
            strict: false,
            offsets: wantOffsets,
            maxLineBytes: MAX_LINE_BYTES,
            ...(options.workers === undefined ? {} : { workers: options.workers }),
            ...(options.rangeBytes === undefined ? {} : { rangeBytes: options.rangeBytes }),
          });
      for await (const r of ranges) {
        if (r.start < 0) continue;
        const fl = r.failure;
        if (fl !== undefined && fl.j === 0 && fl.stage === 1) return E.left(frameOrLinkIssue(fl, line));
        if (r.first !== undefined && verify) {
          const issue = linkIssue(prevHash, r.first, line, r.start);
          if (issue !== undefined) return E.left(issue);
        }
        if (fl !== undefined) return E.left(frameOrLinkIssue(fl, line + fl.j));
        if (r.offsets !== undefined) parts.push(r.offsets);
        events += r.lines;
        line += r.lines;
        if (r.lastHash !== undefined) prevHash = r.lastHash;
        if (r.lines > 0) bytes = r.stop;
        if (r.end !== undefined) return E.left(rangeEndIssue(r.end, line));
      }
      const table = offsetTable(parts, events);
      let hashAfter: string | undefined;
      if (options.hashAfter !== undefined && options.hashAfter >= 1 && options.hashAfter <= events) {
        const b = Buffer.allocUnsafe(64);
        readSync(o.fd, b, 0, 64, table.at(options.hashAfter - 1) + 9);
        hashAfter = b.toString("latin1");
      }
      const asked = options.offsets === true;
      const scan = {
        header: o.header,
        headerHash: o.headerHash,
        events,
        lastHash: prevHash,
        bytes,
        get offsets() {
          return asked ? table.all() : undefined;
        },
        hashAfter,
        verified: verify,
      };
      // Not enumerable: two scans of the same file stay deeply equal (the offsets compare as data).
      Object.defineProperty(scan, "offsetAt", { value: asked ? table.at : undefined, enumerable: false });
      return E.right(scan as ChainScan);
    } catch (e) {
      return E.left({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: unreadableMessage(path, e) });
    } finally {
      closeSync(o.fd);
    }
  };
