/**
 * The chain check of one range without the strict checks: what a verified `snapshot` (and every other
 * reader that verifies, through `scanChain`) runs on each range, at the hashing floor's pace. Every line
 * that **starts** in [from, to) is framed (`{"hash":"<64 lowercase hex>",`) and, with `link`, its chain
 * link recomputed (SHA-256 of the previous line's stored hash, `{` and the line's bytes after its
 * hash member) and compared with its stored hash; the first line's link, whose previous line lies in
 * the range before, is handed back for the caller to check when it joins the ranges. The verdicts,
 * stages and results are exactly `checkChainRange`'s for a job that is not `strict` (see
 * `chain-link-range.test.ts`).
 *
 * A function of its own, not a branch of `checkChainRange`, because each worker thread compiles it
 * cold: its small loop is optimised after a few thousand lines, where the strict checker's large one
 * ran ~100 ms unoptimised on every worker. Self-contained (no reference outside its body but the read
 * window both checkers share, `chain-window.ts`, which a worker hands it in its deps; only built-ins)
 * because worker threads run its source text (see `chain-pool.ts`).
 */
import type { Latin1Buffer, RangeDeps, RangeJob, RangeResult } from "./chain-range-types.js";
import { readWindow } from "./chain-window.js";

/**
 * Checks one range's frames and chain links (see the module comment). Throws only on an I/O error.
 * @example
 * import { closeSync, readSync } from "node:fs";
 * import { isUtf8 } from "node:buffer";
 * import { hash } from "node:crypto";
 * import { makeCanonicalChecker, openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("link-range.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("link-range.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker() };
 * const job = { fd, from: bodyStart, to: size, size, aligned: true, prevHash: headerHash, link: true, strict: false, offsets: true, maxLineBytes: 1 << 20 };
 * const r = checkLinkRange(deps, job, Buffer.allocUnsafe(8 << 20));
 * console.log(r.lines, r.failure, r.end); // 3 undefined undefined
 * console.log(checkLinkRange(deps, { ...job, prevHash: "0".repeat(64) }, Buffer.allocUnsafe(8 << 20)).failure?.stage); // 2
 * closeSync(fd);
 */
export const checkLinkRange = (deps: RangeDeps, job: RangeJob, buffer: Buffer): RangeResult => {
  const buf = buffer as Latin1Buffer;
  const ab = buf.buffer;
  const bo = buf.byteOffset;
  // The shared window: the deps' copy on a worker thread (see RangeDeps.window).
  const w = (deps.window ?? readWindow)(deps, job, buf);
  const result = (lines: number, start: number, stop: number, lastHash: string | undefined): RangeResult => ({
    lines,
    start,
    stop,
    lastHash,
    first,
    failure,
    end,
    offsets: offsets === undefined ? undefined : offsets.subarray(0, lines),
    stream: undefined,
    seen: undefined,
    firstPosition: -1,
    firstBatch: -1,
    lastBatch: -1,
    batchLine: -1,
    batchAt: -1,
    ids: undefined,
    idHashes: undefined,
    streams: undefined,
    streamsFrom: undefined,
    table: 0,
  });
  let first: RangeResult["first"];
  let failure: RangeResult["failure"];
  let end: RangeResult["end"];
  // Sized for the range at a short line's length (a national ledger's lines average ~600 bytes).
  let offsets = job.offsets
    ? new Float64Array(Math.max(1024, Math.ceil((job.to - job.from) / 320)))
    : undefined;

  let start = job.from;
  if (!job.aligned) {
    start = w.firstLineStart();
    if (start < 0) {
      if (offsets !== undefined) offsets = new Float64Array(0);
      return result(0, -1, job.from, undefined);
    }
  }

  // Lowercase hex digit values by byte (−1: not one).
  const HEXV = new Int8Array(256).fill(-1);
  for (let c = 0; c < 10; c++) HEXV[48 + c] = c;
  for (let c = 0; c < 6; c++) HEXV[97 + c] = 10 + c;
  const hexAt = (a: number): boolean => {
    for (let k = a; k < a + 64; k++) if (HEXV[buf[k] as number]! < 0) return false;
    return true;
  };
  // The previous line's stored hash (the link's first 64 bytes, written into the next line's frame).
  let prev = job.prevHash ?? "";
  let havePrev = job.prevHash !== undefined;
  const firstStart = start;
  let stop = start;
  let n = 0;
  // The window keeps what finding the first line start read (nothing when aligned): not read twice.
  while (start < job.to) {
    const nl = w.lineEnd(start);
    const s = start - w.base;
    if (nl < 0) {
      const rest = w.filled - s;
      if (rest > job.maxLineBytes) end = { tag: "TooLong", byteOffset: start };
      else if (rest > 0) end = { tag: "TornTail", byteOffset: start, length: rest };
      break;
    }
    const e = nl;
    // Stage 1: the frame {"hash":"<64 lowercase hex>", (the digits are checked by the link when it is
    // recomputed: a digit that is not lowercase hex cannot match; on their own otherwise).
    const framed =
      e - s >= 77 &&
      buf[s] === 123 &&
      buf[s + 1] === 34 &&
      buf[s + 2] === 104 &&
      buf[s + 3] === 97 &&
      buf[s + 4] === 115 &&
      buf[s + 5] === 104 &&
      buf[s + 6] === 34 &&
      buf[s + 7] === 58 &&
      buf[s + 8] === 34 &&
      buf[s + 73] === 34 &&
      buf[s + 74] === 44;
    if (!framed || ((!job.link || !havePrev) && !hexAt(s + 9))) {
      failure = { j: n, stage: 1, byteOffset: start };
      break;
    }
    const cur = buf.latin1Slice(s + 9, s + 73);
    if (job.link && havePrev) {
      // The link's message (the previous stored hash, `{`, this line's bytes after its frame) made
      // contiguous in place: the frame `hash":"<64>",` is overwritten by `<previous 64>{` (this line's
      // stored hash was taken first), then one one-shot hash of a plain view: no hash object, no copy of
      // the content. The buffer is this check's own and the line is not read again.
      buf.latin1Write(prev, s + 10, 64);
      buf[s + 74] = 123;
      const computed = deps.hash("sha256", new Uint8Array(ab, bo + s + 10, e - s - 10));
      if (computed !== cur) {
        // A digit that is not lowercase hex is a bad frame (stage 1), not a broken link.
        let hex = true;
        for (let k = 0; hex && k < 64; k++) if (HEXV[cur.charCodeAt(k)]! < 0) hex = false;
        failure = hex
          ? { j: n, stage: 2, byteOffset: start, stored: cur, computed }
          : { j: n, stage: 1, byteOffset: start };
        break;
      }
    } else if (job.link) {
      first = { stored: cur, content: new Uint8Array(buf.subarray(s + 75, e)) };
      havePrev = true;
    }
    if (offsets !== undefined) {
      if (n >= offsets.length) {
        const grown = new Float64Array(offsets.length * 2);
        grown.set(offsets);
        offsets = grown;
      }
      offsets[n] = start;
    }
    prev = cur;
    n++;
    start = w.base + e + 1;
    stop = start;
  }
  return result(n, firstStart, stop, n > 0 ? prev : undefined);
};
