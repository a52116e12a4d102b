import type { DomainEvent } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { ADVISED_SHARE } from "./coop-founding.js";
import { generateLedger } from "./generate-ledger.js";

/**
 * The optional fields the seeds' indicators read (`CoopFounded.advisedByAlliance`,
 * `AnnualReportFiled.highTechnology`, `AllianceActivityRecorded.participants`, the `awarenessClass`
 * activities) are filled at the rates documented beside their constants, so `coops.foundedAdvised`,
 * `coops.highTech`, `activity.peopleTrained` and `activity.awarenessClasses` are not 0 on generated
 * ledgers. Every figure below is recounted from the events.
 */
const events = [...generateLedger({ preset: "province", seed: 11 })].map((g) => g.event as DomainEvent);
const data = (e: DomainEvent) => e.data as unknown as Record<string, unknown>;

describe("generated ledgers fill the seeds' optional fields", () => {
  it("about half of the co-ops and unions founded new say the alliance advised them; nothing else says so", () => {
    const founded = events.filter((e) => e.type === "CoopFounded");
    const eligible = founded.filter(
      (e) => data(e).form !== "group" && (data(e).origin as { kind: string }).kind === "new",
    );
    const advised = eligible.filter((e) => data(e).advisedByAlliance === true).length;
    // Binomial(n, p): within four standard deviations of n·p.
    const n = eligible.length;
    const sd = Math.sqrt(n * ADVISED_SHARE * (1 - ADVISED_SHARE));
    expect(n).toBeGreaterThan(50);
    expect(Math.abs(advised - n * ADVISED_SHARE)).toBeLessThanOrEqual(4 * sd);
    const others = founded.filter((e) => !eligible.includes(e));
    expect(others.some((e) => data(e).advisedByAlliance !== undefined)).toBe(false);
  });

  it("high technology is reported by agricultural co-ops only, and once reported, in every later year's report", () => {
    const sectorOf = new Map(
      events.filter((e) => e.type === "CoopFounded").map((e) => [data(e).coopId, data(e).sector]),
    );
    const reports = events.filter((e) => e.type === "AnnualReportFiled");
    const high = reports.filter((e) => data(e).highTechnology === true);
    expect(high.length).toBeGreaterThan(0);
    for (const r of high) expect(sectorOf.get(data(r).coopId)).toBe("agriculture");
    const firstYear = new Map<unknown, number>();
    for (const r of high) {
      const y = data(r).fiscalYear as number;
      firstYear.set(data(r).coopId, Math.min(firstYear.get(data(r).coopId) ?? y, y));
    }
    for (const r of reports) {
      const from = firstYear.get(data(r).coopId);
      if (from !== undefined && (data(r).fiscalYear as number) >= from)
        expect(data(r).highTechnology, `${data(r).coopId} ${data(r).fiscalYear}`).toBe(true);
    }
  });

  it("training and awareness classes record 25–50 participants a class; no other activity records any", () => {
    const activities = events.filter((e) => e.type === "AllianceActivityRecorded");
    for (const a of activities) {
      const { kind, count, participants } = data(a) as { kind: string; count: number; participants?: number };
      if (kind === "trainingClass" || kind === "awarenessClass") {
        expect(participants).toBeGreaterThanOrEqual(25 * count);
        expect(participants).toBeLessThanOrEqual(50 * count);
      } else expect(participants).toBeUndefined();
    }
  });

  it("awareness classes are held every year, about 15 a year before the 2025 mergers", () => {
    const perYear = new Map<number, number>();
    for (const e of events)
      if (e.type === "AllianceActivityRecorded" && data(e).kind === "awarenessClass") {
        const y = Number((data(e).effectiveDate as string).slice(0, 4));
        perYear.set(y, (perYear.get(y) ?? 0) + (data(e).count as number));
      }
    const years = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
    for (const y of years) expect(perYear.get(y) ?? 0, String(y)).toBeGreaterThan(0);
    // 0.5 × 2.5 classes a month: 15 a year; the mean over twelve years lies well within 8–22.
    const mean = years.reduce((a, y) => a + (perYear.get(y) ?? 0), 0) / years.length;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(22);
  });
});
