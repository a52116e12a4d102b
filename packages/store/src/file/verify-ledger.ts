import type { FileHandle } from "node:fs/promises";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { ChainWalker, parseHeader } from "./chain-walker.js";
import { envelopeFields, type ParsedLine, toRecordedEvent } from "./event-line.js";
import type { LedgerHeader } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { scanLines } from "./line-scanner.js";
import { openLedgerFile, unreadableMessage } from "./open-ledger-file.js";
import { tailIssue } from "./read-ledger.js";
import { eventMembersProblem, strictContent } from "./strict-content.js";

/**
 * What a clean verification found: the header, the event count and the last hash (the anchor).
 * @example
 * import { openFileLedger, verifyLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("report.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * await ledger.close();
 * const r = await verifyLedger("report.jsonl")();
 * if (r._tag === "Right") console.log(r.right.events, r.right.streams, r.right.header.format); // 2 1 "coop-ledger"
 */
export interface VerifyReport {
  readonly header: LedgerHeader;
  readonly events: number;
  readonly streams: number;
  /** The hash of the last line: record it elsewhere (a report, a letter) to detect later truncation. */
  readonly lastHash: string;
  readonly bytes: number;
  /** Events that passed integrity but not validity (always empty unless `collectInvalid` is set). */
  readonly invalid: InvalidEvents;
}

/**
 * Options of {@link verifyLedger}.
 * @example
 * import { openFileLedger, verifyLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("anchored.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * const anchor = { events: ledger.info().events, lastHash: ledger.info().lastHash }; // kept elsewhere
 * await ledger.close();
 * const r = await verifyLedger("anchored.jsonl", { anchor, decodeEvents: false })();
 * console.log(r._tag); // "Right"
 * const wrong = await verifyLedger("anchored.jsonl", { anchor: { events: 3, lastHash: anchor.lastHash } })();
 * if (wrong._tag === "Left") console.log(wrong.left._tag); // "MissingLines"
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
  /**
   * Keep going past events that fail validity (an unknown type, a newer schema version, data the codecs
   * reject) and list them in {@link VerifyReport.invalid} instead of returning the first as Left; at most
   * this many are listed (all are counted). Default: stop at the first, as Left. Integrity issues
   * (frame, chain, canonical form, positions, revisions, grouping, duplicate ids) always stop the walk.
   */
  readonly collectInvalid?: number;
}

/**
 * Events that passed integrity but failed validity (see {@link VerifyOptions.collectInvalid}).
 * @example
 * import { openFileLedger, verifyLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("invalid.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * await ledger.close();
 * const r = await verifyLedger("invalid.jsonl", { collectInvalid: 10 })();
 * if (r._tag === "Right") console.log(r.right.invalid.count); // 0 on a clean ledger
 */
export interface InvalidEvents {
  readonly count: number;
  /** The first ones, in file order. */
  readonly first: ReadonlyArray<Extract<LedgerIssue, { _tag: "UndecodableEvent" }>>;
}

/**
 * Walks a ledger file and checks everything. Integrity: the header (exact members and values), every
 * line's frame, the hash chain, the content being the canonical JSON of exactly the envelope's members
 * (so a line edited and rehashed by hand still fails), positions, per-stream revisions, append grouping,
 * event ids unique across the ledger. Validity: event types and schema versions (and, by default, each
 * event's data through the codecs). Then the anchor if given. Left: the first issue, naming the
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
    let handle: FileHandle;
    try {
      handle = await openLedgerFile(path);
    } catch (e) {
      return E.left({
        _tag: "FileUnreadable",
        line: 0,
        byteOffset: 0,
        message: unreadableMessage(path, e),
      });
    }
    try {
      let walker: ChainWalker | undefined;
      let header: LedgerHeader | undefined;
      let parsed: ParsedLine | undefined;
      let strictProblem: string | undefined;
      let anchorHash: string | undefined;
      const seen = new Map<string, number>();
      const invalid: Array<Extract<LedgerIssue, { _tag: "UndecodableEvent" }>> = [];
      let invalidCount = 0;
      const collect = options.collectInvalid;
      // The content must be the canonical JSON of exactly the envelope's members (strict-content.ts);
      // only then are the members read from it.
      const fields = (buf: Buffer, s: number, e: number) => {
        const c = strictContent(buf, s, e);
        strictProblem = typeof c === "string" ? c : eventMembersProblem(c.record);
        if (typeof c === "string") return c;
        if (strictProblem !== undefined) return strictProblem;
        const f = envelopeFields(c.record);
        if (typeof f === "string") {
          strictProblem = f;
          return f;
        }
        parsed = { fields: f, record: c.record, text: c.text };
        return f;
      };
      /** An invalid event: Left (stop) unless collecting. */
      const onInvalid = (
        issue: Extract<LedgerIssue, { _tag: "UndecodableEvent" }>,
      ): E.Either<LedgerIssue, void> => {
        if (collect === undefined) return E.left(issue);
        invalidCount++;
        if (invalid.length < collect) invalid.push(issue);
        return E.right(undefined);
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
            strictProblem = undefined;
            parsed = undefined;
            const step = walker.step(item.buf, s, e, byteOffset, line, fields);
            if (E.isLeft(step) && step.left._tag !== "UndecodableEvent") {
              if (step.left._tag === "MalformedLine" && strictProblem !== undefined)
                return E.left({
                  _tag: "NotCanonical",
                  line,
                  byteOffset,
                  reason: strictProblem,
                  message: `line ${line} (byte ${byteOffset}): not the canonical content the format defines: ${strictProblem}`,
                });
              return step;
            }
            const id = parsed!.fields.eventId;
            const firstLine = seen.get(id);
            if (firstLine !== undefined)
              return E.left({
                _tag: "DuplicateEventId",
                line,
                byteOffset,
                eventId: id,
                firstLine,
                message: `line ${line} (byte ${byteOffset}): event id ${id} is already used on line ${firstLine}`,
              });
            seen.set(id, line);
            if (E.isLeft(step) && step.left._tag === "UndecodableEvent") {
              const r = onInvalid(step.left);
              if (E.isLeft(r)) return r;
            } else if (options.decodeEvents !== false) {
              const rec = toRecordedEvent(parsed!, "codec");
              if (E.isLeft(rec)) {
                const r = onInvalid({
                  _tag: "UndecodableEvent",
                  line,
                  byteOffset,
                  error: rec.left,
                  message: `line ${line} (byte ${byteOffset}): ${rec.left.message}`,
                });
                if (E.isLeft(r)) return r;
              }
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
            invalid: { count: invalidCount, first: invalid },
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
