import { describe, expect, it } from "vitest";
import { validateHistory } from "../validation/validate-history.js";
import { buildScenario } from "./build-scenario.js";
import { SCENARIOS, type ScenarioId } from "./presets.js";

const ids = Object.keys(SCENARIOS) as ScenarioId[];

describe("calibrated scenarios", () => {
  for (const id of ids) {
    const { spec } = SCENARIOS[id];
    const events = buildScenario(spec);

    it(`${id}: every stream's events are accepted by the decider`, () => {
      expect(validateHistory(events).violations).toEqual([]);
    });

    it(`${id}: in recording order, ids unique, nothing recorded after the last valid day`, () => {
      const at = events.map((e) => e.metadata.recordedAt);
      expect([...at].sort()).toEqual(at);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
      expect(at.every((a) => Date.parse(a) < Date.parse(`${spec.until}T17:00:00.000Z`))).toBe(true);
    });

    it(`${id}: deterministic (same spec, same events)`, () => {
      expect(buildScenario(spec)).toEqual(events);
    });

    it(`${id}: locations after 2025-07-01 are in the new gazetteer, of the province's successor`, () => {
      const moves = events.filter((e) => e.event.type === "HeadOfficeMoved");
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) {
        const data = m.event.data as { effectiveDate: string; location: { gazetteer: string } };
        expect(data.effectiveDate >= "2025-07-01").toBe(true);
        expect(data.location.gazetteer).toBe("2025-07-01");
      }
    });
  }
});
