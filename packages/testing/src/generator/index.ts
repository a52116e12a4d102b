export { DAY_MS, type DayNumber, dayOf, isoDate } from "./calendar.js";
export {
  DEFAULT_FROM,
  DEFAULT_TO,
  type GenerateLedgerOptions,
  generateLedger,
  type LedgerPreset,
  ledgerSpan,
} from "./generate-ledger.js";
export { GEN_PROVINCES, type GenDistrict, type GenProvince, genProvince } from "./geography.js";
export { Prng } from "./prng.js";
export type { GeneratedEvent } from "./recorder.js";
export { deterministicUuid } from "./uuid.js";
