import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonthsDay,
  civilOfDay,
  DAY_MS,
  dayOf,
  dayOfYmd,
  instantMs,
  isoDate,
  isoInstant,
} from "./day-number.js";
import { addDays, addMonths, type BusinessDate } from "./time.js";

describe("day numbers", () => {
  it("day numbers round-trip through civil dates and agree with Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 80_000 }), (n) => {
        const iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
        const c = civilOfDay(n);
        expect(dayOfYmd(c.year, c.month, c.day)).toBe(n);
        expect(isoDate(n)).toBe(iso);
        expect(dayOf(iso)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it("adding months agrees with the domain's addMonths (end-of-month clamping)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: -60, max: 60 }), (n, k) => {
        expect(isoDate(addMonthsDay(n, k))).toBe(addMonths(isoDate(n) as BusinessDate, k));
      }),
      { numRuns: 300 },
    );
  });

  it("adding days agrees with Date (across month, year and leap-day boundaries)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 30_000 }), fc.integer({ min: -800, max: 800 }), (n, k) => {
        const expected = new Date((n + k) * DAY_MS).toISOString().slice(0, 10);
        expect(addDays(isoDate(n), k)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("formats instants as Date#toISOString does, and instantMs reads them back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
        expect(instantMs(isoInstant(ms))).toBe(ms);
        expect(dayOf(isoInstant(ms))).toBe(Math.floor(ms / DAY_MS));
      }),
      { numRuns: 300 },
    );
  });
});
