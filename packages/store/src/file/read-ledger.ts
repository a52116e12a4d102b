import type { FileHandle } from "node:fs/promises";
import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { ChainWalker, parseHeader } from "./chain-walker.js";
import { type EventRecord, eventRecordOf, recordedEventOf, type Validation } from "./event-line.js";
import type { LedgerHeader } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import type { LineFields } from "./line-frame.js";
import { type ScanItem, scanLines } from "./line-scanner.js";
import { openLedgerFile, unreadableMessage } from "./open-ledger-file.js";
import { partitionFields, type StreamPartition } from "./partition-fields.js";

/**
 * Options of {@link readLedger}.
 * @example
 * import { openFileLedger, readLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("read-options.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * await ledger.close();
 * // Recompute the chain and decode every event through the domain codecs while reading.
 * for await (const r of readLedger("read-options.jsonl", { verifyChain: true, validation: "codec" }))
 *   console.log(r._tag === "Right" ? `${r.right.revision} ${r.right.event.type}` : r.left.message);
 * // "0 CoopSuspended", then "1 CoopResumed"
 */
export interface ReadLedgerOptions {
  /** Recompute the hash chain while reading (default `false`: `verifyLedger` does it once). */
  readonly verifyChain?: boolean;
  /** How events are decoded (default `"codec"`); see {@link Validation}. */
  readonly validation?: Validation;
  /** Bytes read per chunk (default 8 MiB). */
  readonly chunkBytes?: number;
  /**
   * Read only what follows an already-read prefix (a persisted index extended after appends): start at
   * the prefix's end, chained to its last hash, at its next position, with each stream's last revision
   * (so the sequence checks go on as if the whole file were read). The header is not read again.
   */
  readonly resume?: ResumePoint;
  /**
   * Decode and yield only the events of one partition's streams (a first build fed on worker threads):
   * every line is still checked (frame, sequence), the others' envelopes read by a byte scan, not
   * parsed (see `partitionFields`).
   */
  readonly only?: StreamPartition;
}

/**
 * Where a read resumes after an already-read prefix of a ledger.
 * @example
 * import { openFileLedger, readLedger, type ResumePoint } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("resume.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * const prefix = ledger.info(); // what an index read before: 2 events
 * await ledger.append(streamId, fixtureBatch("a", 1, 2), { expectedRevision: 1 })();
 * await ledger.close();
 * const resume: ResumePoint = {
 *   byteOffset: prefix.bytes,
 *   line: prefix.events + 2, // the header is line 1
 *   position: prefix.events,
 *   prevHash: prefix.lastHash,
 *   revisions: new Map([[streamId, 1]]),
 * };
 * for await (const r of readLedger("resume.jsonl", { resume }))
 *   console.log(r._tag === "Right" ? r.right.revision : r.left.message); // 2 (only the event appended since)
 */
export interface ResumePoint {
  /** Byte offset of the first line to read (the prefix's length). */
  readonly byteOffset: number;
  /** Its 1-based line number. */
  readonly line: number;
  /** The position the next event must have. */
  readonly position: number;
  /** The stored hash of the prefix's last line. */
  readonly prevHash: string;
  /**
   * Each stream's last revision in the prefix (a map will do): asked only for the streams the lines
   * read belong to, so that resuming after a long prefix costs the lines read, not the prefix's streams.
   */
  readonly revisions: { get(streamId: string): number | undefined };
}

const unreadable = (path: string, e: unknown): LedgerIssue => ({
  _tag: "FileUnreadable",
  line: 0,
  byteOffset: 0,
  message: unreadableMessage(path, e),
});

/**
 * Turns a scanner's end item into an issue, or undefined for a clean end.
 * @example scanEndIssue({ _tag: "End", bytes: 10, lines: 1 }) // undefined
 */
export const scanEndIssue = (item: ScanItem): LedgerIssue | undefined => {
  if (item._tag === "TornTail")
    return {
      _tag: "TornLine",
      line: item.line,
      byteOffset: item.byteOffset,
      length: item.length,
      message: `line ${item.line} (byte ${item.byteOffset}): a torn final line (${item.length} bytes, no newline): a crash during a write that was never acknowledged: a repair cuts it, keeping a backup (coop-ledger repair --ledger FILE --apply)`,
    };
  if (item._tag === "TooLong")
    return {
      _tag: "LineTooLong",
      line: item.line,
      byteOffset: item.byteOffset,
      limit: 1024 * 1024,
      message: `line ${item.line} (byte ${item.byteOffset}): longer than the 1 MiB line limit`,
    };
  return undefined;
};

/**
 * The issue for a scan that ends on a torn line or an over-long line. A torn line that ends an append
 * whose earlier lines are complete is reported as that `IncompleteAppend` (from its first line), so
 * a repair removes the whole unacknowledged append.
 * @example
 * import { tailIssue } from "@coop-ledger/store/internal";
 * // A line over the 1 MiB limit ends the scan (no walker needed for it).
 * const issue = tailIssue("ledger.jsonl", undefined, { _tag: "TooLong", byteOffset: 812, line: 5 });
 * console.log(issue._tag, issue.line); // "LineTooLong" 5
 */
export const tailIssue = (path: string, walker: ChainWalker | undefined, item: ScanItem): LedgerIssue => {
  if (walker === undefined && item._tag === "TornTail")
    return {
      _tag: "BadHeader",
      line: 1,
      byteOffset: 0,
      reason: "torn header line",
      message: `${path}: the header line is incomplete`,
    };
  if (item._tag === "TornTail") {
    const incomplete = walker?.finish();
    if (incomplete !== undefined) return incomplete;
  }
  return (
    scanEndIssue(item) ?? {
      _tag: "MalformedLine",
      line: 0,
      byteOffset: 0,
      reason: "scan",
      message: `${path}: unexpected end of scan`,
    }
  );
};

/**
 * Reads a ledger file as a stream of chunks of events in global order, each event or a typed issue.
 * The fast path for replays (CLI, benchmarks): large reads, no per-line buffers, one JSON.parse per
 * line. An `UndecodableEvent` issue (unknown type, newer schema) is yielded and reading goes on; any
 * other issue (bad header, malformed line, broken chain, torn tail) is yielded last.
 *
 * @example
 * import { openFileLedger, readLedgerChunks } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("chunks.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await ledger.close();
 * let events = 0;
 * for await (const chunk of readLedgerChunks("chunks.jsonl"))
 *   for (const r of chunk) if (r._tag === "Right") events++; else console.error(r.left.message);
 * console.log(events); // 3
 */
export async function* readLedgerChunks(
  path: string,
  options: ReadLedgerOptions = {},
): AsyncGenerator<ReadonlyArray<E.Either<LedgerIssue, RecordedEvent>>, void, undefined> {
  const validation = options.validation ?? "codec";
  let handle: FileHandle;
  try {
    handle = await openLedgerFile(path);
  } catch (e) {
    yield [E.left(unreadable(path, e))];
    return;
  }
  try {
    let walker: ChainWalker | undefined;
    const resume = options.resume;
    if (resume !== undefined) {
      walker = new ChainWalker(resume.prevHash, options.verifyChain ?? false, false);
      walker.position = resume.position;
      walker.prior = (id) => resume.revisions.get(id);
    }
    // The line read last: its record and text (no wrapper object a line).
    let record: EventRecord | undefined;
    let text = "";
    let lineNo = 0;
    const part = options.only === undefined ? undefined : partitionFields(options.only);
    const fields = (buf: Buffer, s: number, e: number): LineFields | string => {
      if (part !== undefined) {
        const f = part.fields(buf, s, e, lineNo);
        record = part.parsed?.record as EventRecord | undefined;
        text = part.parsed?.text ?? "";
        return f;
      }
      text = buf.toString("utf8", s, e);
      const r = eventRecordOf(text);
      if (typeof r === "string") return r;
      record = r;
      return r;
    };
    for await (const item of scanLines(handle, {
      ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
      ...(resume === undefined ? {} : { from: resume.byteOffset, firstLine: resume.line }),
    })) {
      if (item._tag === "Lines") {
        let out: Array<E.Either<LedgerIssue, RecordedEvent>> = [];
        for (let i = 0; i < item.starts.length; i++) {
          // Small batches: decoded events die young (cheap for the garbage collector) when the
          // consumer folds them as they come.
          if (out.length >= 512) {
            yield out;
            out = [];
          }
          const s = item.starts[i]!;
          const e = item.ends[i]!;
          const line = item.firstLine + i;
          if (walker === undefined) {
            const h = parseHeader(item.buf, s, e);
            if (E.isLeft(h)) {
              out.push(h);
              yield out;
              return;
            }
            walker = new ChainWalker(h.right.hash, options.verifyChain ?? false, false);
            continue;
          }
          lineNo = line;
          const step = walker.step(item.buf, s, e, item.base + s, line, fields);
          if (E.isLeft(step)) {
            out.push(step);
            if (step.left._tag === "UndecodableEvent") continue;
            yield out;
            return;
          }
          if (options.only !== undefined && !options.only.owns(step.right.streamId)) continue;
          const rec = recordedEventOf(record!, validation, text);
          out.push(
            E.isRight(rec)
              ? rec
              : E.left({
                  _tag: "UndecodableEvent",
                  line,
                  byteOffset: item.base + s,
                  error: rec.left,
                  message: `line ${line} (byte ${item.base + s}): ${rec.left.message}`,
                }),
          );
        }
        yield out;
      } else if (item._tag === "End") {
        if (walker === undefined) {
          yield [
            E.left({
              _tag: "BadHeader",
              line: 1,
              byteOffset: 0,
              reason: "empty file",
              message: `${path}: empty file: not a coop-ledger`,
            }),
          ];
          return;
        }
        const issue = walker.finish();
        if (issue !== undefined) yield [E.left(issue)];
      } else {
        yield [E.left(tailIssue(path, walker, item))];
        return;
      }
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads a ledger file event by event (see {@link readLedgerChunks}, which avoids a promise per event).
 * @example for await (const r of readLedger("ledger.jsonl")) if (E.isLeft(r)) console.error(r.left.message);
 */
export async function* readLedger(
  path: string,
  options: ReadLedgerOptions = {},
): AsyncGenerator<E.Either<LedgerIssue, RecordedEvent>, void, undefined> {
  for await (const chunk of readLedgerChunks(path, options)) yield* chunk;
}

/**
 * Reads and checks only the header line of a ledger file.
 * @example await readLedgerHeader("ledger.jsonl") // Right({ format: "coop-ledger", … })
 */
export const readLedgerHeader = async (path: string): Promise<E.Either<LedgerIssue, LedgerHeader>> => {
  try {
    const handle = await openLedgerFile(path);
    try {
      for await (const item of scanLines(handle, { chunkBytes: 64 * 1024 * 34 })) {
        if (item._tag === "Lines")
          return E.map((h: { header: LedgerHeader }) => h.header)(
            parseHeader(item.buf, item.starts[0]!, item.ends[0]!),
          );
        break;
      }
      return E.left({
        _tag: "BadHeader",
        line: 1,
        byteOffset: 0,
        reason: "no complete header line",
        message: `${path}: no complete header line`,
      });
    } finally {
      await handle.close();
    }
  } catch (e) {
    return E.left(unreadable(path, e));
  }
};
