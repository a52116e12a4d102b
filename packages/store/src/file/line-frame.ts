import { HASH_PREFIX_LENGTH } from "./ledger-format.js";

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
  if (!framed(buf, s, e)) return undefined;
  if (checkHex) for (let i = s + 9; i < s + 73; i++) if (!isHex(buf[i]!)) return undefined;
  return buf.toString("latin1", s + 9, s + 73);
};

/**
 * Whether a line has the frame `{"hash":"<64 bytes>",` (the 64 bytes' hex digits not checked: a reader
 * that does not verify the chain, and needs no string of the hash). The bytes are compared here, not
 * by `Buffer#compare`: a call into the runtime a line cost more than the nine comparisons.
 * @example
 * framed(Buffer.from(`{"hash":"${"a".repeat(64)}","batchRemaining":0}`), 0, 95) // true
 * framed(Buffer.from('{"type":"CoopSuspended"}'), 0, 24) // false
 */
export const framed = (buf: Buffer, s: number, e: number): boolean => {
  if (e - s < HASH_PREFIX_LENGTH + 2) return false;
  for (let i = 0; i < PREFIX.length; i++) if (buf[s + i] !== PREFIX[i]) return false;
  return buf[s + 73] === 34 && buf[s + 74] === 44;
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
