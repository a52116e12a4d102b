import type { BusinessDate, Instant } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { evaluateTargets, targetRowsInDetail } from "./evaluate-targets.js";
import type { FigureQuery, FigureSource, IndicatorFigure } from "./figure-source.js";
import { bundledResolution, type ResolutionJson } from "./resolution.js";
import { resolution000 } from "./resolutions/resolution-000.js";
import { resolution002 } from "./resolutions/resolution-002.js";
import { resolution004 } from "./resolutions/resolution-004.js";
import { targets } from "./targets.js";
import { targetsMet } from "./targets-met.js";

const d = (s: string) => s as BusinessDate;

/** A source that records the questions and answers from a function of them. */
const recording = (answer: (q: FigureQuery) => IndicatorFigure) => {
  const asked: FigureQuery[] = [];
  const source: FigureSource = (q) => {
    asked.push(q);
    return answer(q);
  };
  return { source, asked };
};

const value = (v: number): IndicatorFigure => ({ _tag: "Value", value: v });
const ratio = (numerator: number, denominator: number): IndicatorFigure => ({
  _tag: "Ratio",
  numerator,
  denominator,
});
const none: IndicatorFigure = { _tag: "Unavailable", reason: "no data" };

const tiny = (targetsJson: ResolutionJson["targets"]) =>
  bundledResolution({
    id: "tiny",
    title: { en: "Tiny", vi: "Thử" },
    body: "allianceCongress",
    adoptedOn: "2021-01-01",
    term: { from: "2021-01-01", to: "2025-12-31" },
    province: { code: "60", gazetteer: "2008-08-01" },
    sourceFile: "none.txt",
    baseline: [],
    targets: targetsJson,
  });

const target = (id: string, timing: unknown, measure: unknown) =>
  ({
    id,
    role: "goal",
    label: { en: id, vi: id },
    source: { file: "none.txt", quote: "q" },
    timing,
    measure,
  }) as never;

describe("per-year targets", () => {
  it("give one row per calendar year of the term up to the query date, each over its own year", () => {
    const { source, asked } = recording((q) => value(q.period?.from.startsWith("2021") ? 16 : 9));
    const report = evaluateTargets(source, resolution000, { validAt: d("2022-06-30") });
    const rows = targetRowsInDetail(report).filter((r) => r.targetId === "000.newCoops");
    expect(rows.map((r) => r.year)).toEqual([2021, 2022]);
    expect(rows.map((r) => r.status._tag)).toEqual(["met", "pending"]);
    expect(rows.map((r) => r.final)).toEqual([true, false]);
    const periods = asked.filter((q) => q.indicatorId === "coops.founded").map((q) => q.period);
    expect(periods).toEqual([
      { from: "2021-01-01", to: "2021-12-31" },
      { from: "2022-01-01", to: "2022-06-30" },
    ]);
  });

  it("mark a past year short of its threshold notMet", () => {
    const { source } = recording(() => value(14));
    const report = evaluateTargets(source, resolution000, { validAt: d("2023-01-10") });
    const rows = targetRowsInDetail(report).filter((r) => r.targetId === "000.newCoops");
    expect(rows.map((r) => r.status._tag)).toEqual(["notMet", "notMet", "pending"]);
    const target = report.targets.find((r) => r.targetId === "000.newCoops");
    expect(target?.status._tag).toBe("notMet");
    expect(target?.yearsMet).toEqual({ met: 0, of: 5 });
  });
});

describe("targets due by a date", () => {
  it("read a state on the deadline once it has passed, and on the query date before", () => {
    const dates = (validAt: string) => {
      const { source, asked } = recording(() => value(2));
      const unions = resolution004().targets.filter((t) => t.id === "004.unions");
      evaluateTargets(source, { ...resolution004(), baseline: [], targets: unions }, { validAt: d(validAt) });
      return asked.map((q) => q.validAt);
    };
    expect(dates("2026-06-30")).toEqual(["2025-12-31"]);
    expect(dates("2023-05-01")).toEqual(["2023-05-01"]);
  });

  it("are pending while short and still ahead, notMet after the deadline, met when reached", () => {
    const r = tiny([
      target(
        "tiny.coops",
        { kind: "by", date: "2025-12-31" },
        {
          kind: "indicator",
          indicator: { id: "coops.active", basis: "instant" },
          comparator: ">=",
          threshold: { unit: "count", value: 350 },
        },
      ),
    ]);
    const at = (validAt: string, n: number) =>
      evaluateTargets(() => value(n), r, { validAt: d(validAt) }).targets[0]?.status._tag;
    expect(at("2024-01-01", 300)).toBe("pending");
    expect(at("2024-01-01", 351)).toBe("met");
    expect(at("2025-12-31", 349)).toBe("notMet");
    expect(at("2025-12-31", 350)).toBe("met");
  });
});

describe("annual figures", () => {
  const income = tiny([
    target(
      "tiny.income",
      { kind: "by", date: "2025-12-31" },
      {
        kind: "indicator",
        indicator: { id: "income.memberMonthlyVnd", basis: "fiscalYear" },
        comparator: ">=",
        threshold: { unit: "vnd", value: 6_000_000 },
      },
    ),
  ]);

  it("are asked for the deadline's fiscal year, as known on the query date", () => {
    const { source, asked } = recording(() => ratio(6_100_000 * 10, 10));
    const row = evaluateTargets(source, income, { validAt: d("2026-05-01") }).targets[0];
    expect(asked[0]).toMatchObject({
      indicatorId: "income.memberMonthlyVnd",
      year: 2025,
      validAt: "2026-05-01",
    });
    expect(row?.status._tag).toBe("met");
    expect(row?.value).toBe(6_100_000);
  });

  it("are pending until the year's figures are final (31 March next year), then not measurable if missing", () => {
    const at = (validAt: string) => evaluateTargets(() => none, income, { validAt: d(validAt) }).targets[0];
    expect(at("2025-12-31")?.status._tag).toBe("pending");
    expect(at("2026-03-30")?.status._tag).toBe("pending");
    expect(at("2026-03-31")?.status._tag).toBe("notMeasurable");
    const custom = evaluateTargets(() => none, income, {
      validAt: d("2026-03-31"),
      annualFiguresFinalOn: (y) => d(`${y + 1}-06-30`),
    });
    expect(custom.targets[0]?.status._tag).toBe("pending");
  });

  it("treat a zero denominator as no figure yet", () => {
    const row = evaluateTargets(() => ratio(0, 0), income, { validAt: d("2025-06-30") }).targets[0];
    expect(row?.status._tag).toBe("pending");
    expect(row?.figure).toBeUndefined();
  });
});

describe("reported baselines", () => {
  it("read a change since a date as the difference of two states", () => {
    const { source, asked } = recording((q) => value(q.validAt === "2016-04-26" ? 82 : 234));
    const rows = evaluateTargets(source, resolution004(), { validAt: d("2021-04-22") }).baseline;
    const growth = rows.find((r) => r.targetId === "004.baseline.growthSince2016");
    expect(growth?.figure).toEqual({ _tag: "Value", value: 152 });
    expect(growth?.status._tag).toBe("met");
    expect(asked.some((q) => q.validAt === "2016-04-26")).toBe(true);
  });

  it("are read on their own date and are not yet due before it", () => {
    const { source, asked } = recording(() => value(0));
    const early = evaluateTargets(source, resolution004(), { validAt: d("2020-01-01") });
    expect(
      early.baseline
        .filter((r) => r.status._tag !== "notMeasurable")
        .every((r) => r.status._tag === "notYetDue"),
    ).toBe(true);
    evaluateTargets(source, resolution002, { validAt: d("2024-01-01") });
    const apps = asked.find((q) => q.indicatorId === "fund.applications");
    expect(apps).toMatchObject({ validAt: "2019-06-30", period: { from: "2019-01-01", to: "2019-06-30" } });
    expect(apps?.options).toEqual({ fundKind: "provincialSupportFund" });
  });
});

describe("scope, inputs and knowledge", () => {
  it("count in the resolution's province unless a target names another, and pass knownAt through", () => {
    const { source, asked } = recording(() => value(1));
    const knownAt = "2021-05-01T00:00:00.000Z" as Instant;
    evaluateTargets(source, resolution004(), { validAt: d("2021-04-22"), knownAt });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((q) => q.scope.province?.code === "06" && q.knownAt === knownAt)).toBe(true);
    const elsewhere = tiny([
      target(
        "tiny.hoaBinhFund",
        { kind: "by", date: "2025-12-31" },
        {
          kind: "indicator",
          indicator: {
            id: "fund.charterCapitalVnd",
            basis: "instant",
            scope: { province: { code: "17", gazetteer: "2008-08-01" } },
          },
          comparator: ">=",
          threshold: { unit: "vnd", value: 1 },
        },
      ),
    ]);
    const other = recording(() => value(1));
    evaluateTargets(other.source, elsewhere, { validAt: d("2024-01-01") });
    expect(other.asked[0]?.scope.province).toEqual({ code: "17", gazetteer: "2008-08-01" });
  });

  it("pass the query's inputs to every indicator, the target's own options winning", () => {
    const { source, asked } = recording(() => ratio(1, 4));
    const report = evaluateTargets(source, resolution002, {
      validAt: d("2019-12-31"),
      inputs: { farmHouseholds: 1000, fundKind: "centralSupportFund" },
    });
    expect(report.targets.length).toBeGreaterThan(0);
    expect(asked.find((q) => q.indicatorId === "coops.founded")?.options).toEqual({
      farmHouseholds: 1000,
      fundKind: "centralSupportFund",
    });
    expect(asked.find((q) => q.indicatorId === "fund.applications")?.options?.fundKind).toBe(
      "provincialSupportFund",
    );
  });
});

describe("k of n met", () => {
  it("counts every goal row, not measurable ones included, and targets.met is the same ratio", () => {
    // Everything at 1: unions notMet(1<2), coops notMet, agri share 1/1=100% notMet, fair/good 100% met,
    // income 1 VND notMet, members 1 < 15 notMet, farm households 100% met.
    const report = evaluateTargets(
      (q) => (q.indicatorId.includes("Share") ? ratio(1, 1) : value(1)),
      resolution004(),
      {
        validAt: d("2026-06-30"),
      },
    );
    expect(report.targets.map((r) => r.status._tag)).toEqual([
      "notMet",
      "notMet",
      "notMet",
      "met",
      "notMet",
      "notMet",
      "met",
    ]);
    expect(report.summary).toMatchObject({ met: 2, notMet: 5, total: 7, label: "2 of 7 met" });
    expect(targetsMet(report)).toMatchObject({ numerator: 2, denominator: 7, basisPoints: 2857 });
  });

  it("targets() finds bundled resolutions by id and reports unknown ids as a tagged error", () => {
    const ok = targets(() => value(0), "002", { validAt: d("2019-12-31") });
    expect(ok._tag).toBe("Right");
    const bad = targets(() => value(0), "999", { validAt: d("2019-12-31") });
    expect(bad._tag === "Left" && bad.left._tag).toBe("UnknownResolution");
  });
});

describe("resolution 000 read as the seed writes it", () => {
  /** Growth 6 % in every year for co-ops; groups report nothing unless asked to. */
  const growthSource =
    (coopRate: (year: number) => number, groupRate?: (year: number) => number): FigureSource =>
    (q) => {
      if (!q.indicatorId.startsWith("finance.growth") || q.year === undefined) return value(1);
      if (q.scope.form === "group")
        return groupRate === undefined ? ratio(0, 0) : ratio(groupRate(q.year) * 10, 1_000);
      return ratio(coopRate(q.year) * 100, 10_000);
    };
  const row = (source: FigureSource, id: string, validAt: string) =>
    evaluateTargets(source, resolution000, { validAt: d(validAt) }).targets.find((r) => r.targetId === id);

  it("'bình quân 5%/năm' is the compound average over 2021–2025: a bad year is made up by good ones", () => {
    const rates = { 2021: 2, 2022: 8, 2023: 5, 2024: 5, 2025: 6 } as Record<number, number>;
    const capital = row(
      growthSource((y) => rates[y] ?? 0),
      "000.capitalGrowth",
      "2026-04-01",
    );
    expect(capital?.status._tag).toBe("met");
    expect(capital?.average).toEqual({ fromYear: 2020, toYear: 2025, method: "compound" });
    expect(capital?.detail?.map((r) => r.status._tag)).toEqual(["notMet", "met", "met", "met", "met"]);
    const geometric = (1.02 * 1.08 * 1.05 * 1.05 * 1.06) ** (1 / 5) - 1;
    expect(capital?.value).toBeCloseTo(geometric * 10_000, 6);
  });

  it("an average just under the threshold is not met, exactly (no rounding decides it)", () => {
    const rates = { 2021: 4, 2022: 6, 2023: 5, 2024: 5, 2025: 5 } as Record<number, number>;
    // Arithmetic mean 5 %, compound mean (1.04·1.06·1.05³)^(1/5) − 1 ≈ 4.996 % < 5 %.
    const capital = row(
      growthSource((y) => rates[y] ?? 0),
      "000.capitalGrowth",
      "2026-04-01",
    );
    expect(capital?.status._tag).toBe("notMet");
  });

  it("before the term ends an average is pending (on track or below), over the years known so far", () => {
    const capital = row(
      growthSource(() => 7),
      "000.capitalGrowth",
      "2023-06-30",
    );
    expect(capital?.status._tag).toBe("pending");
    expect(capital?.average?.toYear).toBe(2025);
  });

  it("revenue and profit growth add the cooperative groups' reports to the co-ops'", () => {
    const coopsOnly = row(
      growthSource(() => 6),
      "000.revenueGrowth",
      "2026-04-01",
    );
    expect(coopsOnly?.status._tag).toBe("met");
    const withGroups = row(
      growthSource(
        () => 6,
        () => -50,
      ),
      "000.revenueGrowth",
      "2026-04-01",
    );
    // Groups' revenue halves each year on a tenth of the co-ops' base: the combined growth falls below 6 %.
    expect(withGroups?.status._tag).toBe("notMet");
  });

  it("k of n counts the 12 numbered targets, with the 18 sub-targets beside", () => {
    const report = evaluateTargets(() => value(0), resolution000, { validAt: d("2026-04-01") });
    expect(report.summary.total).toBe(12);
    expect(report.summary.subTargets?.total).toBe(18);
    expect(report.targets).toHaveLength(18);
  });

  it("a level reached before its deadline is 'met ahead of schedule' (đạt và vượt tiến độ), not final", () => {
    const fund = row(() => value(5_000_000_000), "000.supportFund", "2023-06-30");
    expect(fund?.status).toEqual({ _tag: "met", aheadOfSchedule: true });
    expect(fund?.final).toBe(false);
    expect(row(() => value(5_000_000_000), "000.supportFund", "2026-01-01")?.status).toEqual({ _tag: "met" });
  });

  it("asks the effective share over all co-ops active at year end and worker income per worker", () => {
    const { source, asked } = recording(() => ratio(1, 1));
    evaluateTargets(source, resolution000, { validAt: d("2026-04-01") });
    const opts = (id: string) => asked.find((q) => q.indicatorId === id)?.options;
    expect(opts("rating.fairOrGoodShare")).toMatchObject({ ratingDenominator: "activeAtYearEnd" });
    expect(opts("income.workerMonthlyVnd")).toMatchObject({ incomeAverage: "perWorker" });
  });
});
