import { describe, expect, it } from "vitest";
import { givenEventId } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import { founded, happened, on } from "./test-support/fixtures.js";

const dissolved = [founded(), happened("CoopDissolved", { effectiveDate: "2022-06-01", mode: "voluntary" })];
const report = (effectiveDate: string, officialMembers = 7) =>
  on("ReportMembership", { effectiveDate, officialMembers });
const loan = (effectiveDate: string) =>
  on("DisburseLoan", {
    effectiveDate,
    loanId: "l-1",
    fundKind: "provincialSupportFund",
    principalVnd: 1,
    termMonths: 12,
  });

describe("dissolution (giải thể) is terminal", () => {
  it("refuses loans, alliance, ratings, OCOP... after dissolution, naming the status and date", () => {
    const attempts = [
      loan("2023-01-01"),
      on("JoinAlliance", {
        effectiveDate: "2023-01-01",
        allianceProvinceCode: "60",
        allianceGazetteer: "2008-08-01",
      }),
      on("AssessCoop", {
        effectiveDate: "2023-01-01",
        year: 2021,
        scheme: "circular-01-2020-TT-BKHDT",
        score: 90,
      }),
      on("CertifyOcop", {
        effectiveDate: "2023-01-01",
        productId: "p-1",
        productName: "Thanh long",
        score: 90,
      }),
      on("ResumeCoop", { effectiveDate: "2023-01-01" }),
      on("DissolveCoop", { effectiveDate: "2023-01-01", mode: "voluntary" }),
    ];
    for (const c of attempts) {
      given(dissolved)
        .when(c)
        .thenError("CoopTerminated", (e) => {
          expect(e).toMatchObject({ status: "dissolved", since: "2022-06-01", action: c.type });
          expect(e.message).toMatch(/art\. 54/);
        });
    }
  });

  it("accepts facts effective before the dissolution that were recorded late (valid time decides)", () => {
    given(dissolved)
      .when(report("2021-12-31"))
      .then([happened("MembershipReported", { effectiveDate: "2021-12-31", officialMembers: 7 })]);
    given(dissolved).when(report("2022-06-01")).thenAccepted();
    given(dissolved).when(report("2022-06-02")).thenError("CoopTerminated");
    given(dissolved)
      .when(
        on("FileAnnualReport", {
          effectiveDate: "2022-03-31",
          fiscalYear: 2021,
          charterCapitalVnd: 1,
          totalAssetsVnd: 1,
          revenueVnd: 1,
          profitVnd: 0,
        }),
      )
      .thenAccepted();
  });

  it("refuses whatever changes the co-op's existence or status, whatever its date", () => {
    given(dissolved)
      .when(on("SuspendCoop", { effectiveDate: "2021-01-01" }))
      .thenError("CoopTerminated");
    given(dissolved)
      .when(on("DissolveCoop", { effectiveDate: "2021-01-01", mode: "voluntary" }))
      .thenError("CoopTerminated");
  });

  it("a compulsory dissolution names its ground (Law 23/2012/QH13 art. 54(2))", () => {
    given([founded()])
      .when(on("DissolveCoop", { effectiveDate: "2022-01-01", mode: "compulsory" }))
      .thenError("MissingDissolutionGround");
    given([founded()])
      .when(on("StartDissolution", { effectiveDate: "2022-01-01", mode: "compulsory" }))
      .thenError("MissingDissolutionGround");
    given([founded()])
      .when(on("DissolveCoop", { effectiveDate: "2022-01-01", mode: "compulsory", ground: "courtDecision" }))
      .then([
        happened("CoopDissolved", {
          effectiveDate: "2022-01-01",
          mode: "compulsory",
          ground: "courtDecision",
        }),
      ]);
  });

  it("a back-dated dissolution may not precede events already effective later, and names them", () => {
    const history = [
      founded(),
      happened("MembershipReported", { effectiveDate: "2021-12-31", officialMembers: 9 }),
      happened("ManagerAppointed", {
        effectiveDate: "2022-03-01",
        managerId: "m-1",
        role: "director",
        birthDate: "1980-01-01",
        qualification: "college",
      }),
    ];
    given(history)
      .when(on("DissolveCoop", { effectiveDate: "2021-06-01", mode: "voluntary" }))
      .thenError("BackdatedTermination", (e) => {
        expect(e.laterEvents.map((x) => [x.type, x.effectiveDate, x.eventId])).toEqual([
          ["MembershipReported", "2021-12-31", givenEventId(2)],
          ["ManagerAppointed", "2022-03-01", givenEventId(3)],
        ]);
        expect(e.message).toContain(givenEventId(2));
      });
    given(history)
      .when(on("DissolveCoop", { effectiveDate: "2022-03-01", mode: "voluntary" }))
      .thenAccepted();
  });

  it("dissolution proceedings forbid starting anything new but allow reports and the dissolution", () => {
    const dissolving = [
      founded(),
      happened("DissolutionStarted", { effectiveDate: "2022-01-01", mode: "voluntary" }),
    ];
    given(dissolving).when(loan("2022-02-01")).thenError("StatusForbids");
    given(dissolving)
      .when(on("StartDissolution", { effectiveDate: "2022-02-01", mode: "voluntary" }))
      .thenError("DissolutionAlreadyStarted");
    given(dissolving).when(report("2022-02-01")).thenAccepted();
    given(dissolving)
      .when(on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" }))
      .thenAccepted();
  });
});

describe("effective dates", () => {
  it("are never before founding", () => {
    given([founded()])
      .when(report("2019-02-28"))
      .thenError("EffectiveDateBeforeFounding", { foundedOn: "2019-03-01" } as never);
    given([founded()]).when(report("2019-03-01")).thenAccepted();
  });

  it("a command for a co-op never founded is refused", () => {
    given([]).when(report("2020-01-01")).thenError("CoopNotFound");
  });

  it("every co-op command is refused on a stream holding another co-op", () => {
    given([founded()])
      .when(on("ResumeCoop", { coopId: "htx-2", effectiveDate: "2020-01-01" }))
      .thenError("StreamMismatch");
  });
});

describe("suspension (tạm ngừng hoạt động)", () => {
  const suspended = [founded(), happened("CoopSuspended", { effectiveDate: "2021-01-01" })];

  it("suspend → resume; no double suspension, no resume when active; no loans while suspended", () => {
    given(suspended)
      .when(on("SuspendCoop", { effectiveDate: "2021-02-01" }))
      .thenError("StatusForbids");
    given(suspended).when(loan("2021-02-01")).thenError("StatusForbids");
    given(suspended)
      .when(on("ResumeCoop", { effectiveDate: "2021-06-01" }))
      .then([happened("CoopResumed", { effectiveDate: "2021-06-01" })]);
    const resumed = [...suspended, happened("CoopResumed", { effectiveDate: "2021-06-01" })];
    given(resumed)
      .when(on("ResumeCoop", { effectiveDate: "2021-07-01" }))
      .thenError("NotSuspended");
    given(resumed).when(loan("2021-07-01")).thenAccepted();
    given([founded()])
      .when(on("SuspendCoop", { effectiveDate: "2021-01-01", until: "2020-12-31" }))
      .thenError("EffectiveDateBeforeStart");
  });
});

describe("conformance to a law (đăng ký lại / sửa đổi điều lệ)", () => {
  const old = [founded({ effectiveDate: "2010-05-01" })];
  const conform = (effectiveDate: string, law: string, method = "reRegistered") =>
    on("ConformToLaw", { effectiveDate, law, method });

  it("a 2003-era co-op conforms to the 2012 law from 2013-07-01, not before", () => {
    given(old).when(conform("2013-06-30", "2012")).thenError("LawNotInForce");
    given(old).when(conform("2013-07-01", "2012")).thenWarnings([]);
  });

  it("late conformance (after 2016-06-30) is accepted with a warning", () => {
    given(old)
      .when(conform("2016-07-01", "2012", "charterAmended"))
      .thenWarnings([{ _tag: "LateConformance", deadline: "2016-06-30" } as never]);
    given(old)
      .when(conform("2016-06-30", "2012", "charterAmended"))
      .thenWarnings([]);
  });

  it("a co-op founded under the 2012 law cannot conform to it again; it conforms to 2023 from 2024-07-01", () => {
    given([founded()]).when(conform("2020-01-01", "2012")).thenError("AlreadyUnderLaw");
    given([founded()])
      .when(conform("2024-06-30", "2023", "charterAmended"))
      .thenError("LawNotInForce");
    given([founded()])
      .when(conform("2026-01-01", "2023", "charterAmended"))
      .thenWarnings([{ _tag: "LateConformance" }]);
  });
});

describe("alliance membership (Liên minh HTX)", () => {
  const join = (effectiveDate: string, allianceProvinceCode: string, allianceGazetteer = "2008-08-01") =>
    on("JoinAlliance", { effectiveDate, allianceProvinceCode, allianceGazetteer });

  it("joins its own province's alliance, in the gazetteer in force", () => {
    given([founded()]).when(join("2020-05-01", "68")).thenError("AllianceProvinceMismatch");
    given([founded()]).when(join("2025-07-01", "60")).thenError("WrongGazetteer");
    // after the 2025 reform Bình Thuận 60 is part of Lâm Đồng 68: its alliance is 68's
    given([founded()])
      .when(join("2025-07-01", "68", "2025-07-01"))
      .thenAccepted();
  });

  it("joins once; leaves only when a member", () => {
    given([founded()])
      .when(on("LeaveAlliance", { effectiveDate: "2020-05-01" }))
      .thenError("NotAllianceMember");
    const member = [
      founded(),
      happened("CoopJoinedAlliance", {
        effectiveDate: "2020-05-01",
        allianceProvinceCode: "60",
        allianceGazetteer: "2008-08-01",
      }),
    ];
    given(member).when(join("2021-05-01", "60")).thenError("AlreadyAllianceMember");
    given(member)
      .when(on("LeaveAlliance", { effectiveDate: "2021-05-01" }))
      .then([happened("CoopLeftAlliance", { effectiveDate: "2021-05-01" })]);
  });
});

describe("conversion (chuyển đổi) and head office", () => {
  it("conversion changes the form and ends the stream", () => {
    const group = founded({ form: "group", foundingMembers: 3 });
    given([group])
      .when(on("ConvertCoop", { effectiveDate: "2021-01-01", toCoopId: "htx-9", toForm: "group" }))
      .thenError("SameForm");
    const converted = [
      group,
      happened("CoopConverted", { effectiveDate: "2021-01-01", toCoopId: "htx-9", toForm: "cooperative" }),
    ];
    given(converted).when(report("2021-02-01", 3)).thenError("CoopTerminated");
  });

  it("a head office is re-recorded in the 2025 gazetteer after the reform, and the co-op then lives there", () => {
    const location = { gazetteer: "2025-07-01", provinceCode: "68" };
    given([founded()])
      .when(on("MoveHeadOffice", { effectiveDate: "2025-07-01", location }))
      .then([happened("HeadOfficeMoved", { effectiveDate: "2025-07-01", location })]);
    const moved = [founded(), happened("HeadOfficeMoved", { effectiveDate: "2025-07-01", location })];
    // its alliance is now the new province's, in the new gazetteer
    given(moved)
      .when(
        on("JoinAlliance", {
          effectiveDate: "2025-08-01",
          allianceProvinceCode: "68",
          allianceGazetteer: "2025-07-01",
        }),
      )
      .thenAccepted();
    given(moved)
      .when(
        on("JoinAlliance", {
          effectiveDate: "2025-08-01",
          allianceProvinceCode: "25",
          allianceGazetteer: "2025-07-01",
        }),
      )
      .thenError("AllianceProvinceMismatch");
  });
});
