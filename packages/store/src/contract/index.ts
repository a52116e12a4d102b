/**
 * `@coop-ledger/store/contract`: the contract suite every EventStore implementation runs, and the
 * fixture events it uses. Needs vitest (a peer dependency).
 *
 * @packageDocumentation
 */
export { fixtureBatch, fixtureEvent } from "./fixtures.js";
export { type MakeStore, storeContract } from "./store-contract.js";
