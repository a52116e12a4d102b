/**
 * One range of a ledger file checked on its own: every line that **starts** in [from, to) is framed,
 * its chain link recomputed (SHA-256 of the previous line's stored hash, `{` and the line's bytes after
 * the hash member) and, in strict mode, its content checked against the format's strict-content rule
 * and its envelope members read. A link needs only the previous line's stored hash, so ranges are
 * independent: the one link a range cannot check alone (its first line's, whose previous line lies in
 * the range before) is handed back for the caller to check when it joins the ranges.
 *
 * Written as one self-contained function of its arguments (no reference outside its body but the read
 * window and member names it shares with `checkLinkRange`, `chain-window.ts`, which a worker hands it in
 * its deps; only built-ins) because worker threads run its source text (see `chain-pool.ts`); the main thread calls
 * the same function for files too small for workers to pay. A job that is not strict goes to
 * `checkLinkRange` (`chain-link-range.ts`) instead: same verdicts, a loop small enough to be optimised
 * soon on each cold worker.
 */

import type {
  Latin1Buffer,
  RangeDeps,
  RangeFailure,
  RangeJob,
  RangeResult,
  StreamTable,
} from "./chain-range-types.js";
import { eventMemberNames, readWindow } from "./chain-window.js";

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
  table: StreamTable = {
    slots: new Int32Array(8 * 1024),
    keys: new Uint8Array(16 * 1024),
    starts: [],
    used: 0,
    count: 0,
  },
): RangeResult => {
  const buf = buffer as Latin1Buffer;
  const ab = buf.buffer; // read once: the getter, once a line, showed in profiles
  const bo = buf.byteOffset;
  const PREFIX = [123, 34, 104, 97, 115, 104, 34, 58, 34]; // {"hash":"
  const MEMBERS = (deps.memberNames ?? eventMemberNames)().map((m) =>
    Uint8Array.from(m, (ch) => ch.charCodeAt(0)),
  );
  const max = job.maxLineBytes;
  // The shared window and member names: the deps' copies on a worker thread (see RangeDeps.window).
  const w = (deps.window ?? readWindow)(deps, job, buf);
  let start = job.from;
  if (!job.aligned) {
    start = w.firstLineStart();
    if (start < 0) return empty(job.from);
  }

  let n = 0;
  // Sized for the range at a short line's length (a national ledger's lines average ~600 bytes), so
  // that the columns rarely grow.
  const guess = Math.max(1024, Math.min(1 << 22, Math.ceil((job.to - job.from) / 320)));
  let offsets = job.offsets || job.strict ? new Float64Array(guess) : undefined;
  let stream = job.strict ? new Int32Array(guess) : undefined;
  let revision = job.strict ? new Float64Array(guess) : undefined;
  let batch = job.strict ? new Float64Array(guess) : undefined;
  let position = job.strict ? new Float64Array(guess) : undefined;
  let ids = job.strict ? new Uint8Array(guess * 16) : undefined;
  const hashId = job.idSeed === undefined ? undefined : deps.idHash;
  const idSeed = job.idSeed ?? 0;
  let idHashes = job.strict && hashId !== undefined ? new Int32Array(guess) : undefined;
  // The names of the streams this range met first (the table's indices `streamsFrom` on).
  const streams: string[] = [];
  const streamsFrom = table.count;
  // Streams interned by their bytes, not by a decoded string (a string made and hashed per line was
  // the largest single cost of a worker's profile): an open-addressing table hashed with a random seed
  // (the table's own), eight ints a slot (stream index + 1, the bytes' hash, their length, and their
  // first 20 bytes as five little-endian words, zero after the end), so that a lookup reads one slot
  // (one cache line, where a slot pointing at the bytes elsewhere cost two misses a line); a longer
  // name's rest is compared in `keys`. Content is canonical by then (one escaping per string), so equal
  // bytes are equal names and vice versa. The table is the caller's: a worker keeps one across the
  // ranges it checks (a stream is decoded and named once a worker, not once a range), and the caller
  // maps each table's indices to ledger-wide streams by name.
  table.seed ??= Math.floor(Math.random() * 0x100000000) | 0;
  const seed = table.seed;
  const dv = new DataView(ab, bo, buf.length);
  const bytesHash = (a: number, b: number): number => {
    let h = seed ^ 0x811c9dc5;
    for (let k = a; k < b; k++) h = Math.imul(h ^ (buf[k] as number), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 13);
  };
  /**
   * The stream index of the name whose canonical string token is buf[a − 1, b + 1). The words are read
   * through the view: the last one may take up to three bytes after the name (its closing quote and
   * the `type` member that follows it in a canonical line), masked off.
   */
  const internStream = (a: number, b: number): number => {
    const h = bytesHash(a, b);
    const len = b - a;
    const inline = Math.min(len, 20);
    const whole = inline >> 2;
    const tail = inline & 3 ? (1 << (8 * (inline & 3))) - 1 : 0;
    const slots = table.slots;
    const mask = slots.length / 8 - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const x = 8 * slot;
      const t = slots[x]!;
      if (t === 0) return addStream(a, b, h, slot);
      if (slots[x + 1] !== h || slots[x + 2] !== len) continue;
      let q = 0;
      while (q < whole && dv.getInt32(a + 4 * q, true) === slots[x + 3 + q]) q++;
      if (q < whole || (tail !== 0 && (dv.getInt32(a + 4 * q, true) & tail) !== slots[x + 3 + q])) continue;
      if (len <= 20) return t - 1;
      const ks = table.starts[t - 1]!;
      let k = 20;
      while (k < len && table.keys[ks + k] === buf[a + k]) k++;
      if (k === len) return t - 1;
    }
  };
  /** A stream not seen before (its own function: the lookup above stays small and hot). */
  const addStream = (a: number, b: number, h: number, free: number): number => {
    const si = table.count++;
    // An escape only through JSON.parse (the exact decoding).
    let esc = false;
    for (let k = a; k < b; k++) if (buf[k] === 92) esc = true;
    streams.push(
      esc ? (JSON.parse(buf.toString("utf8", a - 1, b + 1)) as string) : buf.toString("utf8", a, b),
    );
    if (table.used + (b - a) > table.keys.length) {
      const kb = new Uint8Array(Math.max(2 * table.keys.length, table.used + (b - a)));
      kb.set(table.keys);
      table.keys = kb;
    }
    table.starts.push(table.used);
    for (let k = a; k < b; k++) table.keys[table.used++] = buf[k] as number;
    let slot = free;
    if (2 * (si + 1) > table.slots.length / 8) {
      const old = table.slots;
      const grown = new Int32Array(2 * old.length);
      const mask = grown.length / 8 - 1;
      for (let x = 0; x < old.length; x += 8) {
        if (old[x] === 0) continue;
        let q = old[x + 1]! & mask;
        while (grown[8 * q] !== 0) q = (q + 1) & mask;
        grown.set(old.subarray(x, x + 8), 8 * q);
      }
      table.slots = grown;
      slot = h & mask;
      while (grown[8 * slot] !== 0) slot = (slot + 1) & mask;
    }
    const x = 8 * slot;
    const slots = table.slots;
    slots[x] = si + 1;
    slots[x + 1] = h;
    slots[x + 2] = b - a;
    for (let k = 0; k < 20 && a + k < b; k++)
      slots[x + 3 + (k >> 2)]! |= (buf[a + k] as number) << (8 * (k & 3));
    return si;
  };
  const spans = new Int32Array(18);
  // The previous line's stored hash, as a string (compared with the computed hex as a whole, and
  // written into the next line's frame by one native write).
  let prev = job.prevHash ?? "";
  let havePrev = job.prevHash !== undefined;
  // The stored hash of the line being linked (read before its frame is overwritten; see stage 2).
  let cur = "";
  let first: RangeResult["first"];
  let failure: RangeFailure | undefined;
  let end: RangeResult["end"];
  let stop = start;
  let p0 = 0;

  const grow = (): void => {
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, k: number): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a.subarray(0, n * k));
      return b;
    };
    if (offsets !== undefined) offsets = g(offsets, 1);
    if (stream !== undefined) stream = g(stream, 1);
    if (revision !== undefined) revision = g(revision, 1);
    if (batch !== undefined) batch = g(batch, 1);
    if (position !== undefined) position = g(position, 1);
    if (ids !== undefined) ids = g(ids, 16);
    if (idHashes !== undefined) idHashes = g(idHashes, 1);
  };
  // Lowercase hex digit values by byte (−1: not one).
  const HEXV = new Int8Array(256).fill(-1);
  for (let c = 0; c < 10; c++) HEXV[48 + c] = c;
  for (let c = 0; c < 6; c++) HEXV[97 + c] = 10 + c;
  // Where each of a UUID's 16 digit pairs starts (after the dashes at 8, 13, 18 and 23).
  const PAIR = Int32Array.of(0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34);
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

  const firstStart = start;
  // The window keeps what finding the first line start read (nothing when aligned): not read twice.
  while (start < job.to) {
    const nl = w.lineEnd(start);
    const s = start - w.base;
    if (nl < 0) {
      const rest = w.filled - s;
      if (rest > max) end = { tag: "TooLong", byteOffset: start };
      else if (rest > 0) end = { tag: "TornTail", byteOffset: start, length: rest };
      break;
    }
    const e = nl; // at most `max` bytes after s (a newline further was not taken above)
    // Stage 1: the frame {"hash":"<64 lowercase hex>",
    let framed = e - s >= 77 && buf[s + 73] === 34 && buf[s + 74] === 44;
    for (let k = 0; framed && k < 9; k++) if (buf[s + k] !== PREFIX[k]) framed = false;
    // The 64 digits are checked with the link when it is recomputed (a digit that is not lowercase
    // hex cannot match), and on their own otherwise.
    const hexChecked = job.link && havePrev;
    for (let k = s + 9; framed && !hexChecked && k < s + 73; k++)
      if (HEXV[buf[k] as number]! < 0) framed = false;
    if (!framed) {
      failure = { j: n, stage: 1, byteOffset: start };
      break;
    }
    // Stage 2: the link.
    let linked = false;
    // The linked message's view (the previous hash, `{`, the content), reused for the UTF-8 check.
    let view: Uint8Array | undefined;
    if (!job.link) {
      // Not verifying: frames only.
    } else if (havePrev) {
      // The link's message (the previous stored hash, `{`, this line's bytes after its frame) is made
      // contiguous in place: this line's own stored hash is saved, then the frame `hash":"<64>",` is
      // overwritten by `<previous 64>{`, so that one one-shot hash of a view covers it: no hash object,
      // no copy of the line's content. The buffer is this check's own and the line is not read again.
      // The stored hash is taken as a latin1 string and compared with the computed hex as a whole;
      // the previous one is written by one native latin1 write (two 64-byte JS loops a line cost more).
      cur = buf.latin1Slice(s + 9, s + 73);
      buf.latin1Write(prev, s + 10, 64);
      buf[s + 74] = 123;
      view = new Uint8Array(ab, bo + s + 10, e - s - 10);
      const computed = deps.hash("sha256", view);
      if (computed !== cur) {
        // A digit that is not lowercase hex is a bad frame (stage 1), not a broken link.
        let hex = true;
        for (let k = 0; hex && k < 64; k++) if (HEXV[cur.charCodeAt(k)]! < 0) hex = false;
        if (!hex) {
          failure = { j: n, stage: 1, byteOffset: start };
          break;
        }
        failure = { j: n, stage: 2, byteOffset: start, stored: cur, computed };
        break;
      }
      linked = true;
    } else {
      first = {
        stored: buf.latin1Slice(s + 9, s + 73),
        content: new Uint8Array(buf.subarray(s + 75, e)),
      };
      havePrev = true;
    }
    if (offsets !== undefined && n >= offsets.length) grow();
    if (job.strict) {
      // Stage 3: strict content, exactly the envelope's members, and their types. The UTF-8 check runs
      // on the link's view when there is one: what precedes the content in it is ASCII (64 hex digits
      // and `{`), so it is valid UTF-8 exactly when the content is.
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
        failure = { j: n, stage: 3, byteOffset: start };
        break;
      }
      // The stream, interned per range by its bytes (decoded exactly once, when first seen).
      stream![n] = internStream(spans[14]! + 1, spans[15]! - 1);
      revision![n] = rev;
      batch![n] = br;
      position![n] = pos;
      offsets![n] = start;
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
        const at = is + PAIR[b]!;
        const hi = HEXV[buf[at] as number]!;
        const lo = HEXV[buf[at + 1] as number]!;
        if ((hi | lo) < 0) idOk = false;
        else ids![n * 16 + b] = (hi << 4) | lo;
      }
      if (idHashes !== undefined) idHashes[n] = hashId!(idSeed, ids!, n * 16);
      if (!idOk) {
        failure = { j: n, stage: 5, byteOffset: start };
        n++;
        break;
      }
      // Stage 6: positions follow each other within the range (the first is the caller's to check).
      if (n === 0) p0 = pos;
      else if (pos !== p0 + n) {
        failure = { j: n, stage: 6, byteOffset: start, position: pos };
        n++;
        break;
      }
    } else if (offsets !== undefined) offsets[n] = start;
    prev = linked ? cur : buf.latin1Slice(s + 9, s + 73);
    n++;
    start = w.base + e + 1;
    stop = start;
  }
  // Views, not copies (the columns are sized for the range; a worker transfers their buffers).
  const trim = <T extends Float64Array | Int32Array | Uint8Array>(a: T | undefined, k = 1): T | undefined =>
    a === undefined ? undefined : (a.subarray(0, n * k) as T);
  const lines = failure !== undefined && failure.stage >= 5 ? n - 1 : n;
  return {
    lines,
    start: firstStart,
    stop,
    lastHash: lines > 0 ? prev : undefined,
    first,
    failure,
    end,
    offsets: trim(offsets),
    stream: trim(stream),
    revision: trim(revision),
    batch: trim(batch),
    position: trim(position),
    ids: trim(ids, 16),
    idHashes: trim(idHashes),
    streams: job.strict ? streams : undefined,
    streamsFrom: job.strict ? streamsFrom : undefined,
  };

  function empty(at: number): RangeResult {
    return {
      lines: 0,
      start: -1,
      stop: at,
      lastHash: undefined,
      first: undefined,
      failure: undefined,
      end: undefined,
      offsets: job.offsets || job.strict ? new Float64Array(0) : undefined,
      stream: job.strict ? new Int32Array(0) : undefined,
      revision: job.strict ? new Float64Array(0) : undefined,
      batch: job.strict ? new Float64Array(0) : undefined,
      position: job.strict ? new Float64Array(0) : undefined,
      ids: job.strict ? new Uint8Array(0) : undefined,
      streams: job.strict ? [] : undefined,
      streamsFrom: job.strict ? table.count : undefined,
    };
  }
};
