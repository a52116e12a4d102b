import { createHash } from "node:crypto";
import { type Instant, Instant as InstantCodec } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { canonicalJson } from "../core/canonical-json.js";
import { MAX_LINE_BYTES } from "./line-limit.js";

/**
 * The `format` value of a ledger header.
 * @example
 * LEDGER_FORMAT // "coop-ledger"
 */
export const LEDGER_FORMAT = "coop-ledger";
/**
 * The ledger format version this library writes and reads.
 * @example
 * LEDGER_FORMAT_VERSION // 1
 */
export const LEDGER_FORMAT_VERSION = 1;
// In a module of its own (no codec imported), for the chain check started before the program is
// loaded (chain-ahead.ts).
export { MAX_LINE_BYTES };
/**
 * Length of the line prefix `{"hash":"<64 hex>",` that precedes the canonical content's members.
 * @example
 * import { eventLine, HASH_PREFIX_LENGTH } from "@coop-ledger/store/internal";
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
 * const framed = eventLine("", record);
 * if (framed._tag === "Right") console.log(framed.right.line.slice(HASH_PREFIX_LENGTH, HASH_PREFIX_LENGTH + 18));
 * // '"batchRemaining":0' (the canonical content, without its opening "{")
 */
export const HASH_PREFIX_LENGTH = 75;

/**
 * The header line's content (line 1 of every ledger).
 * @example LedgerHeader.is({ format: "coop-ledger", formatVersion: 1, createdAt: "2026-01-01T00:00:00.000Z", hashAlgorithm: "sha256", canonicalization: "RFC8785", maxLineBytes: 1048576 })
 */
export const LedgerHeader = t.exact(
  t.type({
    format: t.literal(LEDGER_FORMAT),
    formatVersion: t.number,
    createdAt: InstantCodec,
    hashAlgorithm: t.literal("sha256"),
    canonicalization: t.literal("RFC8785"),
    maxLineBytes: t.number,
  }),
  "LedgerHeader",
);
/** @see LedgerHeader */
export type LedgerHeader = t.TypeOf<typeof LedgerHeader>;

/**
 * The chain hash of a line: SHA-256 (hex) of the previous line's hash (`""` for the header) followed by
 * the line's canonical content, both as UTF-8.
 * @example chainHash("", '{"a":1}')
 */
export const chainHash = (prevHash: string, canonical: string | Uint8Array): string =>
  createHash("sha256").update(prevHash).update(canonical).digest("hex");

/**
 * The same hash computed on the stored bytes of a line (`{` + what follows the hash member).
 * @example
 * import { eventLine, lineChainHash } from "@coop-ledger/store/internal";
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
 * const prevHash = "a".repeat(64);
 * const framed = eventLine(prevHash, record);
 * if (framed._tag === "Left") throw new Error(framed.left);
 * const buf = Buffer.from(framed.right.line);
 * console.log(lineChainHash(prevHash, buf, 0, buf.length) === framed.right.hash); // true
 */
export const lineChainHash = (prevHash: string, buf: Buffer, start: number, end: number): string =>
  createHash("sha256")
    .update(prevHash)
    .update("{")
    .update(buf.subarray(start + HASH_PREFIX_LENGTH, end))
    .digest("hex");

/**
 * Builds a stored line from canonical content: the hash member first, then the content's members; so
 * the content (what is hashed) is `{` + the line after the 75-byte prefix.
 * @example frameLine("ab…", '{"a":1}') // '{"hash":"ab…","a":1}'
 */
export const frameLine = (hash: string, canonical: string): string =>
  `{"hash":"${hash}",${canonical.slice(1)}`;

/**
 * The header line (without newline) and its hash, for a new ledger created at `createdAt`.
 * @example headerLine("2026-01-01T00:00:00.000Z" as Instant).line.startsWith('{"hash":"') // true
 */
export const headerLine = (createdAt: Instant): { readonly line: string; readonly hash: string } => {
  const content: LedgerHeader = {
    canonicalization: "RFC8785",
    createdAt,
    format: LEDGER_FORMAT,
    formatVersion: LEDGER_FORMAT_VERSION,
    hashAlgorithm: "sha256",
    maxLineBytes: MAX_LINE_BYTES,
  };
  const canonical = E.getOrElse(() => "")(canonicalJson(content));
  const hash = chainHash("", canonical);
  return { line: frameLine(hash, canonical), hash };
};

/**
 * The deepest nesting of objects and arrays a line may hold (its own object is level 1); the same
 * value as `MAX_NESTING` in strict-content.ts, which verifiers apply.
 * @example MAX_NESTING_LEVELS // 16
 */
export const MAX_NESTING_LEVELS = 16;

/** Whether a canonical JSON text nests deeper than {@link MAX_NESTING_LEVELS} (strings skipped). */
const tooDeep = (json: string): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_NESTING_LEVELS) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
};

/**
 * The members of a stored event line (its canonical content, without `hash`).
 * @example
 * import { type EventRecord, eventLine } from "@coop-ledger/store/internal";
 * const record: EventRecord = {
 *   batchRemaining: 0, // the last line of its append
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
 * if (framed._tag === "Right") console.log(framed.right.line.startsWith(`{"hash":"${framed.right.hash}","batchRemaining":0,`)); // true
 */
export interface EventRecord {
  /** How many more lines belong to the same append (0 on its last line): a crash mid-append is visible. */
  readonly batchRemaining: number;
  readonly data: unknown;
  readonly eventId: string;
  readonly metadata: unknown;
  readonly position: number;
  readonly revision: number;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly type: string;
}

/**
 * Encodes one event line (without newline) chained to `prevHash`; Left when the event has no portable
 * canonical form or the line would exceed {@link MAX_LINE_BYTES}.
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
 * const prev = "a".repeat(64); // the previous line's hash
 * const framed = eventLine(prev, record);
 * if (framed._tag === "Right") console.log(framed.right.hash.length, framed.right.line.length); // 64 342
 * const deep = eventLine(prev, { ...record, data: JSON.parse("[".repeat(20) + "]".repeat(20)) });
 * console.log(deep); // Left("the event nests objects and arrays deeper than 16 levels")
 */
export const eventLine = (
  prevHash: string,
  record: EventRecord,
): E.Either<string, { readonly line: string; readonly hash: string }> => {
  const canonical = canonicalJson(record);
  if (E.isLeft(canonical)) return canonical;
  // Never write what a verifier must refuse (strict-content.ts): nesting over the format's limit.
  if (tooDeep(canonical.right))
    return E.left(`the event nests objects and arrays deeper than ${MAX_NESTING_LEVELS} levels`);
  const hash = chainHash(prevHash, canonical.right);
  const line = frameLine(hash, canonical.right);
  const bytes = Buffer.byteLength(line, "utf8");
  return bytes > MAX_LINE_BYTES
    ? E.left(`the event's line would be ${bytes} bytes, over the ${MAX_LINE_BYTES}-byte limit`)
    : E.right({ line, hash });
};
