import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { defaultDomainConfig } from "../config/domain-config.js";
import { ocopStarsFor, ratingFor } from "./derivations.js";
import { decide, makeLedgerDecider, validateEvent } from "./ledger-decider.js";
import { found, given, on, outcome, refusal } from "./test-support/fixtures.js";

const assess = (score: number, over: Record<string, unknown> = {}) =>
  on("AssessCoop", {
    effectiveDate: "2023-02-15",
    year: 2022,
    scheme: "circular-01-2020-TT-BKHDT",
    score,
    ...over,
  });
const ratingOf = (r: E.Either<unknown, ReadonlyArray<{ data: unknown }>>) =>
  E.isRight(r) ? (r.right[0]?.data as { rating?: string } | undefined)?.rating : "refused";

describe("assessment (đánh giá, xếp loại)", () => {
  const g = given([found()]);

  it("rates by the bands: good ≥ 80, fair 65–< 80, average 50–< 65, weak < 50", () => {
    const table: Array<[number, string]> = [
      [100, "good"],
      [80, "good"],
      [79.99, "fair"],
      [65, "fair"],
      [64.5, "average"],
      [50, "average"],
      [49.99, "weak"],
      [0, "weak"],
    ];
    for (const [score, rating] of table)
      expect([score, ratingOf(decide(assess(score), g.state))]).toEqual([score, rating]);
  });

  it("an administrative sanction forces weak for an agricultural co-op under Circular 09/2017/TT-BNNPTNT only", () => {
    expect(
      ratingOf(
        decide(assess(95, { scheme: "circular-09-2017-TT-BNNPTNT", administrativeSanction: true }), g.state),
      ),
    ).toBe("weak");
    expect(
      ratingOf(
        decide(assess(95, { scheme: "circular-09-2017-TT-BNNPTNT", administrativeSanction: false }), g.state),
      ),
    ).toBe("good");
    expect(ratingOf(decide(assess(95, { administrativeSanction: true }), g.state))).toBe("good");
    const trade = given([found({ sector: "commerceServices" })]);
    expect(outcome(decide(assess(95, { scheme: "circular-09-2017-TT-BNNPTNT" }), trade.state))).toBe(
      "SchemeNotApplicable",
    );
  });

  it("is not given to a co-op under 12 months old at the end of the rated year", () => {
    const young = given([found({ effectiveDate: "2022-03-01" })]);
    expect(refusal(decide(assess(90), young.state))).toMatchObject({
      _tag: "TooYoungToRate",
      ageMonths: 9,
      minimumMonths: 12,
    });
    expect(outcome(decide(assess(90, { year: 2023, effectiveDate: "2024-02-01" }), young.state))).toBe(
      "accepted",
    );
    const exactly = given([found({ effectiveDate: "2021-12-31" })]);
    expect(outcome(decide(assess(90), exactly.state))).toBe("accepted"); // 12 months on 2022-12-31
    const oneDayShort = given([found({ effectiveDate: "2022-01-01" })]);
    expect(outcome(decide(assess(90), oneDayShort.state))).toBe("TooYoungToRate");
  });

  it("bands and minimum age are configuration", () => {
    const lenient = makeLedgerDecider({
      ...defaultDomainConfig,
      minimumAgeToRateMonths: 0 as never,
      ratingBands: { good: 90, fair: 70, average: 40 } as never,
    });
    const young = given([found({ effectiveDate: "2022-03-01" })], lenient);
    expect(ratingOf(lenient.decide(assess(85), young.state))).toBe("fair");
  });

  it("refuses a year after the assessment or before the co-op existed", () => {
    expect(outcome(decide(assess(90, { year: 2024 }), g.state))).toBe("InvalidFiscalYear");
    expect(outcome(decide(assess(90, { year: 2018 }), g.state))).toBe("InvalidFiscalYear");
  });

  it("an imported assessment whose rating contradicts its score is refused", () => {
    const event = {
      type: "CoopAssessed",
      schemaVersion: 1,
      data: {
        coopId: "htx-1",
        effectiveDate: "2023-02-15",
        year: 2022,
        scheme: "circular-01-2020-TT-BKHDT",
        score: 70,
        rating: "good",
      },
    } as never;
    expect(refusal(validateEvent(g.state, event))).toMatchObject({
      _tag: "InconsistentDerivedField",
      field: "rating",
      given: "good",
      expected: "fair",
    });
  });
});

describe("OCOP certification (công nhận sản phẩm OCOP)", () => {
  const g = given([found()]);
  const certify = (score: number, effectiveDate = "2021-06-01") =>
    decide(
      on("CertifyOcop", { effectiveDate, productId: "p-1", productName: "Thanh long Hàm Thuận", score }),
      g.state,
    );

  it("stars from the score: 5★ ≥ 90, 4★ 70–< 90, 3★ 50–< 70; < 50 is an error", () => {
    const stars = (r: ReturnType<typeof certify>) =>
      E.isRight(r) ? (r.right[0]?.data as { stars?: number } | undefined)?.stars : r.left._tag;
    expect([90, 89.5, 70, 69.99, 50].map((s) => stars(certify(s)))).toEqual([5, 4, 4, 3, 3]);
    expect(refusal(certify(49.99))).toMatchObject({ _tag: "OcopScoreTooLow", minimum: 50 });
    expect([ocopStarsFor(defaultDomainConfig, 100), ocopStarsFor(defaultDomainConfig, 0)]).toEqual([
      5,
      undefined,
    ]);
  });

  it("the certificate is valid 36 months (end-of-month clamped)", () => {
    const r = certify(75, "2021-02-28");
    expect(E.isRight(r) && (r.right[0]?.data as { validUntil?: string } | undefined)?.validUntil).toBe(
      "2024-02-28",
    );
  });

  it("ends only a current certificate", () => {
    expect(
      outcome(
        decide(on("EndOcop", { effectiveDate: "2022-01-01", productId: "p-1", reason: "revoked" }), g.state),
      ),
    ).toBe("UnknownOcopProduct");
    const c = given([
      found(),
      on("CertifyOcop", {
        effectiveDate: "2021-06-01",
        productId: "p-1",
        productName: "Thanh long",
        score: 75,
      }),
      on("EndOcop", { effectiveDate: "2022-01-01", productId: "p-1", reason: "revoked" }),
    ]);
    expect(
      outcome(
        decide(on("EndOcop", { effectiveDate: "2022-02-01", productId: "p-1", reason: "revoked" }), c.state),
      ),
    ).toBe("UnknownOcopProduct");
  });
});

describe("reports, managers, value chains", () => {
  it("annual reports cover a year the co-op existed, not in the future", () => {
    const g = given([found()]);
    const report = (fiscalYear: number) =>
      on("FileAnnualReport", {
        effectiveDate: "2021-03-31",
        fiscalYear,
        charterCapitalVnd: 1,
        totalAssetsVnd: 1,
        revenueVnd: 1,
        profitVnd: -1,
      });
    expect(outcome(decide(report(2020), g.state))).toBe("accepted");
    expect(outcome(decide(report(2021), g.state))).toBe("accepted");
    expect(outcome(decide(report(2022), g.state))).toBe("InvalidFiscalYear");
    expect(outcome(decide(report(2018), g.state))).toBe("InvalidFiscalYear");
  });

  it("managers are appointed once and leave once; linkages open once and close once", () => {
    const appoint = on("AppointManager", {
      effectiveDate: "2020-01-01",
      managerId: "m-1",
      role: "director",
      birthDate: "1980-05-01",
      qualification: "university",
    });
    const g = given([
      found(),
      appoint,
      on("LinkValueChain", {
        effectiveDate: "2021-01-01",
        linkageId: "l-1",
        partner: "Công ty CP XNK",
        product: "Thanh long",
      }),
    ]);
    expect(outcome(decide(appoint, g.state))).toBe("DuplicateManager");
    expect(
      outcome(decide(on("RecordManagerLeft", { effectiveDate: "2021-01-01", managerId: "m-2" }), g.state)),
    ).toBe("UnknownManager");
    expect(
      outcome(decide(on("RecordManagerLeft", { effectiveDate: "2019-12-31", managerId: "m-1" }), g.state)),
    ).toBe("EffectiveDateBeforeStart");
    expect(
      outcome(
        decide(
          on("LinkValueChain", { effectiveDate: "2021-01-01", linkageId: "l-1", partner: "X", product: "Y" }),
          g.state,
        ),
      ),
    ).toBe("DuplicateLinkage");
    expect(
      outcome(decide(on("UnlinkValueChain", { effectiveDate: "2023-01-01", linkageId: "l-9" }), g.state)),
    ).toBe("UnknownLinkage");
    expect(
      outcome(decide(on("UnlinkValueChain", { effectiveDate: "2023-01-01", linkageId: "l-1" }), g.state)),
    ).toBe("accepted");
  });
});

it("ratingFor is the band lookup the decider uses", () => {
  expect(
    ratingFor(defaultDomainConfig, { score: 65, sector: "transport", scheme: "circular-01-2020-TT-BKHDT" }),
  ).toBe("fair");
});
