/**
 * Resolutions and their targets (nghị quyết, chỉ tiêu): the bundled resolutions as data, the codec for
 * users' own, and the evaluator that turns projection figures into "k of n met".
 *
 * @packageDocumentation
 */

export * from "./bundled-resolutions.js";
export * from "./calibration.js";
export * from "./comparator.js";
export * from "./engine-source.js";
export * from "./evaluate-targets.js";
export * from "./figure-source.js";
export * from "./province-data.js";
export * from "./resolution.js";
export * from "./resolutions/resolution-000.js";
export * from "./resolutions/resolution-001.js";
export * from "./resolutions/resolution-002.js";
export * from "./resolutions/resolution-004.js";
export * from "./row-plan.js";
export * from "./status.js";
export * from "./target.js";
export * from "./targets.js";
export * from "./targets-met.js";
export * from "./threshold.js";
export * from "./timing.js";
