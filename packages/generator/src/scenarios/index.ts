export { asRecorded } from "./as-recorded.js";
export { buildScenario } from "./build-scenario.js";
export { isScenarioId, SCENARIOS, type Scenario, type ScenarioId } from "./presets.js";
export type {
  FundSpec,
  GroupsSpec,
  LoanSpec,
  OcopRound,
  ScenarioSpec,
  SpreadCount,
  UnionSpec,
  YearCount,
} from "./scenario-spec.js";
