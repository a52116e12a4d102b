import { generateLedger, validateHistory } from "@coop-ledger/generator";
import { indicatorValue, ProjectionIndex, snapshot } from "@coop-ledger/projections";
import { toRecorded } from "@coop-ledger/testing";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";

// A realistic province (≈ 10 k events, 2013–2026) to test a dashboard against.
describe("a generated province", () => {
  const events = [...generateLedger({ preset: "province", seed: 2026 })];

  it("is valid by the decider's rules", () => {
    expect(validateHistory(events).violations).toEqual([]);
  });

  it("has a few hundred active co-ops at the end of 2024, as a province does", () => {
    const index = new ProjectionIndex().addAll(toRecorded(events));
    const s = snapshot(index, { validAt: "2024-12-31" });
    const active = E.isRight(s) ? indicatorValue(s.right, "coops.active")?.value : undefined;
    expect(active).toBeGreaterThan(150);
    expect(active).toBeLessThan(600);
  });
});
