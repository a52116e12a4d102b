import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

const shuffleKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(shuffleKeys)
    : typeof v === "object" && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, shuffleKeys(x)]),
        )
      : v;

const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => E.isRight(canonicalJson(v)));

describe("canonical JSON (RFC 8785 subset)", () => {
  it("sorts keys, drops whitespace and undefined members", () => {
    expect(canonicalJson({ b: 1, a: [true, "x", null], c: undefined, d: { z: 0, y: -0 } })).toEqual(
      E.right('{"a":[true,"x",null],"b":1,"d":{"y":0,"z":0}}'),
    );
    expect(canonicalJson({ s: 'Hợp tác xã \u0001\n"' })).toEqual(E.right('{"s":"Hợp tác xã \\u0001\\n\\""}'));
  });
  it("refuses what another language could not reproduce", () => {
    for (const v of [Number.NaN, 1e21, 1e-7, 2 ** 53, "\ud800", new Date(0)])
      expect(E.isLeft(canonicalJson({ v }))).toBe(true);
  });
  it("refuses what JSON.stringify (and a JSON.stringify-based canonicaliser) would turn into null or drop", () => {
    // biome-ignore lint/suspicious/noSparseArray: the case under test
    const sparse = [1, , 3];
    const cases: ReadonlyArray<[string, unknown]> = [
      ["$.v[1]: a hole in a sparse array", { v: sparse }],
      ["$.v[0]: undefined is not JSON", { v: [undefined] }],
      ["$.v[0]: function is not JSON", { v: [() => 1] }],
      ["$.v: function is not JSON", { v: () => 1 }],
      ["$.v: not a plain object", { v: { toJSON: () => 1, __proto__: { x: 1 } } }],
    ];
    for (const [message, v] of cases) expect(canonicalJson(v)).toEqual(E.left(message));
    expect(JSON.stringify({ v: sparse })).toBe('{"v":[1,null,3]}'); // what we refuse to do silently
  });
  it("law: canonical form is a fixed point of parse and independent of key order", () => {
    fc.assert(
      fc.property(json, (v) => {
        const c = canonicalJson(v);
        if (E.isLeft(c)) return;
        expect(canonicalJson(JSON.parse(c.right))).toEqual(c);
        expect(canonicalJson(shuffleKeys(v))).toEqual(c);
      }),
      { numRuns: 200 },
    );
  });
});
