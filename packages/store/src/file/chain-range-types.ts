import type { rangeSequences } from "./chain-range-sequence.js";
import type { streamInterner } from "./chain-stream-table.js";
import type { eventMemberNames, readWindow } from "./chain-window.js";
import type { idHash } from "./event-id-set.js";

/**
 * The shapes a range check of a ledger file takes and gives (one range's job, the Node functions it
 * needs, what it found), shared by the strict checker (`chain-range.ts`), the link-only one
 * (`chain-link-range.ts`) and the pool that runs them on worker threads (`chain-pool.ts`).
 */
/**
 * What a range check needs from Node, passed in (a worker `require`s them; the main thread imports them).
 * @example
 * import { closeSync, readSync } from "node:fs";
 * import { isUtf8 } from "node:buffer";
 * import { hash } from "node:crypto";
 * import { makeCanonicalChecker, openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("range-deps.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("range-deps.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * // What a worker `require`s; the main thread passes its own imports.
 * const deps: RangeDeps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker() };
 * const job = { fd, from: bodyStart, to: size, size, aligned: true, prevHash: headerHash, link: true, strict: true, offsets: false, maxLineBytes: 1 << 20 };
 * console.log(checkChainRange(deps, job, Buffer.allocUnsafe(1 << 16)).lines); // 3
 * closeSync(fd);
 */
export interface RangeDeps {
  readonly readSync: (fd: number, buf: Buffer, offset: number, length: number, position: number) => number;
  /**
   * One-shot SHA-256 of a view, as lowercase hex (Node's `crypto.hash`): one call a line, no hash
   * object, no copy of the line (a `createHash` object and its three updates cost about twice as much
   * CPU a line at national scale).
   */
  readonly hash: (algorithm: "sha256", data: Uint8Array) => string;
  readonly isUtf8: (data: Uint8Array) => boolean;
  readonly canonical: (
    buf: Buffer,
    from: number,
    end: number,
    members: ReadonlyArray<Uint8Array> | undefined,
    spans: Int32Array | undefined,
  ) => boolean;
  /**
   * The read window both checkers share (`chain-window.ts`), and the envelope's member names. Omitted
   * on the calling thread (the checkers then use the module's own); the worker program passes the
   * copies it defined from their source text, because the checkers' text may reach the module's only
   * through a binding a bundler or a test runner rewrote.
   */
  readonly window?: typeof readWindow;
  readonly memberNames?: typeof eventMemberNames;
  /** The event ids' hash (`idHash`, event-id-set.ts): with `RangeJob.idSeed`, each id is hashed as it is read. */
  readonly idHash?: typeof idHash;
  /** The strict checker's stream interner (`chain-stream-table.ts`), as `window`: a worker passes its copy. */
  readonly interner?: typeof streamInterner;
  /** The strict checker's sequence summary (`chain-range-sequence.ts`), as `window`. */
  readonly sequences?: typeof rangeSequences;
}

/**
 * One range to check.
 * @example
 * import { closeSync, readSync } from "node:fs";
 * import { isUtf8 } from "node:buffer";
 * import { hash } from "node:crypto";
 * import { makeCanonicalChecker, openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("range-job.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("range-job.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker() };
 * // The whole body as one range: it starts right after the header, so it is aligned and its first
 * // line links to the header's hash.
 * const job: RangeJob = { fd, from: bodyStart, to: size, size, aligned: true, prevHash: headerHash, link: true, strict: false, offsets: true, maxLineBytes: 1 << 20 };
 * const r = checkChainRange(deps, job, Buffer.allocUnsafe(1 << 16));
 * console.log(r.lines, r.offsets?.[0] === bodyStart); // 3 true
 * closeSync(fd);
 */
export interface RangeJob {
  /** An open descriptor of the ledger (threads of one process share descriptors). */
  readonly fd: number;
  /** Lines starting at byte offsets in [from, to) belong to this range. */
  readonly from: number;
  readonly to: number;
  /** The file's size when the check started: bytes past it are not read. */
  readonly size: number;
  /** Whether `from` is known to be a line start (the first range, right after the header). */
  readonly aligned: boolean;
  /** The stored hash of the line before `from`, when known (the first range: the header's). */
  readonly prevHash: string | undefined;
  /** Recompute the chain links (false: frames and line offsets only, for a reader that does not verify). */
  readonly link: boolean;
  /** Also check strict content and read the envelope members (what `verify` needs). */
  readonly strict: boolean;
  /** Collect each line's byte offset. */
  readonly offsets: boolean;
  readonly maxLineBytes: number;
  /** Strict mode: the seed to hash each event id with (`RangeResult.idHashes`; needs `RangeDeps.idHash`). */
  readonly idSeed?: number;
}

/**
 * The first failure of a range, at its `j`-th line (0-based), by the stage of the per-line checks it
 * failed: 1 frame, 2 chain link, 3 strict content or envelope members, 5 event id form, 6 position
 * (not the one after the previous line's), 7 revision (not the one after the stream's previous line's
 * in the range: `stream`, `revision`, `expected`), 8 `batchRemaining` (not the previous line's less
 * one inside an append: `batch`, `expected`). Stage 4 (stream id form) and the checks of a range's
 * first line and of each stream's first line in it against the lines before the range (position,
 * revision, grouping), and unique ids, need the whole ledger's state: the caller applies them while
 * joining.
 */
export interface RangeFailure {
  readonly j: number;
  readonly stage: 1 | 2 | 3 | 5 | 6 | 7 | 8;
  readonly byteOffset: number;
  readonly stored?: string;
  readonly computed?: string;
  readonly position?: number;
  /** Stage 7: the line's stream (an index into the checker's stream table). */
  readonly stream?: number;
  readonly revision?: number;
  readonly batch?: number;
  /** Stage 7 or 8: the value the line should have held. */
  readonly expected?: number;
}

/**
 * What a range check found (arrays hold one entry per line checked, and, after a stage 5 or 6
 * failure, one for the failing line too).
 * @example
 * import { closeSync, readSync } from "node:fs";
 * import { isUtf8 } from "node:buffer";
 * import { hash } from "node:crypto";
 * import { makeCanonicalChecker, openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("range-result.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 4), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("range-result.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker() };
 * const buf = Buffer.allocUnsafe(1 << 16);
 * const base = { fd, size, link: true, strict: false, offsets: false, maxLineBytes: 1 << 20 };
 * // Two ranges split in the middle of the body; the second finds its first line start itself.
 * const mid = bodyStart + Math.floor((size - bodyStart) / 2);
 * const results: RangeResult[] = [
 *   checkChainRange(deps, { ...base, from: bodyStart, to: mid, aligned: true, prevHash: headerHash }, buf),
 *   checkChainRange(deps, { ...base, from: mid, to: size, aligned: false, prevHash: undefined }, buf),
 * ];
 * let total = 0;
 * for (const r of results) if (r.failure === undefined && r.end === undefined) total += r.lines;
 * console.log(total); // 4 (the caller still links each range's first line to the previous range: linkIssue)
 * closeSync(fd);
 */
export interface RangeResult {
  /** Complete lines checked (without a failing one). */
  readonly lines: number;
  /** Byte offset where the range's first line starts (−1 when the range holds no line start). */
  readonly start: number;
  /** Byte offset after the last complete line checked. */
  readonly stop: number;
  /** The last checked line's stored hash. */
  readonly lastHash: string | undefined;
  /** The first line's link, to check against the previous range's last hash (when `prevHash` was unknown). */
  readonly first: { readonly stored: string; readonly content: Uint8Array } | undefined;
  readonly failure: RangeFailure | undefined;
  /** A torn or over-long line ending the checked lines (the file's last bytes, or a line over the limit). */
  readonly end:
    | { readonly tag: "TornTail"; readonly byteOffset: number; readonly length: number }
    | { readonly tag: "TooLong"; readonly byteOffset: number }
    | undefined;
  readonly offsets: Float64Array | undefined;
  /**
   * Strict mode: the streams met, in the order the range first met them (indices into the stream
   * table, see `streams`), each with four numbers in `seen`: the line (0-based `j`) and byte offset
   * where the range first met it, that line's revision, and the stream's last revision in the range
   * (`chain-range-sequence.ts`). A failing line of stage 5–8 is counted.
   */
  readonly stream: Int32Array | undefined;
  readonly seen: Float64Array | undefined;
  /** Strict mode: the first line's position and `batchRemaining` (−1 when not read), the last line's `batchRemaining`. */
  readonly firstPosition: number;
  readonly firstBatch: number;
  readonly lastBatch: number;
  /** Strict mode: the last line after the first that starts an append (−1: none), and its byte offset. */
  readonly batchLine: number;
  readonly batchAt: number;
  /** Strict mode: per line, the event id (16 bytes). */
  readonly ids: Uint8Array | undefined;
  /** Per line, the id's hash with `RangeJob.idSeed` (when it was given and the deps have `idHash`). */
  readonly idHashes?: Int32Array | undefined;
  /**
   * Strict mode: the names of the streams this range met first, in the order of their indices in the
   * stream table, which start at `streamsFrom` (the table's size before the range; a worker thread keeps
   * its table across the ranges it checks, so a later range names only the streams new to it).
   */
  readonly streams: ReadonlyArray<string> | undefined;
  readonly streamsFrom?: number;
  /** Which stream table `stream` indexes: the worker thread's number (set by the pool; 0 on the calling thread). */
  readonly table?: number;
}

/**
 * The streams a strict range check has met, interned by their bytes (see `checkChainRange`): kept by
 * the caller across ranges (a worker thread keeps one for all the ranges it checks), so that each
 * stream is decoded and named once. `slots` holds eight ints a slot (index + 1, the bytes' hash, their
 * length, their first 20 bytes as five words); `keys` every name's bytes (from `starts[index]`);
 * `seed` is the hash's, drawn when the table is first used.
 * @example
 * const table: StreamTable = { slots: new Int32Array(8 * 1024), keys: new Uint8Array(16 * 1024), starts: [], used: 0, count: 0 };
 * console.log(table.count); // 0 (no stream met yet)
 */
export interface StreamTable {
  slots: Int32Array;
  keys: Uint8Array;
  starts: number[];
  used: number;
  count: number;
  seed?: number;
}

/**
 * A Buffer with Node's own latin1 slice and write (on every Buffer since Node 0.x; `toString` and
 * `write` call them after parsing their arguments): the range checkers call them directly, two calls
 * a line, to skip that parsing.
 * @example
 * const b = Buffer.from("abc") as Latin1Buffer;
 * console.log(b.latin1Slice(1, 3)); // "bc"
 */
export type Latin1Buffer = Buffer & {
  latin1Slice(start: number, end: number): string;
  latin1Write(text: string, offset: number, length: number): number;
};
