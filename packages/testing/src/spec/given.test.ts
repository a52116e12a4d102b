import type { Command, DomainEvent } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { DeciderSpecFailure, given } from "./given.js";

const founded = {
  type: "CoopFounded",
  schemaVersion: 2,
  data: {
    coopId: "htx-1",
    effectiveDate: "2019-03-01",
    name: "HTX Thanh Long",
    form: "cooperative",
    sector: "agriculture",
    location: { gazetteer: "2008-08-01", provinceCode: "60" },
    foundingMembers: 7,
    origin: { kind: "new" },
  },
} as unknown as DomainEvent;
const suspended = {
  type: "CoopSuspended",
  schemaVersion: 1,
  data: { coopId: "htx-1", effectiveDate: "2020-01-01" },
} as unknown as DomainEvent;
const resume = {
  type: "ResumeCoop",
  data: { coopId: "htx-1", effectiveDate: "2020-06-01" },
} as unknown as Command;

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
