import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHUNK_PLAN, ChunkedColumn, type ChunkPlan } from "./chunked-column.js";

const planArb: fc.Arbitrary<ChunkPlan> = fc.record({
  smallBits: fc.integer({ min: 0, max: 3 }),
  smallChunks: fc.integer({ min: 0, max: 3 }),
  bigBits: fc.integer({ min: 0, max: 5 }),
});

describe("ChunkedColumn (a typed column grown in chunks, issue #12)", () => {
  it("law: it gives back every value as pushed (by place and by its chunks), chunks sized by the plan", () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), { maxLength: 200 }),
        (plan, values) => {
          const c = new ChunkedColumn((n) => new Float64Array(n), plan);
          for (const v of values) c.push(v);
          expect(c.length).toBe(values.length);
          expect(Array.from(values, (_, i) => c.at(i))).toEqual(values);
          const joined = c.parts.flatMap((p) => Array.from(p)).slice(0, values.length);
          expect(joined).toEqual(values);
          expect(c.parts.map((p) => p.length)).toEqual(
            c.parts.map((_, k) => 2 ** (k < plan.smallChunks ? plan.smallBits : plan.bigBits)),
          );
          // No chunk beyond the one the last value is in.
          const capacity = c.parts.reduce((s, p) => s + p.length, 0);
          expect(capacity - (c.parts.at(-1)?.length ?? 0)).toBeLessThan(Math.max(values.length, 1));
          c.drop();
          expect([c.length, c.parts.length]).toEqual([0, 0]);
        },
      ),
      { numRuns: Number(process.env.PROJECTIONS_LAW_RUNS ?? 100) },
    );
  });

  it("the first build's later chunks are mapped blocks of their own (≥ 32 MiB of i32), the first ones small", () => {
    expect(4 * 2 ** CHUNK_PLAN.bigBits).toBeGreaterThanOrEqual(32 * 2 ** 20);
    expect(8 * CHUNK_PLAN.smallChunks * 2 ** CHUNK_PLAN.smallBits).toBeLessThanOrEqual(2 ** 20);
  });
});
