/**
 * The store contract suite, re-exported so a user's suite needs one import: run it against any
 * `EventStore` implementation.
 *
 * @example
 * storeContract("my store", async () => ({ store: makeMyStore() }));
 */
export { type MakeStore, storeContract } from "@coop-ledger/store/contract";
