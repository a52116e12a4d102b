import {
  type BusinessDate,
  type Count,
  type DomainConfig,
  defaultDomainConfig,
  makeLedgerDecider,
} from "@coop-ledger/domain";
import { validateHistory } from "@coop-ledger/generator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";
import { coopPlanArbitrary } from "./coop-plan.js";
import { coopHistoryArbitrary, provinceHistoryArbitrary } from "./history-arbitraries.js";
import { interpretCoopPlan } from "./interpret-plan.js";

configureFastCheckFromEnv();

describe("history arbitraries", () => {
  it("every generated co-op history is accepted by the decider, event by event", () => {
    fc.assert(
      fc.property(coopHistoryArbitrary(), (events) => {
        expect(validateHistory(events).violations.map((v) => `${v.type}: ${v.error.message}`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("a plan interpreted for a configuration is accepted by the decider with that configuration (one where neither scheme rates a co-op which stopped a single day)", () => {
    const strict: DomainConfig = {
      ...defaultDomainConfig,
      notRatedWhenStopped: [
        { scheme: "circular-01-2020-TT-BKHDT", from: "2000-01-01" as BusinessDate, maximumDays: 0 as Count },
        {
          scheme: "circular-09-2017-TT-BNNPTNT",
          from: "2000-01-01" as BusinessDate,
          maximumDays: 0 as Count,
        },
      ],
    };
    const check = makeLedgerDecider(strict).validateEvent;
    let refusedUnderDefault = 0;
    fc.assert(
      fc.property(coopPlanArbitrary(), (plan) => {
        const events = interpretCoopPlan(plan, "htx-strict", 1, strict);
        expect(
          validateHistory(events, { check }).violations.map((v) => `${v.type}: ${v.error.message}`),
        ).toEqual([]);
        if (validateHistory(interpretCoopPlan(plan, "htx-strict", 1), { check }).violations.length > 0)
          refusedUnderDefault += 1;
      }),
      { numRuns: 200, seed: 7 },
    );
    // Interpreted for the default configuration, some of the same plans break the strict rule.
    expect(refusedUnderDefault).toBeGreaterThan(0);
  });

  it("every generated province history is accepted by the decider, and recorded in order", () => {
    fc.assert(
      fc.property(provinceHistoryArbitrary(), (events) => {
        expect(
          validateHistory(events).violations.map((v) => `${v.streamId} ${v.type}: ${v.error.message}`),
        ).toEqual([]);
        for (let i = 1; i < events.length; i++) {
          expect((events[i - 1]?.metadata.recordedAt ?? "") <= (events[i]?.metadata.recordedAt ?? "")).toBe(
            true,
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it("shrinking keeps histories valid: the shrunk counterexample of a failing property is still valid", () => {
    const r = fc.check(
      fc.property(
        coopHistoryArbitrary(),
        (events) => events.filter((e) => e.event.type === "LoanRepaid").length < 2,
      ),
      { numRuns: 300, seed: 42 },
    );
    expect(r.failed).toBe(true);
    const shrunk = r.counterexample?.[0] ?? [];
    expect(validateHistory(shrunk).violations).toEqual([]);
    expect(shrunk.filter((e) => e.event.type === "LoanRepaid").length).toBe(2);
  });
});
