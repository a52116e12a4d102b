import { describe, expect, it } from "vitest";
import { decide } from "./ledger-decider.js";
import { initialState } from "./stream-state.js";
import { cmd, found, given, outcome } from "./test-support/fixtures.js";

const establish = (over: Record<string, unknown> = {}) =>
  cmd("EstablishFund", {
    fundId: "qht-60",
    effectiveDate: "2021-01-01",
    kind: "provincialSupportFund",
    name: "Quỹ hỗ trợ phát triển HTX tỉnh Bình Thuận",
    charterCapitalVnd: 20_000_000_000,
    ...over,
  });

describe("support fund (Quỹ hỗ trợ phát triển HTX)", () => {
  it("is established once, with a province in the gazetteer in force (both or neither)", () => {
    expect(outcome(decide(establish({ provinceCode: "60", gazetteer: "2008-08-01" }), initialState))).toBe(
      "accepted",
    );
    expect(outcome(decide(establish({ provinceCode: "60" }), initialState))).toBe("IncompleteLocation");
    expect(outcome(decide(establish({ provinceCode: "60", gazetteer: "2025-07-01" }), initialState))).toBe(
      "WrongGazetteer",
    );
    expect(outcome(decide(establish(), given([establish()]).state))).toBe("FundAlreadyEstablished");
    expect(outcome(decide(establish(), given([found()]).state))).toBe("StreamMismatch");
  });

  it("changes capital and receives applications only once established, not before", () => {
    const change = (effectiveDate: string) =>
      cmd("ChangeFundCapital", { fundId: "qht-60", effectiveDate, charterCapitalVnd: 50_000_000_000 });
    const apply = (applicationId: string) =>
      cmd("ReceiveLoanApplication", {
        fundId: "qht-60",
        effectiveDate: "2021-05-01",
        applicationId,
        coopId: "htx-1",
        requestedVnd: 300_000_000,
      });
    expect(outcome(decide(change("2024-01-01"), initialState))).toBe("FundNotFound");
    const g = given([establish(), apply("a-1")]);
    expect(outcome(decide(change("2020-12-31"), g.state))).toBe("EffectiveDateBeforeStart");
    expect(outcome(decide(change("2024-01-01"), g.state))).toBe("accepted");
    expect(outcome(decide(apply("a-1"), g.state))).toBe("DuplicateApplication");
    expect(outcome(decide(apply("a-2"), g.state))).toBe("accepted");
  });
});

describe("alliance activity (hoạt động Liên minh HTX)", () => {
  const activity = (over: Record<string, unknown> = {}) =>
    cmd("RecordAllianceActivity", {
      effectiveDate: "2021-03-01",
      provinceCode: "60",
      gazetteer: "2008-08-01",
      kind: "trainingClass",
      count: 2,
      ...over,
    });

  it("uses the gazetteer in force and stays on its province's stream", () => {
    const g = given([activity()]);
    expect(g.state._tag === "Alliance" && g.state.activities).toBe(2);
    expect(outcome(decide(activity({ effectiveDate: "2025-07-02" }), g.state))).toBe("WrongGazetteer");
    expect(outcome(decide(activity({ provinceCode: "17" }), g.state))).toBe("StreamMismatch");
    expect(outcome(decide(activity({ provinceCode: "17" }), initialState))).toBe("accepted");
    expect(
      outcome(
        decide(
          activity({ effectiveDate: "2025-08-01", provinceCode: "60", gazetteer: "2025-07-01" }),
          initialState,
        ),
      ),
    ).toBe("UnknownProvince");
  });
});
