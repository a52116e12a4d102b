/**
 * `@coop-ledger/store`: the EventStore port, the in-memory store, the hash-chained JSONL file ledger
 * (the embedded default), and the command handler.
 *
 * @packageDocumentation
 */

export { canonicalJson } from "./core/canonical-json.js";
// The public API, by name (internals: `@coop-ledger/store/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export {
  type IntegrityOptions,
  type IntegrityReport,
  verifyIntegrity,
} from "./file/chain-integrity.js";
export { type ChainScan, type ChainScanOptions, scanChain } from "./file/chain-scan.js";
export { readEventsAt, storedHashAt } from "./file/event-at-offset.js";
export type { Validation } from "./file/event-line.js";
export {
  type BatchItem,
  type FileLedger,
  type FileLedgerOptions,
  type LedgerInfo,
  openFileLedger,
} from "./file/file-ledger.js";
export { importEvents } from "./file/import-events.js";
export { LedgerHeader } from "./file/ledger-format.js";
export type { LedgerIssue } from "./file/ledger-issue.js";
export { acquireLedgerLock, type FileIdentity, type LedgerLock } from "./file/ledger-lock.js";
export type { StreamPartition } from "./file/partition-fields.js";
export {
  type ReadLedgerOptions,
  type ResumePoint,
  readLedger,
  readLedgerChunks,
} from "./file/read-ledger.js";
export { type CrashTail, type RepairOutcome, repairLedger } from "./file/repair-ledger.js";
export { type FileContent, type ReplaceFileOptions, replaceFile } from "./file/replace-file.js";
export {
  type InvalidEvents,
  type VerifyOptions,
  type VerifyReport,
  verifyLedger,
} from "./file/verify-ledger.js";
export {
  type BackoffPolicy,
  type CommandEnvelope,
  type CommandHandler,
  type CommandHandlerDeps,
  type HandleResult,
  makeCommandHandler,
} from "./handler/command-handler.js";
export { type CommandRegistry, makeCommandRegistry } from "./handler/command-registry.js";
export type { HandlerError } from "./handler/handler-error.js";
export { makeInMemoryStore } from "./memory/in-memory-store.js";
export type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllPage,
  SubscribeOptions,
  Subscription,
  SubscriptionFilter,
} from "./port/event-store.js";
export type { ExpectedRevisionLabel, StoreError, StoreOperation } from "./port/store-error.js";
export { recordReorganisation } from "./reorganisation/record-reorganisation.js";
export {
  completeReorganisation,
  type ReorganisationDeps,
  type ReorganisationError,
  type ReorganisationReport,
} from "./reorganisation/reorganisation-process.js";
