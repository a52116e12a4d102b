import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memorySpill } from "./entry-spill.js";
import { MemoryColumn, SpilledColumn } from "./spilled-column.js";

const RUNS = Number(process.env.COOP_LEDGER_RUNS ?? 100);

describe("a provenance entry column (issue #12: spilled during a first build)", () => {
  it("law: read by its cursor it gives back what was pushed, in order, spilled in any chunk size or in memory", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        (values, chunk) => {
          const spilled = new SpilledColumn((n) => new Float64Array(n), memorySpill(), chunk);
          const ints = new SpilledColumn((n) => new Int32Array(n), memorySpill(), chunk);
          const memory = new MemoryColumn((n) => new Float64Array(n), {
            smallBits: 1,
            smallChunks: 2,
            bigBits: 2,
          });
          for (const v of values) {
            spilled.push(v);
            ints.push(Math.trunc(v) | 0);
            memory.push(v);
          }
          for (const c of [spilled, memory]) {
            expect(c.length).toBe(values.length);
            const r = c.cursor();
            expect(values.map(() => r.next())).toEqual(values);
          }
          const r = ints.cursor();
          expect(values.map(() => r.next())).toEqual(values.map((v) => Math.trunc(v) | 0));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("holds one chunk in memory however long it grows: the others are on the spill", () => {
    let spilledBytes = 0;
    const inner = memorySpill();
    const spill = {
      ...inner,
      append: (b: Uint8Array) => {
        spilledBytes += b.length;
        return inner.append(b);
      },
    };
    const c = new SpilledColumn((n) => new Int32Array(n), spill, 4);
    for (let i = 0; i < 10; i++) c.push(i);
    expect(spilledBytes).toBe(2 * 4 * 4);
  });

  it("law: a chunk the spill refuses (a full disk) stays in memory, and every value reads back in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        (values, chunk, refuses) => {
          const inner = memorySpill();
          let k = 0;
          const spill = {
            ...inner,
            append: (b: Uint8Array) => {
              if (refuses[k++ % refuses.length]) throw new Error("ENOSPC: no space left on device");
              return inner.append(b);
            },
          };
          const c = new SpilledColumn((n) => new Int32Array(n), spill, chunk);
          for (const v of values) c.push(v);
          const r = c.cursor();
          expect(values.map(() => r.next())).toEqual(values);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
