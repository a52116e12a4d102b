import { describe, expect, it } from "vitest";
import { generateLedger } from "./generate-ledger.js";
import { validateHistory } from "./validation/validate-history.js";

// The national preset (≈ 1 M events) takes seconds and a core: run it with COOP_LEDGER_SLOW=1.
describe.skipIf(process.env.COOP_LEDGER_SLOW !== "1")(
  "generateLedger (national preset)",
  { timeout: 900_000 },
  () => {
    it("streams more than a million events across 63 provinces in recording order (prints the time taken)", () => {
      const started = performance.now();
      let n = 0;
      let last = "";
      let ordered = true;
      const coops = new Set<string>();
      const provinces = new Set<string>();
      for (const e of generateLedger({ preset: "national", seed: 2026 })) {
        n++;
        if (e.metadata.recordedAt < last) ordered = false;
        last = e.metadata.recordedAt;
        if (e.event.type === "CoopFounded") {
          coops.add(e.event.data.coopId);
          provinces.add(e.event.data.location.provinceCode);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `national: ${n} events, ${coops.size} co-ops founded, ${provinces.size} province codes, ${seconds.toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
      );
      expect(ordered).toBe(true);
      expect(n).toBeGreaterThan(1_000_000);
      expect(provinces.size).toBeGreaterThanOrEqual(63);
    });

    it("a sample of its streams (one in 25, every kind) is accepted by the decider", () => {
      const hash = (s: string): number => {
        let h = 0;
        for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
        return h >>> 0;
      };
      const report = validateHistory(generateLedger({ preset: "national", seed: 2026 }), {
        sample: (s) => !s.startsWith("coop-") || hash(s) % 25 === 0,
      });
      console.log(
        `national sample: ${report.streams} streams checked, ${report.warnings} warnings`,
        report.warningsByTag,
      );
      expect(report.violations.map((v) => `${v.streamId}#${v.revision} ${v.error.message}`)).toEqual([]);
    });
  },
);
