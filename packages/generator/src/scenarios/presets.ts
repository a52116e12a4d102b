import { SCENARIO_000 } from "./preset-000.js";
import { SCENARIO_001 } from "./preset-001.js";
import { SCENARIO_002 } from "./preset-002.js";
import { SCENARIO_003 } from "./preset-003.js";
import { SCENARIO_004 } from "./preset-004.js";
import type { Scenario, ScenarioId } from "./scenario.js";

export type { Scenario, ScenarioId } from "./scenario.js";

// One file per calibrated scenario (preset-000.ts … preset-004.ts), each with the resolution it is
// calibrated to; the shared types in scenario.ts.

/**
 * The calibrated scenarios by seed id.
 * @example SCENARIOS["004"].spec.provinceCode // "06"
 */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  "000": SCENARIO_000,
  "001": SCENARIO_001,
  "002": SCENARIO_002,
  "003": SCENARIO_003,
  "004": SCENARIO_004,
};

/**
 * Whether a string names a calibrated scenario.
 * @example isScenarioId("004") // true
 */
export const isScenarioId = (s: string): s is ScenarioId => Object.hasOwn(SCENARIOS, s);
