import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { defaultDomainConfig } from "../config/domain-config.js";
import { specFor } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import { ocopStarsFor, ratingFor } from "./derivations.js";
import { makeLedgerDecider, validateEvent } from "./ledger-decider.js";
import { founded, happened, on } from "./test-support/fixtures.js";

const assessment = (score: number, over: Record<string, unknown> = {}) => ({
  effectiveDate: "2023-02-15",
  year: 2022,
  scheme: "circular-01-2020-TT-BKHDT",
  score,
  ...over,
});
const assess = (score: number, over: Record<string, unknown> = {}) =>
  on("AssessCoop", assessment(score, over));
/** The assessment event the decider emits for this score, with this rating. */
const assessed = (score: number, rating: string, over: Record<string, unknown> = {}) =>
  happened("CoopAssessed", { ...assessment(score, over), rating });

describe("assessment (đánh giá, xếp loại)", () => {
  const g = given([founded()]);

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
    for (const [score, rating] of table) g.when(assess(score)).then([assessed(score, rating)]);
  });

  it("an administrative sanction forces weak for an agricultural co-op under Circular 09/2017/TT-BNNPTNT only", () => {
    const agri = { scheme: "circular-09-2017-TT-BNNPTNT", administrativeSanction: true };
    g.when(assess(95, agri)).then([assessed(95, "weak", agri)]);
    const clean = { ...agri, administrativeSanction: false };
    g.when(assess(95, clean)).then([assessed(95, "good", clean)]);
    g.when(assess(95, { administrativeSanction: true })).then([
      assessed(95, "good", { administrativeSanction: true }),
    ]);
    given([founded({ sector: "commerceServices" })])
      .when(assess(95, { scheme: "circular-09-2017-TT-BNNPTNT" }))
      .thenError("SchemeNotApplicable");
  });

  it("is not given to a co-op under 12 months old at the end of the rated year", () => {
    const young = given([founded({ effectiveDate: "2022-03-01" })]);
    young.when(assess(90)).thenError("TooYoungToRate", { ageMonths: 9, minimumMonths: 12 } as never);
    young.when(assess(90, { year: 2023, effectiveDate: "2024-02-01" })).thenAccepted();
    // 12 months on 2022-12-31
    given([founded({ effectiveDate: "2021-12-31" })])
      .when(assess(90))
      .thenAccepted();
    given([founded({ effectiveDate: "2022-01-01" })])
      .when(assess(90))
      .thenError("TooYoungToRate");
  });

  it("bands and minimum age are configuration", () => {
    const lenient = specFor(
      makeLedgerDecider({
        ...defaultDomainConfig,
        minimumAgeToRateMonths: 0 as never,
        ratingBands: { good: 90, fair: 70, average: 40 } as never,
      }),
    );
    lenient([founded({ effectiveDate: "2022-03-01" })])
      .when(assess(85))
      .then([assessed(85, "fair")]);
  });

  it("refuses a year after the assessment or before the co-op existed", () => {
    g.when(assess(90, { year: 2024 })).thenError("InvalidFiscalYear");
    g.when(assess(90, { year: 2018 })).thenError("InvalidFiscalYear");
    g.when(assess(90, { year: 2020 })).thenAccepted();
  });

  it("an imported assessment whose rating contradicts its score is refused", () => {
    expect(validateEvent(g.state, assessed(70, "good"))).toMatchObject(
      E.left({ _tag: "InconsistentDerivedField", field: "rating", given: "good", expected: "fair" }),
    );
    expect(validateEvent(g.state, assessed(70, "fair"))).toEqual(E.right([]));
  });
});

describe("OCOP certification (công nhận sản phẩm OCOP)", () => {
  const g = given([founded()]);
  const certify = (score: number, effectiveDate = "2021-06-01") =>
    g.when(
      on("CertifyOcop", { effectiveDate, productId: "p-1", productName: "Thanh long Hàm Thuận", score }),
    );
  const certified = (score: number, stars: number, validUntil: string, effectiveDate = "2021-06-01") =>
    happened("OcopCertified", {
      effectiveDate,
      productId: "p-1",
      productName: "Thanh long Hàm Thuận",
      score,
      stars,
      validUntil,
    });

  it("stars from the score: 5★ ≥ 90, 4★ 70–< 90, 3★ 50–< 70; < 50 is an error", () => {
    for (const [score, stars] of [
      [90, 5],
      [89.5, 4],
      [70, 4],
      [69.99, 3],
      [50, 3],
    ] as const)
      certify(score).then([certified(score, stars, "2024-06-01")]);
    certify(49.99).thenError("OcopScoreTooLow", { minimum: 50 } as never);
    expect([ocopStarsFor(defaultDomainConfig, 100), ocopStarsFor(defaultDomainConfig, 0)]).toEqual([
      5,
      undefined,
    ]);
  });

  it("the certificate is valid 36 months (end-of-month clamped)", () => {
    certify(75, "2021-02-28").then([certified(75, 4, "2024-02-28", "2021-02-28")]);
    certify(75, "2024-02-29").then([certified(75, 4, "2027-02-28", "2024-02-29")]);
  });

  it("ends only a current certificate", () => {
    const end = (effectiveDate: string) =>
      on("EndOcop", { effectiveDate, productId: "p-1", reason: "revoked" });
    g.when(end("2022-01-01")).thenError("UnknownOcopProduct");
    const ended = [
      founded(),
      happened("OcopCertified", {
        effectiveDate: "2021-06-01",
        productId: "p-1",
        productName: "Thanh long",
        score: 75,
        stars: 4,
        validUntil: "2024-06-01",
      }),
      happened("OcopEnded", { effectiveDate: "2022-01-01", productId: "p-1", reason: "revoked" }),
    ];
    given(ended.slice(0, 2))
      .when(end("2022-01-01"))
      .then([ended[2] as (typeof ended)[number]]);
    given(ended).when(end("2022-02-01")).thenError("UnknownOcopProduct");
  });
});

describe("reports, managers, value chains", () => {
  it("annual reports cover a year the co-op existed, not in the future", () => {
    const report = (fiscalYear: number) =>
      on("FileAnnualReport", {
        effectiveDate: "2021-03-31",
        fiscalYear,
        charterCapitalVnd: 1,
        totalAssetsVnd: 1,
        revenueVnd: 1,
        profitVnd: -1,
      });
    const g = given([founded()]);
    g.when(report(2020)).thenAccepted();
    g.when(report(2021)).thenAccepted();
    g.when(report(2022)).thenError("InvalidFiscalYear");
    g.when(report(2018)).thenError("InvalidFiscalYear");
  });

  it("managers are appointed once and leave once; linkages open once and close once", () => {
    const manager = {
      effectiveDate: "2020-01-01",
      managerId: "m-1",
      role: "director",
      birthDate: "1980-05-01",
      qualification: "university",
    };
    const g = given([
      founded(),
      happened("ManagerAppointed", manager),
      happened("ValueChainLinked", {
        effectiveDate: "2021-01-01",
        linkageId: "l-1",
        partner: "Công ty CP XNK",
        product: "Thanh long",
      }),
    ]);
    g.when(on("AppointManager", manager)).thenError("DuplicateManager");
    g.when(on("RecordManagerLeft", { effectiveDate: "2021-01-01", managerId: "m-2" })).thenError(
      "UnknownManager",
    );
    g.when(on("RecordManagerLeft", { effectiveDate: "2019-12-31", managerId: "m-1" })).thenError(
      "EffectiveDateBeforeStart",
    );
    g.when(on("RecordManagerLeft", { effectiveDate: "2021-01-01", managerId: "m-1" })).thenAccepted();
    g.when(
      on("LinkValueChain", { effectiveDate: "2021-01-01", linkageId: "l-1", partner: "X", product: "Y" }),
    ).thenError("DuplicateLinkage");
    g.when(on("UnlinkValueChain", { effectiveDate: "2023-01-01", linkageId: "l-9" })).thenError(
      "UnknownLinkage",
    );
    g.when(on("UnlinkValueChain", { effectiveDate: "2023-01-01", linkageId: "l-1" })).then([
      happened("ValueChainUnlinked", { effectiveDate: "2023-01-01", linkageId: "l-1" }),
    ]);
  });
});

it("ratingFor is the band lookup the decider uses", () => {
  expect(
    ratingFor(defaultDomainConfig, { score: 65, sector: "transport", scheme: "circular-01-2020-TT-BKHDT" }),
  ).toBe("fair");
});
