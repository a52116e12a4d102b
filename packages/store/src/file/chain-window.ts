/**
 * The read window both range checkers walk a range with (`checkChainRange`, `checkLinkRange`): one
 * buffer of the file at a time, refilled and slid as the lines go, the first line start of a range
 * that does not begin on one, and each line's newline. One piece of code for both, so that the
 * framing and the torn-tail and over-long verdicts cannot drift apart between `verify` and the figure
 * commands.
 *
 * Self-contained (no reference outside its body, only built-ins), like the checkers: the worker
 * program defines it from its source text under this same name, beside them (see `chain-pool.ts`).
 */
import type { RangeDeps, RangeJob } from "./chain-range-types.js";

/**
 * A window on a ledger file: `buf[0]` holds the byte at file offset `base`, `buf[0, filled)` has been
 * read. Plain fields, read on every line by the checkers' loops.
 */
export interface ReadWindow {
  base: number;
  filled: number;
  /** Nothing more to read (the file, or the job's `size`, ended). */
  eof: boolean;
  /** Reads on after the bytes held, as much as fits. */
  fill(): void;
  /** Moves the window so that file offset `at` is at `buf[0]`, keeping the bytes read after it. */
  slide(at: number): void;
  /**
   * The first line start ≥ `job.from` (a line starts after a newline), read through the window, or
   * −1 when no line starts in [from, to). What it read stays in the window: not read twice.
   */
  firstLineStart(): number;
  /**
   * The index in `buf` of the newline ending the line that starts at file offset `start` (held by the
   * window), reading on and sliding as needed; −1 when it has none within `job.maxLineBytes` bytes or
   * before the end. After it, the line starts at `start − base`.
   */
  lineEnd(start: number): number;
}

/**
 * A read window over `buf` for one range job, positioned at `job.from` with nothing read yet.
 * @example
 * import { closeSync, openSync, readSync, writeFileSync } from "node:fs";
 * writeFileSync("window.txt", "ab\ncd\nef\n");
 * const fd = openSync("window.txt", "r");
 * const job = { fd, from: 4, to: 9, size: 9, aligned: false, prevHash: undefined, link: false, strict: false, offsets: false, maxLineBytes: 16 };
 * const w = readWindow({ readSync }, job, Buffer.alloc(64));
 * const start = w.firstLineStart();
 * console.log(start, w.lineEnd(start) - (start - w.base)); // 6 2 (the line "ef")
 * closeSync(fd);
 */
export const readWindow = (deps: Pick<RangeDeps, "readSync">, job: RangeJob, buf: Buffer): ReadWindow => {
  const cap = buf.length;
  const max = job.maxLineBytes;
  // Reads grow from 64 KiB to the buffer's size: the refill path (slide, fill) then runs within a
  // range's first lines, before a checker's loop is optimised. Met first ~3,000 lines in, after, it
  // threw the optimised loop away ("insufficient type feedback") for another compilation.
  let step = Math.min(cap, 64 * 1024);
  const w: ReadWindow = {
    base: job.from,
    filled: 0,
    eof: false,
    fill(): void {
      const want = Math.min(cap - w.filled, step, job.size - (w.base + w.filled));
      step = Math.min(cap, 2 * step);
      if (want <= 0) {
        w.eof = true;
        return;
      }
      const k = deps.readSync(job.fd, buf, w.filled, want, w.base + w.filled);
      if (k === 0) w.eof = true;
      w.filled += k;
    },
    slide(at: number): void {
      const keep = w.base + w.filled - at;
      // Copied even when nothing is kept (0 bytes): every slide runs the same code, so the first that
      // keeps bytes (~3,000 lines into a range) does not meet code an optimised loop has never run.
      buf.copy(buf, 0, Math.min(at - w.base, w.filled), w.filled);
      w.base = at;
      w.filled = Math.max(0, keep);
    },
    firstLineStart(): number {
      // From the byte before `from`: a range that begins right after a newline starts there.
      w.base = job.from - 1;
      w.filled = 0;
      for (;;) {
        w.fill();
        const nl = buf.subarray(0, w.filled).indexOf(10);
        if (nl >= 0) {
          const found = w.base + nl + 1;
          return found < job.to ? found : -1;
        }
        if (w.eof || w.base + w.filled >= job.to) return -1;
        w.slide(w.base + w.filled);
      }
    },
    lineEnd(start: number): number {
      let from = start - w.base;
      for (;;) {
        // Searched in the whole buffer (no view made per line): a hit past the bytes read is stale.
        let nl = buf.indexOf(10, from);
        if (nl >= w.filled || nl - from > max) nl = -1;
        if (nl >= 0 || w.filled - from > max || w.eof) return nl;
        w.slide(start);
        from = 0;
        w.fill();
      }
    },
  };
  return w;
};

/**
 * The members of an event line's canonical content, exactly (sorted as they are written): a function,
 * not a constant, so that the worker program can define it from its source text (see the module
 * comment); `EVENT_MEMBERS` (strict-content.ts) is its value.
 * @example eventMemberNames().length // 9
 */
export const eventMemberNames = (): string[] => [
  "batchRemaining",
  "data",
  "eventId",
  "metadata",
  "position",
  "revision",
  "schemaVersion",
  "streamId",
  "type",
];
