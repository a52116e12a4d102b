import { isUtf8 } from "node:buffer";
import { Instant } from "@coop-ledger/domain";
import { canonicalJson } from "../core/canonical-json.js";
import { eventMemberNames } from "./chain-window.js";
import { jsonObjectOf } from "./json-object.js";
import { HASH_PREFIX_LENGTH, LEDGER_FORMAT, MAX_LINE_BYTES, MAX_NESTING_LEVELS } from "./ledger-format.js";

/**
 * The deepest nesting of objects and arrays a line may hold (the line's own object is level 1). The
 * writer's events need 4; the limit is low and fixed so that every verifier (this library, the Python
 * script, a parser with a recursion limit) gives the same verdict on a line built to be deep.
 * @example MAX_NESTING // 16
 */
export const MAX_NESTING = MAX_NESTING_LEVELS;

/**
 * The members of an event line's canonical content, exactly (sorted as they are written).
 * @example EVENT_MEMBERS.includes("streamId") // true
 */
export const EVENT_MEMBERS: ReadonlyArray<string> = eventMemberNames();

/**
 * The members of the header's canonical content, exactly.
 * @example HEADER_MEMBERS.length // 6
 */
export const HEADER_MEMBERS: ReadonlyArray<string> = [
  "canonicalization",
  "createdAt",
  "format",
  "formatVersion",
  "hashAlgorithm",
  "maxLineBytes",
];

/**
 * How deep objects and arrays nest in a JSON text, counted on its bytes (brackets inside strings do
 * not count). Stops counting once `limit` is passed, so a hostile line costs one pass and no recursion.
 * @example nestingDepth(Buffer.from('{"a":[1,{"b":"[["}]}'), 0, 20) // 3
 */
export const nestingDepth = (buf: Uint8Array, s: number, e: number, limit = MAX_NESTING): number => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
};

/**
 * A line's canonical content, parsed, or the reason it is not acceptable. The rule (docs/ledger-format.md,
 * "Strict content"), applied the same way by `verify_ledger.py`: the bytes after the hash member are
 * valid UTF-8, nest at most {@link MAX_NESTING} deep, parse as one JSON object without a `hash` member,
 * and are byte for byte that object's canonical JSON (RFC 8785 as the writer produces it: so no
 * whitespace, no duplicate keys, sorted keys, shortest numbers, minimal escapes, no lone surrogates).
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
 * const ok = strictContent(buf, 0, buf.length);
 * console.log(typeof ok === "string" ? ok : ok.record.type); // "CoopSuspended"
 * const spaced = Buffer.from(framed.right.line.replace('"revision":0', '"revision": 0')); // rehashing would not help
 * console.log(strictContent(spaced, 0, spaced.length)); // "not canonical JSON (extra whitespace, …)"
 */
export const strictContent = (
  buf: Buffer,
  s: number,
  e: number,
): { readonly record: Record<string, unknown>; readonly text: string } | string => {
  const from = s + HASH_PREFIX_LENGTH;
  if (e - s > MAX_LINE_BYTES) return `longer than ${MAX_LINE_BYTES} bytes`;
  if (!isUtf8(buf.subarray(from, e))) return "invalid UTF-8";
  if (nestingDepth(buf, from, e) > MAX_NESTING - 1)
    return `nested deeper than ${MAX_NESTING} levels of objects and arrays`;
  const text = `{${buf.toString("utf8", from, e)}`;
  const record = jsonObjectOf(text);
  if (typeof record === "string") return record;
  if (Object.hasOwn(record, "hash")) return "a second hash member";
  const canonical = canonicalJson(record);
  if (canonical._tag === "Left") return `no canonical form: ${canonical.left}`;
  if (canonical.right !== text)
    return "not canonical JSON (extra whitespace, key order, number or escape form, or a duplicate key)";
  return { record, text };
};

/**
 * The reason a parsed header's members are not exactly what format 1 writes, or undefined when they
 * are: exactly {@link HEADER_MEMBERS}, `format` "coop-ledger", `formatVersion` 1, `createdAt` an
 * instant (`YYYY-MM-DDTHH:mm:ss.sssZ`, a real date), `hashAlgorithm` "sha256", `canonicalization`
 * "RFC8785", `maxLineBytes` 1048576.
 * @example
 * import { readFile } from "node:fs/promises";
 * import { openFileLedger } from "@coop-ledger/store";
 * const opened = await openFileLedger("header-problem.jsonl")();
 * if (opened._tag === "Right") await opened.right.close();
 * const { hash: _, ...header } = JSON.parse((await readFile("header-problem.jsonl", "utf8")).split("\n")[0] ?? "");
 * console.log(headerProblem(header)); // undefined
 * console.log(headerProblem({ ...header, maxLineBytes: 10 })); // "maxLineBytes is 10, not 1048576"
 */
export const headerProblem = (rec: Record<string, unknown>): string | undefined => {
  const keys = Object.keys(rec);
  const unknown = keys.filter((k) => !HEADER_MEMBERS.includes(k));
  if (unknown.length > 0) return `unknown member ${JSON.stringify(unknown[0]!.slice(0, 40))}`;
  const missing = HEADER_MEMBERS.filter((k) => !keys.includes(k));
  if (missing.length > 0) return `missing member ${missing[0]}`;
  const expect = (k: string, v: unknown): string | undefined =>
    rec[k] === v ? undefined : `${k} is ${JSON.stringify(rec[k])?.slice(0, 40)}, not ${JSON.stringify(v)}`;
  return (
    expect("format", LEDGER_FORMAT) ??
    expect("formatVersion", 1) ??
    (Instant.is(rec.createdAt) ? undefined : "createdAt is not an instant YYYY-MM-DDTHH:mm:ss.sssZ") ??
    expect("hashAlgorithm", "sha256") ??
    expect("canonicalization", "RFC8785") ??
    expect("maxLineBytes", MAX_LINE_BYTES)
  );
};

/**
 * The reason an event line's members are not exactly the envelope's, or undefined.
 * @example
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
 * console.log(eventMembersProblem(record)); // undefined
 * console.log(eventMembersProblem({ ...record, extra: 1 })); // 'unknown member "extra"'
 * const { batchRemaining: _, ...noBatch } = record;
 * console.log(eventMembersProblem(noBatch)); // "missing member batchRemaining"
 */
export const eventMembersProblem = (rec: Record<string, unknown>): string | undefined => {
  const keys = Object.keys(rec);
  const unknown = keys.find((k) => !EVENT_MEMBERS.includes(k));
  if (unknown !== undefined) return `unknown member ${JSON.stringify(unknown.slice(0, 40))}`;
  const missing = EVENT_MEMBERS.find((k) => !keys.includes(k));
  return missing === undefined ? undefined : `missing member ${missing}`;
};
