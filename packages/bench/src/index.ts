/**
 * `@coop-ledger/bench`: the benchmark harness (not part of the test suite). Run it with `pnpm bench`
 * (see README.md); these exports let a test or another script reuse its pieces.
 *
 * @packageDocumentation
 */

export * from "./child/protocol.js";
export * from "./child/run-in-child.js";
export * from "./child/run-task.js";
export * from "./datasets.js";
export * from "./harness/clock.js";
export * from "./harness/cpu-profile.js";
export * from "./harness/lines.js";
export * from "./harness/machine.js";
export * from "./harness/rng.js";
export * from "./harness/stats.js";
export * from "./measures/not-available.js";
export * from "./options.js";
export * from "./report/format.js";
export * from "./report/render.js";
export * from "./report/summarise.js";
export * from "./report/summary.js";
export * from "./subjects.js";
export * from "./subjects-live.js";
