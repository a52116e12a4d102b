import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { resolveQuery } from "../evaluate/resolve-query.js";
import { ProjectionQuery } from "./projection-query.js";

describe("ProjectionQuery codec and resolveQuery", () => {
  it("round-trips a full query", () => {
    const q = {
      validAt: "2022-12-31",
      knownAt: "2023-01-15T23:59:59.999Z",
      scope: { province: "60", sector: "agriculture", form: "cooperative" },
      geography: "2008-08-01",
      options: {
        fiscalYear: 2021,
        effectiveRule: "minScore",
        effectiveMinScore: 70,
        fundKind: "provincialSupportFund",
      },
      indicators: ["coops.active"],
    };
    const d = ProjectionQuery.decode(q);
    expect(E.isRight(d) && ProjectionQuery.encode(d.right)).toEqual(q);
  });

  it("fills documented defaults", () => {
    const r = resolveQuery({ validAt: "2022-06-30" });
    expect(E.isRight(r) && r.right.options).toMatchObject({
      fiscalYear: 2021,
      periodFrom: "2022-01-01",
      effectiveRule: "fairOrGood",
      effectiveMinScore: 65,
      ratingDenominator: "rated",
      peoplesCreditFunds: "include",
      law2012IncludesLaw2023: true,
      incomeAverage: "perCoop",
    });
    expect(E.isRight(r) && r.right.reportIn).toBe("2008-08-01");
    const later = resolveQuery({ validAt: "2025-07-01" });
    expect(E.isRight(later) && later.right.reportIn).toBe("2025-07-01");
  });

  it("names bad fields and never throws on any JSON input", () => {
    const bad = resolveQuery({ validAt: "2022-02-30", options: { effectiveMinScore: 101 } });
    expect(E.isLeft(bad) && bad.left._tag === "InvalidQuery" && bad.left.problems.join("|")).toMatch(
      /validAt.*\|.*effectiveMinScore/,
    );
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        const r = resolveQuery(j);
        expect(E.isLeft(r) ? typeof r.left._tag : "ok").toBeTruthy();
      }),
      { numRuns: 200 },
    );
  });
});
