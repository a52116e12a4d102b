import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decide, decideWithWarnings } from "./ledger-decider.js";
import { found, given, on, outcome, refusal } from "./test-support/fixtures.js";

const dissolved = () =>
  given([found(), on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" })]);

describe("dissolution (giải thể) is terminal", () => {
  it("refuses loans, alliance, ratings, OCOP... after dissolution, naming the status and date", () => {
    const g = dissolved();
    const attempts = [
      on("DisburseLoan", {
        effectiveDate: "2023-01-01",
        loanId: "l-1",
        fundKind: "provincialSupportFund",
        principalVnd: 1,
        termMonths: 12,
      }),
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
      const e = refusal(decide(c, g.state));
      expect(e).toMatchObject({
        _tag: "CoopTerminated",
        status: "dissolved",
        since: "2022-06-01",
        action: c.type,
      });
      expect(e.message).toMatch(/art\. 54/);
    }
  });

  it("accepts facts effective before the dissolution that were recorded late (valid time decides)", () => {
    const g = dissolved();
    expect(
      outcome(decide(on("ReportMembership", { effectiveDate: "2021-12-31", officialMembers: 7 }), g.state)),
    ).toBe("accepted");
    expect(
      outcome(decide(on("ReportMembership", { effectiveDate: "2022-06-01", officialMembers: 7 }), g.state)),
    ).toBe("accepted");
    expect(
      outcome(decide(on("ReportMembership", { effectiveDate: "2022-06-02", officialMembers: 7 }), g.state)),
    ).toBe("CoopTerminated");
    const report = on("FileAnnualReport", {
      effectiveDate: "2022-03-31",
      fiscalYear: 2021,
      charterCapitalVnd: 1,
      totalAssetsVnd: 1,
      revenueVnd: 1,
      profitVnd: 0,
    });
    expect(outcome(decide(report, g.state))).toBe("accepted");
    // but nothing that changes the co-op's existence or status, whatever its date
    for (const c of [
      on("SuspendCoop", { effectiveDate: "2021-01-01" }),
      on("DissolveCoop", { effectiveDate: "2021-01-01", mode: "voluntary" }),
    ]) {
      expect(outcome(decide(c, g.state))).toBe("CoopTerminated");
    }
    const s = g.state;
    expect(s._tag === "Coop" && s.status).toBe("dissolved");
  });

  it("a compulsory dissolution names its ground (Law 23/2012/QH13 art. 54(2))", () => {
    const g = given([found()]);
    expect(
      outcome(decide(on("DissolveCoop", { effectiveDate: "2022-01-01", mode: "compulsory" }), g.state)),
    ).toBe("MissingDissolutionGround");
    expect(
      outcome(decide(on("StartDissolution", { effectiveDate: "2022-01-01", mode: "compulsory" }), g.state)),
    ).toBe("MissingDissolutionGround");
    expect(
      outcome(
        decide(
          on("DissolveCoop", { effectiveDate: "2022-01-01", mode: "compulsory", ground: "courtDecision" }),
          g.state,
        ),
      ),
    ).toBe("accepted");
  });

  it("a back-dated dissolution may not precede events already effective later, and names them", () => {
    const g = given([
      found(),
      on("ReportMembership", { effectiveDate: "2021-12-31", officialMembers: 9 }),
      on("AppointManager", {
        effectiveDate: "2022-03-01",
        managerId: "m-1",
        role: "director",
        birthDate: "1980-01-01",
        qualification: "college",
      }),
    ]);
    const e = refusal(
      decide(on("DissolveCoop", { effectiveDate: "2021-06-01", mode: "voluntary" }), g.state),
    );
    expect(e._tag).toBe("BackdatedTermination");
    if (e._tag === "BackdatedTermination") {
      expect(e.laterEvents.map((x) => [x.type, x.effectiveDate, x.eventId])).toEqual([
        ["MembershipReported", "2021-12-31", g.recorded[1]?.eventId],
        ["ManagerAppointed", "2022-03-01", g.recorded[2]?.eventId],
      ]);
      expect(e.message).toContain(String(g.recorded[1]?.eventId));
    }
    expect(
      outcome(decide(on("DissolveCoop", { effectiveDate: "2022-03-01", mode: "voluntary" }), g.state)),
    ).toBe("accepted");
  });

  it("dissolution proceedings forbid starting anything new but allow reports and the dissolution", () => {
    const g = given([found(), on("StartDissolution", { effectiveDate: "2022-01-01", mode: "voluntary" })]);
    expect(
      outcome(
        decide(
          on("DisburseLoan", {
            effectiveDate: "2022-02-01",
            loanId: "l-1",
            fundKind: "provincialSupportFund",
            principalVnd: 1,
            termMonths: 12,
          }),
          g.state,
        ),
      ),
    ).toBe("StatusForbids");
    expect(
      outcome(decide(on("StartDissolution", { effectiveDate: "2022-02-01", mode: "voluntary" }), g.state)),
    ).toBe("DissolutionAlreadyStarted");
    expect(
      outcome(decide(on("ReportMembership", { effectiveDate: "2022-02-01", officialMembers: 7 }), g.state)),
    ).toBe("accepted");
    expect(
      outcome(decide(on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" }), g.state)),
    ).toBe("accepted");
  });
});

describe("effective dates", () => {
  it("are never before founding", () => {
    const g = given([found()]);
    const e = refusal(
      decide(on("ReportMembership", { effectiveDate: "2019-02-28", officialMembers: 7 }), g.state),
    );
    expect(e).toMatchObject({ _tag: "EffectiveDateBeforeFounding", foundedOn: "2019-03-01" });
    expect(
      outcome(decide(on("ReportMembership", { effectiveDate: "2019-03-01", officialMembers: 7 }), g.state)),
    ).toBe("accepted");
  });

  it("a command for a co-op never founded is refused", () => {
    expect(
      outcome(
        decide(on("ReportMembership", { effectiveDate: "2020-01-01", officialMembers: 7 }), given([]).state),
      ),
    ).toBe("CoopNotFound");
  });

  it("every co-op command is refused on a stream holding another co-op", () => {
    const g = given([found()]);
    const e = decide(
      {
        ...on("ResumeCoop", { effectiveDate: "2020-01-01" }),
        data: { coopId: "htx-2", effectiveDate: "2020-01-01" },
      } as never,
      g.state,
    );
    expect(outcome(e)).toBe("StreamMismatch");
  });
});

describe("suspension (tạm ngừng hoạt động)", () => {
  it("suspend → resume; no double suspension, no resume when active; no loans while suspended", () => {
    const g = given([found(), on("SuspendCoop", { effectiveDate: "2021-01-01" })]);
    expect(outcome(decide(on("SuspendCoop", { effectiveDate: "2021-02-01" }), g.state))).toBe(
      "StatusForbids",
    );
    expect(
      outcome(
        decide(
          on("DisburseLoan", {
            effectiveDate: "2021-02-01",
            loanId: "l-1",
            fundKind: "provincialSupportFund",
            principalVnd: 1,
            termMonths: 12,
          }),
          g.state,
        ),
      ),
    ).toBe("StatusForbids");
    const resumed = given([
      found(),
      on("SuspendCoop", { effectiveDate: "2021-01-01" }),
      on("ResumeCoop", { effectiveDate: "2021-06-01" }),
    ]);
    expect(resumed.state._tag === "Coop" && resumed.state.status).toBe("active");
    expect(outcome(decide(on("ResumeCoop", { effectiveDate: "2021-07-01" }), resumed.state))).toBe(
      "NotSuspended",
    );
    expect(
      outcome(
        decide(
          on("SuspendCoop", { effectiveDate: "2021-01-01", until: "2020-12-31" }),
          given([found()]).state,
        ),
      ),
    ).toBe("EffectiveDateBeforeStart");
  });
});

describe("conformance to a law (đăng ký lại / sửa đổi điều lệ)", () => {
  const old = () => given([found({ effectiveDate: "2010-05-01" })]);

  it("a 2003-era co-op conforms to the 2012 law from 2013-07-01, not before", () => {
    const s = old().state;
    expect(s._tag === "Coop" && s.lawRegime).toBe("2003");
    expect(
      outcome(
        decide(
          on("ConformToLaw", { effectiveDate: "2013-06-30", law: "2012", method: "reRegistered" }),
          old().state,
        ),
      ),
    ).toBe("LawNotInForce");
    const r = decideWithWarnings(
      on("ConformToLaw", { effectiveDate: "2013-07-01", law: "2012", method: "reRegistered" }),
      old().state,
    );
    expect(E.isRight(r) && r.right.warnings).toEqual([]);
  });

  it("late conformance (after 2016-06-30) is accepted with a warning", () => {
    const r = decideWithWarnings(
      on("ConformToLaw", { effectiveDate: "2016-07-01", law: "2012", method: "charterAmended" }),
      old().state,
    );
    expect(E.isRight(r) && r.right.warnings.map((w) => w._tag)).toEqual(["LateConformance"]);
    const onTime = decideWithWarnings(
      on("ConformToLaw", { effectiveDate: "2016-06-30", law: "2012", method: "charterAmended" }),
      old().state,
    );
    expect(E.isRight(onTime) && onTime.right.warnings).toEqual([]);
  });

  it("a co-op founded under the 2012 law cannot conform to it again; it conforms to 2023 from 2024-07-01", () => {
    const g = given([found()]);
    expect(
      outcome(
        decide(
          on("ConformToLaw", { effectiveDate: "2020-01-01", law: "2012", method: "reRegistered" }),
          g.state,
        ),
      ),
    ).toBe("AlreadyUnderLaw");
    expect(
      outcome(
        decide(
          on("ConformToLaw", { effectiveDate: "2024-06-30", law: "2023", method: "charterAmended" }),
          g.state,
        ),
      ),
    ).toBe("LawNotInForce");
    const r = decideWithWarnings(
      on("ConformToLaw", { effectiveDate: "2026-01-01", law: "2023", method: "charterAmended" }),
      g.state,
    );
    expect(E.isRight(r) && r.right.warnings.map((w) => w._tag)).toEqual(["LateConformance"]);
  });
});

describe("alliance membership (Liên minh HTX)", () => {
  it("joins its own province's alliance once, in the gazetteer in force; leaves only when a member", () => {
    const g = given([found()]);
    expect(
      outcome(
        decide(
          on("JoinAlliance", {
            effectiveDate: "2020-05-01",
            allianceProvinceCode: "68",
            allianceGazetteer: "2008-08-01",
          }),
          g.state,
        ),
      ),
    ).toBe("AllianceProvinceMismatch");
    expect(
      outcome(
        decide(
          on("JoinAlliance", {
            effectiveDate: "2025-07-01",
            allianceProvinceCode: "60",
            allianceGazetteer: "2008-08-01",
          }),
          g.state,
        ),
      ),
    ).toBe("WrongGazetteer");
    // after the 2025 reform Bình Thuận 60 is part of Lâm Đồng 68: its alliance is 68's
    expect(
      outcome(
        decide(
          on("JoinAlliance", {
            effectiveDate: "2025-07-01",
            allianceProvinceCode: "68",
            allianceGazetteer: "2025-07-01",
          }),
          g.state,
        ),
      ),
    ).toBe("accepted");
    expect(outcome(decide(on("LeaveAlliance", { effectiveDate: "2020-05-01" }), g.state))).toBe(
      "NotAllianceMember",
    );
    const member = given([
      found(),
      on("JoinAlliance", {
        effectiveDate: "2020-05-01",
        allianceProvinceCode: "60",
        allianceGazetteer: "2008-08-01",
      }),
    ]);
    expect(
      outcome(
        decide(
          on("JoinAlliance", {
            effectiveDate: "2021-05-01",
            allianceProvinceCode: "60",
            allianceGazetteer: "2008-08-01",
          }),
          member.state,
        ),
      ),
    ).toBe("AlreadyAllianceMember");
    expect(outcome(decide(on("LeaveAlliance", { effectiveDate: "2021-05-01" }), member.state))).toBe(
      "accepted",
    );
  });
});

describe("conversion (chuyển đổi) and head office", () => {
  it("conversion changes the form and ends the stream", () => {
    const g = given([found({ form: "group", foundingMembers: 3 })]);
    expect(
      outcome(
        decide(
          on("ConvertCoop", { effectiveDate: "2021-01-01", toCoopId: "htx-9", toForm: "group" }),
          g.state,
        ),
      ),
    ).toBe("SameForm");
    const converted = given([
      found({ form: "group", foundingMembers: 3 }),
      on("ConvertCoop", { effectiveDate: "2021-01-01", toCoopId: "htx-9", toForm: "cooperative" }),
    ]);
    expect(
      outcome(
        decide(on("ReportMembership", { effectiveDate: "2021-02-01", officialMembers: 3 }), converted.state),
      ),
    ).toBe("CoopTerminated");
  });

  it("a head office is re-recorded in the 2025 gazetteer after the reform", () => {
    const g = given([
      found(),
      on("MoveHeadOffice", {
        effectiveDate: "2025-07-01",
        location: { gazetteer: "2025-07-01", provinceCode: "68" },
      }),
    ]);
    expect(g.state._tag === "Coop" && g.state.location).toEqual({
      gazetteer: "2025-07-01",
      provinceCode: "68",
    });
  });
});
