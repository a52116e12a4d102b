import { DAY_MS } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DayQueue } from "./day-queue.js";

describe("DayQueue", () => {
  it("emits items in (instant, insertion) order, only those due before the day asked for", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 * DAY_MS })),
        fc.integer({ min: 0, max: 21 }),
        (keys, cut) => {
          const q = new DayQueue<number>();
          keys.forEach((k, i) => {
            q.push(k, i);
          });
          const first = [...q.popBeforeDay(cut)];
          const rest = [...q.popBeforeDay(Number.POSITIVE_INFINITY)];
          const expected = keys.map((k, i) => ({ k, i })).sort((a, b) => a.k - b.k || a.i - b.i);
          expect([...first, ...rest]).toEqual(expected.map((x) => x.i));
          expect(first.every((i) => (keys[i] as number) < cut * DAY_MS)).toBe(true);
          expect(q.size).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
