import { createHash } from "node:crypto";
import { closeSync, copyFileSync, openSync, readSync, statSync, truncateSync, writeFileSync } from "node:fs";

/**
 * A copy of the ledger cut `n` events before its end at an append boundary, and the lines cut off (the
 * cold-CLI bench appends them back to time an index extension).
 *
 * @example
 * // The last 1,000 events of a ledger cut off into a copy (the bench's "append" rows).
 * const cut = (ledger: string) => cutCopy(ledger, 1000, `${ledger}.cut.jsonl`);
 */
export const cutCopy = (
  path: string,
  n: number,
  to: string,
): { tail: Buffer; events: number; lastHash: string } => {
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  // Read the last ~n lines (events are under 4 KiB a line).
  const want = Math.min(size, (n + 50) * 4096);
  const buf = Buffer.allocUnsafe(want);
  readSync(fd, buf, 0, want, size - want);
  closeSync(fd);
  const lines: number[] = [];
  for (let i = buf.length - 2; i >= 0; i--) if (buf[i] === 10) lines.push(i + 1);
  // lines[k] = start of the (k+1)-th line from the end; cut where the line before ends an append.
  let cut = -1;
  let lastHash = "";
  for (let k = n - 1; k < lines.length - 1; k++) {
    const start = lines[k] as number;
    const prevStart = lines[k + 1] as number;
    if (buf.toString("latin1", prevStart, start).includes('"batchRemaining":0,')) {
      cut = start;
      // The kept ledger's last stored hash (its line's frame: `{"hash":"<64 hex>",`).
      lastHash = buf.toString("latin1", prevStart + 9, prevStart + 73);
      break;
    }
  }
  if (cut < 0) throw new Error("no append boundary found");
  copyFileSync(path, to);
  truncateSync(to, size - want + cut);
  const tail = buf.subarray(cut);
  let events = 0;
  for (const c of tail) if (c === 10) events++;
  return { tail: Buffer.from(tail), events, lastHash };
};

/**
 * The first `n` lines of a cut-off tail (see {@link cutCopy}), re-framed as **one append of `n` events**:
 * `batchRemaining` counts `n − 1` down to 0 and every chain link is recomputed from `prevHash`, the
 * kept ledger's last stored hash (a link is the SHA-256 of the previous stored hash, `{`, and the line's
 * bytes after its hash member). Nothing else in a line changes (positions and revisions continue the
 * kept ledger's). The ledger's own appends are whole batches (2,043 events at the national ledger's
 * end); the budget of issue #12 is stated for an append of 1,000.
 *
 * @example
 * // The bench's budget row: the first 1,000 of the cut-off events, appended as one append.
 * const thousand = (ledger: string) => {
 *   const { tail, lastHash } = cutCopy(ledger, 1000, `${ledger}.cut.jsonl`);
 *   return reframedHead(tail, 1000, lastHash);
 * };
 */
export const reframedHead = (tail: Buffer, n: number, prevHash: string): Buffer => {
  const out: Buffer[] = [];
  let prev = prevHash;
  let at = 0;
  for (let k = 0; k < n; k++) {
    const nl = tail.indexOf(10, at);
    if (nl < 0) throw new Error(`the tail holds ${k} whole lines, fewer than ${n}`);
    const frame = /^\{"hash":"[0-9a-f]{64}","batchRemaining":\d+,/.exec(
      tail.toString("latin1", at, Math.min(nl, at + 120)),
    );
    if (frame === null)
      throw new Error(`line ${k + 1} of the tail does not start with its hash and batchRemaining`);
    const rest = Buffer.concat([
      Buffer.from(`"batchRemaining":${n - 1 - k},`),
      tail.subarray(at + frame[0].length, nl),
    ]);
    prev = createHash("sha256").update(prev).update("{").update(rest).digest("hex");
    out.push(Buffer.from(`{"hash":"${prev}",`), rest, Buffer.from("\n"));
    at = nl + 1;
  }
  return Buffer.concat(out);
};

/**
 * A copy of the first ≥ `n` events of a ledger, ending at an append boundary (a smaller ledger, same
 * chain: the bench's growth run).
 *
 * @example
 * const small = (ledger: string) => prefixCopy(ledger, 100_000, `${ledger}.prefix.jsonl`);
 */
export const prefixCopy = (path: string, n: number, to: string): number => {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(Math.min(statSync(path).size, (n + 5000) * 4096));
  const got = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let events = -1; // the header line is not an event
  let at = 0;
  for (;;) {
    const nl = buf.indexOf(10, at);
    if (nl < 0 || nl >= got) throw new Error(`no append boundary after ${n} events in ${path}`);
    events++;
    const line = buf.toString("latin1", at, nl);
    at = nl + 1;
    if (events >= n && line.includes('"batchRemaining":0,')) break;
  }
  writeFileSync(to, buf.subarray(0, at));
  return events;
};
