import { readSync } from "node:fs";
import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { parseEventLine, toRecordedEvent } from "./event-line.js";
import { MAX_LINE_BYTES } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { frameHash } from "./line-frame.js";

/**
 * Reads the line that starts at `byteOffset` of an open ledger file (synchronously: the projection
 * index asks for a stream's events while it is fed, and it is synchronous). Undefined when no complete
 * line starts there.
 */
const lineAt = (
  fd: number,
  byteOffset: number,
  scratch: { buf: Buffer },
): { s: number; e: number } | undefined => {
  let filled = 0;
  for (;;) {
    const n = readSync(fd, scratch.buf, filled, scratch.buf.length - filled, byteOffset + filled);
    filled += n;
    const nl = scratch.buf.subarray(0, filled).indexOf(10);
    if (nl >= 0) return { s: 0, e: nl };
    if (n === 0 || filled > MAX_LINE_BYTES) return undefined;
    if (filled === scratch.buf.length) {
      const bigger = Buffer.allocUnsafe(scratch.buf.length * 4);
      scratch.buf.copy(bigger, 0, 0, filled);
      scratch.buf = bigger;
    }
  }
};

/**
 * Reads event lines back from a ledger by their byte offsets (the offset table of a persisted index):
 * one positioned read per event, each line parsed and decoded through the codecs, and its position
 * checked against the one asked for. Left: what was found instead, naming the offset.
 *
 * @example
 * import { closeSync, openSync } from "node:fs";
 * import { readEventsAt, scanChain } from "@coop-ledger/store";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("at-offset.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const scan = await scanChain("at-offset.jsonl", { offsets: true })(); // position → byte offset
 * if (scan._tag === "Left") throw new Error(scan.left.message);
 * const offsets = scan.right.offsets ?? new Float64Array();
 * const fd = openSync("at-offset.jsonl", "r");
 * const r = readEventsAt(fd, [2, 0], (p) => offsets[p] ?? -1);
 * if (r._tag === "Right") console.log(r.right.map((e) => `${e.position} ${e.event.type}`)); // ["2 CoopSuspended", "0 CoopSuspended"]
 * closeSync(fd);
 */
export const readEventsAt = (
  fd: number,
  positions: ReadonlyArray<number>,
  offsetOf: (position: number) => number,
): E.Either<LedgerIssue, RecordedEvent[]> => {
  const scratch = { buf: Buffer.allocUnsafe(4096) };
  const out: RecordedEvent[] = [];
  for (const p of positions) {
    const byteOffset = offsetOf(p);
    const bad = (reason: string): E.Either<LedgerIssue, never> =>
      E.left({
        _tag: "MalformedLine",
        line: p + 2,
        byteOffset,
        reason,
        message: `line ${p + 2} (byte ${byteOffset}): ${reason}`,
      });
    const at = lineAt(fd, byteOffset, scratch);
    if (at === undefined) return bad("no complete ledger line at this offset (the file changed?)");
    const parsed = parseEventLine(scratch.buf, at.s, at.e);
    if (typeof parsed === "string") return bad(`not a ledger line: ${parsed}`);
    if (parsed.fields.position !== p)
      return bad(`holds position ${parsed.fields.position}, not ${p} (the file changed?)`);
    const rec = toRecordedEvent(parsed, "codec");
    if (E.isLeft(rec))
      return E.left({
        _tag: "UndecodableEvent",
        line: p + 2,
        byteOffset,
        error: rec.left,
        message: `line ${p + 2} (byte ${byteOffset}): ${rec.left.message}`,
      });
    out.push(rec.right);
  }
  return E.right(out);
};

/**
 * The stored hash of the line at `byteOffset` (its frame's 64 hex digits), read with one positioned
 * read; undefined when no framed line starts there. A cheap check that a ledger still ends where an
 * index says it did.
 * @example
 * import { closeSync, openSync } from "node:fs";
 * import { scanChain, storedHashAt } from "@coop-ledger/store";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("stored-hash.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const { streamId } = fixtureEvent("a", 0);
 * await opened.right.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * const info = opened.right.info();
 * await opened.right.close();
 * const scan = await scanChain("stored-hash.jsonl", { offsets: true })();
 * if (scan._tag === "Left") throw new Error(scan.left.message);
 * const lastOffset = scan.right.offsets?.[2] ?? -1; // the third event's line
 * const fd = openSync("stored-hash.jsonl", "r");
 * console.log(storedHashAt(fd, lastOffset) === info.lastHash, storedHashAt(fd, lastOffset + 1)); // true undefined
 * closeSync(fd);
 */
export const storedHashAt = (fd: number, byteOffset: number): string | undefined => {
  const scratch = { buf: Buffer.allocUnsafe(4096) };
  const at = lineAt(fd, byteOffset, scratch);
  return at === undefined ? undefined : frameHash(scratch.buf, at.s, at.e);
};
