import type { BusinessDate, Instant } from "@coop-ledger/domain";
import { SCENARIOS } from "@coop-ledger/generator";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { indicatorValue } from "../evaluate/snapshot.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { figureSourceOf } from "./engine-source.js";
import { evaluateTargets, type TargetRow } from "./evaluate-targets.js";
import { BAC_KAN, RESOLUTION_004_REFERENCE_2016, resolution004 } from "./resolutions/resolution-004.js";
import { targets } from "./targets.js";
import { scenarioIndex } from "./test-support/scenario-index.js";

const SPEC = SCENARIOS["004"].spec;

/**
 * The calibrated scenario 004 (`generate --preset 004`): a generated history of Bắc Kạn whose fold, at
 * the adoption date of resolution 004, gives the baseline the resolution reports; then the resolution evaluated on a
 * continued history at the end of 2025 and after the 2025 figures are final.
 */
const resolution = resolution004();
const adoption = resolution.adoptedOn;
let index: ProjectionIndex;

const figure = (id: IndicatorId, validAt: string, options: Record<string, unknown> = {}) => {
  const s = snapshot(index, {
    validAt,
    scope: { province: BAC_KAN.code },
    geography: BAC_KAN.gazetteer,
    options,
    indicators: [id],
  });
  if (s._tag === "Left") throw new Error(s.left.message);
  const f = indicatorValue(s.right, id);
  if (f === undefined) throw new Error(`${id} missing`);
  return f;
};

/** The threshold the resolution's data holds for a baseline entry (the figure it reports). */
const reported = (id: string) => {
  const t = resolution.baseline.find((x) => x.id === id);
  if (t?.measure.kind !== "indicator") throw new Error(`${id} is not measured`);
  return t.measure.threshold;
};

/** A row's status recomputed by hand from its figure: plain arithmetic on numerator and denominator. */
const byHand = (row: TargetRow): boolean | undefined => {
  if (row.figure === undefined || row.threshold === undefined) return undefined;
  const [num, den] =
    row.figure._tag === "Value" ? [row.figure.value, 1] : [row.figure.numerator, row.figure.denominator];
  const scaled = row.threshold.unit === "basisPoints" ? num * 10_000 : num;
  const th = row.threshold.value * den;
  const tol = (row.threshold.tolerance ?? 0) * den;
  switch (row.comparator) {
    case ">=":
      return scaled >= th;
    case ">":
      return scaled > th;
    case "<=":
      return scaled <= th;
    case "=":
      return scaled === th;
    case "~":
      return Math.abs(scaled - th) <= tol;
    default:
      return undefined;
  }
};

beforeAll(() => {
  index = scenarioIndex("004");
});

describe("calibrated scenario: resolution 004's baseline comes out of the fold", () => {
  it("1 union and 234 co-ops at adoption, as the resolution reports", () => {
    expect(figure("unions.active", adoption).value).toBe(reported("004.baseline.unions").value);
    expect(figure("coops.active", adoption).value).toBe(reported("004.baseline.coops").value);
  });

  it("+152 co-ops since 2016: active at adoption minus active on 2016-04-26 (Resolution 09-NQ/TU)", () => {
    const now = figure("coops.active", adoption).value as number;
    const then = figure("coops.active", RESOLUTION_004_REFERENCE_2016).value as number;
    expect(now - then).toBe(reported("004.baseline.growthSince2016").value);
  });

  it("71.4 % rated fair or good for 2020: the exact ratio rounds to the stated 0.1 %", () => {
    const f = figure("rating.fairOrGoodShare", adoption, { fiscalYear: 2020 });
    const th = reported("004.baseline.fairOrGoodShare");
    // Stated to one decimal of a percent: round the exact ratio to tenths of a percent (10 bp).
    const tenthsOfPercent = Math.round(((f.numerator as number) * 1000) / (f.denominator as number));
    expect(tenthsOfPercent * 10).toBe(th.value);
  });

  it("57 co-ops holding 93 valid OCOP products", () => {
    expect(figure("ocop.coops", adoption).value).toBe(reported("004.baseline.ocopCoops").value);
    expect(figure("ocop.products", adoption).value).toBe(reported("004.baseline.ocopProducts").value);
  });

  it("every measurable baseline row is met by the evaluator; the OCOP share of the province is not measurable", () => {
    const report = evaluateTargets(figureSourceOf(index), resolution, { validAt: adoption });
    const status = Object.fromEntries(report.baseline.map((r) => [r.targetId, r.status._tag]));
    expect(status).toEqual({
      "004.baseline.unions": "met",
      "004.baseline.coops": "met",
      "004.baseline.growthSince2016": "met",
      "004.baseline.fairOrGoodShare": "met",
      "004.baseline.ocopCoops": "met",
      "004.baseline.ocopProducts": "met",
      "004.baseline.ocopShareOfProvince": "notMeasurable",
    });
  });

  it("as known long before adoption, the same baseline does not hold (knownAt reaches the engine)", () => {
    const report = evaluateTargets(figureSourceOf(index), resolution, {
      validAt: adoption,
      knownAt: "2018-12-31T23:59:59.999Z" as Instant,
    });
    const coops = report.baseline.find((r) => r.targetId === "004.baseline.coops");
    expect(coops?.status._tag).toBe("notMet");
    expect(coops?.value).toBeLessThan(234);
  });
});

describe("calibrated scenario: resolution 004 evaluated on the continued history", () => {
  const sum = (xs: ReadonlyArray<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);

  it("on 2025-12-31: k of n met, checked row by row", () => {
    const result = targets(index, "004", { validAt: "2025-12-31" as BusinessDate });
    if (result._tag === "Left") throw new Error(result.left._tag);
    const rows = result.right.targets;
    const row = (id: string) => rows.find((r) => r.targetId === id) as TargetRow;

    // Unions: the spec founds two and dissolves none.
    expect(row("004.unions").figure).toEqual({ _tag: "Value", value: SPEC.unions.length });
    // Co-ops: everything founded minus everything dissolved (none founded after June 2025).
    const coops = SPEC.preExisting.count + sum(SPEC.founded) - sum(SPEC.dissolved);
    expect(row("004.coops").figure).toEqual({ _tag: "Value", value: coops });
    // Ratings and incomes for 2025 are made in 2026: not known on 2025-12-31, and not final yet.
    expect(row("004.fairOrGoodShare").status._tag).toBe("pending");
    expect(row("004.memberIncome").status._tag).toBe("pending");
    // Farm households need an input the ledger does not hold; the row is final on its deadline.
    expect(row("004.farmHouseholdShare").status._tag).toBe("notMeasurable");

    // The rows with a figure: status by hand from the figure.
    for (const r of rows.filter((x) => x.figure !== undefined))
      expect(r.status._tag, r.targetId).toBe(byHand(r) ? "met" : r.final ? "notMet" : "pending");
    // Unions 2 ≥ 2 met; co-ops 330 < 350 not met; agriculture and members per co-op from their figures.
    const met = [
      true,
      coops >= 350,
      byHand(row("004.agriculturalShare")),
      byHand(row("004.membersPerCoop")),
    ].filter(Boolean).length;
    expect(result.right.summary).toMatchObject({
      met,
      notMet: 4 - met,
      pending: 2,
      notMeasurable: 1,
      total: 7,
      label: `${met} of 7 met`,
    });
  });

  it("on 2026-06-30, with the 2025 ratings and reports in and the farm households given: every row final", () => {
    const report = evaluateTargets(figureSourceOf(index), resolution, {
      validAt: "2026-06-30" as BusinessDate,
      inputs: { farmHouseholds: SPEC.inputs?.farmHouseholds ?? 0 },
    });
    expect(report.targets.every((r) => r.final)).toBe(true);
    // The rating cycle rates about 5 co-ops in 7 fair or good, short of 75 %.
    const fog = report.targets.find((r) => r.targetId === "004.fairOrGoodShare");
    expect(fog?.year).toBe(2025);
    expect(fog?.status._tag).toBe("notMet");
    for (const r of report.targets) expect(r.status._tag, r.targetId).toBe(byHand(r) ? "met" : "notMet");
    const met = report.targets.filter((r) => byHand(r)).length;
    expect(report.summary.label).toBe(`${met} of 7 met`);
    expect(report.summary.met + report.summary.notMet).toBe(7);
  });
});
