import { describe, expect, it } from "vitest";
import type { Command } from "../commands/command.js";
import { founded as foundedEvent, happened, on } from "../decider/test-support/fixtures.js";
import type { DomainEvent } from "../events/domain-event.js";
import { DeciderSpecFailure, givenEventId } from "./decider-spec.js";
import { given } from "./given.js";

const founded = foundedEvent();
const suspended = happened("CoopSuspended", { effectiveDate: "2020-01-01" });
const resume = on("ResumeCoop", { effectiveDate: "2020-06-01" }) as Command;

describe("given/when/then decider specifications", () => {
  it("passes when the decider emits the expected events", () => {
    given([founded, suspended])
      .when(resume)
      .then([
        {
          type: "CoopResumed",
          schemaVersion: 1,
          data: { coopId: "htx-1", effectiveDate: "2020-06-01" },
        } as unknown as DomainEvent,
      ]);
  });

  it("passes when the decider refuses with the expected tag and fields", () => {
    given([founded])
      .when(resume)
      .thenError("NotSuspended", { status: "active" } as never);
  });

  it("fails readably: the message names the given events, the command and what the decider did", () => {
    let message = "";
    try {
      given([founded]).when(resume).then([]);
    } catch (e) {
      expect(e).toBeInstanceOf(DeciderSpecFailure);
      message = (e as Error).message;
    }
    expect(message).toMatch(/Given 1 event\(s\): CoopFounded \(2019-03-01\)/);
    expect(message).toMatch(/When \{[\s\S]*ResumeCoop/);
    expect(message).toMatch(/the decider refused: NotSuspended/);
  });

  it("fails when the expected error differs", () => {
    expect(() => given([founded, suspended]).when(resume).thenError("CoopTerminated")).toThrow(
      /expected error CoopTerminated\nbut the decider emitted/,
    );
  });
});

describe("the rest of the given/when/then vocabulary", () => {
  const resumed = {
    type: "CoopResumed",
    schemaVersion: 1,
    data: { effectiveDate: "2020-06-01", coopId: "htx-1" },
  } as unknown as DomainEvent;

  it("then: equal events whatever their key order; different events fail", () => {
    given([founded, suspended]).when(resume).then([resumed]);
    expect(() =>
      given([founded, suspended])
        .when(resume)
        .then([{ ...resumed, schemaVersion: 2 } as DomainEvent]),
    ).toThrow(DeciderSpecFailure);
  });

  it("thenAccepted passes on any acceptance and fails on a refusal", () => {
    given([founded, suspended]).when(resume).thenAccepted();
    expect(() => given([founded]).when(resume).thenAccepted()).toThrow(/expected the command accepted/);
  });

  it("thenError: a differing field fails and is named; a check function gets the narrowed error", () => {
    expect(() =>
      given([founded])
        .when(resume)
        .thenError("NotSuspended", { status: "dissolved" } as never),
    ).toThrow(/fields differ: status/);
    let seen = "";
    given([founded])
      .when(resume)
      .thenError("NotSuspended", (e) => {
        seen = e.action;
      });
    expect(seen).toBe("ResumeCoop");
    expect(() =>
      given([founded])
        .when(resume)
        .thenError("NotSuspended", () => {
          throw new Error("check failed");
        }),
    ).toThrow("check failed");
  });

  it("thenEvents runs the check on an acceptance and fails on a refusal", () => {
    let count = 0;
    given([founded, suspended])
      .when(resume)
      .thenEvents((events) => {
        count = events.length;
      });
    expect(count).toBe(1);
    expect(() =>
      given([founded])
        .when(resume)
        .thenEvents(() => {}),
    ).toThrow(DeciderSpecFailure);
  });

  it("thenWarnings: exact warnings by their fields; [] means none; a refusal fails", () => {
    const late = {
      type: "ConformToLaw",
      data: { coopId: "htx-1", effectiveDate: "2026-01-01", law: "2023", method: "charterAmended" },
    } as unknown as Command;
    given([founded])
      .when(late)
      .thenWarnings([{ _tag: "LateConformance" }]);
    expect(() => given([founded]).when(late).thenWarnings([])).toThrow(/with warnings/);
    given([founded, suspended]).when(resume).thenWarnings([]);
    expect(() => given([founded]).when(resume).thenWarnings([])).toThrow(/refused: NotSuspended/);
  });

  it("bare given events get ids givenEventId(1), (2)…, so a command can name them", () => {
    const retract = (n: number) =>
      ({
        type: "RetractEvent",
        data: {
          streamId: "coop-htx-1",
          effectiveDate: "2021-01-01",
          retractedEventId: givenEventId(n),
          reason: "x",
        },
      }) as unknown as Command;
    given([founded, suspended]).when(retract(2)).thenAccepted();
    given([founded, suspended]).when(retract(3)).thenError("UnknownEventToRetract");
    // an event given with its own id is known by that id only
    given([founded, { eventId: givenEventId(7), event: suspended }])
      .when(retract(7))
      .thenAccepted();
    given([founded, { eventId: givenEventId(7), event: suspended }])
      .when(retract(2))
      .thenError("UnknownEventToRetract");
  });

  it("state is the fold of the given events", () => {
    expect(given([]).state._tag).toBe("Empty");
    const s = given([founded, suspended]).state;
    expect(s._tag === "Coop" && s.status).toBe("suspended");
  });
});
