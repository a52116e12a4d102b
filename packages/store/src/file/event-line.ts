import {
  CURRENT_SCHEMA_VERSION,
  type DomainEvent,
  decodeEvent,
  type EventDecodeError,
  EventMetadata,
  formatValidationErrors,
  isEventType,
  type RecordedEvent,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { decodeEventFast, decodeMetadataFast } from "./fast-decode.js";
import { jsonObjectOf } from "./json-object.js";
import type { LineFields } from "./line-frame.js";

/**
 * How a reader turns a stored event into a domain event:
 * - `codec` (default): every event and its metadata through the io-ts codecs (upcasting old versions);
 * - `trusted`: for replaying a ledger whose chain was verified (the writer only writes codec-checked
 *   events): the type and schema version are still checked (unknown types and newer versions are
 *   reported, old versions upcast through the codec), but current-version data is not re-validated.
 *   A line holding a `"__proto__"` key always goes through the codec, which drops unknown keys.
 * @example
 * import { openFileLedger, readLedgerChunks, type Validation, verifyIntegrity } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("trusted.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * await opened.right.append(fixtureEvent("a", 0).streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * await opened.right.close();
 * // Verified once, so a replay may skip re-validating current-version data.
 * if ((await verifyIntegrity("trusted.jsonl")())._tag === "Right") {
 *   const validation: Validation = "trusted";
 *   let events = 0;
 *   for await (const chunk of readLedgerChunks("trusted.jsonl", { validation })) events += chunk.length;
 *   console.log(events); // 2
 * }
 */
export type Validation = "codec" | "trusted";

/**
 * An event line parsed as JSON, with its envelope members type-checked.
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
 * const framed = eventLine("", record); // chained to "" for the example (a ledger chains to its header)
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * const p: ParsedLine | string = parseEventLine(buf, 0, buf.length);
 * if (typeof p !== "string") console.log(p.fields.streamId, p.fields.position, p.text === framed.right.line); // "coop-htx-1" 0 true
 */
export interface ParsedLine {
  readonly fields: LineFields;
  readonly record: Record<string, unknown>;
  readonly text: string;
}

/**
 * Parses an event line (JSON.parse: an own `__proto__` member is plain data, never a prototype) and
 * checks its envelope members' types. A string on failure (the reason).
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
 * const framed = eventLine("", record); // chained to "" for the example (a ledger chains to its header)
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * const p = parseEventLine(buf, 0, buf.length);
 * console.log(typeof p === "string" ? p : p.fields.type); // "CoopSuspended"
 * console.log(parseEventLine(Buffer.from("{oops"), 0, 5)); // "it is not valid JSON"
 */
export const parseEventLine = (buf: Buffer, s: number, e: number): ParsedLine | string => {
  const text = buf.toString("utf8", s, e);
  const record = eventRecordOf(text);
  if (typeof record === "string") return record;
  return { fields: record, record: record as unknown as Record<string, unknown>, text };
};

/**
 * An event line's record: the parsed line itself, its envelope members type-checked (see
 * {@link eventRecordOf}); `data` and `metadata` present, not yet decoded.
 * @example
 * const r: EventRecord | string = eventRecordOf('{"batchRemaining":0,"data":{},"eventId":"e-1","metadata":{},"position":3,"revision":0,"schemaVersion":1,"streamId":"coop-htx-1","type":"CoopSuspended"}');
 * console.log(typeof r === "string" ? r : r.position); // 3
 */
export interface EventRecord extends LineFields {
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * Parses an event line's text (without its frame's meaning: the `hash` member is one more member) into
 * its {@link EventRecord}, or the reason it is not one: what {@link parseEventLine} does without the
 * wrapper object, for a reader that keeps the text and the record apart.
 * @example
 * const r = eventRecordOf('{"batchRemaining":0,"data":{},"eventId":"e-1","metadata":{},"position":3,"revision":0,"schemaVersion":1,"streamId":"coop-htx-1","type":"CoopSuspended"}');
 * console.log(typeof r === "string" ? r : r.type); // "CoopSuspended"
 * console.log(eventRecordOf("[1]")); // "it is not a JSON object"
 */
export const eventRecordOf = (text: string): EventRecord | string => {
  const record = jsonObjectOf(text);
  if (typeof record === "string") return record;
  const fields = envelopeFields(record);
  return fields as EventRecord | string;
};

/** A non-negative safe integer: what the envelope's counters are. */
const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/**
 * The envelope members of a parsed line, type-checked (the record itself, no copy), or the reason.
 * @example
 * const ok = envelopeFields({ batchRemaining: 0, data: {}, eventId: "e-1", metadata: {}, position: 3, revision: 0, schemaVersion: 1, streamId: "coop-htx-1", type: "CoopSuspended" });
 * console.log(typeof ok === "string" ? ok : ok.position); // 3
 * const bad = envelopeFields({ type: "CoopSuspended", position: -1 });
 * console.log(typeof bad === "string" && bad.startsWith("an envelope member")); // true
 */
export const envelopeFields = (r: Record<string, unknown>): LineFields | string => {
  const { batchRemaining, eventId, position, revision, schemaVersion, streamId, type } = r;
  if (
    !count(batchRemaining) ||
    typeof eventId !== "string" ||
    !count(position) ||
    !count(revision) ||
    !count(schemaVersion) ||
    typeof streamId !== "string" ||
    typeof type !== "string" ||
    !("data" in r) ||
    !("metadata" in r)
  )
    return "an envelope member (batchRemaining, data, eventId, metadata, position, revision, schemaVersion, streamId, type) is missing or of the wrong type";
  // The record has the envelope members itself: no copy.
  return r as unknown as LineFields;
};

/**
 * Turns a parsed line into a {@link RecordedEvent}, decoding the event and metadata as `validation`
 * says. Left: why the domain cannot read it.
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
 * const framed = eventLine("", record); // chained to "" for the example (a ledger chains to its header)
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * const parsed = parseEventLine(buf, 0, buf.length);
 * if (typeof parsed === "string") throw new Error(parsed);
 * const r = toRecordedEvent(parsed, "codec");
 * console.log(r._tag === "Right" ? `${r.right.streamId} ${r.right.event.type}` : r.left.message); // "coop-htx-1 CoopSuspended"
 */
export const toRecordedEvent = (
  p: ParsedLine,
  validation: Validation,
): E.Either<EventDecodeError, RecordedEvent> =>
  recordedEventOf(p.record as unknown as EventRecord, validation, p.text);

/**
 * {@link toRecordedEvent} of a record and its line's text held apart (see {@link eventRecordOf}).
 * @example
 * const text = '{"batchRemaining":0,"data":{"coopId":"htx-1","effectiveDate":"2021-03-01"},"eventId":"6f1c0a3e-8b1d-5c7e-9f2a-3b4c5d6e7f80","metadata":{"recordedAt":"2023-01-15T08:00:00.000Z"},"position":0,"revision":0,"schemaVersion":1,"streamId":"coop-htx-1","type":"CoopSuspended"}';
 * const record = eventRecordOf(text);
 * if (typeof record === "string") throw new Error(record);
 * const r = recordedEventOf(record, "codec", text);
 * console.log(r._tag === "Right" ? r.right.event.type : r.left.message); // "CoopSuspended"
 */
export const recordedEventOf = (
  f: EventRecord,
  validation: Validation,
  text: string,
): E.Either<EventDecodeError, RecordedEvent> => {
  const record = f;
  let event: DomainEvent | undefined;
  let metadata: EventMetadata | undefined;
  if (
    validation === "trusted" &&
    isEventType(f.type) &&
    f.schemaVersion === CURRENT_SCHEMA_VERSION[f.type] &&
    !text.includes('"__proto__"') &&
    typeof record.data === "object" &&
    record.data !== null &&
    typeof record.metadata === "object" &&
    record.metadata !== null
  ) {
    event = { type: f.type, schemaVersion: f.schemaVersion, data: record.data } as DomainEvent;
    metadata = record.metadata as EventMetadata;
  } else {
    // The codecs compiled once take exactly what the codecs take, with the same value (the law in the
    // testing package's fast-decode.prop.test.ts); what they leave goes through the codecs themselves,
    // so every error is the codecs' error with its path.
    event = decodeEventFast(f.type, f.schemaVersion, record.data);
    if (event === undefined) {
      const ev = decodeEvent({ type: f.type, schemaVersion: f.schemaVersion, data: record.data });
      if (E.isLeft(ev)) return ev;
      event = ev.right;
    }
    metadata = decodeMetadataFast(record.metadata);
    if (metadata === undefined) {
      const meta = EventMetadata.decode(record.metadata);
      if (E.isLeft(meta)) {
        const problems = formatValidationErrors(meta.left);
        return E.left({
          _tag: "InvalidEventData",
          type: f.type,
          schemaVersion: f.schemaVersion,
          problems,
          message: `invalid metadata: ${problems.slice(0, 5).join("; ")}`,
        });
      }
      metadata = meta.right;
    }
  }
  return E.right({
    eventId: f.eventId as RecordedEvent["eventId"],
    streamId: f.streamId as RecordedEvent["streamId"],
    revision: f.revision,
    position: f.position,
    event,
    metadata,
  });
};
