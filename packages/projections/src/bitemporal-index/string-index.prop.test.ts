import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringIndex } from "./string-index.js";

describe("StringIndex (issue #12)", () => {
  it("law: a string's place is the one a Map filled in list order gives (the last when listed twice), −1 when not listed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }),
        (list, others) => {
          const index = StringIndex.of(list);
          const map = new Map<string, number>();
          list.forEach((s, i) => {
            map.set(s, i);
          });
          for (const s of [...list, ...others]) expect(index.indexOf(s)).toBe(map.get(s) ?? -1);
        },
      ),
    );
  });

  it("finds every id of a national-sized list (100,000 ids sharing long prefixes)", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `coop-htx-${String(i % 63).padStart(2, "0")}-${i}`);
    const index = StringIndex.of(ids);
    for (let i = 0; i < ids.length; i += 997) expect(index.indexOf(ids[i] as string)).toBe(i);
    expect(index.indexOf("coop-htx-00-100000")).toBe(-1);
  });
});
