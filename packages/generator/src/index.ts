/**
 * `@coop-ledger/generator`: a seeded, deterministic generator of realistic, valid co-op ledgers
 * (`generateLedger`), and the decider check every generated history passes (`validateHistory`).
 * Depends on the domain alone (no fast-check, no test runner), so applications, the CLI's `generate`
 * and the benchmarks can use it.
 *
 * @packageDocumentation
 */

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
export * from "./scenarios/index.js";
export { generatedCommandId, generatedEventId } from "./uuid.js";
export * from "./validation/index.js";
