/**
 * `@coop-ledger/testing`: a realistic ledger generator, fast-check arbitraries of valid co-op
 * histories, the laws every projection and store obeys, and given/when/then decider specifications.
 *
 * @packageDocumentation
 */

export * from "@coop-ledger/generator";
export * from "./arbitraries/index.js";
export * from "./config/fast-check-env.js";
export * from "./laws/index.js";
export * from "./spec/index.js";
export * from "./store/index.js";
