/**
 * `@coop-ledger/store/internal`: every module of the package, for the sibling packages of this repository
 * and for tests. Not a stable API: names here may change or go in any release. Applications use the
 * package's main entry point (`@coop-ledger/store`), whose export list is snapshotted in `exports.txt`.
 *
 * @packageDocumentation
 */

export * from "../core/append-decision.js";
export * from "../core/canonical-json.js";
export * from "../core/change-signal.js";
export * from "../core/prepare-batch.js";
export * from "../core/subscription.js";
export * from "../file/chain-ahead.js";
export * from "../file/chain-canonical.js";
export * from "../file/chain-integrity.js";
export * from "../file/chain-link-range.js";
export * from "../file/chain-range.js";
export * from "../file/chain-range-types.js";
export * from "../file/chain-scan.js";
export * from "../file/chain-stream-table.js";
export * from "../file/chain-window.js";
export * from "../file/compiled-codec.js";
export * from "../file/event-at-offset.js";
export type { Validation } from "../file/event-line.js";
export * from "../file/fast-decode.js";
export * from "../file/file-ledger.js";
export * from "../file/import-events.js";
export * from "../file/ledger-format.js";
export * from "../file/ledger-issue.js";
export * from "../file/ledger-lock.js";
export * from "../file/line-frame.js";
export * from "../file/read-ledger.js";
export * from "../file/repair-ledger.js";
export * from "../file/verify-ledger.js";
export * from "../handler/command-handler.js";
export * from "../handler/command-registry.js";
export * from "../handler/fold-history.js";
export * from "../handler/handler-error.js";
export * from "../memory/in-memory-store.js";
export * from "../port/event-store.js";
export * from "../port/store-error.js";
export * from "../reorganisation/record-reorganisation.js";
export * from "../reorganisation/reorganisation-process.js";
