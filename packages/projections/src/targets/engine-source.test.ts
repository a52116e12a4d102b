import { type BusinessDate, DomainEvent, type RecordedEvent, StreamId } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { figureSourceOf, toQueryInput } from "./engine-source.js";
import { evaluateTargets } from "./evaluate-targets.js";
import { resolution001 } from "./resolutions/resolution-001.js";
import { resolution002 } from "./resolutions/resolution-002.js";

/** Hand-written events, recorded 3 days after they take effect, in the order given. */
const history = (items: ReadonlyArray<[stream: string, event: unknown]>): RecordedEvent[] => {
  const revisions = new Map<string, number>();
  return items.map(([stream, json], position) => {
    const event = DomainEvent.decode(json);
    const streamId = StreamId.decode(stream);
    if (event._tag === "Left" || streamId._tag === "Left")
      throw new Error(`bad test event ${JSON.stringify(json)}`);
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    const effective = (json as { data: { effectiveDate: string } }).data.effectiveDate;
    const recordedAt = new Date(Date.parse(effective) + 3 * 86_400_000).toISOString();
    return {
      eventId: `00000000-0000-4000-8000-${(position + 1).toString(16).padStart(12, "0")}`,
      streamId: streamId.right,
      revision,
      position,
      event: event.right,
      metadata: { recordedAt },
    } as RecordedEvent;
  });
};

const DAK_NONG = { gazetteer: "2008-08-01", provinceCode: "67", districtCode: "660" };
const founded = (id: string, on: string, origin: unknown = { kind: "new" }): [string, unknown] => [
  `coop-${id}`,
  {
    type: "CoopFounded",
    schemaVersion: 2,
    data: {
      coopId: id,
      effectiveDate: on,
      name: `HTX ${id}`,
      form: "cooperative",
      sector: "agriculture",
      location: DAK_NONG,
      foundingMembers: 7,
      origin,
    },
  },
];
const activity = (on: string, kind: string, count: number): [string, unknown] => [
  "alliance-67",
  {
    type: "AllianceActivityRecorded",
    schemaVersion: 1,
    data: { effectiveDate: on, provinceCode: "67", gazetteer: "2008-08-01", kind, count },
  },
];

describe("resolution 002 on a hand-written Đắk Nông 2019", () => {
  const events = history([
    founded("htx-old", "2015-03-01"),
    [
      "fund-qht-67",
      {
        type: "FundEstablished",
        schemaVersion: 1,
        data: {
          fundId: "qht-67",
          effectiveDate: "2015-01-01",
          kind: "provincialSupportFund",
          name: "Quỹ hỗ trợ phát triển HTX tỉnh Đắk Nông",
          charterCapitalVnd: 5_000_000_000,
          provinceCode: "67",
          gazetteer: "2008-08-01",
        },
      },
    ],
    activity("2019-03-01", "foundingAdvice", 7),
    activity("2019-06-01", "foundingAdvice", 5),
    activity("2019-04-01", "trainingClass", 4),
    activity("2019-03-20", "awarenessClass", 9),
    activity("2019-07-10", "awarenessClass", 7),
    activity("2019-05-15", "newsItem", 3),
    ...Array.from({ length: 11 }, (_, i): [string, unknown] => [
      "fund-qht-67",
      {
        type: "LoanApplicationReceived",
        schemaVersion: 1,
        data: {
          fundId: "qht-67",
          effectiveDate: `2019-0${1 + Math.floor(i / 2)}-1${i % 2}`,
          applicationId: `a-${i}`,
          coopId: "htx-old",
          requestedVnd: 300_000_000,
        },
      },
    ]),
    [
      "coop-htx-old",
      {
        type: "LoanDisbursed",
        schemaVersion: 1,
        data: {
          coopId: "htx-old",
          effectiveDate: "2019-06-10",
          loanId: "loan-1",
          fundKind: "provincialSupportFund",
          fundId: "qht-67",
          principalVnd: 250_000_000,
          termMonths: 36,
          maturityDate: "2022-06-10",
          purpose: "Mua máy ủi, chôn lấp rác thải",
        },
      },
    ],
    ...["2019-02-01", "2019-03-05", "2019-04-10", "2019-05-20", "2019-06-25", "2019-07-30"].map((on, i) =>
      founded(`htx-${i}`, on),
    ),
    activity("2019-10-01", "trainingClass", 2),
    founded("htx-8", "2019-09-10"),
    founded("htx-9", "2019-11-20"),
  ]);
  const source = figureSourceOf(buildIndex(events));

  it("reconciles every measurable reported figure of the meeting with the ledger", () => {
    const report = evaluateTargets(source, resolution002, { validAt: "2019-12-31" as BusinessDate });
    const status = Object.fromEntries(report.baseline.map((r) => [r.targetId, r.status._tag]));
    expect(status).toEqual({
      "002.baseline.foundingGroupsAdvised": "met",
      "002.baseline.coopsFounded": "met",
      "002.baseline.trainingClasses": "met",
      "002.baseline.lawClasses": "met",
      "002.baseline.newspaperPages": "met",
      "002.baseline.loanApplications": "met",
      "002.baseline.loansDisbursed": "met",
      "002.baseline.loansDisbursedVnd": "met",
    });
  });

  it("evaluates the year's targets: 8 new co-ops < 20 not met, 2 more classes met, 2 not measurable", () => {
    const report = evaluateTargets(source, resolution002, { validAt: "2019-12-31" as BusinessDate });
    expect(report.targets.map((r) => [r.targetId, r.status._tag, r.value])).toEqual([
      ["002.newCoops2019", "notMet", 8],
      ["002.moreTrainingClasses", "met", 2],
      ["002.bulletin35", "notMeasurable", undefined],
      ["002.regionalConference", "notMeasurable", undefined],
    ]);
    expect(report.summary.label).toBe("1 of 4 met");
  });
});

describe("resolution 001: a province that no longer exists after 2025-07-01", () => {
  it("reads the Hòa Bình fund's capital on 2025-12-31 in the 2008-08-01 gazetteer", () => {
    const fund = (type: string, on: string, capital: number): [string, unknown] => [
      "fund-qht-17",
      {
        type,
        schemaVersion: 1,
        data: {
          fundId: "qht-17",
          effectiveDate: on,
          charterCapitalVnd: capital,
          ...(type === "FundEstablished"
            ? {
                kind: "provincialSupportFund",
                name: "Quỹ HTX Hòa Bình",
                provinceCode: "17",
                gazetteer: "2008-08-01",
              }
            : {}),
        },
      },
    ];
    const source = figureSourceOf(
      buildIndex(
        history([
          fund("FundEstablished", "2014-01-01", 20e9),
          fund("FundCapitalChanged", "2024-05-01", 50e9),
        ]),
      ),
    );
    const row = evaluateTargets(source, resolution001, {
      validAt: "2026-01-31" as BusinessDate,
    }).targets.find((r) => r.targetId === "001.fundCapital");
    expect(row?.figure).toEqual({ _tag: "Value", value: 50_000_000_000 });
    expect(row?.status._tag).toBe("met");
  });
});

describe("toQueryInput", () => {
  it("asks one indicator, in the province's own gazetteer, with the year and period start as options", () => {
    expect(
      toQueryInput({
        indicatorId: "coops.founded",
        validAt: "2019-08-08" as BusinessDate,
        period: { from: "2019-01-01" as BusinessDate, to: "2019-08-08" as BusinessDate },
        scope: { province: { code: "67" as never, gazetteer: "2008-08-01" } },
        options: { fundKind: "provincialSupportFund" },
      }),
    ).toEqual({
      validAt: "2019-08-08",
      scope: { province: "67" },
      geography: "2008-08-01",
      options: { fundKind: "provincialSupportFund", periodFrom: "2019-01-01" },
      indicators: ["coops.founded"],
    });
  });

  it("turns an unknown indicator or a rejected query into Unavailable, never an exception", () => {
    const source = figureSourceOf(buildIndex([]));
    const q = { validAt: "2020-01-01" as BusinessDate, scope: {} };
    expect(source({ ...q, indicatorId: "coops.nonsense" })._tag).toBe("Unavailable");
    expect(source({ ...q, indicatorId: "coops.active", options: { fiscalYear: 1 } })._tag).toBe(
      "Unavailable",
    );
  });
});
