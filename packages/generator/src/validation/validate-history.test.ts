import { describe, expect, it } from "vitest";
import { generateLedger } from "../generate-ledger.js";
import { validateHistory } from "./validate-history.js";

describe("validateHistory", () => {
  const events = [...generateLedger({ preset: "province", seed: 3, from: "2023-01-01" })];

  it("accepts a generated history", () => {
    expect(validateHistory(events).violations).toEqual([]);
  });

  it("names the stream, revision and rule when a founding is missing", () => {
    const i = events.findIndex((e) => e.event.type === "CoopFounded");
    const stream = events[i]?.streamId;
    const broken = events.filter((_, k) => k !== i);
    const report = validateHistory(broken);
    expect(report.violations[0]).toMatchObject({
      streamId: stream,
      revision: 0,
      error: { _tag: "CoopNotFound" },
    });
  });

  it("refuses an event after a dissolution", () => {
    const d = events.find((e) => e.event.type === "CoopDissolved");
    expect(d).toBeDefined();
    if (d === undefined) return;
    const after = { ...d, eventId: "00000000-0000-8000-8000-000000000001" as typeof d.eventId };
    const report = validateHistory([...events, after]);
    expect(report.violations.map((v) => v.error._tag)).toEqual(["CoopTerminated"]);
  });

  it("checks only the sampled streams", () => {
    const report = validateHistory(events, { sample: (s) => s.startsWith("alliance-") });
    expect(report.streams).toBeLessThanOrEqual(2);
  });
});
