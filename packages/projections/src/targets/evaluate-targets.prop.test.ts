import { addDays, type BusinessDate } from "@coop-ledger/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESOLUTIONS } from "./bundled-resolutions.js";
import { evaluateTargets, targetRowsInDetail } from "./evaluate-targets.js";
import type { FigureQuery, FigureSource } from "./figure-source.js";

const resolutions = [...RESOLUTIONS.values()];
const date = fc.integer({ min: 0, max: 365 * 9 }).map((n) => addDays("2018-01-01" as BusinessDate, n));

/** A source whose answers depend on what is asked (indicator, period, year) but not on the query date. */
const timeInvariant =
  (seed: number): FigureSource =>
  (q: FigureQuery) => {
    const key = `${seed}|${q.indicatorId}|${q.period?.from}|${q.period?.to}|${q.year}|${q.validAt === q.period?.to}`;
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    const n = Math.abs(h) % 500;
    if (n < 20) return { _tag: "Unavailable", reason: "no data" };
    return n % 2 === 0
      ? { _tag: "Value", value: n }
      : { _tag: "Ratio", numerator: n, denominator: 1 + (n % 7) };
  };

describe("evaluateTargets laws", () => {
  it("the summary's counts partition the targets (numbered targets when the seed numbers them) and k of n is met over all of them", () => {
    fc.assert(
      fc.property(fc.constantFrom(...resolutions), date, fc.integer(), (r, validAt, seed) => {
        const { targets, summary } = evaluateTargets(timeInvariant(seed), r, { validAt });
        expect(targets.length).toBe(r.targets.length);
        expect(
          summary.met + summary.notMet + summary.pending + summary.notYetDue + summary.notMeasurable,
        ).toBe(summary.total);
        const numbers = new Set(r.targets.map((t) => t.number));
        if (r.targets.every((t) => t.number !== undefined)) {
          expect(summary.total).toBe(numbers.size);
          expect(summary.subTargets?.total).toBe(targets.length);
          expect(summary.label).toBe(
            `${summary.met} of ${numbers.size} targets met (${summary.subTargets?.met} of ${targets.length} sub-targets)`,
          );
        } else {
          expect(summary.total).toBe(targets.length);
          expect(summary.label).toBe(`${summary.met} of ${targets.length} met`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a per-year target is met only when every year of its range is met and final, and not met once one closed year is not", () => {
    fc.assert(
      fc.property(fc.constantFrom(...resolutions), date, fc.integer(), (r, validAt, seed) => {
        for (const row of evaluateTargets(timeInvariant(seed), r, { validAt }).targets) {
          if (row.yearsMet === undefined) continue;
          const years = row.detail ?? [];
          if (row.status._tag === "met")
            expect(
              years.length === row.yearsMet.of && years.every((y) => y.status._tag === "met" && y.final),
            ).toBe(true);
          if (years.some((y) => y.status._tag === "notMet")) expect(row.status._tag).toBe("notMet");
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a per-year target has one row per year of its range up to the query date's year", () => {
    fc.assert(
      fc.property(date, (validAt) => {
        const rows = targetRowsInDetail(
          evaluateTargets(timeInvariant(1), RESOLUTIONS.get("000")!, { validAt }),
        ).filter((x) => x.targetId === "000.newCoops");
        const year = Number(validAt.slice(0, 4));
        expect(rows.map((x) => x.year)).toEqual(
          Array.from({ length: Math.max(0, Math.min(2025, year) - 2021 + 1) }, (_, i) => 2021 + i),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("a final verdict never changes as the query date moves later (with figures that do not change)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...resolutions), date, date, fc.integer(), (r, a, b, seed) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const source = timeInvariant(seed);
        const before = evaluateTargets(source, r, { validAt: early });
        const after = evaluateTargets(source, r, { validAt: late });
        const all = (rep: typeof before) => [...rep.targets, ...targetRowsInDetail(rep)];
        const later = new Map(all(after).map((x) => [`${x.targetId}|${x.year}`, x]));
        for (const row of all(before).filter((x) => x.final)) {
          const same = later.get(`${row.targetId}|${row.year}`);
          expect(same?.final).toBe(true);
          expect(same?.status._tag).toBe(row.status._tag);
        }
      }),
      { numRuns: 150 },
    );
  });
});
