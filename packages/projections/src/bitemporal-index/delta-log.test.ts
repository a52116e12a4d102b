import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ColumnSegment } from "./column-segment.js";
import { DeltaLog } from "./delta-log.js";

describe("DeltaLog (the first build's staged deltas)", () => {
  it("visits every delta as pushed, across chunks, days kept whole (32-bit: before 1970 and far ahead)", () => {
    const log = new DeltaLog();
    const n = 150_000; // the two small chunks (65,536 each), then into a big one
    const dayOf = (i: number) => (i % 7 === 0 ? -40_000 : 20_000 + (i % 90_000));
    for (let i = 0; i < n; i++) log.push(i % 1000, dayOf(i), 1.7e12 + i, i % 3 === 0 ? -i : i);
    const seen: number[] = [];
    const pushed: number[] = [];
    log.entries(undefined).each((c, d, r, a) => {
      seen.push(c, d, r, a);
    });
    for (let i = 0; i < n; i++) pushed.push(i % 1000, dayOf(i), 1.7e12 + i, i % 3 === 0 ? -i : i);
    // The first difference, not a diff of 600,000 numbers.
    const firstDiff = seen.findIndex((x, i) => x !== pushed[i]);
    expect({ length: seen.length, firstDiff }).toEqual({ length: pushed.length, firstDiff: -1 });
  });
});

describe("a staged log's runs (issue #12: grouped without a call per delta)", () => {
  it("law: a segment built from the log's runs is the one built from its deltas visited one by one, which are the deltas as pushed (instants kept once a run, amounts in 32 bits or whole: every value exact, −0 too)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            column: fc.nat({ max: 40 }),
            day: fc.integer({ min: -30_000, max: 40_000 }),
            // Runs of one instant (an event's deltas), zeros of both signs.
            rec: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-0, 1.7e12, 1.7e12 + 0.5)),
            // Amounts kept in 32 bits and those kept whole: beyond 32 bits, −0, the marker, fractions.
            amount: fc.oneof(
              fc.integer({ min: -1_000_000, max: 1_000_000 }),
              fc.constantFrom(0, -0, -2147483648, 2147483647, 2147483648, -5e12, 0.5),
            ),
          }),
          { maxLength: 300 },
        ),
        fc.boolean(),
        fc.record({
          smallBits: fc.integer({ min: 0, max: 3 }),
          smallChunks: fc.integer({ min: 0, max: 3 }),
          bigBits: fc.integer({ min: 0, max: 5 }),
        }),
        (deltas, mapped, plan) => {
          // Tiny chunks, so that the deltas span many of both sizes.
          const log = new DeltaLog(plan);
          for (const d of deltas) log.push(d.column, d.day, d.rec, d.amount);
          // A roll-up level maps the staged columns (41 of them) onto fewer (7).
          const columnOf = mapped ? Array.from({ length: 41 }, (_, c) => (c * 5) % 7) : undefined;
          const count = mapped ? 7 : 41;
          const entries = log.entries(columnOf);
          expect(entries.runs).toBeDefined();
          const oneByOne = { size: entries.size, each: entries.each };
          expect(ColumnSegment.build(entries, count, 4).parts()).toEqual(
            ColumnSegment.build(oneByOne, count, 4).parts(),
          );
          // And one by one, they are the deltas as pushed.
          const seen: number[][] = [];
          entries.each((c, day, rec, amount) => seen.push([c, day, rec, amount]));
          expect(seen).toEqual(deltas.map((d) => [columnOf?.[d.column] ?? d.column, d.day, d.rec, d.amount]));
        },
      ),
      { numRuns: Number(process.env.PROJECTIONS_LAW_RUNS ?? 100) },
    );
  });
});
