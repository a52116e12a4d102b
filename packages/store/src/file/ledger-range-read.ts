import type { open } from "node:fs/promises";
import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { StoreError } from "../port/store-error.js";
import { parseEventLine, toRecordedEvent } from "./event-line.js";
import type { LedgerIndex } from "./ledger-index.js";
import { errnoCode, unavailable } from "./ledger-io-error.js";
import { issueToStoreError } from "./ledger-issue.js";

const READ_CAP = 16 * 1024 * 1024;

/**
 * The file ledger's read of the events at positions [from, to), found by the index's line offsets and
 * decoded; a line that does not parse or decode is `CorruptLedger` naming its line and byte offset.
 * @example
 * import { open } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * const created = await openFileLedger("range.jsonl")();
 * if (created._tag === "Right") await created.right.close();
 * const handle = await open("range.jsonl", "r");
 * const index = { offsets: [] as number[], streams: new Map(), lastHash: "", bytes: 0 };
 * const none = await rangeReader("range.jsonl", handle, index)(0, 0);
 * await handle.close();
 * if (none._tag === "Right") console.log(none.right); // []
 */
export const rangeReader = (
  path: string,
  handle: Awaited<ReturnType<typeof open>>,
  index: LedgerIndex,
): ((from: number, to: number) => Promise<E.Either<StoreError, RecordedEvent[]>>) => {
  const { offsets } = index;
  /** Start offset of a position's line; for `count` the end of the file. */
  const startOf = (p: number): number => (p < offsets.length ? offsets[p]! : index.bytes);

  const decodeAt = (
    buf: Buffer,
    s: number,
    e: number,
    position: number,
  ): E.Either<StoreError, RecordedEvent> => {
    const line = position + 2;
    const byteOffset = offsets[position]!;
    const parsed = parseEventLine(buf, s, e);
    if (typeof parsed === "string")
      return E.left(
        issueToStoreError(path, {
          _tag: "MalformedLine",
          line,
          byteOffset,
          reason: parsed,
          message: `line ${line} (byte ${byteOffset}): ${parsed}`,
        }),
      );
    const r = toRecordedEvent(parsed, "codec");
    if (E.isLeft(r))
      return E.left(
        issueToStoreError(path, {
          _tag: "UndecodableEvent",
          line,
          byteOffset,
          error: r.left,
          message: `line ${line} (byte ${byteOffset}): ${r.left.message}`,
        }),
      );
    return r;
  };

  /**
   * Reads the lines of positions [from, to) and decodes them, in reads of at most 16 MiB (at least one
   * line), so a page of many large events never needs one huge buffer.
   */
  const readRange = async (from: number, to: number): Promise<E.Either<StoreError, RecordedEvent[]>> => {
    const out: RecordedEvent[] = [];
    let p = from;
    while (p < to) {
      const base = startOf(p);
      let q = p + 1;
      while (q < to && startOf(q + 1) - base <= READ_CAP) q++;
      const buf = Buffer.allocUnsafe(startOf(q) - base);
      try {
        let done = 0;
        while (done < buf.length) {
          const { bytesRead } = await handle.read(buf, done, buf.length - done, base + done);
          if (bytesRead === 0)
            return E.left(unavailable(`${path}: the file is shorter than its index (truncated while open?)`));
          done += bytesRead;
        }
      } catch (e) {
        return E.left(unavailable(`${path}: read failed: ${errnoCode(e)}`));
      }
      for (; p < q; p++) {
        const r = decodeAt(buf, startOf(p) - base, startOf(p + 1) - base - 1, p);
        if (E.isLeft(r)) return r;
        out.push(r.right);
      }
    }
    return E.right(out);
  };
  return readRange;
};
