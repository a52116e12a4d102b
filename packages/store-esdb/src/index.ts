/**
 * `@coop-ledger/store-esdb`: the EventStoreDB adapter of the coop-ledger EventStore port (on
 * `@eventstore/db-client`, through a narrow structural client interface that the successor
 * `@kurrent/kurrentdb-client` also fits), and a catch-up projection runner with checkpoints stored
 * together with the read model.
 *
 * @packageDocumentation
 */

export * from "./client/connect.js";
export * from "./client/esdb-client.js";
export * from "./client/redact.js";
export * from "./mapping/errors.js";
export * from "./mapping/event-data.js";
export * from "./mapping/expected-revision.js";
export * from "./mapping/filter.js";
export * from "./mapping/position.js";
export * from "./projection/checkpoint-store.js";
export * from "./projection/in-memory-checkpoint-store.js";
export * from "./projection/json-file-checkpoint-store.js";
export * from "./projection/run-catch-up-projection.js";
export * from "./store/esdb-store.js";
export * from "./store/ledger-subscription.js";
export * from "./store/read-head.js";
