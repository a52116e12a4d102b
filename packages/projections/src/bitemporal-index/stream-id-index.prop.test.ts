import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamIdIndex } from "./stream-id-index.js";

const RUNS = Number(process.env.PROJECTIONS_LAW_RUNS ?? 100);

/** Printable ASCII ids (quotes and backslashes included). */
const asciiId = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 6,
});
/** Ids as ledgers name streams: printable ASCII without a quote or backslash (kept as they are in JSON). */
const ledgerId = asciiId.map((s) => s.replace(/["\\]/g, "-"));
const anyId = fc.oneof(
  asciiId,
  ledgerId,
  fc.string({ maxLength: 4 }),
  fc.string({ unit: "grapheme", maxLength: 3 }),
);

/** The places a Map filled in list order gives (the last of an id listed twice). */
const mapOf = (list: ReadonlyArray<string>): Map<string, number> => {
  const map = new Map<string, number>();
  list.forEach((s, i) => {
    map.set(s, i);
  });
  return map;
};

const textOf = (list: ReadonlyArray<string>, space = false): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(list, null, space ? 1 : undefined));

describe("StreamIdIndex (issue #12)", () => {
  it("law: an id's place is the one a Map filled in list order gives (the last when listed twice), −1 when not listed", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(ledgerId, { maxLength: 40 }), fc.array(anyId, { maxLength: 40 })),
        fc.array(anyId, { maxLength: 10 }),
        fc.boolean(),
        (list, others, space) => {
          const map = mapOf(list);
          const index = StreamIdIndex.of(textOf(list, space), () => list);
          expect(index.length).toBe(list.length);
          for (const s of [...list, ...others, ...list.map((s) => `${s}x`), ...list.map((s) => s.slice(1))])
            expect(index.indexOf(s)).toBe(map.get(s) ?? -1);
          expect(index.ids()).toEqual(list);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a list of ASCII ids is looked up from its text, never decoded (unless its ids are asked for)", () => {
    fc.assert(
      fc.property(
        fc.array(ledgerId, { maxLength: 40 }),
        fc.array(asciiId, { maxLength: 10 }),
        (list, others) => {
          let decoded = 0;
          const index = StreamIdIndex.of(textOf(list), () => {
            decoded++;
            return list;
          });
          const map = mapOf(list);
          for (const s of [...list, ...others]) expect(index.indexOf(s)).toBe(map.get(s) ?? -1);
          expect(decoded).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("finds every id of a national-sized list (39,000 ids sharing long prefixes); a text not in list form is decoded", () => {
    const ids = Array.from({ length: 39_000 }, (_, i) => `coop-htx-${String(i % 63).padStart(2, "0")}-${i}`);
    const index = StreamIdIndex.of(textOf(ids), () => ids);
    for (let i = 0; i < ids.length; i += 97) expect(index.indexOf(ids[i] as string)).toBe(i);
    expect(index.indexOf("coop-htx-00-39000")).toBe(-1);
    for (const text of ['["a",]', '["a"', "[1]", '["a"]]', '["a""b"]', "{}"]) {
      let decoded = 0;
      StreamIdIndex.of(new TextEncoder().encode(text), () => {
        decoded++;
        return [];
      });
      expect(decoded).toBe(1);
    }
  });
});
