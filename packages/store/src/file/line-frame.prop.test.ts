import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { framed, frameHash } from "./line-frame.js";

// The frame as first checked (`Buffer#compare` of the prefix, the quote and comma after 64 bytes):
// the law is that the byte-by-byte check says the same of every line.
const PREFIX = Buffer.from('{"hash":"');
const reference = (buf: Buffer, s: number, e: number): boolean =>
  e - s >= 77 && buf.compare(PREFIX, 0, 9, s, s + 9) === 0 && buf[s + 73] === 34 && buf[s + 74] === 44;

const hex = fc
  .array(fc.constantFrom(..."0123456789abcdef"), { minLength: 64, maxLength: 64 })
  .map((a) => a.join(""));
/** A framed line (`{"hash":"<64 hex>",` and a body), then possibly one byte changed, dropped or added, or cut short. */
const line = fc
  .tuple(
    hex,
    fc.string({ maxLength: 20 }),
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom("none", "replace", "drop", "add", "cut"),
  )
  .map(([h, body, i, byte, how]) => {
    const b = Buffer.from(`{"hash":"${h}","batchRemaining":0${body}}`);
    const at = i % (b.length + 1);
    if (how === "replace" && at < b.length) b[at] = byte;
    if (how === "drop") return Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
    // Cut short around the frame's length (the frame alone is 75 bytes; a line is longer).
    if (how === "cut") return b.subarray(0, 70 + (i % 10));
    if (how === "add") return Buffer.concat([b.subarray(0, at), Buffer.from([byte]), b.subarray(at)]);
    return b;
  });

describe("the frame of a ledger line", () => {
  it("law: framed says what the prefix comparison says, and frameHash finds a hash exactly then (hex unchecked)", () => {
    fc.assert(
      fc.property(line, fc.nat({ max: 8 }), (b, pad) => {
        const buf = Buffer.concat([Buffer.alloc(pad, 0x7b), b, Buffer.alloc(3, 0x2c)]);
        const e = pad + b.length;
        expect(framed(buf, pad, e)).toBe(reference(buf, pad, e));
        expect(frameHash(buf, pad, e, false) !== undefined).toBe(reference(buf, pad, e));
      }),
      { numRuns: 5000 },
    );
  });
});
