import { type ParsedLine, parseEventLine } from "./event-line.js";
import { extractFields, type LineFields } from "./line-frame.js";

/**
 * One partition of a ledger's streams, read by one of several threads that each read the whole file
 * (a first build fed in parallel): `owns` says which streams are its own; `differs` is told of a line
 * whose envelope the byte scan reads otherwise than the JSON parse (see {@link partitionFields}).
 * @example const p: StreamPartition = { owns: (id) => id.endsWith("1"), differs: () => undefined }; p.owns("coop-1") // true
 */
export interface StreamPartition {
  readonly owns: (streamId: string) => boolean;
  readonly differs: (line: number) => void;
}

const N_EVENT_ID = Buffer.from(',"eventId":"');
/** Shorter than any line with a hash, an event id and the envelope's members: not scanned. */
const MIN_SCANNED = 160;

/**
 * Whether a line's envelope members (from the last `,"eventId":"` on: the scan reads them there) are
 * printable ASCII with no escape, so that the scan reads what a JSON parse reads (else every thread
 * parses the line).
 */
const plainTail = (buf: Buffer, s: number, e: number): boolean => {
  const from = buf.lastIndexOf(N_EVENT_ID, e - 1);
  if (from < s) return false;
  for (let i = from; i < e; i++) {
    const c = buf[i] as number;
    if (c < 0x20 || c > 0x7e || c === 0x5c) return false;
  }
  return true;
};

const sameFields = (a: LineFields, b: LineFields): boolean =>
  a.batchRemaining === b.batchRemaining &&
  a.eventId === b.eventId &&
  a.position === b.position &&
  a.revision === b.revision &&
  a.schemaVersion === b.schemaVersion &&
  a.streamId === b.streamId &&
  a.type === b.type;

/**
 * The envelope fields of each line as a partition's reader needs them: a line of another partition's
 * stream (told by a byte scan of its envelope, `extractFields`) is not parsed (its fields, enough to
 * check the sequence, are the scan's); a line of its own stream, or one the scan cannot read, is parsed
 * (`parseEventLine`, kept in `parsed` for decoding). Every thread scans every line alike, so each line
 * is parsed by at least its owner; an own line whose parse disagrees with the scan (an escaped or
 * duplicated member: no coop-ledger writer makes one) is told to `differs`, since the other threads
 * checked its sequence with the scan's reading: the caller then reads the file on one thread.
 * @example
 * const read = partitionFields({ owns: () => false, differs: () => undefined });
 * console.log(typeof read.fields(Buffer.from("{oops"), 0, 5, 2)); // "string"
 */
export const partitionFields = (partition: StreamPartition) => {
  const out = {
    parsed: undefined as ParsedLine | undefined,
    fields: (buf: Buffer, s: number, e: number, line: number): LineFields | string => {
      // (A line too short to hold an envelope is parsed: the scan reads a line framed as the writer's.)
      const x = e - s >= MIN_SCANNED ? extractFields(buf, s, e) : undefined;
      const plain = x !== undefined && plainTail(buf, s, e);
      if (plain && !partition.owns(x.streamId)) {
        out.parsed = undefined;
        return x;
      }
      const p = parseEventLine(buf, s, e);
      if (typeof p === "string") return p;
      out.parsed = p;
      if (plain && !sameFields(p.fields, x)) partition.differs(line);
      return p.fields;
    },
  };
  return out;
};
