import { open } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { ChainWalker, parseHeader } from "./chain-walker.js";
import { type ParsedLine, parseEventLine, toRecordedEvent } from "./event-line.js";
import type { LedgerHeader } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { scanLines } from "./line-scanner.js";
import { tailIssue } from "./read-ledger.js";

/**
 * What a clean verification found: the header, the event count and the last hash (the anchor).
 * @example const { events, lastHash } = (await verifyLedger(path)()).right;
 */
export interface VerifyReport {
  readonly header: LedgerHeader;
  readonly events: number;
  readonly streams: number;
  /** The hash of the last line: record it elsewhere (a report, a letter) to detect later truncation. */
  readonly lastHash: string;
  readonly bytes: number;
}

/**
 * Options of {@link verifyLedger}.
 * @example verifyLedger(path, { anchor: { events: 1200, lastHash: "9f2c…" }, decodeEvents: false })
 */
export interface VerifyOptions {
  /**
   * A previously recorded anchor: the file must hold at least `events` events and the event at that
   * count must end with `lastHash`. Without it, lines removed from the end cannot be detected (nothing
   * after them is left to disagree).
   */
  readonly anchor?: { readonly events: number; readonly lastHash: string };
  /** Decode every event through the domain codecs (default `true`). */
  readonly decodeEvents?: boolean;
}

/**
 * Walks a ledger file and checks everything: the header, every line's frame and JSON, the hash chain,
 * positions, per-stream revisions, append grouping, event types and schema versions (and, by default,
 * each event's data through the codecs), then the anchor if given. Left: the first issue, naming the
 * 1-based line and byte offset (a changed, removed, inserted or reordered line breaks the chain at that
 * line). Reads only; the file is never modified.
 *
 * @example
 * const r = await verifyLedger("ledger.jsonl")();
 * if (E.isLeft(r)) console.error(r.left.message); else console.log(r.right.events, r.right.lastHash);
 */
export const verifyLedger =
  (path: string, options: VerifyOptions = {}): TE.TaskEither<LedgerIssue, VerifyReport> =>
  async () => {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, "r");
    } catch (e) {
      return E.left({
        _tag: "FileUnreadable",
        line: 0,
        byteOffset: 0,
        message: `${path}: cannot read: ${(e as NodeJS.ErrnoException)?.code ?? String(e)}`,
      });
    }
    try {
      let walker: ChainWalker | undefined;
      let header: LedgerHeader | undefined;
      let parsed: ParsedLine | undefined;
      let anchorHash: string | undefined;
      const fields = (buf: Buffer, s: number, e: number) => {
        const p = parseEventLine(buf, s, e);
        if (typeof p === "string") return p;
        parsed = p;
        return p.fields;
      };
      for await (const item of scanLines(handle)) {
        if (item._tag === "Lines") {
          for (let i = 0; i < item.starts.length; i++) {
            const s = item.starts[i]!;
            const e = item.ends[i]!;
            const line = item.firstLine + i;
            const byteOffset = item.base + s;
            if (walker === undefined) {
              const h = parseHeader(item.buf, s, e);
              if (E.isLeft(h)) return h;
              header = h.right.header;
              walker = new ChainWalker(h.right.hash, true);
              continue;
            }
            const step = walker.step(item.buf, s, e, byteOffset, line, fields);
            if (E.isLeft(step)) return step;
            if (options.decodeEvents !== false) {
              const rec = toRecordedEvent(parsed!, "codec");
              if (E.isLeft(rec))
                return E.left({
                  _tag: "UndecodableEvent",
                  line,
                  byteOffset,
                  error: rec.left,
                  message: `line ${line} (byte ${byteOffset}): ${rec.left.message}`,
                });
            }
            if (options.anchor !== undefined && walker.position === options.anchor.events) {
              anchorHash = walker.prevHash;
              if (anchorHash !== options.anchor.lastHash)
                return E.left({
                  _tag: "AnchorMismatch",
                  line,
                  byteOffset,
                  expectedHash: options.anchor.lastHash,
                  foundHash: anchorHash,
                  message: `line ${line} (byte ${byteOffset}): event ${options.anchor.events} does not end with the anchored hash: the history up to it was rewritten`,
                });
            }
          }
        } else if (item._tag === "End") {
          if (walker === undefined || header === undefined)
            return E.left({
              _tag: "BadHeader",
              line: 1,
              byteOffset: 0,
              reason: "empty file",
              message: `${path}: empty file: not a coop-ledger`,
            });
          const incomplete = walker.finish();
          if (incomplete !== undefined) return E.left(incomplete);
          if (options.anchor !== undefined && walker.position < options.anchor.events)
            return E.left({
              _tag: "MissingLines",
              line: walker.position + 2,
              byteOffset: item.bytes,
              expectedEvents: options.anchor.events,
              foundEvents: walker.position,
              message: `line ${walker.position + 2} (byte ${item.bytes}): the file ends after ${walker.position} events but the anchor records ${options.anchor.events}: lines were removed from the end`,
            });
          return E.right({
            header,
            events: walker.position,
            streams: walker.revisions.size,
            lastHash: walker.prevHash,
            bytes: item.bytes,
          });
        } else {
          return E.left(tailIssue(path, walker, item));
        }
      }
      return E.left({ _tag: "FileUnreadable", line: 0, byteOffset: 0, message: `${path}: scan ended early` });
    } finally {
      await handle.close();
    }
  };
