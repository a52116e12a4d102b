import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { DomainConfig, defaultDomainConfig } from "./domain-config.js";

describe("DomainConfig", () => {
  it("the default decodes and round-trips through JSON", () => {
    const r = DomainConfig.decode(JSON.parse(JSON.stringify(defaultDomainConfig)));
    expect(E.isRight(r) && r.right).toEqual(defaultDomainConfig);
  });

  it("holds the brief's figures", () => {
    expect(defaultDomainConfig.minimumFounders).toEqual({
      "2012": { cooperative: 7, union: 4, group: 2 },
      "2023": { cooperative: 5, union: 3, group: 2 },
    });
    expect(defaultDomainConfig.ratingBands).toEqual({ good: 80, fair: 65, average: 50 });
    expect(defaultDomainConfig.ocopStarBands).toEqual({ five: 90, four: 70, three: 50 });
    expect([defaultDomainConfig.ocopValidityMonths, defaultDomainConfig.minimumAgeToRateMonths]).toEqual([
      36, 12,
    ]);
    expect(defaultDomainConfig.conformanceDeadlines).toEqual({ "2012": "2016-06-30", "2023": "2025-12-31" });
    expect(defaultDomainConfig.fundCaps[0]).toMatchObject({
      fundKind: "nationalEmploymentFund",
      from: "2019-11-08",
      maxPrincipalVnd: 2_000_000_000,
    });
  });

  it("refuses a bad configuration with the offending field", () => {
    expect(
      E.isLeft(
        DomainConfig.decode({ ...defaultDomainConfig, ratingBands: { good: 180, fair: 65, average: 50 } }),
      ),
    ).toBe(true);
  });
});
