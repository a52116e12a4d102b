import { validateHistory } from "@coop-ledger/generator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";
import { coopHistoryArbitrary, provinceHistoryArbitrary } from "./history-arbitraries.js";

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
