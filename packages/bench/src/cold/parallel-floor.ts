import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// The worker's program, run as source text (`eval`): the bench's dist has no separate worker entry,
// and the work is a dozen lines of built-ins. A worker hashes every line that **starts** in its byte
// range [from, to) (a line is one SHA-256 over a plain view of its bytes, as in `floors`), so that the
// ranges together hash each line exactly once.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { openSync, readSync, closeSync } = require("node:fs");
const { hash } = require("node:crypto");
const { path, from, to } = workerData;
const fd = openSync(path, "r");
const buf = Buffer.allocUnsafe(8 << 20);
// Read from the byte before: a range that begins exactly at a line start then finds the newline ending
// the line before at index 0, and keeps its first line.
let pos = from === 0 ? 0 : from - 1;
let filled = 0;
let lines = 0;
let first = from === 0;
let done = false;
while (!done) {
  const k = readSync(fd, buf, filled, buf.length - filled, pos);
  pos += k;
  const end = filled + k;
  let s = 0;
  if (!first) {
    // The line that straddles 'from' belongs to the range before: skip to the first line start.
    const nl = buf.indexOf(10, 0);
    if (nl < 0 || nl >= end) { filled = 0; if (k === 0) break; continue; }
    s = nl + 1;
    first = true;
  }
  for (;;) {
    const lineStart = pos - end + s;
    if (lineStart >= to) { done = true; break; }
    const nl = buf.indexOf(10, s);
    if (nl < 0 || nl >= end) break;
    hash("sha256", new Uint8Array(buf.buffer, buf.byteOffset + s, nl - s));
    lines++;
    s = nl + 1;
  }
  buf.copy(buf, 0, s, end);
  filled = end - s;
  if (k === 0) break;
}
closeSync(fd);
parentPort.postMessage(lines);
`;

/**
 * The hashing floor's work shared by `threads` worker threads (default: one a core): the file cut into
 * as many byte ranges, each worker hashing the lines that start in its range (one one-shot SHA-256 a
 * line, as `floors` does on one thread), workers started in the timed span. Not a budget's floor (the
 * budgets are judged on the one-thread floor): it shows what this machine's cores give together — on
 * the 2-vCPU machine of 2026-12-07, ~1.3× one thread, with ~1.5× its CPU — which bounds what any
 * parallel check of the chain can reach. Wall and CPU (the whole process, every thread) in ms, and the
 * lines hashed (the file's line count: every line once).
 * @example
 * import { writeFileSync } from "node:fs";
 * writeFileSync("pfloor.jsonl", '{"a":1}\n{"a":2}\n{"a":3}\n');
 * const f = await parallelHashFloor("pfloor.jsonl", 2);
 * console.log(f.lines, f.threads); // 3 2
 */
export const parallelHashFloor = async (
  path: string,
  threads: number = availableParallelism(),
): Promise<{ ms: number; cpuMs: number; lines: number; threads: number }> => {
  const bytes = statSync(path).size;
  const c = process.cpuUsage();
  const t = performance.now();
  const counts = await Promise.all(
    Array.from(
      { length: threads },
      (_, i) =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(WORKER, {
            eval: true,
            workerData: {
              path,
              from: Math.floor((bytes * i) / threads),
              to: i === threads - 1 ? Number.POSITIVE_INFINITY : Math.floor((bytes * (i + 1)) / threads),
            },
          });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    ),
  );
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { ms, cpuMs: (u.user + u.system) / 1000, lines: counts.reduce((a, b) => a + b, 0), threads };
};
