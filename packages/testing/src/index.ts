/**
 * `@coop-ledger/testing`: a realistic ledger generator, fast-check arbitraries of valid co-op
 * histories, the laws every projection and store obeys, and given/when/then decider specifications.
 *
 * @packageDocumentation
 */

export * from "./generator/index.js";
