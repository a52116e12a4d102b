import type { open } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import { ChainWalker, parseHeader } from "./chain-walker.js";
import { errnoCode } from "./ledger-io-error.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { extractFields } from "./line-frame.js";
import { scanLines } from "./line-scanner.js";
import { tailIssue } from "./read-ledger.js";

/**
 * What the file ledger keeps of one stream in memory: its event ids and global positions, in revision
 * order.
 * @example const entry: LedgerStreamEntry = { ids: ["e-1"], positions: [0] };
 */
export interface LedgerStreamEntry {
  readonly ids: string[];
  readonly positions: number[];
}

/**
 * The file ledger's in-memory index, built when it is opened and kept up to date by its appends: each
 * event line's byte offset (by position), each stream's ids and positions, the chain's last hash and
 * the file's size.
 * @example const index: LedgerIndex = { offsets: [], streams: new Map(), lastHash: "", bytes: 0 };
 */
export interface LedgerIndex {
  readonly offsets: number[];
  readonly streams: Map<string, LedgerStreamEntry>;
  lastHash: string;
  bytes: number;
}

/**
 * Scans a ledger file in large chunks into its index, checking the header, the chain (unless
 * `verifyChain` is false), positions and revisions, and the tail: any problem is a {@link LedgerIssue}
 * naming the line and byte offset.
 * @example
 * import { open } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * const created = await openFileLedger("scan.jsonl")();
 * if (created._tag === "Right") await created.right.close();
 * const handle = await open("scan.jsonl", "r");
 * const index = await scanLedgerIndex("scan.jsonl", handle, true);
 * await handle.close();
 * if (index._tag === "Right") console.log(index.right.offsets.length); // 0
 */
export const scanLedgerIndex = async (
  path: string,
  handle: Awaited<ReturnType<typeof open>>,
  verifyChain: boolean,
): Promise<E.Either<LedgerIssue, LedgerIndex>> => {
  const offsets: number[] = [];
  const streams = new Map<string, LedgerStreamEntry>();
  let walker: ChainWalker | undefined;
  const fields = (buf: Buffer, s: number, e: number) =>
    extractFields(buf, s, e) ?? "the envelope members are not where the writer puts them";
  try {
    for await (const item of scanLines(handle)) {
      if (item._tag === "Lines") {
        for (let i = 0; i < item.starts.length; i++) {
          const s = item.starts[i]!;
          const e = item.ends[i]!;
          if (walker === undefined) {
            const h = parseHeader(item.buf, s, e);
            if (E.isLeft(h)) return h;
            walker = new ChainWalker(h.right.hash, verifyChain);
            continue;
          }
          const step = walker.step(item.buf, s, e, item.base + s, item.firstLine + i, fields);
          if (E.isLeft(step)) return step;
          const f = step.right;
          let entry = streams.get(f.streamId);
          if (entry === undefined) {
            entry = { ids: [], positions: [] };
            streams.set(f.streamId, entry);
          }
          entry.ids.push(f.eventId);
          entry.positions.push(f.position);
          offsets.push(item.base + s);
        }
      } else if (item._tag === "End") {
        if (walker === undefined)
          return E.left({
            _tag: "BadHeader",
            line: 1,
            byteOffset: 0,
            reason: "empty file",
            message: "empty file: not a coop-ledger",
          });
        const incomplete = walker.finish();
        if (incomplete !== undefined) return E.left(incomplete);
        return E.right({ offsets, streams, lastHash: walker.prevHash, bytes: item.bytes });
      } else {
        return E.left(tailIssue(path, walker, item));
      }
    }
  } catch (e) {
    return E.left({
      _tag: "FileUnreadable",
      line: 0,
      byteOffset: 0,
      message: `${path}: read failed: ${errnoCode(e)}`,
    });
  }
  return E.left({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: `${path}: scan ended early` });
};
