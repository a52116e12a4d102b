import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isVietnamese, viSegments } from "./vi-text.js";

const word = fc.constantFrom(
  "Số",
  "HTX",
  "đang",
  "hoạt",
  "động",
  "Bình",
  "Thuận",
  "co-ops",
  "active",
  "(",
  ")",
  ",",
  "—",
  "60",
  "met",
  "đạt",
  "<b>",
  "Share",
);
const text = fc
  .array(word, { maxLength: 14 })
  .chain((ws) =>
    fc
      .array(fc.constantFrom(" ", "", "  ", ", "), { minLength: ws.length, maxLength: ws.length })
      .map((sep) => ws.map((w, i) => w + (sep[i] ?? "")).join("")),
  );

describe("Vietnamese marking (viSegments)", () => {
  it("law: the segments put back together are the text, unchanged", () => {
    fc.assert(
      fc.property(
        text,
        (t) =>
          viSegments(t)
            .map((s) => s.text)
            .join("") === t,
      ),
    );
  });
  it("law: every Vietnamese letter lands in a Vietnamese segment, and no English-only word is marked (outside parentheses)", () => {
    fc.assert(
      fc.property(text, (t) => {
        const segs = viSegments(t);
        for (const s of segs) if (!s.vi) expect(isVietnamese(s.text)).toBe(false);
        if (!t.includes("("))
          for (const s of segs)
            if (s.vi)
              for (const w of s.text.split(/\s+/))
                expect(/^(co-ops|active|met|Share|60|<b>)$/.test(w)).toBe(false);
      }),
    );
  });
});
