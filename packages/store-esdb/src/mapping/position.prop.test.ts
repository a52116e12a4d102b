import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparePositions,
  esdbPositionOf,
  positionFromJson,
  positionNumber,
  positionToJson,
} from "./position.js";

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 2n });
const pos = fc.record({ commit: u64, prepare: u64 });

describe("positions", () => {
  it("law: a position survives the checkpoint JSON round trip exactly, above 2^53 too", () => {
    fc.assert(
      fc.property(pos, (p) => {
        expect(positionFromJson(JSON.parse(JSON.stringify(positionToJson(p))))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it("law: comparePositions orders by commit then prepare, like $all", () => {
    fc.assert(
      fc.property(pos, pos, (a, b) => {
        const expected =
          a.commit !== b.commit
            ? a.commit < b.commit
              ? -1
              : 1
            : a.prepare === b.prepare
              ? 0
              : a.prepare < b.prepare
                ? -1
                : 1;
        expect(comparePositions(a, b)).toBe(expected);
        expect(comparePositions(b, a)).toBe(-expected || 0);
      }),
      { numRuns: 200 },
    );
  });

  it("law: a safe-integer position maps to the number and back to the same ESDB position", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(positionNumber(esdbPositionOf(n))).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it("positions that are not safe integers (or the no-position marker) give undefined", () => {
    expect(positionNumber({ commit: 2n ** 53n, prepare: 0n })).toBeUndefined();
    expect(positionNumber({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBeUndefined();
    expect(positionNumber(undefined)).toBeUndefined();
    expect(positionFromJson({ commit: "-1", prepare: "0" })).toBeUndefined();
  });
});
