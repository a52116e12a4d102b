import {
  CURRENT_SCHEMA_VERSION,
  EventId as EventIdCodec,
  isEventType,
  StreamId as StreamIdCodec,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import {
  HASH_PREFIX_LENGTH,
  LEDGER_FORMAT,
  LEDGER_FORMAT_VERSION,
  LedgerHeader,
  lineChainHash,
} from "./ledger-format.js";
import type { LedgerIssue } from "./ledger-issue.js";
import { headerProblem, strictContent } from "./strict-content.js";

/**
 * The envelope members of an event line that indexing and sequencing need.
 * @example
 * import { eventLine } from "@coop-ledger/store/internal";
 * const record = {
 *   batchRemaining: 0,
 *   data: { coopId: "htx-1", effectiveDate: "2021-03-01" },
 *   eventId: "6f1c0a3e-8b1d-5c7e-9f2a-3b4c5d6e7f80",
 *   metadata: { recordedAt: "2023-01-15T08:00:00.000Z" },
 *   position: 0,
 *   revision: 0,
 *   schemaVersion: 1,
 *   streamId: "coop-htx-1",
 *   type: "CoopSuspended",
 * };
 * const framed = eventLine("a".repeat(64), record);
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * const fields: LineFields | undefined = extractFields(buf, 0, buf.length);
 * console.log(fields?.streamId, fields?.revision); // "coop-htx-1" 0
 */
export interface LineFields {
  readonly batchRemaining: number;
  readonly eventId: string;
  readonly position: number;
  readonly revision: number;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly type: string;
}

const PREFIX = Buffer.from('{"hash":"');
const BATCH = Buffer.from('"batchRemaining":');
const N_TYPE = Buffer.from(',"type":"');
const N_STREAM = Buffer.from(',"streamId":"');
const N_SCHEMA = Buffer.from(',"schemaVersion":');
const N_REVISION = Buffer.from(',"revision":');
const N_POSITION = Buffer.from(',"position":');
const N_EVENT_ID = Buffer.from(',"eventId":"');

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/**
 * The stored hash of a framed line, or undefined when the frame `{"hash":"<64 hex>",` is not there.
 * `checkHex: false` skips the hex digits' check (a reader that does not verify the chain).
 * @example
 * import { eventLine } from "@coop-ledger/store/internal";
 * const record = {
 *   batchRemaining: 0,
 *   data: { coopId: "htx-1", effectiveDate: "2021-03-01" },
 *   eventId: "6f1c0a3e-8b1d-5c7e-9f2a-3b4c5d6e7f80",
 *   metadata: { recordedAt: "2023-01-15T08:00:00.000Z" },
 *   position: 0,
 *   revision: 0,
 *   schemaVersion: 1,
 *   streamId: "coop-htx-1",
 *   type: "CoopSuspended",
 * };
 * const framed = eventLine("a".repeat(64), record);
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * console.log(frameHash(buf, 0, buf.length) === framed.right.hash); // true
 * console.log(frameHash(Buffer.from('{"type":"CoopSuspended"}'), 0, 24)); // undefined (no hash frame)
 */
export const frameHash = (buf: Buffer, s: number, e: number, checkHex = true): string | undefined => {
  if (e - s < HASH_PREFIX_LENGTH + 2 || buf.compare(PREFIX, 0, PREFIX.length, s, s + PREFIX.length) !== 0)
    return undefined;
  if (checkHex) for (let i = s + 9; i < s + 73; i++) if (!isHex(buf[i]!)) return undefined;
  if (buf[s + 73] !== 34 || buf[s + 74] !== 44) return undefined;
  return buf.toString("latin1", s + 9, s + 73);
};

const digits = (buf: Buffer, from: number, to: number): number => {
  if (to <= from || to - from > 15) return Number.NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
};

/**
 * Reads the envelope members of an event line from its bytes, without parsing the JSON: the writer
 * puts them after `data` in a fixed order (canonical key order), and a JSON string never holds an
 * unescaped `"`, so searching backwards from the line's end finds the top-level members. Undefined when
 * the line does not have that shape.
 * @example
 * import { eventLine } from "@coop-ledger/store/internal";
 * const record = {
 *   batchRemaining: 0,
 *   data: { coopId: "htx-1", effectiveDate: "2021-03-01" },
 *   eventId: "6f1c0a3e-8b1d-5c7e-9f2a-3b4c5d6e7f80",
 *   metadata: { recordedAt: "2023-01-15T08:00:00.000Z" },
 *   position: 0,
 *   revision: 0,
 *   schemaVersion: 1,
 *   streamId: "coop-htx-1",
 *   type: "CoopSuspended",
 * };
 * const framed = eventLine("a".repeat(64), record);
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * const f = extractFields(buf, 0, buf.length);
 * console.log(f?.eventId === record.eventId, f?.position, f?.type); // true 0 "CoopSuspended"
 */
export const extractFields = (buf: Buffer, s: number, e: number): LineFields | undefined => {
  const b0 = s + HASH_PREFIX_LENGTH;
  if (buf.compare(BATCH, 0, BATCH.length, b0, b0 + BATCH.length) !== 0) return undefined;
  const bEnd = buf.indexOf(44, b0 + BATCH.length);
  if (buf[e - 1] !== 125 || buf[e - 2] !== 34) return undefined;
  const iType = buf.lastIndexOf(N_TYPE, e - 1);
  const iStream = iType > s ? buf.lastIndexOf(N_STREAM, iType - 1) : -1;
  const iSchema = iStream > s ? buf.lastIndexOf(N_SCHEMA, iStream - 1) : -1;
  const iRev = iSchema > s ? buf.lastIndexOf(N_REVISION, iSchema - 1) : -1;
  const iPos = iRev > s ? buf.lastIndexOf(N_POSITION, iRev - 1) : -1;
  const iId = iPos > s ? buf.lastIndexOf(N_EVENT_ID, iPos - 1) : -1;
  if (iId <= b0 || bEnd < 0 || bEnd > iId) return undefined;
  if (buf[iType - 1] !== 34 || buf[iId + N_EVENT_ID.length + 36] !== 34) return undefined;
  const f: LineFields = {
    batchRemaining: digits(buf, b0 + BATCH.length, bEnd),
    eventId: buf.toString("latin1", iId + N_EVENT_ID.length, iId + N_EVENT_ID.length + 36),
    position: digits(buf, iPos + N_POSITION.length, iRev),
    revision: digits(buf, iRev + N_REVISION.length, iSchema),
    schemaVersion: digits(buf, iSchema + N_SCHEMA.length, iStream),
    streamId: buf.toString("latin1", iStream + N_STREAM.length, iType - 1),
    type: buf.toString("latin1", iType + N_TYPE.length, e - 2),
  };
  return Number.isNaN(f.batchRemaining + f.position + f.revision + f.schemaVersion) ? undefined : f;
};

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

/**
 * The state of a walk along the chain: the previous hash, the next position, each stream's last
 * revision and the append in progress. One walker serves opening, verifying and streaming reads, so
 * they apply the same checks.
 *
 * @example
 * import { readFile } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
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

  constructor(
    headerHash: string,
    readonly verifyChain: boolean,
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
    const at = (): string => `line ${line} (byte ${byteOffset})`;
    const stored = frameHash(buf, s, e, this.verifyChain);
    if (stored === undefined)
      return E.left({
        _tag: "MalformedLine",
        line,
        byteOffset,
        reason: "bad frame",
        message: `${at()}: not a ledger line: it does not start with {"hash":"<64 lowercase hex>",`,
      });
    if (this.verifyChain) {
      const computed = lineChainHash(this.prevHash, buf, s, e);
      if (computed !== stored)
        return E.left({
          _tag: "HashMismatch",
          line,
          byteOffset,
          stored,
          computed,
          message: `${at()}: the hash chain breaks here: this line, or the one before it, was changed, removed, inserted or moved`,
        });
    }
    const f = fields(buf, s, e);
    if (typeof f === "string")
      return E.left({
        _tag: "MalformedLine",
        line,
        byteOffset,
        reason: f,
        message: `${at()}: not a ledger line: ${f}`,
      });
    const seq = (reason: string): E.Either<LedgerIssue, never> =>
      E.left({ _tag: "OutOfSequence", line, byteOffset, reason, message: `${at()}: ${reason}` });
    const last = this.revisions.get(f.streamId) ?? this.prior?.(f.streamId);
    // A stream already seen has a valid id; only a new one is checked against the pattern.
    if (last === undefined && !StreamIdCodec.is(f.streamId))
      return seq(`"${f.streamId.slice(0, 80)}" is not a stream id`);
    if (!EventIdCodec.is(f.eventId)) return seq("the event id is not a lowercase UUID");
    if (f.position !== this.position) return seq(`position ${f.position}, expected ${this.position}`);
    const expectedRevision = (last ?? -1) + 1;
    if (f.revision !== expectedRevision)
      return seq(`revision ${f.revision} of ${f.streamId}, expected ${expectedRevision}`);
    if (this.remaining >= 0 && f.batchRemaining !== this.remaining)
      return seq(
        `batchRemaining ${f.batchRemaining}, expected ${this.remaining} (an append's lines are missing or reordered)`,
      );
    if (this.remaining < 0) this.batchStart = { line, byteOffset, lines: 0 };
    this.batchStart!.lines++;
    this.remaining = f.batchRemaining > 0 ? f.batchRemaining - 1 : -1;
    this.prevHash = stored;
    this.position++;
    this.revisions.set(f.streamId, f.revision);
    if (!isEventType(f.type))
      return E.left({
        _tag: "UndecodableEvent",
        line,
        byteOffset,
        error: {
          _tag: "UnknownEventType",
          type: f.type,
          message: `unknown event type "${f.type.slice(0, 100)}"`,
        },
        message: `${at()}: unknown event type "${f.type.slice(0, 100)}" (written by a newer coop-ledger?)`,
      });
    const latest: number = CURRENT_SCHEMA_VERSION[f.type];
    if (f.schemaVersion > latest || f.schemaVersion < 1)
      return E.left({
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
        message: `${at()}: ${f.type} schema version ${f.schemaVersion} is newer than this coop-ledger reads (latest ${latest}); upgrade coop-ledger`,
      });
    return E.right(f);
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
