import { describe, expect, it } from "vitest";
import { evolve, stateFromHistory } from "./evolve.js";
import { decide } from "./ledger-decider.js";
import { cmd, eid, found, given, on, outcome } from "./test-support/fixtures.js";

const retract = (id: string, streamId = "coop-htx-1") =>
  cmd("RetractEvent", { streamId, effectiveDate: "2023-02-01", retractedEventId: id, reason: "Ghi nhầm" });

describe("retraction (hủy bỏ sự kiện ghi nhầm)", () => {
  it("retracting a mistaken dissolution reopens the co-op", () => {
    const g = given([found(), on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" })]);
    expect(g.state._tag === "Coop" && g.state.status).toBe("dissolved");
    const after = given([
      found(),
      on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" }),
      retract(eid(2)),
    ]);
    expect(after.state._tag === "Coop" && after.state.status).toBe("active");
    expect(
      outcome(
        decide(on("ReportMembership", { effectiveDate: "2023-01-01", officialMembers: 8 }), after.state),
      ),
    ).toBe("accepted");
    // the same from recorded history
    expect(stateFromHistory(after.recorded)).toEqual(after.state);
  });

  it("stateFromHistory leaves out retracted events and keeps the rest in order", () => {
    const g = given([
      found(),
      on("DisburseLoan", {
        effectiveDate: "2020-01-01",
        loanId: "l-1",
        fundKind: "provincialSupportFund",
        principalVnd: 100,
        termMonths: 12,
      }),
      on("RepayLoan", { effectiveDate: "2020-06-01", loanId: "l-1", principalVnd: 40 }),
      retract(eid(3)),
    ]);
    const s = stateFromHistory(g.recorded);
    expect(s._tag === "Coop" && s.loans.get("l-1")?.outstandingVnd).toBe(100);
    expect(s.history.length).toBe(4);
    expect([...s.history.retracted]).toEqual([eid(3)]);
  });

  it("retracting the founding empties the stream; the co-op can be founded again", () => {
    const g = given([found(), retract(eid(1))]);
    expect(g.state._tag).toBe("Empty");
    expect(outcome(decide(found({ foundingMembers: 9 }), g.state))).toBe("accepted");
  });

  it("must name a live event of the stream, not a retraction", () => {
    const g = given([
      found(),
      on("ReportMembership", { effectiveDate: "2021-01-01", officialMembers: 9 }),
      retract(eid(2)),
    ]);
    expect(outcome(decide(retract(eid(99)), g.state))).toBe("UnknownEventToRetract");
    expect(outcome(decide(retract(eid(2)), g.state))).toBe("AlreadyRetracted");
    expect(outcome(decide(retract(eid(3)), g.state))).toBe("CannotRetractRetraction");
    expect(outcome(decide(retract(eid(1)), g.state))).toBe("accepted");
  });

  it("works on a terminated stream and on other stream kinds", () => {
    const fund = given([
      cmd("EstablishFund", {
        fundId: "qht-60",
        effectiveDate: "2021-01-01",
        kind: "provincialSupportFund",
        name: "Quỹ",
        charterCapitalVnd: 20_000_000_000,
      }),
      cmd("ChangeFundCapital", {
        fundId: "qht-60",
        effectiveDate: "2024-01-01",
        charterCapitalVnd: 50_000_000_000,
      }),
    ]);
    const after = given([
      ...[
        cmd("EstablishFund", {
          fundId: "qht-60",
          effectiveDate: "2021-01-01",
          kind: "provincialSupportFund",
          name: "Quỹ",
          charterCapitalVnd: 20_000_000_000,
        }),
        cmd("ChangeFundCapital", {
          fundId: "qht-60",
          effectiveDate: "2024-01-01",
          charterCapitalVnd: 50_000_000_000,
        }),
      ],
      retract(eid(2), "fund-qht-60"),
    ]);
    expect(fund.state._tag === "Fund" && fund.state.charterCapitalVnd).toBe(50_000_000_000);
    expect(after.state._tag === "Fund" && after.state.charterCapitalVnd).toBe(20_000_000_000);
  });

  it("a retraction evolved without ids (a pure fold) cannot find its target: nothing changes but the history", () => {
    const s = evolve(given([found()]).state, {
      type: "EventRetracted",
      schemaVersion: 1,
      data: { effectiveDate: "2023-01-01", retractedEventId: eid(7), reason: "x" },
    } as never);
    expect(s._tag).toBe("Coop");
  });

  it("retracting a later event lets a back-dated dissolution through", () => {
    const g = given([found(), on("ReportMembership", { effectiveDate: "2022-12-31", officialMembers: 9 })]);
    expect(
      outcome(decide(on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" }), g.state)),
    ).toBe("BackdatedTermination");
    const r = given([
      found(),
      on("ReportMembership", { effectiveDate: "2022-12-31", officialMembers: 9 }),
      retract(eid(2)),
    ]);
    expect(
      outcome(decide(on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" }), r.state)),
    ).toBe("accepted");
  });
});
