/**
 * `@coop-ledger/store`: the EventStore port, the in-memory store, the hash-chained JSONL file ledger
 * (the embedded default), and the command handler.
 *
 * @packageDocumentation
 */

export * from "./port/event-store.js";
export * from "./port/store-error.js";
