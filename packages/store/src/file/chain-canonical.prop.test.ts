import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../core/canonical-json.js";
import { makeCanonicalChecker } from "./chain-canonical.js";
import { strictContent } from "./strict-content.js";

const FRAME = `{"hash":"${"0".repeat(64)}",`;

/** Both verdicts on one content text (`{` + members): the byte checker's and strictContent's. */
const verdicts = (content: Buffer): { fast: boolean; exact: boolean } => {
  const line = Buffer.concat([Buffer.from(FRAME), content.subarray(1)]);
  const from = FRAME.length;
  const fast =
    isUtf8(line.subarray(from)) && makeCanonicalChecker()(line, from, line.length, undefined, undefined);
  return { fast, exact: typeof strictContent(line, 0, line.length) !== "string" };
};

/** JSON values with the keys, strings and numbers that make canonical form hard. */
const key = fc.oneof(
  fc.constantFrom(
    "a",
    "b",
    "aa",
    "hash",
    "__proto__",
    "1",
    "10",
    "2",
    "é",
    "\u{1F600}",
    "\uE000",
    "\uFFFF",
    "a\nb",
    "\u0001",
    "/",
  ),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 3 }),
);
const leaf = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1.5,
    1e-7,
    1e-6,
    1e21,
    1e20,
    2 ** 53 - 1,
    2 ** 53,
    -0,
    0.1,
    123456789012345.6,
    null,
    true,
    false,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
  fc.constantFrom(
    "\u2028",
    "\u007f",
    '"',
    "\\",
    "\b\f\n\r\t",
    "\u0000\u001f",
    "\uD800",
    "\uDC00x",
    "\u{10FFFF}",
  ),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(key, tie("v"), { maxKeys: 4 }),
  ),
})).v;
const object = fc.dictionary(key, value, { minKeys: 0, maxKeys: 5 });

/** Edits of a text that may or may not keep it canonical. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant("none" as const) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(
      " ",
      "\t",
      ",",
      ":",
      "{",
      "}",
      "[",
      "]",
      '"',
      "\\",
      "\\/",
      "\\u0041",
      "\\u001F",
      "\\u001f",
      "\\u0009",
      "\\u000a",
      "\\u000b",
      "\\ud83d\\ude00",
      "0",
      "-",
      ".0",
      "e5",
      "\n",
      "\u00e9",
      "\u0000",
    ),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("byte" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("stringify" as const) }),
);

interface TextEdit {
  readonly kind: string;
  readonly at?: number;
  readonly text?: string;
  readonly length?: number;
  readonly value?: number;
}

const applyEdit = (text: string, e: TextEdit, value: unknown): Buffer => {
  if (e.kind === "stringify") return Buffer.from(JSON.stringify(value) ?? "{}");
  const b = Buffer.from(text, "utf8");
  if (e.kind === "none" || b.length < 2) return b;
  // Never touch the opening "{": the line frame puts it back.
  const at = 1 + ((e.at ?? 0) % (b.length - 1));
  if (e.kind === "insert")
    return Buffer.concat([b.subarray(0, at), Buffer.from(e.text ?? ""), b.subarray(at)]);
  if (e.kind === "delete") return Buffer.concat([b.subarray(0, at), b.subarray(at + (e.length ?? 1))]);
  const c = Buffer.from(b);
  c[at] = e.value ?? 0;
  return c;
};

describe("the byte-level strict-content check", () => {
  it("law: it accepts exactly the lines strictContent (JSON.parse + canonical re-serialisation) accepts", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(object, edit, (v, e) => {
        const c = canonicalJson(v);
        const text = c._tag === "Right" ? c.right : (JSON.stringify(v) ?? "{}");
        const content = applyEdit(text, e, v);
        if (content[0] !== 0x7b) return;
        const { fast, exact } = verdicts(content);
        if (exact) accepted++;
        else refused++;
        expect(fast, content.toString("latin1")).toBe(exact);
      }),
      { numRuns: Number(process.env.COOP_LEDGER_CANONICAL_RUNS ?? 3000) },
    );
    // Both sides of the law were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it("law: with members, it accepts exactly the canonical lines whose top-level keys are those members, and spans each member's value", () => {
    const members = ["a", "aa", "b"];
    const memberBytes = members.map((m) => Buffer.from(m));
    // Mostly the members exactly; else some missing, or others besides.
    const envelope = fc.oneof(
      { arbitrary: fc.record({ a: value, aa: value, b: value }), weight: 3 },
      fc.record({ a: value, aa: value, b: value }, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom("a", "aa", "b", "ab", "hash", "\u00e9"), value, { maxKeys: 4 }),
    );
    let accepted = 0;
    fc.assert(
      fc.property(envelope, edit, (v, e) => {
        const c = canonicalJson(v);
        const text = c._tag === "Right" ? c.right : (JSON.stringify(v) ?? "{}");
        const content = applyEdit(text, e, v);
        if (content[0] !== 0x7b) return;
        const line = Buffer.concat([Buffer.from(FRAME), content.subarray(1)]);
        const from = FRAME.length;
        const spans = new Int32Array(2 * members.length);
        const fast =
          isUtf8(line.subarray(from)) && makeCanonicalChecker()(line, from, line.length, memberBytes, spans);
        const strict = strictContent(line, 0, line.length);
        const exact =
          typeof strict !== "string" &&
          JSON.stringify(Object.keys(strict.record).filter((k) => k !== "hash")) === JSON.stringify(members);
        expect(fast, content.toString("latin1")).toBe(exact);
        if (fast && typeof strict !== "string") {
          accepted++;
          members.forEach((m, k) => {
            const member = canonicalJson(strict.record[m]);
            expect(line.toString("utf8", spans[2 * k], spans[2 * k + 1])).toBe(
              member._tag === "Right" ? member.right : "",
            );
          });
        }
      }),
      { numRuns: Number(process.env.COOP_LEDGER_CANONICAL_RUNS ?? 3000) },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it("agrees on the forms the format names", () => {
    const cases = [
      '{"a":1}',
      '{"a":1.0}',
      '{"a":-0}',
      '{"a":1e21}',
      '{"a":1e-7}',
      '{"a":0.000001}',
      '{"a":9007199254740991}',
      '{"a":9007199254740992}',
      '{"a":"\\/"}',
      '{"a":"\\u001f"}',
      '{"a":"\\u001F"}',
      '{"a":"\\u0008"}',
      '{"a":"\\u0009"}',
      '{"a":"\\u000a"}',
      '{"a":"\\u000c"}',
      '{"a":"\\u000d"}',
      '{"a":"\\u000b"}',
      '{"a":"\\u0000"}',
      '{"a\\u0001":1,"a":2}',
      '{"a":1,"a\\u0001":2}',
      '{"a":"\\b"}',
      '{"a":"\\ud800"}',
      '{"b":1,"a":2}',
      '{"a":1,"a":2}',
      '{"hash":1}',
      '{"x":{"hash":1}}',
      '{"\uE000":1,"\u{1F600}":2}',
      '{"\u{1F600}":1,"\uE000":2}',
      '{"a":[1,2,]}',
      '{"a":[]}',
      "{}",
      '{"a":{}}',
      `{"a":${"[".repeat(15)}${"]".repeat(15)}}`,
      `{"a":${"[".repeat(16)}${"]".repeat(16)}}`,
      '{"a":true}',
      '{"a":tru}',
      '{"a":1} ',
      '{"a":"\u2028"}',
    ];
    for (const c of cases) {
      const { fast, exact } = verdicts(Buffer.from(c));
      expect(fast, c).toBe(exact);
    }
  });

  it("a quote, a backslash, a control or a non-ASCII byte in every place of a string's four-byte words", () => {
    // The string scan tests four bytes at once: each special byte at each offset of strings of 1 to 13
    // bytes, in keys and in values, at each alignment of the content.
    const specials = [
      [0x00],
      [0x1f],
      [0x20],
      [0x22],
      [0x5c],
      [0x5c, 0x6e],
      [0x5c, 0x78],
      [0x7f],
      [0xc3, 0xa9],
      [0xff],
    ];
    for (let len = 1; len <= 13; len++)
      for (let at = 0; at < len; at++)
        for (const sp of specials)
          for (const pad of ["", "a", "ab", "abc"]) {
            const str = Buffer.concat([
              Buffer.alloc(at, 0x61),
              Buffer.from(sp),
              Buffer.alloc(len - at - 1, 0x62),
            ]);
            for (const [pre, post] of [
              [`{"${pad}":"`, '"}'],
              ['{"', `":"${pad}"}`],
            ]) {
              const content = Buffer.concat([Buffer.from(pre!), str, Buffer.from(post!)]);
              const { fast, exact } = verdicts(content);
              expect(fast, content.toString("latin1")).toBe(exact);
            }
          }
  });
});
