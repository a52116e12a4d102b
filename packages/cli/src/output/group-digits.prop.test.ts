import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits } from "./numbers.js";

// Counts for people (events, streams, bytes) are grouped by `groupDigits` rather than
// `toLocaleString("en-US")`: the first Intl call of a process builds ICU's number formatter, ~20 ms
// of CPU in every cold command that printed a count (issue #12). The law: on integers the two agree,
// so the switch changed no output.
describe("groupDigits groups an integer as toLocaleString('en-US') does", () => {
  it("for every safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
      }),
      { numRuns: 2000 },
    );
  });

  it("at the group boundaries", () => {
    for (let k = 0; k <= 15; k++)
      for (const n of [10 ** k - 1, 10 ** k, 10 ** k + 1, -(10 ** k)])
        expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
  });
});

describe("the CLI's sources call no toLocaleString", () => {
  it("so that no command pays for ICU's formatter at its first count", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const src = new URL("..", import.meta.url);
    const offenders = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("test-support"))
      .filter((f) => /\.toLocaleString\(/.test(readFileSync(new URL(f, src), "utf8")));
    expect(offenders).toEqual([]);
  });
});
