import { readFileSync, writeFileSync } from "node:fs";
import type { BusinessDate } from "@coop-ledger/domain";
import { SCENARIOS, type ScenarioId } from "@coop-ledger/generator";
import { describe, expect, it } from "vitest";
import { findResolution } from "./bundled-resolutions.js";
import { calibrationRows, renderCalibrationMarkdown } from "./calibration.js";
import { figureSourceOf } from "./engine-source.js";
import { evaluateTargets } from "./evaluate-targets.js";
import type { Resolution } from "./resolution.js";
import { scenarioIndex } from "./test-support/scenario-index.js";

const ids = Object.keys(SCENARIOS) as ScenarioId[];
const resolutionOf = (id: ScenarioId): Resolution => {
  const r = findResolution(id);
  if (r._tag === "Left") throw new Error(`resolution ${id} missing`);
  return r.right;
};
const baselineReport = (id: ScenarioId) => {
  const resolution = resolutionOf(id);
  return evaluateTargets(figureSourceOf(scenarioIndex(id)), resolution, {
    validAt: resolution.adoptedOn as BusinessDate,
  });
};

describe("calibrated scenarios: each seed's baseline comes out of the fold of its own province", () => {
  for (const id of ids) {
    it(`${id}: the scenario is of the resolution's province`, () => {
      expect(SCENARIOS[id].spec.provinceCode).toBe(resolutionOf(id).province.code);
      expect(SCENARIOS[id].spec.resolution).toBe(id);
    });

    it(`${id}: every measurable baseline figure the seed reports is met on its adoption date`, () => {
      const report = baselineReport(id);
      for (const row of report.baseline)
        if (row.status._tag !== "notMeasurable") expect(row.status._tag, row.targetId).toBe("met");
    });
  }

  it("002: the figures are the seed's own numbers, and the meeting's later goals are scored on the same ledger", () => {
    const report = baselineReport("002");
    const value = (t: string) => report.baseline.find((r) => r.targetId === t)?.value;
    expect(value("002.baseline.foundingGroupsAdvised")).toBe(12);
    expect(value("002.baseline.coopsFounded")).toBe(6);
    expect(value("002.baseline.loansDisbursedVnd")).toBe(250_000_000);
    const year = evaluateTargets(figureSourceOf(scenarioIndex("002")), resolutionOf("002"), {
      validAt: "2020-06-30" as BusinessDate,
    });
    const founded = SCENARIOS["002"].spec.founded
      .filter((y) => y.year === 2019)
      .reduce((a, y) => a + y.count, 0);
    const row = year.targets.find((r) => r.targetId === "002.newCoops2019");
    expect(row?.value).toBe(founded);
    expect(row?.status._tag).toBe(founded >= 20 ? "met" : "notMet");
  });

  it("003: the 70 advised foundings are the spec's advised co-ops founded in the term, recounted from the spec", () => {
    const report = baselineReport("003");
    const inTerm = SCENARIOS["003"].spec.founded.filter(
      (y) =>
        (y.year > 2015 && y.year < 2020) ||
        (y.year === 2015 && (y.fromMonth ?? 1) >= 7) ||
        (y.year === 2020 && (y.toMonth ?? 12) <= 6),
    );
    const advised = inTerm.reduce((a, y) => a + (y.advised ?? 0), 0);
    expect(report.baseline.find((r) => r.targetId === "003.baseline.advisedFoundings")?.value).toBe(advised);
    // Every co-op founded in the term is counted by coops.founded; only the advised ones by this row.
    const founded = inTerm.reduce((a, y) => a + y.count, 0);
    expect(founded).toBeGreaterThan(advised);
  });

  it("000: no provincial fund at the congress, the fund the scenario founds later is there by the term's end", () => {
    const fundOn = SCENARIOS["000"].spec.fund?.establishedOn ?? "";
    expect(fundOn > resolutionOf("000").adoptedOn).toBe(true);
    const end = evaluateTargets(figureSourceOf(scenarioIndex("000")), resolutionOf("000"), {
      validAt: "2025-12-31" as BusinessDate,
    });
    expect(end.targets.find((r) => r.targetId === "000.supportFund")?.status._tag).toBe("met");
    // The congress's 12 numbered targets are scored on Bình Thuận's own scenario.
    const numbered = new Set(resolutionOf("000").targets.map((t) => t.number));
    expect(end.summary.total).toBe(numbered.size);
  });

  it("001: the support fund's capital at the deadline is the scenario's last capital change before it", () => {
    const report = evaluateTargets(figureSourceOf(scenarioIndex("001")), resolutionOf("001"), {
      validAt: "2025-12-31" as BusinessDate,
    });
    const fund = SCENARIOS["001"].spec.fund;
    const last = [...(fund?.capitalChanges ?? [])].filter((c) => c.on <= "2025-12-31").pop();
    expect(report.targets.find((r) => r.targetId === "001.fundCapital")?.value).toBe(last?.charterCapitalVnd);
  });

  it("004: with groups, member farm households and the assumed province total, the farm-household share is measured", () => {
    const spec = SCENARIOS["004"].spec;
    const report = evaluateTargets(figureSourceOf(scenarioIndex("004")), resolutionOf("004"), {
      validAt: "2025-12-31" as BusinessDate,
      inputs: { farmHouseholds: spec.inputs?.farmHouseholds ?? 0 },
    });
    const row = report.targets.find((r) => r.targetId === "004.farmHouseholdShare");
    expect(row?.figure?._tag).toBe("Ratio");
    expect(row?.value ?? 0).toBeGreaterThan(0);
  });
});

describe("docs/resolutions.md shows each scenario's calibration as the code computes it", () => {
  const docPath = new URL("../../../../docs/resolutions.md", import.meta.url);
  it("one table per scenario between its markers (UPDATE_DOCS=1 rewrites them)", () => {
    let doc = readFileSync(docPath, "utf8");
    for (const id of ids) {
      const open = `<!-- calibration:${id} -->`;
      const close = `<!-- /calibration:${id} -->`;
      const a = doc.indexOf(open);
      const b = doc.indexOf(close);
      expect(a, `${open} in docs/resolutions.md`).toBeGreaterThanOrEqual(0);
      expect(b).toBeGreaterThan(a);
      const table = renderCalibrationMarkdown(calibrationRows(resolutionOf(id), baselineReport(id)));
      const rendered = `${open}\n${table}\n${close}`;
      const current = doc.slice(a, b + close.length);
      if (process.env.UPDATE_DOCS === "1") doc = doc.replace(current, rendered);
      else expect(current).toBe(rendered);
    }
    if (process.env.UPDATE_DOCS === "1") writeFileSync(docPath, doc);
  });
});
