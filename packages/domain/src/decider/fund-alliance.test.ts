import { describe, expect, it } from "vitest";
import { given } from "../spec/given.js";
import { cmd, event, founded } from "./test-support/fixtures.js";

const FUND = {
  fundId: "qht-60",
  effectiveDate: "2021-01-01",
  kind: "provincialSupportFund",
  name: "Quỹ hỗ trợ phát triển HTX tỉnh Bình Thuận",
  charterCapitalVnd: 20_000_000_000,
};
const establish = (over: Record<string, unknown> = {}) => cmd("EstablishFund", { ...FUND, ...over });
const established = event("FundEstablished", FUND);

describe("support fund (Quỹ hỗ trợ phát triển HTX)", () => {
  it("is established once, with a province in the gazetteer in force (both or neither)", () => {
    given([])
      .when(establish({ provinceCode: "60", gazetteer: "2008-08-01" }))
      .then([event("FundEstablished", { ...FUND, provinceCode: "60", gazetteer: "2008-08-01" })]);
    given([])
      .when(establish({ provinceCode: "60" }))
      .thenError("IncompleteLocation");
    given([])
      .when(establish({ provinceCode: "60", gazetteer: "2025-07-01" }))
      .thenError("WrongGazetteer");
    given([established]).when(establish()).thenError("FundAlreadyEstablished");
    given([founded()]).when(establish()).thenError("StreamMismatch");
  });

  it("changes capital and receives applications only once established, not before", () => {
    const change = (effectiveDate: string) =>
      cmd("ChangeFundCapital", { fundId: "qht-60", effectiveDate, charterCapitalVnd: 50_000_000_000 });
    const application = (applicationId: string) => ({
      fundId: "qht-60",
      effectiveDate: "2021-05-01",
      applicationId,
      coopId: "htx-1",
      requestedVnd: 300_000_000,
    });
    const apply = (applicationId: string) => cmd("ReceiveLoanApplication", application(applicationId));
    given([]).when(change("2024-01-01")).thenError("FundNotFound");
    const fund = [established, event("LoanApplicationReceived", application("a-1"))];
    given(fund).when(change("2020-12-31")).thenError("EffectiveDateBeforeStart");
    given(fund)
      .when(change("2024-01-01"))
      .then([
        event("FundCapitalChanged", {
          fundId: "qht-60",
          effectiveDate: "2024-01-01",
          charterCapitalVnd: 50_000_000_000,
        }),
      ]);
    given(fund).when(apply("a-1")).thenError("DuplicateApplication");
    given(fund)
      .when(apply("a-2"))
      .then([event("LoanApplicationReceived", application("a-2"))]);
  });
});

describe("alliance activity (hoạt động Liên minh HTX)", () => {
  const ACTIVITY = {
    effectiveDate: "2021-03-01",
    provinceCode: "60",
    gazetteer: "2008-08-01",
    kind: "trainingClass",
    count: 2,
  };
  const activity = (over: Record<string, unknown> = {}) =>
    cmd("RecordAllianceActivity", { ...ACTIVITY, ...over });
  const recorded = event("AllianceActivityRecorded", ACTIVITY);

  it("uses the gazetteer in force and stays on its province's stream", () => {
    given([]).when(activity()).then([recorded]);
    given([recorded])
      .when(activity({ effectiveDate: "2025-07-02" }))
      .thenError("WrongGazetteer");
    given([recorded])
      .when(activity({ provinceCode: "17" }))
      .thenError("StreamMismatch");
    given([])
      .when(activity({ provinceCode: "17" }))
      .thenAccepted();
    given([])
      .when(activity({ effectiveDate: "2025-08-01", provinceCode: "60", gazetteer: "2025-07-01" }))
      .thenError("UnknownProvince");
  });

  it("counts the activities of its province", () => {
    const s = given([recorded, event("AllianceActivityRecorded", { ...ACTIVITY, count: 3 })]).state;
    expect(s._tag === "Alliance" && s.activities).toBe(5);
  });
});
