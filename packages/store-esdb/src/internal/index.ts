/**
 * `@coop-ledger/store-esdb/internal`: every module of the package, for the sibling packages of this repository
 * and for tests. Not a stable API: names here may change or go in any release. Applications use the
 * package's main entry point (`@coop-ledger/store-esdb`), whose export list is snapshotted in `exports.txt`.
 *
 * @packageDocumentation
 */

export * from "../client/client-package.js";
export * from "../client/connect.js";
export * from "../client/esdb-client.js";
export * from "../client/eventstore-binding.js";
export * from "../client/kurrent-binding.js";
export * from "../client/load-client-package.js";
export * from "../client/redact.js";
export * from "../mapping/errors.js";
export * from "../mapping/event-data.js";
export * from "../mapping/expected-revision.js";
export * from "../mapping/filter.js";
export * from "../mapping/position.js";
export * from "../projection/checkpoint-file.js";
export * from "../projection/checkpoint-store.js";
export * from "../projection/file-checkpoint-store.js";
export * from "../projection/image-index-serializer.js";
export * from "../projection/in-memory-checkpoint-store.js";
export * from "../projection/index-serializer.js";
export * from "../projection/json-file-checkpoint-store.js";
export * from "../projection/run-catch-up-projection.js";
export * from "../projection/run-index-projection.js";
export * from "../projection/store-event-source.js";
export * from "../store/esdb-store.js";
export * from "../store/ledger-subscription.js";
export * from "../store/read-head.js";
