import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { diff } from "./audit/diff.js";
import { explain } from "./audit/explain.js";
import { series } from "./audit/series.js";
import { buildIndex } from "./bitemporal-index/projection-index.js";
import type { IndicatorId } from "./catalogue/indicator-id.js";
import { indicatorValue } from "./evaluate/snapshot.js";
import { snapshot } from "./evaluate/snapshot-of-index.js";
import type { QueryInput } from "./query/projection-query.js";
import { replay } from "./replay/replay.js";
import { scenario } from "./test-support/scenario.js";

const ledger = scenario();
const index = buildIndex(ledger.events);

/** A figure from the index, checked against the replay on the way. */
const fig = (id: IndicatorId, q: QueryInput) => {
  const s = snapshot(index, q);
  const r = replay(ledger.events, q);
  expect(JSON.stringify(s)).toBe(JSON.stringify(r));
  if (E.isLeft(s)) throw new Error(s.left.message);
  return indicatorValue(s.right, id);
};
const value = (id: IndicatorId, q: QueryInput) => fig(id, q)?.value;

describe("hand-worked scenario (test-support/scenario.ts)", () => {
  it("counts co-ops before the first event, between events and after the last", () => {
    expect(value("coops.active", { validAt: "2012-04-30" })).toBe(0);
    expect(value("coops.active", { validAt: "2012-05-01" })).toBe(1);
    // 2020-12-31: A, B, D, F, G, H (E comes in 2021, C in 2024).
    expect(value("coops.active", { validAt: "2020-12-31" })).toBe(6);
    // 2022-12-31: D dissolved, F split into F1 + F2: A, B, F1, F2, G, H.
    expect(value("coops.active", { validAt: "2022-12-31" })).toBe(6);
    // 2023-12-31: H merged into G.
    expect(value("coops.active", { validAt: "2023-12-31" })).toBe(5);
    expect(value("coops.active", { validAt: "2030-01-01" })).toBe(7);
  });

  it("ratios keep their exact numerator and denominator", () => {
    const agri = fig("coops.agriculturalShare", { validAt: "2020-12-31" });
    // A, D, F, G, H are agricultural; B is transport.
    expect([agri?.numerator, agri?.denominator, agri?.value]).toEqual([5, 6, 5 / 6]);
    const members = fig("members.averagePerCoop", { validAt: "2020-12-31" });
    expect([members?.numerator, members?.denominator]).toEqual([10 + 120 + 30 + 40 + 12 + 15, 6]);
    expect(fig("members.over100Share", { validAt: "2020-12-31" })?.numerator).toBe(1);
    // After the merger G has 12 + 15 members; after the split F1 and F2 have 20 each.
    expect(fig("members.averagePerCoop", { validAt: "2023-12-31" })?.numerator).toBe(10 + 120 + 20 + 20 + 27);
    expect(
      fig("members.averagePerCoop", { validAt: "2023-12-31", options: { peoplesCreditFunds: "exclude" } })
        ?.denominator,
    ).toBe(5);
  });

  it("applies both law regimes: a 2003-era co-op counts under the 2012 law once it conforms; a 2024 co-op is under the 2023 law", () => {
    const before = fig("coops.law2012Share", { validAt: "2015-02-28" });
    expect([before?.numerator, before?.denominator]).toEqual([0, 1]);
    expect(fig("coops.law2012Share", { validAt: "2015-03-01" })?.numerator).toBe(1);
    // 2024-12-31: A, B, F1, F2, G under 2012; C under 2023.
    expect(fig("coops.law2012Share", { validAt: "2024-12-31" })?.numerator).toBe(6);
    expect(
      fig("coops.law2012Share", { validAt: "2024-12-31", options: { law2012IncludesLaw2023: false } })
        ?.numerator,
    ).toBe(5);
  });

  it("hides what was recorded later: a late-recorded dissolution and a retraction", () => {
    // As known on 2022-01-15, D (dissolved 2021-06-01, recorded 2022-03-01) was still active.
    expect(value("coops.active", { validAt: "2021-12-31", knownAt: "2022-01-15T23:59:59.999Z" })).toBe(6);
    expect(value("coops.active", { validAt: "2021-12-31" })).toBe(5);
    expect(value("coops.dissolved", { validAt: "2021-12-31", knownAt: "2022-01-15T23:59:59.999Z" })).toBe(0);
    expect(fig("coops.dissolved", { validAt: "2021-12-31" })?.breakdown).toEqual({
      voluntary: 1,
      compulsory: 0,
    });
    // E was founded in 2021 as known on 2021-03-01; the retraction recorded on 2021-05-10 removes it.
    expect(value("coops.founded", { validAt: "2021-03-01", knownAt: "2021-03-01T23:59:59.999Z" })).toBe(1);
    expect(value("coops.founded", { validAt: "2021-03-01", knownAt: "2021-05-10T23:59:59.999Z" })).toBe(0);
    expect(value("coops.founded", { validAt: "2021-12-31" })).toBe(0);
    // Before anything was recorded, nothing is known.
    expect(value("coops.active", { validAt: "2021-12-31", knownAt: "2012-05-02T00:00:00.000Z" })).toBe(0);
  });

  it("a split and a merger are not foundings; the successors are counted from the effective date", () => {
    expect(value("coops.founded", { validAt: "2022-12-31" })).toBe(0);
    expect(value("coops.founded", { validAt: "2020-12-31" })).toBe(1); // D
    expect(value("coops.active", { validAt: "2022-06-30" })).toBe(5); // A, B, F, G, H (D dissolved in 2021)
    expect(value("coops.active", { validAt: "2022-07-01" })).toBe(6); // F ends, F1 and F2 begin: A, B, F1, F2, G, H
  });

  it("reports provinces as of the valid date or re-mapped to the 2025 gazetteer", () => {
    expect(value("coops.active", { validAt: "2022-12-31", scope: { province: "60" } })).toBe(5); // A, F1, F2, G, H
    expect(value("coops.active", { validAt: "2022-12-31", scope: { province: "67" } })).toBe(1);
    // Today's Lâm Đồng (68) in 2022: old 60 + 67 + 68.
    expect(
      value("coops.active", { validAt: "2022-12-31", scope: { province: "68" }, geography: "2025-07-01" }),
    ).toBe(6);
    // As of 2025-12-31 the 2025 gazetteer is in force: A, F1, F2, G (60) + B (67) + C (68) + J (new 68).
    expect(value("coops.active", { validAt: "2025-12-31", scope: { province: "68" } })).toBe(7);
    expect(value("coops.active", { validAt: "2024-12-31", scope: { province: "68" } })).toBe(1); // C only
    const unknown = snapshot(index, { validAt: "2025-12-31", scope: { province: "60" } });
    expect(E.isLeft(unknown) && unknown.left._tag).toBe("UnknownProvince");
    const noDistricts = snapshot(index, {
      validAt: "2022-12-31",
      scope: { district: "593" },
      geography: "2025-07-01",
    });
    expect(E.isLeft(noDistricts) && noDistricts.left._tag).toBe("DistrictsNotInGazetteer");
    expect(value("coops.active", { validAt: "2022-12-31", scope: { district: "593" } })).toBe(1); // A
  });

  it("OCOP certificates are valid through validUntil and end when revoked", () => {
    expect([
      value("ocop.products", { validAt: "2023-01-01" }),
      value("ocop.coops", { validAt: "2023-01-01" }),
    ]).toEqual([2, 1]);
    expect(value("ocop.products", { validAt: "2023-06-01" })).toBe(1);
    expect(value("ocop.products", { validAt: "2024-01-09" })).toBe(1);
    expect([
      value("ocop.products", { validAt: "2024-01-10" }),
      value("ocop.coops", { validAt: "2024-01-10" }),
    ]).toEqual([0, 0]);
  });

  it("loans: disbursed in the period, outstanding, overdue after maturity until rescheduled", () => {
    const d = fig("loans.disbursedVnd", { validAt: "2021-12-31" });
    expect([d?.value, d?.breakdown?.provincialSupportFund]).toEqual([500_000_000, 500_000_000]);
    expect(value("loans.disbursed", { validAt: "2021-12-31" })).toBe(1);
    expect(value("loans.disbursed", { validAt: "2022-12-31" })).toBe(0);
    expect(value("loans.outstandingVnd", { validAt: "2023-03-01" })).toBe(300_000_000);
    expect(value("loans.overdueVnd", { validAt: "2023-03-01" })).toBe(0);
    expect(value("loans.overdueVnd", { validAt: "2023-03-02" })).toBe(300_000_000);
    expect(value("loans.overdueVnd", { validAt: "2023-06-01" })).toBe(0);
    expect(
      value("loans.outstandingVnd", { validAt: "2023-06-01", options: { fundKind: "centralSupportFund" } }),
    ).toBe(0);
  });

  it("ratings for the previous fiscal year, with both effective rules and both denominators", () => {
    const r = fig("rating.fairOrGoodShare", { validAt: "2023-12-31" });
    expect([r?.fiscalYear, r?.numerator, r?.denominator]).toEqual([2022, 2, 4]); // A good, B fair of A, B, G, F1
    expect(
      fig("rating.fairOrGoodShare", {
        validAt: "2023-12-31",
        options: { effectiveRule: "minScore", effectiveMinScore: 56 },
      })?.numerator,
    ).toBe(2);
    expect(
      fig("rating.fairOrGoodShare", {
        validAt: "2023-12-31",
        options: { effectiveRule: "minScore", effectiveMinScore: 55 },
      })?.numerator,
    ).toBe(3);
    // Active on 2022-12-31: A, B, F1, F2, G, H.
    expect(
      fig("rating.fairOrGoodShare", {
        validAt: "2023-12-31",
        options: { ratingDenominator: "activeAtYearEnd" },
      })?.denominator,
    ).toBe(6);
    expect(fig("rating.fairOrGoodShare", { validAt: "2023-02-14" })?.value).toBeNull();
  });

  it("a manager stops counting as under 50 on the 50th birthday", () => {
    const before = fig("managers.under50QualifiedShare", { validAt: "2025-05-31" });
    expect([before?.numerator, before?.denominator]).toEqual([1, 1]);
    expect(fig("managers.under50QualifiedShare", { validAt: "2025-06-01" })?.numerator).toBe(0);
  });

  it("inputs the ledger does not hold make a figure unavailable, with a note", () => {
    const f = fig("members.farmHouseholdShare", { validAt: "2022-12-31" });
    expect([f?.value, typeof f?.note]).toEqual([null, "string"]);
  });
});

describe("explain, diff, series on the scenario", () => {
  it("explain: the events' contributions add up to the figure", () => {
    const r = explain(index, "coops.active", { validAt: "2022-12-31" });
    if (E.isLeft(r)) throw new Error(r.left.message);
    const total = r.right.events.reduce((n, e) => n + (e.contribution.value ?? 0), 0);
    expect(total).toBe(r.right.figure.value);
    // Foundings of A, B, D, F, F1, F2, G, H (+1); D dissolved and F split (−1).
    expect(r.right.events.map((e) => `${e.type}:${e.contribution.value}`).sort()).toEqual(
      [...Array(8).fill("CoopFounded:1"), "CoopDissolved:-1", "CoopReorganisedAway:-1"].sort(),
    );
    const fromEvents = explain(ledger.events, "coops.active", { validAt: "2022-12-31" });
    expect(fromEvents).toEqual(r);
    const share = explain(index, "coops.agriculturalShare", { validAt: "2020-12-31" });
    if (E.isLeft(share)) throw new Error(share.left.message);
    const b = share.right.events.find((e) => e.streamId === "coop-b");
    expect(b?.contribution).toEqual({ numerator: 0, denominator: 1 });
  });

  it("diff: the late-recorded dissolution restates 2021", () => {
    const d = diff(
      index,
      { validAt: "2021-12-31", indicators: ["coops.active", "coops.dissolved", "coops.founded"] },
      "2022-01-15T23:59:59.999Z",
      "2023-01-01T00:00:00.000Z",
    );
    if (E.isLeft(d)) throw new Error(d.left.message);
    expect(d.right.changed.map((c) => [c.id, c.change])).toEqual([
      ["coops.active", -1],
      ["coops.dissolved", 1],
    ]);
    expect(d.right.changed[0]?.events.map((e) => e.type)).toEqual(["CoopDissolved"]);
  });

  it("series: yearly foundings count each year's interval", () => {
    const s = series(index, {
      from: "2020-01-01",
      to: "2023-12-31",
      every: "year",
      indicators: ["coops.founded", "coops.active"],
    });
    if (E.isLeft(s)) throw new Error(s.left.message);
    expect(s.right.map((p) => [p.validAt, p.figures[0]?.value, p.figures[1]?.value])).toEqual([
      ["2020-12-31", 1, 6],
      ["2021-12-31", 0, 5],
      ["2022-12-31", 0, 6],
      ["2023-12-31", 0, 5],
    ]);
    const q = series(index, {
      from: "2023-02-10",
      to: "2023-08-01",
      every: "quarter",
      indicators: ["ocop.products"],
    });
    expect(E.isRight(q) && q.right.map((p) => `${p.from}..${p.validAt}`)).toEqual([
      "2023-02-10..2023-03-31",
      "2023-04-01..2023-06-30",
      "2023-07-01..2023-08-01",
    ]);
  });
});
