import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ColumnSegment, entriesOf } from "./column-segment.js";
import { ColumnStore } from "./column-store.js";
import { sparsePartsOf } from "./sparse-segment.js";

/** A batch of (column, day, recorded, amount) deltas as the index stages them. */
const entries = (batch: ReadonlyArray<readonly [number, number, number, number]>) =>
  entriesOf({
    columns: batch.map((d) => d[0]),
    days: batch.map((d) => d[1]),
    recs: batch.map((d) => d[2]),
    amounts: batch.map((d) => d[3]),
  });

describe("ColumnStore", () => {
  it("sumAt(column, D, T) equals the brute-force sum of the column's amounts with day ≤ D and recorded ≤ T, whatever the batches, merges and checkpoint stride", () => {
    const delta = fc.tuple(
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(delta, { maxLength: 200 }), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 6 }),
            fc.integer({ min: -1, max: 61 }),
            fc.integer({ min: -1, max: 61 }),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        fc.integer({ min: 1, max: 600 }),
        (batches, queries, minStride) => {
          // Small strides put knowledge checkpoints inside the columns; recording instants come in any
          // order (a re-derived stream appends older ones); batches become segments that merge.
          const store = new ColumnStore(minStride);
          const all: Array<readonly [number, number, number, number]> = [];
          for (const batch of batches) {
            store.add(entries(batch), 6);
            all.push(...batch);
            for (const [c, D, T] of queries) {
              const expected = all.reduce(
                (s, [col, d, r, a]) => (col === c && d <= D && r <= T ? s + a : s),
                0,
              );
              expect(store.sumAt(c, D, T)).toBe(expected);
              expect(store.sumAt(c, D, Number.POSITIVE_INFINITY)).toBe(
                all.reduce((s, [col, d, , a]) => (col === c && d <= D ? s + a : s), 0),
              );
            }
          }
          expect(store.size).toBe(all.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("sumAt equals the brute-force sum when the days span millions of days (the sparse summary, no dense day array)", () => {
    const delta = fc.tuple(
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: -5_000_000, max: 5_000_000 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(
        // Two columns of 20–60 deltas: above the scan-only size, so the summaries are built.
        fc.array(delta, { minLength: 40, maxLength: 120 }),
        fc.integer({ min: -5_000_001, max: 5_000_001 }),
        fc.integer({ min: -1, max: 21 }),
        (batch, D, T) => {
          const store = new ColumnStore(1);
          store.add(entries(batch), 2);
          for (let c = 0; c < 2; c++) {
            const sum = (t: number) =>
              batch.reduce((s, [col, d, r, a]) => (col === c && d <= D && r <= t ? s + a : s), 0);
            expect(store.sumAt(c, D, T)).toBe(sum(T));
            expect(store.sumAt(c, D, Number.POSITIVE_INFINITY)).toBe(sum(Number.POSITIVE_INFINITY));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a batch touching few of many columns, laid out sparsely, sums as the brute force and persists the arrays of the dense layout, sparse or whole", () => {
    const COLUMNS = 4000;
    const delta = fc.tuple(
      fc.integer({ min: 0, max: COLUMNS - 1 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(
        // Batches under COLUMNS / 8 deltas are laid out sparsely; the stores never merge (sealed-like
        // growth: each batch at most half the one before is kept apart) or merge, both checked.
        fc.array(fc.array(delta, { minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: COLUMNS - 1 }),
            fc.integer({ min: -1, max: 61 }),
            fc.integer({ min: -1, max: 61 }),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        (batches, queries) => {
          const store = new ColumnStore(2);
          const all: Array<readonly [number, number, number, number]> = [];
          for (const batch of batches) {
            store.add(entries(batch), COLUMNS);
            all.push(...batch);
            // The last segment's arrays, sparse and whole, are those of the same deltas laid out densely.
            const last = store.sparseParts(store.segmentCount - 1)[0];
            const dense = ColumnSegment.build(entries(all), COLUMNS, 2).parts();
            if (store.segmentCount === 1) {
              expect(last?.parts).toEqual(sparsePartsOf(dense).parts);
              expect(last?.cols).toEqual(sparsePartsOf(dense).cols);
              expect(store.parts()[0]).toEqual(dense);
            }
            for (const [c, D, T] of [...queries, ...batch.map(([c]) => [c, 61, 61] as const)]) {
              const expected = all.reduce(
                (s, [col, d, r, a]) => (col === c && d <= D && r <= T ? s + a : s),
                0,
              );
              expect(store.sumAt(c, D, T)).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
