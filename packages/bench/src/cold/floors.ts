import { hash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

/**
 * Visits every line of a file (buffered 8 MiB reads, newline split on bytes), and counts them.
 * @example
 * import { writeFileSync } from "node:fs";
 * writeFileSync("three.jsonl", "{}\n{}\n{}\n");
 * console.log(eachLine("three.jsonl", () => {})); // 3
 */
export const eachLine = (path: string, visit: (buf: Buffer, s: number, e: number) => void): number => {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(8 << 20);
  let filled = 0;
  let pos = 0;
  let n = 0;
  for (;;) {
    const k = readSync(fd, buf, filled, buf.length - filled, pos);
    pos += k;
    const end = filled + k;
    let s = 0;
    for (;;) {
      const nl = buf.indexOf(10, s);
      if (nl < 0 || nl >= end) break;
      visit(buf, s, nl);
      n++;
      s = nl + 1;
    }
    buf.copy(buf, 0, s, end);
    filled = end - s;
    if (k === 0) break;
  }
  closeSync(fd);
  return n;
};

/** Wall and CPU time of a step of this process, in ms. */
const timed = (f: () => void): { ms: number; cpuMs: number } => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { ms, cpuMs: (u.user + u.system) / 1000 };
};

/**
 * The floors and the ceiling of a cold command, in ms (wall; `*CpuMs` the CPU time), each the plainest
 * fastest way Node does it on one thread: reading the file; hashing every line (one one-shot
 * `crypto.hash` a line over a plain `Uint8Array` view of the read buffer, hex out: measured the fastest
 * plain way, about half the CPU of a `createHash` object with its updates and digest, faster than a
 * `"buffer"` digest, which allocates, and than a `Buffer` view); `JSON.parse` of every line.
 * @example
 * import { writeFileSync } from "node:fs";
 * writeFileSync("floors.jsonl", '{"a":1}\n{"a":2}\n');
 * const f = floors("floors.jsonl");
 * console.log(f.lines, f.hash >= 0); // 2 true
 */
export const floors = (
  path: string,
): {
  read: number;
  hash: number;
  parse: number;
  lines: number;
  readCpuMs: number;
  hashCpuMs: number;
  parseCpuMs: number;
} => {
  const read = timed(() => {
    const fd = openSync(path, "r");
    const buf = Buffer.allocUnsafe(8 << 20);
    let pos = 0;
    for (;;) {
      const k = readSync(fd, buf, 0, buf.length, pos);
      if (k === 0) break;
      pos += k;
    }
    closeSync(fd);
  });
  const hashed = timed(() => {
    eachLine(path, (buf, s, e) => {
      // One SHA-256 per line over the line's bytes (the chain link hashes as many: the previous hash
      // and the line's bytes after its own): the work of the chain, and nothing else.
      // A plain Uint8Array view, as the chain checker reads its lines, not `buf.subarray` (a Buffer,
      // ~0.2 µs more a line: the floor at national was 1,251 ms that way, 936-1,077 ms this way,
      // measured 2026-12-07 02:40 UTC, quiet).
      hash("sha256", new Uint8Array(buf.buffer, buf.byteOffset + s, e - s));
    });
  });
  let lines = 0;
  const parse = timed(() => {
    lines = eachLine(path, (buf, s, e) => {
      JSON.parse(buf.toString("utf8", s, e));
    });
  });
  return {
    read: read.ms,
    hash: hashed.ms,
    parse: parse.ms,
    lines,
    readCpuMs: read.cpuMs,
    hashCpuMs: hashed.cpuMs,
    parseCpuMs: parse.cpuMs,
  };
};
