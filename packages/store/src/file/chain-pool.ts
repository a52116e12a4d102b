import { isUtf8 } from "node:buffer";
import { hash } from "node:crypto";
import { readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { makeCanonicalChecker } from "./chain-canonical.js";
import { checkLinkRange } from "./chain-link-range.js";
import { checkChainRange, makeRangeChecker } from "./chain-range.js";
import { rangeSequences } from "./chain-range-sequence.js";
import type { RangeDeps, RangeJob, RangeResult } from "./chain-range-types.js";
import { rangeCutter } from "./chain-schedule.js";
import { streamInterner } from "./chain-stream-table.js";
import { eventMemberNames, readWindow } from "./chain-window.js";
import { idHash } from "./event-id-set.js";

/**
 * How a chain check is spread over threads.
 * @example
 * import { closeSync } from "node:fs";
 * import { openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("pool-options.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("pool-options.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * const options: ChainCheckOptions = { link: true, strict: false, offsets: true, workers: 0, maxLineBytes: 1 << 20 }; // 0: this thread
 * let lines = 0;
 * for await (const r of checkRanges(fd, size, bodyStart, headerHash, options)) lines += r.lines;
 * console.log(lines); // 3
 * closeSync(fd);
 */
export interface ChainCheckOptions {
  readonly link: boolean;
  readonly strict: boolean;
  readonly offsets: boolean;
  /**
   * Worker threads (default: one per available core, at most 16, one fewer when the calling thread
   * helps (`callerHelps`); none for a body under {@link PARALLEL_MIN_BYTES}). `0` checks on the
   * calling thread.
   */
  readonly workers?: number;
  /**
   * Bytes per range, all equal. Default: cut as the workers ask (guided, see `chain-schedule.ts`), each
   * range a share of what is left: `strict`, 1 / (2 × workers) of it, 16–256 MiB; else 1 / (4 ×
   * workers), 4–64 MiB.
   */
  readonly rangeBytes?: number;
  /**
   * The guided cut's smallest range (default: `strict`, 1 / (8 × workers) of the body, 4–16 MiB; else
   * 4 MiB): tests cut small files finely.
   */
  readonly minRangeBytes?: number;
  readonly maxLineBytes: number;
  /** Strict: hash each event id with this seed as it is read (`RangeResult.idHashes`, for an `IdSet`). */
  readonly idSeed?: number;
  /**
   * From when the calling thread, whenever it waits for the next range's result, checks a range itself
   * (settled: from then on; default: never). A check started before the program is loaded
   * (`chain-ahead.ts`) settles it when the program takes the check: before, the calling thread loads
   * the program; after, it has nothing else to do, and one worker thread fewer is started (a worker
   * costs ~64 ms of CPU to start on this 2-vCPU machine, and the calling thread loading the program
   * competed with two hashing workers). The calling thread counts as one more worker in the guided cut.
   */
  readonly callerHelps?: Promise<void>;
  /**
   * Starts one worker thread on the checker's program (default `new Worker(source, { eval: true })`).
   * Tests pass one that crashes or runs out of memory, to check the pool then fails instead of waiting.
   */
  readonly startWorker?: (source: string) => Worker;
}

/**
 * Thrown by {@link checkRanges} when a worker thread dies before it has answered every range it was
 * sent: it raised an error it could not report (`"error"`, e.g. `ERR_WORKER_OUT_OF_MEMORY`) or exited
 * without a word (`"exit"`: `process.exit`, a crash, a kill). Without it the caller would wait forever
 * for the missing range. Callers report it as the file's check not being done (`FileUnreadable`), never
 * as a verdict on the ledger.
 *
 * @example new ChainWorkerFailed("exit", 1, undefined).reason // "exit"
 */
export class ChainWorkerFailed extends Error {
  readonly _tag = "ChainWorkerFailed";
  constructor(
    readonly reason: "error" | "exit",
    /** The worker's exit code (`"exit"`), or undefined. */
    readonly exitCode: number | undefined,
    /** The error's code or message (`"error"`), or undefined. */
    readonly detail: string | undefined,
  ) {
    super(
      reason === "exit"
        ? `a chain-check worker thread exited (code ${exitCode}) before answering: the check was not done; retry, or check with fewer workers (workers: 0 checks on the calling thread)`
        : `a chain-check worker thread failed (${detail}) before answering: the check was not done; retry, or check with fewer workers (workers: 0 checks on the calling thread)`,
    );
  }
}

/**
 * Below this many bytes of lines, starting worker threads (~30 ms each) costs more than hashing on the
 * calling thread saves (hashing runs at ~250 MB/s a core).
 * @example PARALLEL_MIN_BYTES // 16777216 (16 MiB)
 */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

// Each thread's read window: two of the longest lines, so that one always fits after a slide. Not
// larger: a thread's first touch of each page costs (~40 ms CPU for 8 MiB on this VM), and larger reads
// save nothing measurable (a few hundred more read calls at national scale).
const bufferBytes = (maxLineBytes: number): number => Math.max(2 * 1024 * 1024, 2 * (maxLineBytes + 1));

/**
 * The worker's program: the range checkers' own source, run on each job the pool sends, and the
 * helpers they share, handed to them in their deps (their text's own references to the helpers may
 * name a module binding a bundler or a test runner rewrote; the deps' copies are used first).
 */
const workerSource = (): string => `"use strict";
const { parentPort } = require("node:worker_threads");
const { readSync } = require("node:fs");
const { hash } = require("node:crypto");
const { isUtf8 } = require("node:buffer");
// This thread sends its results' columns by transfer, which detaches their buffers; V8's first detach
// in an isolate withdraws an assumption that every optimised function reading a typed array made, and
// deoptimised them all (the checkers, the canonical checker, the id hash) at the end of each worker's
// first range, to be compiled again. One detach now, before anything is optimised, so that they are
// compiled once, for detachable buffers. This thread's own isolate only: no flag, nothing global.
{
  const b = new ArrayBuffer(8);
  structuredClone(b, { transfer: [b] });
}
const readWindow = (${readWindow.toString()});
const eventMemberNames = (${eventMemberNames.toString()});
const makeCanonicalChecker = (${makeCanonicalChecker.toString()});
const streamInterner = (${streamInterner.toString()});
const rangeSequences = (${rangeSequences.toString()});
const makeRangeChecker = (${makeRangeChecker.toString()});
const checkLinkRange = (${checkLinkRange.toString()});
const idHash = (${idHash.toString()});
let deps;
let buf;
let strict;
parentPort.on("message", (m) => {
  try {
    deps ??= { readSync, hash, isUtf8, canonical: makeCanonicalChecker(), window: readWindow, memberNames: eventMemberNames, idHash, interner: streamInterner, sequences: rangeSequences };
    buf ??= Buffer.allocUnsafe(m.bufferBytes);
    // One strict checker a thread: one stream table for every range it checks (each stream named once a
    // thread), and the same functions and shapes on every range (see makeRangeChecker).
    strict ??= makeRangeChecker(deps, buf);
    const r = m.job.strict ? strict(m.job) : checkLinkRange(deps, m.job, buf);
    r.table = m.table;
    const transfer = [r.offsets, r.stream, r.seen, r.ids, r.idHashes]
      .filter((a) => a !== undefined && a.buffer.byteLength > 0)
      .map((a) => a.buffer);
    parentPort.postMessage({ id: m.id, result: r }, transfer);
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

let source: string | undefined;

/** What a range check on the calling thread needs (a worker `require`s its own). */
const callerDeps = (): RangeDeps => ({
  readSync: (f, b, o, l, p) => readSync(f, b, o, l, p),
  hash,
  isUtf8,
  canonical: makeCanonicalChecker(),
  idHash,
});

/**
 * Checks every line of a ledger's body (the lines starting in [from, size)) in ranges, on worker
 * threads when the body is large enough, and yields each range's result **in file order** as soon as
 * it and every range before it are done; the caller joins them (the first line of each range is
 * linked to the previous range's last hash) and may stop early: the workers are then stopped.
 * Throws on an I/O error, and {@link ChainWorkerFailed} when a worker thread dies before answering.
 *
 * @example
 * import { closeSync } from "node:fs";
 * import { openChain } from "@coop-ledger/store/internal";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("pool.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 5), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const o = openChain("pool.jsonl");
 * if (o._tag === "Left") throw new Error(o.left.message);
 * const { fd, size, bodyStart, headerHash } = o.right;
 * // Two worker threads and small ranges, to show the joining (by default a body under 16 MiB is
 * // checked on the calling thread).
 * const opts = { link: true, strict: false, offsets: false, workers: 2, rangeBytes: 256, maxLineBytes: 1 << 20 };
 * let total = 0;
 * let ranges = 0;
 * for await (const r of checkRanges(fd, size, bodyStart, headerHash, opts)) {
 *   total += r.lines;
 *   ranges++;
 * }
 * console.log(total, ranges > 1); // 5 true
 * closeSync(fd);
 */
export async function* checkRanges(
  fd: number,
  size: number,
  from: number,
  prevHash: string,
  options: ChainCheckOptions,
): AsyncGenerator<RangeResult, void, undefined> {
  const body = size - from;
  const job = (a: number, b: number, first: boolean): RangeJob => ({
    fd,
    from: a,
    to: b,
    size,
    aligned: first,
    prevHash: first ? prevHash : undefined,
    link: options.link,
    strict: options.strict,
    offsets: options.offsets,
    maxLineBytes: options.maxLineBytes,
    ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
  });
  // By default one a core (the calling thread's core too when it helps), none for a small body.
  const cores = Math.min(availableParallelism(), 16);
  const workers = Math.max(
    0,
    Math.floor(
      options.workers ??
        (body < PARALLEL_MIN_BYTES ? 0 : options.callerHelps !== undefined ? Math.max(1, cores - 1) : cores),
    ),
  );
  if (workers === 0 || body <= 0) {
    const deps = callerDeps();
    // Not strict: the link-only checker (same verdicts; see chain-link-range.ts).
    const check = options.strict ? checkChainRange : checkLinkRange;
    yield check(deps, job(from, size, true), Buffer.allocUnsafe(bufferBytes(options.maxLineBytes)));
    return;
  }
  // Ranges cut as the workers ask for them, shrinking as the body is used up (chain-schedule.ts): the
  // first ones large (strict: a quarter of the body on two workers, as the four equal ranges cut before
  // were), the last ones small, so that neither worker idles long at the end while the other finishes
  // a large range (cut equal up front, one of two workers idled ~1 s of a national `verify`). More
  // ranges no longer cost measurable CPU now that a worker keeps one checker for all its ranges
  // (0445d6b; the "+0.2 s CPU a strict range" measured before it is gone): national `verify`, load
  // 4–8.5, 5× alternated, 4 equal ranges 5.36–7.58 s CPU (median 7.13), guided (12 ranges) 5.36–7.06 s
  // (median 6.01); the verified `snapshot` (link-only) 2.07–2.88 s before, 2.04–2.81 s guided.
  // The strict cut's smallest range: 16 MiB (national: 12 ranges), less on a body under 256 MiB (two
  // workers), down to 4 MiB, so that a small body still gives each worker a few ranges.
  const helps = options.callerHelps !== undefined;
  const strictMin = Math.min(16 << 20, Math.max(4 << 20, Math.ceil(body / (workers * 8))));
  const cut = rangeCutter(
    from,
    size,
    options.rangeBytes !== undefined
      ? { rangeBytes: options.rangeBytes }
      : options.strict
        ? {
            workers: workers + (helps ? 1 : 0),
            share: 2,
            min: options.minRangeBytes ?? strictMin,
            max: 256 << 20,
          }
        : {
            workers: workers + (helps ? 1 : 0),
            share: 4,
            min: options.minRangeBytes ?? 4 << 20,
            max: 64 << 20,
          },
  );
  let cutAt = from;
  source ??= workerSource();
  const start = options.startWorker ?? ((src: string) => new Worker(src, { eval: true }));
  const pool = Array.from({ length: Math.min(workers, cut.most) }, () => start(source!));
  const results: Array<RangeResult | undefined> = [];
  let next = 0;
  // Set once every range is cut and sent: the last result is then number `next - 1`.
  let allSent = false;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  // Set once the caller has every result it asked for (or stopped early): exits after that are ours.
  let finished = false;
  // Each worker's number goes with its jobs: a result names the stream table it indexes (`table`).
  const send = (w: Worker, table: number): void => {
    if (allSent || failed !== undefined) return;
    const e = cut.next();
    if (e === undefined) {
      allSent = true;
      wake?.();
      return;
    }
    const id = next++;
    w.postMessage({
      id,
      job: job(cutAt, e, cutAt === from),
      bufferBytes: bufferBytes(options.maxLineBytes),
      table,
    });
    cutAt = e;
    if (e >= size) allSent = true;
  };
  for (const [k, w] of pool.entries()) {
    w.on("message", (m: { id: number; result?: RangeResult; error?: string }) => {
      if (m.error !== undefined) failed ??= new Error(m.error);
      else results[m.id] = m.result!;
      send(w, k);
      wake?.();
    });
    // A worker that dies never posts its range: fail the whole check at once rather than wait forever.
    w.on("error", (e: Error & { code?: string }) => {
      failed ??= new ChainWorkerFailed("error", undefined, e.code ?? e.message);
      wake?.();
    });
    w.on("exit", (code: number) => {
      if (finished) return;
      failed ??= new ChainWorkerFailed("exit", code, undefined);
      wake?.();
    });
    send(w, k);
  }
  // A second job queued on each worker, so that it starts its next range as soon as it is done with one:
  // with one job at a time it waited for the calling thread to take its result and send the next,
  // which comes only after that thread's join of the range before (30-40 ms a range seen at national
  // scale, under load). Each worker still gets its ranges in file order.
  for (const [k, w] of pool.entries()) send(w, k);
  // The calling thread's own checker (see `callerHelps`): made at its first range; its stream table is
  // numbered after the workers'.
  let own: ((j: RangeJob) => RangeResult) | undefined;
  let helping = false;
  // A promise that fails only means the calling thread never helps (the workers check every range).
  options.callerHelps?.then(
    () => {
      helping = true;
      wake?.();
    },
    () => undefined,
  );
  const helpOnce = (): void => {
    const e = cut.next();
    if (e === undefined) {
      allSent = true;
      return;
    }
    const id = next++;
    const j = job(cutAt, e, cutAt === from);
    cutAt = e;
    if (e >= size) allSent = true;
    if (own === undefined) {
      const deps = callerDeps();
      const buf = Buffer.allocUnsafe(bufferBytes(options.maxLineBytes));
      const strict = makeRangeChecker(deps, buf);
      own = (x) => (x.strict ? strict(x) : checkLinkRange(deps, x, buf));
    }
    try {
      results[id] = { ...own(j), table: pool.length };
    } catch (err) {
      failed ??= err instanceof Error ? err : new Error(String(err));
    }
  };
  try {
    for (let k = 0; !allSent || k < next; k++) {
      while (results[k] === undefined) {
        if (allSent && k >= next) return;
        if (failed !== undefined) throw failed;
        if (helping && !allSent) {
          helpOnce();
          // The workers' messages (a result, a request for the next range) are handled between the
          // calling thread's ranges: each worker has a second range queued meanwhile.
          await new Promise<void>((r) => setImmediate(r));
          continue;
        }
        await new Promise<void>((r) => {
          wake = r;
        });
        wake = undefined;
      }
      const r = results[k]!;
      results[k] = undefined;
      yield r;
    }
  } finally {
    finished = true;
    allSent = true;
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
