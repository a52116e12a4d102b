// The history check travels with the generator: both need only the domain (no fast-check, no vitest),
// so `@coop-ledger/testing/generator` is safe to import from production code such as the CLI.
export * from "../validation/index.js";
export { DAY_MS, type DayNumber, dayOf, isoDate } from "./calendar.js";
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
export { deterministicUuid } from "./uuid.js";
