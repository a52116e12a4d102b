import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FoldBytes } from "./fold-bytes.js";

describe("FoldBytes (a release's folds packed once)", () => {
  it("law: its arrays are the texts' UTF-8 bytes end to end, the last word's padding 0, and each text is given back, whether it grew in place or by copy", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constant("")), { maxLength: 40 }),
        fc.integer({ min: 0, max: 64 }),
        fc.constantFrom(0, 16, 1 << 20),
        fc.boolean(),
        (texts, capacity, reserve, exact) => {
          const store = new FoldBytes(capacity, reserve);
          const places = texts.map((t) => store.add(t));
          const encoded = texts.map((t) => new TextEncoder().encode(t));
          const starts = [0];
          for (const e of encoded) starts.push((starts[starts.length - 1] as number) + e.length);
          const total = starts[starts.length - 1] as number;
          const expected = new Uint8Array(4 * Math.ceil(total / 4));
          encoded.forEach((e, i) => {
            expected.set(e, starts[i] as number);
          });
          const { start, words } = store.imageArrays(exact);
          expect(Array.from(start)).toEqual(starts);
          expect(new Uint8Array(words.buffer, words.byteOffset, words.byteLength)).toEqual(expected);
          expect(places).toEqual(texts.map((_, i) => i));
          expect(places.map((k) => store.text(k))).toEqual(texts.map((t) => (t === "" ? undefined : t)));
          expect(store.count).toBe(texts.length);
        },
      ),
      { numRuns: Number(process.env.PROJECTIONS_LAW_RUNS ?? 100) * 3 },
    );
  });
});
