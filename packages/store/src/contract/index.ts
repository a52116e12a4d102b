/**
 * `@coop-ledger/store/contract`: the contract suite every EventStore implementation runs, and the
 * fixture events it uses. Needs vitest (a peer dependency).
 *
 * @packageDocumentation
 */
export * from "./fixtures.js";
export * from "./store-contract.js";
