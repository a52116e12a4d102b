import { generateLedger, validateHistory } from "@coop-ledger/generator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";

configureFastCheckFromEnv();

describe("generateLedger laws", () => {
  it("for any seed and province, every generated stream is accepted by the decider, event by event", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom("60", "67", "17", "01", "27", "96"),
        fc.constantFrom("2022-01-01", "2023-06-15", "2024-05-01"),
        (seed, province, from) => {
          // Short spans (still across 2024-07-01 and 2025-07-01) keep 20 runs to a few seconds.
          const report = validateHistory(generateLedger({ preset: "province", seed, province, from }));
          expect(report.violations.map((v) => `${v.streamId}#${v.revision} ${v.error.message}`)).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("recording order never decreases and event ids never repeat, for any seed", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let last = "";
        const ids = new Set<string>();
        for (const e of generateLedger({ preset: "province", seed, from: "2024-01-01" })) {
          expect(e.metadata.recordedAt >= last).toBe(true);
          last = e.metadata.recordedAt;
          expect(ids.has(e.eventId)).toBe(false);
          ids.add(e.eventId);
        }
      }),
      { numRuns: 10 },
    );
  });
});
