/**
 * A chain check started ahead: before the program that will ask for it is loaded (issue #12). A cold
 * `coop-ledger snapshot` spends ~0.2 s loading its modules on one core while the other idles; the
 * check's worker threads, started first, hash the ledger meanwhile, and `scanChainTaking` takes their
 * results when the program asks for the same file.
 *
 * Light on purpose (the pool, the line limit and Node's modules; no codec, no fp-ts): it runs before
 * the rest is loaded. The header line is not checked here, only framed: `scanChain` checks it as
 * always, and uses what was started only if the file, its size, its body's start and the header's
 * stored hash are those it finds; else it stops it and checks anew. So a check started ahead changes
 * no verdict and no message, only when the hashing began.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { checkRanges, PARALLEL_MIN_BYTES } from "./chain-pool.js";
import type { RangeResult } from "./chain-range-types.js";
import { MAX_LINE_BYTES } from "./line-limit.js";

/**
 * A chain check under way, started by {@link startChainCheck}, for `scanChain` to take.
 * @example
 * const c = startChainCheck("national.jsonl", { offsets: true }); // undefined for a small or odd file
 * c?.stop(); // nobody will take it
 */
export interface StartedChainCheck {
  /** The file checked (device and inode), its size when the check started: the ranges cover that much. */
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  /** Where the first event line starts, and the stored hash of the header it links to. */
  readonly bodyStart: number;
  readonly headerHash: string;
  /** Whether the ranges collect each line's offset. */
  readonly offsets: boolean;
  /**
   * The ranges' results in file order (as `checkRanges` yields them), once; the check keeps the process
   * alive from now on (before, its threads do not: a check nobody takes does not delay the exit).
   */
  take(): AsyncGenerator<RangeResult, void, undefined>;
  /** Stops the check nobody will take: its threads, then its file. */
  stop(): void;
}

/**
 * Options of {@link startChainCheck}: whether to collect line offsets (as the `scanChain` that will take
 * it asks), and for tests the pool's threads and range size and the smallest file checked ahead.
 * @example const o: ChainAheadOptions = { offsets: true }; // the CLI's
 */
export interface ChainAheadOptions {
  readonly offsets: boolean;
  /**
   * Worker threads (default: `checkRanges`' for a calling thread that helps: one per core but one, at
   * least one). Once the check is taken, the calling thread checks ranges too whenever it waits for
   * one (`ChainCheckOptions.callerHelps`): before that it loads the program; after, it has nothing
   * else to do.
   */
  readonly workers?: number;
  /** Bytes per range (default: `checkRanges`'). */
  readonly rangeBytes?: number;
  /** Smaller files are not checked ahead (default {@link PARALLEL_MIN_BYTES}: checked on the calling thread anyway). */
  readonly minBytes?: number;
}

/** Bytes read to find the header line's end: a header is ~230 bytes; a longer one is left to scanChain. */
const HEAD_BYTES = 4096;

/**
 * Starts the link-only chain check of a ledger file on worker threads, now; undefined (nothing started)
 * when the file cannot be opened, is not a regular file, is small enough to be checked on the calling
 * thread anyway ({@link PARALLEL_MIN_BYTES}), or its first line is not framed as a ledger line (then
 * `scanChain` reports it as usual). The threads do not keep the process alive until it is taken.
 * @example
 * const started = startChainCheck("national.jsonl", { offsets: true });
 * // … load the rest of the program …
 * const r = await scanChainTaking("national.jsonl", { offsets: true }, started)(); // the same result as scanChain's
 */
export const startChainCheck = (path: string, options: ChainAheadOptions): StartedChainCheck | undefined => {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  let started = false;
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < (options.minBytes ?? PARALLEL_MIN_BYTES)) return undefined;
    const head = Buffer.allocUnsafe(HEAD_BYTES);
    const got = readSync(fd, head, 0, HEAD_BYTES, 0);
    const nl = head.subarray(0, got).indexOf(10);
    if (nl < 75 || head.toString("latin1", 0, 9) !== '{"hash":"') return undefined;
    const headerHash = head.toString("latin1", 9, 73);
    const workers: Worker[] = [];
    let taken = (): void => undefined;
    const takenOnce = new Promise<void>((r) => {
      taken = r;
    });
    const ranges = checkRanges(fd, st.size, nl + 1, headerHash, {
      link: true,
      strict: false,
      offsets: options.offsets,
      maxLineBytes: MAX_LINE_BYTES,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      callerHelps: takenOnce,
      ...(options.rangeBytes === undefined ? {} : { rangeBytes: options.rangeBytes }),
      startWorker: (source) => {
        const w = new Worker(source, { eval: true });
        workers.push(w);
        return w;
      },
    });
    // Starts the threads (synchronously, up to the pool's first wait), then lets the process end without
    // them (after the pool listens to them: a listener added later would hold the process again).
    const first = ranges.next();
    for (const w of workers) w.unref();
    // Awaited by take(); a check stopped or never taken must not surface as an unhandled rejection.
    first.catch(() => undefined);
    started = workers.length > 0;
    if (!started) return undefined;
    let closed = false;
    const close = (): void => {
      if (!closed) closeSync(fd);
      closed = true;
    };
    return {
      dev: st.dev,
      ino: st.ino,
      size: st.size,
      bodyStart: nl + 1,
      headerHash,
      offsets: options.offsets,
      take: async function* () {
        for (const w of workers) w.ref();
        taken();
        try {
          const r = await first;
          if (r.done === true) return;
          yield r.value;
          yield* ranges;
        } finally {
          close();
        }
      },
      stop: () => {
        void Promise.all(workers.map((w) => w.terminate())).finally(close);
      },
    };
  } finally {
    if (!started) closeSync(fd);
  }
};
