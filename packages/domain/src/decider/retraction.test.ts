import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events/domain-event.js";
import type { RecordedEvent } from "../events/recorded-event.js";
import { givenEventId } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import type { StreamId } from "../values/stream-id.js";
import type { Instant } from "../values/time.js";
import { evolve, stateFromHistory } from "./evolve.js";
import { cmd, event, found, founded, happened, on } from "./test-support/fixtures.js";

const retract = (id: string, streamId = "coop-htx-1") =>
  cmd("RetractEvent", { streamId, effectiveDate: "2023-02-01", retractedEventId: id, reason: "Ghi nhầm" });
const retracted = (id: string) =>
  event("EventRetracted", { effectiveDate: "2023-02-01", retractedEventId: id, reason: "Ghi nhầm" });
const dissolution = happened("CoopDissolved", { effectiveDate: "2022-06-01", mode: "voluntary" });
const report = (effectiveDate: string, officialMembers = 9) =>
  on("ReportMembership", { effectiveDate, officialMembers });
const reported = (effectiveDate: string, officialMembers = 9) =>
  happened("MembershipReported", { effectiveDate, officialMembers });

/** A stream as recorded, with the ids `given` gives its events (for stateFromHistory). */
const recorded = (events: ReadonlyArray<DomainEvent>): RecordedEvent[] =>
  events.map((e, i) => ({
    eventId: givenEventId(i + 1),
    streamId: "coop-htx-1" as StreamId,
    revision: i,
    position: i,
    event: e,
    metadata: { recordedAt: "2030-01-01T00:00:00.000Z" as Instant },
  }));

describe("retraction (hủy bỏ sự kiện ghi nhầm)", () => {
  it("retracts a live event of the stream, by its id", () => {
    given([founded(), dissolution])
      .when(retract(givenEventId(2)))
      .then([retracted(givenEventId(2))]);
  });

  it("retracting a mistaken dissolution reopens the co-op", () => {
    given([founded(), dissolution]).when(report("2023-01-01")).thenError("CoopTerminated");
    const after = [founded(), dissolution, retracted(givenEventId(2))];
    given(after).when(report("2023-01-01")).thenAccepted();
    // the same from recorded history
    expect(stateFromHistory(recorded(after))).toEqual(given(after).state);
  });

  it("stateFromHistory leaves out retracted events and keeps the rest in order", () => {
    const s = stateFromHistory(
      recorded([
        founded(),
        happened("LoanDisbursed", {
          effectiveDate: "2020-01-01",
          loanId: "l-1",
          fundKind: "provincialSupportFund",
          principalVnd: 100,
          termMonths: 12,
          maturityDate: "2021-01-01",
        }),
        happened("LoanRepaid", { effectiveDate: "2020-06-01", loanId: "l-1", principalVnd: 40 }),
        retracted(givenEventId(3)),
      ]),
    );
    expect(s._tag === "Coop" && s.loans.get("l-1")?.outstandingVnd).toBe(100);
    expect(s.history.length).toBe(4);
    expect([...s.history.retracted]).toEqual([givenEventId(3)]);
  });

  it("retracting the founding empties the stream; the co-op can be founded again", () => {
    const emptied = [founded(), retracted(givenEventId(1))];
    given(emptied).when(report("2021-01-01")).thenError("CoopNotFound");
    given(emptied)
      .when(found({ foundingMembers: 9 }))
      .thenAccepted();
  });

  it("must name a live event of the stream, not a retraction", () => {
    const g = given([founded(), reported("2021-01-01"), retracted(givenEventId(2))]);
    g.when(retract(givenEventId(99))).thenError("UnknownEventToRetract");
    g.when(retract(givenEventId(2))).thenError("AlreadyRetracted");
    g.when(retract(givenEventId(3))).thenError("CannotRetractRetraction");
    g.when(retract(givenEventId(1))).thenAccepted();
  });

  it("works on a terminated stream and on other stream kinds", () => {
    given([founded(), dissolution])
      .when(retract(givenEventId(1)))
      .thenAccepted();
    const fund = [
      event("FundEstablished", {
        fundId: "qht-60",
        effectiveDate: "2021-01-01",
        kind: "provincialSupportFund",
        name: "Quỹ",
        charterCapitalVnd: 20_000_000_000,
      }),
      event("FundCapitalChanged", {
        fundId: "qht-60",
        effectiveDate: "2024-01-01",
        charterCapitalVnd: 50_000_000_000,
      }),
    ];
    given(fund)
      .when(retract(givenEventId(2), "fund-qht-60"))
      .then([retracted(givenEventId(2))]);
    const before = given(fund).state;
    const after = given([...fund, retracted(givenEventId(2))]).state;
    expect(before._tag === "Fund" && before.charterCapitalVnd).toBe(50_000_000_000);
    expect(after._tag === "Fund" && after.charterCapitalVnd).toBe(20_000_000_000);
  });

  it("a retraction evolved without ids (a pure fold) cannot find its target: nothing changes but the history", () => {
    const s = evolve(given([founded()]).state, retracted(givenEventId(7)));
    expect(s._tag).toBe("Coop");
  });

  it("retracting a later event lets a back-dated dissolution through", () => {
    const dissolve = on("DissolveCoop", { effectiveDate: "2022-06-01", mode: "voluntary" });
    given([founded(), reported("2022-12-31")])
      .when(dissolve)
      .thenError("BackdatedTermination");
    given([founded(), reported("2022-12-31"), retracted(givenEventId(2))])
      .when(dissolve)
      .thenAccepted();
  });
});
