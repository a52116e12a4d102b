/**
 * One range of a ledger file checked on its own: every line that **starts** in [from, to) is framed,
 * its chain link recomputed (SHA-256 of the previous line's stored hash, `{` and the line's bytes after
 * the hash member) and, in strict mode, its content checked against the format's strict-content rule,
 * its envelope members read, its streams' revisions and its appends' grouping checked inside the range
 * (summarised per stream for the join: `chain-range-sequence.ts`). A link needs only the previous
 * line's stored hash, so ranges are independent: the one link a range cannot check alone (its first
 * line's) is handed back for the caller to check when it joins the ranges.
 *
 * `makeRangeChecker` is self-contained (only built-ins and the helpers a worker hands it in its deps:
 * the read window, member names, stream interner, sequences) because worker threads run its source
 * text (see `chain-pool.ts`). A job that is not strict goes to `checkLinkRange` instead: same
 * verdicts, a loop small enough to be optimised soon on each cold worker.
 */

import { rangeSequences } from "./chain-range-sequence.js";
import type {
  Latin1Buffer,
  RangeDeps,
  RangeFailure,
  RangeJob,
  RangeResult,
  StreamTable,
} from "./chain-range-types.js";
import { streamInterner } from "./chain-stream-table.js";
import { eventMemberNames, type ReadWindow, readWindow } from "./chain-window.js";

/**
 * Checks one range of a ledger (see the module comment). Throws only on an I/O error.
 * @example
 * import { closeSync, readSync } from "node:fs";
 * import { isUtf8 } from "node:buffer";
 * import { hash } from "node:crypto";
 * import { makeCanonicalChecker, openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("range-check.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("range-check.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker() };
 * const job = { fd, from: bodyStart, to: size, size, aligned: true, prevHash: headerHash, link: true, strict: false, offsets: true, maxLineBytes: 1 << 20 };
 * const r = checkChainRange(deps, job, Buffer.allocUnsafe(8 << 20));
 * console.log(r.lines, r.failure, r.end); // 3 undefined undefined
 * const wrongStart = checkChainRange(deps, { ...job, prevHash: "0".repeat(64) }, Buffer.allocUnsafe(8 << 20));
 * console.log(wrongStart.failure?.stage); // 2 (the first line's chain link)
 * closeSync(fd);
 */
export const checkChainRange = (
  deps: RangeDeps,
  job: RangeJob,
  buffer: Buffer,
  table?: StreamTable,
): RangeResult => makeRangeChecker(deps, buffer, table)(job);

/**
 * A range checker for one thread (see the module comment): `check(job)` checks one range through
 * `buffer`, interning streams into `table`, kept across ranges. Made once a worker thread, so that
 * its loop meets the same functions and shapes on every range: made per range, V8 threw the optimised
 * loop away at each range's end and start ("insufficient type feedback" for the code after the loop,
 * "wrong call target" for the new window's closures): ~0.1–0.2 s of a core each, several a worker.
 * The loop is a function of its own (`scan`) with only stores after it, so the code optimised
 * mid-loop stays valid for the next ranges; every result has one shape.
 * @example
 * import { closeSync, readSync } from "node:fs";
 * import { isUtf8 } from "node:buffer";
 * import { hash } from "node:crypto";
 * import { makeCanonicalChecker, openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("range-checker.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 4), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("range-checker.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * const check = makeRangeChecker({ readSync, hash, isUtf8, canonical: makeCanonicalChecker() }, Buffer.allocUnsafe(1 << 16));
 * const base = { fd, size, link: true, strict: true, offsets: true, maxLineBytes: 1 << 20 };
 * const mid = bodyStart + Math.floor((size - bodyStart) / 2);
 * const a = check({ ...base, from: bodyStart, to: mid, aligned: true, prevHash: headerHash });
 * const b = check({ ...base, from: mid, to: size, aligned: false, prevHash: undefined });
 * // The second range meets no new stream: the checker's table named it in the first.
 * console.log(a.lines + b.lines, a.streams?.length, b.streams?.length, b.streamsFrom); // 4 1 0 1
 * closeSync(fd);
 */
export const makeRangeChecker = (
  deps: RangeDeps,
  buffer: Buffer,
  table: StreamTable = {
    slots: new Int32Array(8 * 1024),
    keys: new Uint8Array(16 * 1024),
    starts: [],
    used: 0,
    count: 0,
  },
): ((job: RangeJob) => RangeResult) => {
  const buf = buffer as Latin1Buffer;
  const ab = buf.buffer; // read once: the getter, once a line, showed in profiles
  const bo = buf.byteOffset;
  const PREFIX = [123, 34, 104, 97, 115, 104, 34, 58, 34]; // {"hash":"
  const MEMBERS = (deps.memberNames ?? eventMemberNames)().map((m) =>
    Uint8Array.from(m, (ch) => ch.charCodeAt(0)),
  );
  // The streams, interned by their bytes (decoded exactly once a table, when first seen).
  const streams = (deps.interner ?? streamInterner)(table, buf);
  // Revisions and append grouping checked inside the range, summarised per stream met.
  const seq = (deps.sequences ?? rangeSequences)();
  const spans = new Int32Array(18);
  // Lowercase hex digit values by byte (−1: not one).
  const HEXV = new Int8Array(256).fill(-1);
  for (let c = 0; c < 10; c++) HEXV[48 + c] = c;
  for (let c = 0; c < 6; c++) HEXV[97 + c] = 10 + c;
  // Where each of a UUID's 16 digit pairs starts (after the dashes at 8, 13, 18 and 23).
  const PAIR = Int32Array.of(0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34);
  // One read window a checker, over a job record of its own that each range's fields are copied into
  // (a window made per range gave the loop new functions to call on each range).
  const wjob = {
    fd: 0,
    from: 0,
    to: 0,
    size: 0,
    aligned: true,
    prevHash: undefined as string | undefined,
    link: true,
    strict: true,
    offsets: true,
    maxLineBytes: -1,
  };
  let w: ReadWindow | undefined;

  // The range under way: set by `check`, advanced by `scan`.
  let job: RangeJob = wjob;
  let n = 0;
  let start = 0;
  let stop = 0;
  let prev = "";
  let havePrev = false;
  let p0 = 0;
  let first: RangeResult["first"];
  let failure: RangeFailure | undefined;
  let end: RangeResult["end"];
  let offsets: Float64Array | undefined;
  let ids: Uint8Array | undefined;
  let idHashes: Int32Array | undefined;
  let idSeed = 0;
  const grow = (count: number): void => {
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, k: number): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a.subarray(0, count * k));
      return b;
    };
    if (offsets !== undefined) offsets = g(offsets, 1);
    if (ids !== undefined) ids = g(ids, 16);
    if (idHashes !== undefined) idHashes = g(idHashes, 1);
  };
  /** A non-negative integer value of a canonical number token (digits only), or −1. */
  const counter = (s: number, e: number): number => {
    if (e <= s || e - s > 16) return -1;
    let v = 0;
    for (let k = s; k < e; k++) {
      const c = buf[k] as number;
      if (c < 48 || c > 57) return -1;
      v = v * 10 + (c - 48);
    }
    return v;
  };
  /**
   * The range's lines from `start` on: the hot loop, alone in its function. After the loop only
   * stores to the checker's variables (no property access, call or operation that needs type
   * feedback), so the code optimised mid-loop is not thrown away when a range ends.
   */
  const scan = (win: ReadWindow): void => {
    const to = job.to;
    const max = job.maxLineBytes;
    const link = job.link;
    const strict = job.strict;
    const hashId = idHashes === undefined ? undefined : deps.idHash;
    let at = start;
    let last = stop;
    let j = n;
    let prevHash = prev;
    let linkable = havePrev;
    let q0 = p0;
    // The stored hash of the line being linked (read before its frame is overwritten; see stage 2).
    let cur = "";
    while (at < to) {
      const nl = win.lineEnd(at);
      const s = at - win.base;
      if (nl < 0) {
        const rest = win.filled - s;
        if (rest > max) end = { tag: "TooLong", byteOffset: at };
        else if (rest > 0) end = { tag: "TornTail", byteOffset: at, length: rest };
        break;
      }
      const e = nl; // at most `max` bytes after s (a newline further was not taken above)
      // Stage 1: the frame {"hash":"<64 lowercase hex>",
      let framed = e - s >= 77 && buf[s + 73] === 34 && buf[s + 74] === 44;
      for (let k = 0; framed && k < 9; k++) if (buf[s + k] !== PREFIX[k]) framed = false;
      // The 64 digits are checked with the link when it is recomputed (a digit that is not lowercase
      // hex cannot match), and on their own otherwise.
      const hexChecked = link && linkable;
      for (let k = s + 9; framed && !hexChecked && k < s + 73; k++)
        if (HEXV[buf[k] as number]! < 0) framed = false;
      if (!framed) {
        failure = { j, stage: 1, byteOffset: at };
        break;
      }
      // Stage 2: the link.
      let linked = false;
      // The linked message's view (the previous hash, `{`, the content), reused for the UTF-8 check.
      let view: Uint8Array | undefined;
      if (!link) {
        // Not verifying: frames only.
      } else if (linkable) {
        // The link's message (the previous stored hash, `{`, the bytes after the frame) made contiguous in
        // place (the stored hash saved, `hash":"<64>",` overwritten by `<previous 64>{`): one one-shot hash
        // of a view, no copy; the hashes compared as latin1 strings, the previous written by one native write.
        cur = buf.latin1Slice(s + 9, s + 73);
        buf.latin1Write(prevHash, s + 10, 64);
        buf[s + 74] = 123;
        view = new Uint8Array(ab, bo + s + 10, e - s - 10);
        const computed = deps.hash("sha256", view);
        if (computed !== cur) {
          // A digit that is not lowercase hex is a bad frame (stage 1), not a broken link.
          let hex = true;
          for (let k = 0; hex && k < 64; k++) if (HEXV[cur.charCodeAt(k)]! < 0) hex = false;
          if (!hex) {
            failure = { j, stage: 1, byteOffset: at };
            break;
          }
          failure = { j, stage: 2, byteOffset: at, stored: cur, computed };
          break;
        }
        linked = true;
      } else {
        first = {
          stored: buf.latin1Slice(s + 9, s + 73),
          content: new Uint8Array(buf.subarray(s + 75, e)),
        };
        linkable = true;
      }
      if (ids !== undefined ? 16 * j >= ids.length : offsets !== undefined && j >= offsets.length) grow(j);
      if (strict) {
        // Stage 3: strict content, exactly the envelope's members, and their types. UTF-8 checked on the
        // link's view when there is one (what precedes the content in it is ASCII).
        const ok =
          deps.isUtf8(view ?? buf.subarray(s + 75, e)) && deps.canonical(buf, s + 75, e, MEMBERS, spans);
        const br = ok ? counter(spans[0]!, spans[1]!) : -1;
        const pos = ok ? counter(spans[8]!, spans[9]!) : -1;
        const rev = ok ? counter(spans[10]!, spans[11]!) : -1;
        const sv = ok ? counter(spans[12]!, spans[13]!) : -1;
        if (
          !ok ||
          br < 0 ||
          pos < 0 ||
          rev < 0 ||
          sv < 0 ||
          buf[spans[4]!] !== 34 ||
          buf[spans[14]!] !== 34 ||
          buf[spans[16]!] !== 34
        ) {
          failure = { j, stage: 3, byteOffset: at };
          break;
        }
        const x = streams.intern(spans[14]! + 1, spans[15]! - 1);
        const rx = seq.stream(x, j, rev, at);
        if (offsets !== undefined) offsets[j] = at;
        if (j === 0) q0 = pos;
        // Stage 5: the id is a lowercase UUID (8-4-4-4-12 hex digits), packed into 16 bytes: its four
        // dashes, then its 16 digit pairs (one test a pair: a digit that is not lowercase hex is −1).
        const is = spans[4]! + 1;
        let idOk =
          spans[5]! - spans[4]! === 38 &&
          buf[is + 8] === 45 &&
          buf[is + 13] === 45 &&
          buf[is + 18] === 45 &&
          buf[is + 23] === 45;
        for (let b = 0; idOk && b < 16; b++) {
          const d = is + PAIR[b]!;
          const hi = HEXV[buf[d] as number]!;
          const lo = HEXV[buf[d + 1] as number]!;
          if ((hi | lo) < 0) idOk = false;
          else ids![j * 16 + b] = (hi << 4) | lo;
        }
        if (idHashes !== undefined) idHashes[j] = hashId!(idSeed, ids!, j * 16);
        if (!idOk) {
          failure = { j, stage: 5, byteOffset: at };
          j++;
          break;
        }
        // Stage 6: positions follow each other within the range (the first is the caller's to check).
        if (j > 0 && pos !== q0 + j) {
          failure = { j, stage: 6, byteOffset: at, position: pos };
          j++;
          break;
        }
        // Stages 7 and 8: the stream's revision after its previous line's in the range, and an append's
        // lines counting down (a stream's first line here, and the first line: the caller's to check).
        if (rx >= 0 && rev !== rx) {
          failure = { j, stage: 7, byteOffset: at, stream: x, revision: rev, expected: rx };
          j++;
          break;
        }
        const bx = seq.batch(j, br, at);
        if (bx >= 0 && br !== bx) {
          failure = { j, stage: 8, byteOffset: at, batch: br, expected: bx };
          j++;
          break;
        }
      } else if (offsets !== undefined) offsets[j] = at;
      prevHash = linked ? cur : buf.latin1Slice(s + 9, s + 73);
      j++;
      at = win.base + e + 1;
      last = at;
    }
    // Only stores after the loop (see above).
    n = j;
    start = at;
    stop = last;
    prev = prevHash;
    havePrev = linkable;
    p0 = q0;
  };

  /** Every result, one shape: views of the columns, not copies (a worker transfers their buffers). */
  const result = (firstStart: number, streamsFrom: number): RangeResult => {
    const trim = <T extends Int32Array | Uint8Array | Float64Array>(a: T | undefined, k = 1) =>
      a === undefined ? undefined : (a.subarray(0, n * k) as T);
    const lines = failure !== undefined && failure.stage >= 5 ? n - 1 : n;
    const met = job.strict ? seq.done() : undefined;
    return {
      lines,
      start: firstStart,
      stop,
      lastHash: lines > 0 ? prev : undefined,
      first,
      failure,
      end,
      offsets: trim(offsets),
      stream: met?.streams,
      seen: met?.seen,
      firstPosition: job.strict ? p0 : -1,
      firstBatch: job.strict ? seq.firstBatch : -1,
      lastBatch: job.strict ? seq.lastBatch : -1,
      batchLine: job.strict ? seq.batchLine : -1,
      batchAt: job.strict ? seq.batchAt : -1,
      ids: trim(ids, 16),
      idHashes: trim(idHashes),
      streams: job.strict ? streams.met : undefined,
      streamsFrom: job.strict ? streamsFrom : undefined,
      table: 0,
    };
  };

  return (rangeJob: RangeJob): RangeResult => {
    job = rangeJob;
    wjob.fd = job.fd;
    wjob.from = job.from;
    wjob.to = job.to;
    wjob.size = job.size;
    if (w === undefined || wjob.maxLineBytes !== job.maxLineBytes) {
      wjob.maxLineBytes = job.maxLineBytes;
      w = (deps.window ?? readWindow)(deps, wjob, buf);
    }
    const win = w;
    win.base = job.from;
    win.filled = 0;
    win.eof = false;
    n = 0;
    p0 = -1;
    first = undefined;
    failure = undefined;
    end = undefined;
    prev = job.prevHash ?? "";
    havePrev = job.prevHash !== undefined;
    idSeed = job.idSeed ?? 0;
    streams.reset();
    seq.reset();
    const streamsFrom = table.count;
    start = job.from;
    if (!job.aligned) start = win.firstLineStart();
    // The window keeps what finding the first line start read (nothing when aligned): not read twice.
    stop = start < 0 ? job.from : start;
    // Sized for the range at a short line's length (national lines average ~600 bytes): rarely grown.
    const guess = start < 0 ? 0 : Math.max(1024, Math.min(1 << 22, Math.ceil((job.to - job.from) / 320)));
    const strict = job.strict;
    offsets = job.offsets ? new Float64Array(guess) : undefined;
    ids = strict ? new Uint8Array(guess * 16) : undefined;
    idHashes = strict && job.idSeed !== undefined && deps.idHash ? new Int32Array(guess) : undefined;
    if (start < 0) return result(-1, streamsFrom);
    const firstStart = start;
    scan(win);
    return result(firstStart, streamsFrom);
  };
};
