/**
 * `@coop-ledger/generator`: a seeded, deterministic generator of realistic, valid co-op ledgers
 * (`generateLedger`), and the decider check every generated history passes (`validateHistory`).
 * Depends on the domain alone (no fast-check, no test runner), so applications, the CLI's `generate`
 * and the benchmarks can use it.
 *
 * @packageDocumentation
 */

// The public API, by name (internals: `@coop-ledger/generator/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export {
  DEFAULT_FROM,
  DEFAULT_TO,
  type GenerateLedgerOptions,
  generateLedger,
  type LedgerPreset,
  ledgerSpan,
} from "./generate-ledger.js";
export { type GenDistrict, type GenProvince, genProvince, genProvinces } from "./geography.js";
export { Prng } from "./prng.js";
export type { GeneratedEvent } from "./recorder.js";
export { asRecorded } from "./scenarios/as-recorded.js";
export { buildScenario } from "./scenarios/build-scenario.js";
export { isScenarioId, SCENARIOS, type Scenario, type ScenarioId } from "./scenarios/presets.js";
export type {
  FundSpec,
  GroupsSpec,
  LoanSpec,
  OcopRound,
  ScenarioSpec,
  SpreadCount,
  UnionSpec,
  YearCount,
} from "./scenarios/scenario-spec.js";
export { generatedCommandId, generatedEventId } from "./uuid.js";
export {
  type HistoryEvent,
  type HistoryReport,
  type HistoryViolation,
  type ValidateHistoryOptions,
  validateHistory,
} from "./validation/validate-history.js";
