import {
  CURRENT_SCHEMA_VERSION,
  EventId as EventIdCodec,
  isEventType,
  StreamId as StreamIdCodec,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { LEDGER_FORMAT, LEDGER_FORMAT_VERSION, LedgerHeader, lineChainHash } from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { framed, frameHash, type LineFields } from "./line-frame.js";
import { headerProblem, strictContent } from "./strict-content.js";

/**
 * Parses and checks the header line (line 1): frame, strict canonical content, the format version,
 * exactly the members and values format 1 writes, and its hash (the chain's first link, over `""` + its content). Right: the header's hash.
 * @example
 * import { readFile } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * const opened = await openFileLedger("parse-header.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.close();
 * const buf = await readFile("parse-header.jsonl");
 * const nl = buf.indexOf(10); // the end of line 1
 * const h = parseHeader(buf, 0, nl);
 * if (h._tag === "Right") console.log(h.right.header.format, h.right.hash.length); // "coop-ledger" 64
 * buf[nl - 3] = 0x32; // change one digit of maxLineBytes
 * const changed = parseHeader(buf, 0, nl);
 * if (changed._tag === "Left") console.log(changed.left._tag); // "BadHeader"
 */
export const parseHeader = (
  buf: Buffer,
  s: number,
  e: number,
): E.Either<LedgerIssue, { readonly hash: string; readonly header: LedgerHeader }> => {
  const bad = (reason: string): E.Either<LedgerIssue, never> =>
    E.left({
      _tag: "BadHeader",
      line: 1,
      byteOffset: 0,
      reason,
      message: `line 1 (byte 0): not a coop-ledger header: ${reason}`,
    });
  const stored = frameHash(buf, s, e);
  if (stored === undefined) return bad('it does not start with {"hash":"<64 lowercase hex>",');
  const content = strictContent(buf, s, e);
  if (typeof content === "string") return bad(content);
  const rec = content.record;
  if (rec.format !== LEDGER_FORMAT)
    return bad(`format is ${JSON.stringify(rec.format)?.slice(0, 40)}, not "${LEDGER_FORMAT}"`);
  if (typeof rec.formatVersion === "number" && rec.formatVersion > LEDGER_FORMAT_VERSION)
    return E.left({
      _tag: "UnsupportedFormatVersion",
      line: 1,
      byteOffset: 0,
      formatVersion: rec.formatVersion,
      supported: LEDGER_FORMAT_VERSION,
      message: `line 1 (byte 0): ledger format version ${rec.formatVersion} is newer than this coop-ledger reads (${LEDGER_FORMAT_VERSION}); upgrade coop-ledger`,
    });
  // Exactly the members and values format 1 writes: a header with `maxLineBytes: 10` or an unknown
  // member was not written by coop-ledger, and a reader must not guess what it means.
  const problem = headerProblem(rec);
  const decoded = LedgerHeader.decode(rec);
  if (problem !== undefined || E.isLeft(decoded)) return bad(problem ?? "members of the wrong type");
  const computed = lineChainHash("", buf, s, e);
  if (computed !== stored)
    return E.left({
      _tag: "HashMismatch",
      line: 1,
      byteOffset: 0,
      stored,
      computed,
      message: `line 1 (byte 0): the header's hash does not match its content (it was changed)`,
    });
  return E.right({ hash: stored, header: decoded.right });
};

// The issues of an event line, made only when one is found (module functions, not closures a line).
const at = (line: number, byteOffset: number): string => `line ${line} (byte ${byteOffset})`;
const malformedLine = (line: number, byteOffset: number, reason: string): LedgerIssue => ({
  _tag: "MalformedLine",
  line,
  byteOffset,
  reason,
  message: `${at(line, byteOffset)}: not a ledger line: ${reason}`,
});
const badFrame = (line: number, byteOffset: number): LedgerIssue => ({
  _tag: "MalformedLine",
  line,
  byteOffset,
  reason: "bad frame",
  message: `${at(line, byteOffset)}: not a ledger line: it does not start with {"hash":"<64 lowercase hex>",`,
});
const outOfSequence = (line: number, byteOffset: number, reason: string): LedgerIssue => ({
  _tag: "OutOfSequence",
  line,
  byteOffset,
  reason,
  message: `${at(line, byteOffset)}: ${reason}`,
});

/**
 * The state of a walk along the chain: the previous hash, the next position, each stream's last
 * revision and the append in progress. One walker serves opening, verifying and streaming reads, so
 * they apply the same checks.
 *
 * @example
 * import { readFile } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * import { extractFields } from "@coop-ledger/store/internal";
 * const opened = await openFileLedger("walker.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * const buf = await readFile("walker.jsonl");
 * const header = buf.indexOf(10);
 * const h = parseHeader(buf, 0, header);
 * if (h._tag === "Left") throw new Error(h.left.message);
 * const walker = new ChainWalker(h.right.hash, true); // verify the chain
 * let s = header + 1;
 * for (let line = 2; s < buf.length; line++) {
 *   const e = buf.indexOf(10, s);
 *   const r = walker.step(buf, s, e, s, line, (b, from, to) => extractFields(b, from, to) ?? "bad line");
 *   console.log(r._tag === "Right" ? `line ${line}: revision ${r.right.revision}` : r.left.message);
 *   s = e + 1;
 * }
 * // "line 2: revision 0", then "line 3: revision 1"
 */
export class ChainWalker {
  prevHash: string;
  position = 0;
  readonly revisions = new Map<string, number>();
  /** A stream's last revision before the first line walked (a resumed walk), when `revisions` has none. */
  prior: ((streamId: string) => number | undefined) | undefined = undefined;
  /** Remaining lines of the append in progress, or -1 between appends. */
  remaining = -1;
  batchStart: { line: number; byteOffset: number; lines: number } | undefined;
  /** The stored hash of the line `frame` passed last: the chain's next link once `advance` takes the line. */
  private stored = "";

  /**
   * `keepHash: false` (a reader that neither verifies the chain nor asks for the last hash): `prevHash`
   * is not kept up to date, and no string of each line's hash is made.
   */
  constructor(
    headerHash: string,
    readonly verifyChain: boolean,
    readonly keepHash = true,
  ) {
    this.prevHash = headerHash;
  }

  /**
   * Checks one event line: frame, hash (when verifying), then the fields' sequence. `fields` are read
   * from the line by the caller (extracted or parsed). Left: the first issue. After an
   * `UndecodableEvent` issue the walker has moved past the line (a reader may go on); after any other
   * issue it has not.
   */
  step(
    buf: Buffer,
    s: number,
    e: number,
    byteOffset: number,
    line: number,
    fields: (buf: Buffer, s: number, e: number) => LineFields | string,
  ): E.Either<LedgerIssue, LineFields> {
    const bad = this.frame(buf, s, e, byteOffset, line);
    if (bad !== undefined) return E.left(bad);
    const f = fields(buf, s, e);
    if (typeof f === "string") return E.left(malformedLine(line, byteOffset, f));
    const issue = this.advance(f, byteOffset, line);
    return issue === undefined ? E.right(f) : E.left(issue);
  }

  /**
   * The first half of {@link ChainWalker.step}: the line's frame and (when verifying) its link to the
   * line before. An issue, or undefined when the line may be read; nothing moves until `advance`.
   */
  private frame(
    buf: Buffer,
    s: number,
    e: number,
    byteOffset: number,
    line: number,
  ): LedgerIssue | undefined {
    if (!this.verifyChain && !this.keepHash)
      return framed(buf, s, e) ? undefined : badFrame(line, byteOffset);
    const stored = frameHash(buf, s, e, this.verifyChain);
    if (stored === undefined) return badFrame(line, byteOffset);
    if (this.verifyChain) {
      const computed = lineChainHash(this.prevHash, buf, s, e);
      if (computed !== stored)
        return {
          _tag: "HashMismatch",
          line,
          byteOffset,
          stored,
          computed,
          message: `${at(line, byteOffset)}: the hash chain breaks here: this line, or the one before it, was changed, removed, inserted or moved`,
        };
    }
    this.stored = stored;
    return undefined;
  }

  /**
   * The second half of {@link ChainWalker.step}, for the line `frame` passed: its fields' sequence
   * checked and the walk moved past it, then its type and schema version. An issue (an
   * `UndecodableEvent` after the walk moved), or undefined.
   */
  private advance(f: LineFields, byteOffset: number, line: number): LedgerIssue | undefined {
    const last = this.revisions.get(f.streamId) ?? this.prior?.(f.streamId);
    // A stream already seen has a valid id; only a new one is checked against the pattern.
    if (last === undefined && !StreamIdCodec.is(f.streamId))
      return outOfSequence(line, byteOffset, `"${f.streamId.slice(0, 80)}" is not a stream id`);
    if (!EventIdCodec.is(f.eventId))
      return outOfSequence(line, byteOffset, "the event id is not a lowercase UUID");
    if (f.position !== this.position)
      return outOfSequence(line, byteOffset, `position ${f.position}, expected ${this.position}`);
    const expectedRevision = (last ?? -1) + 1;
    if (f.revision !== expectedRevision)
      return outOfSequence(
        line,
        byteOffset,
        `revision ${f.revision} of ${f.streamId}, expected ${expectedRevision}`,
      );
    if (this.remaining >= 0 && f.batchRemaining !== this.remaining)
      return outOfSequence(
        line,
        byteOffset,
        `batchRemaining ${f.batchRemaining}, expected ${this.remaining} (an append's lines are missing or reordered)`,
      );
    if (this.remaining < 0) this.batchStart = { line, byteOffset, lines: 0 };
    this.batchStart!.lines++;
    this.remaining = f.batchRemaining > 0 ? f.batchRemaining - 1 : -1;
    if (this.verifyChain || this.keepHash) this.prevHash = this.stored;
    this.position++;
    this.revisions.set(f.streamId, f.revision);
    if (!isEventType(f.type))
      return {
        _tag: "UndecodableEvent",
        line,
        byteOffset,
        error: {
          _tag: "UnknownEventType",
          type: f.type,
          message: `unknown event type "${f.type.slice(0, 100)}"`,
        },
        message: `${at(line, byteOffset)}: unknown event type "${f.type.slice(0, 100)}" (written by a newer coop-ledger?)`,
      };
    const latest: number = CURRENT_SCHEMA_VERSION[f.type];
    if (f.schemaVersion > latest || f.schemaVersion < 1)
      return {
        _tag: "UndecodableEvent",
        line,
        byteOffset,
        error: {
          _tag: "UnsupportedSchemaVersion",
          type: f.type,
          schemaVersion: f.schemaVersion,
          latest,
          message: `${f.type} schema version ${f.schemaVersion} is not supported (latest ${latest})`,
        },
        message: `${at(line, byteOffset)}: ${f.type} schema version ${f.schemaVersion} is newer than this coop-ledger reads (latest ${latest}); upgrade coop-ledger`,
      };
    return undefined;
  }

  /** At the end of the file: an append whose last line is missing is reported, not dropped. */
  finish(): LedgerIssue | undefined {
    if (this.remaining < 0 || this.batchStart === undefined) return undefined;
    const b = this.batchStart;
    return {
      _tag: "IncompleteAppend",
      line: b.line,
      byteOffset: b.byteOffset,
      lines: b.lines,
      message: `line ${b.line} (byte ${b.byteOffset}): the file ends inside an append (${b.lines} of its lines present, ${this.remaining + 1} missing): a crash during a write that was never acknowledged: a repair cuts it, keeping a backup (coop-ledger repair --ledger FILE --apply)`,
    };
  }
}
