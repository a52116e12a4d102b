import type { Run, RunStatus } from "./timed-run.js";

/**
 * A duration as the tables show it: milliseconds under 10 s, seconds above; a missing one says so.
 * @example console.log(fmt(1234), fmt(12_345), fmt(Number.NaN)); // "1234 ms" "12.3 s" "not measured"
 */
export const fmt = (ms: number): string =>
  Number.isNaN(ms) ? "not measured" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;

/**
 * How a step ended (a run saved before steps had a status: by its exit code).
 * @example statusOf({ what: "verify", ms: 10, cpuMs: 10, rssMiB: 50, code: 0 } as Parameters<typeof statusOf>[0]) // "ok"
 */
export const statusOf = (x: Run): RunStatus =>
  x.status ?? (x.code === 0 && Number.isFinite(x.ms) ? "ok" : "failed");

/**
 * Whether a step ran to its end and has figures a budget may be judged on.
 * @example ok(undefined) // false
 */
export const ok = (x: Run | undefined): x is Run =>
  x !== undefined && statusOf(x) === "ok" && Number.isFinite(x.ms);

/**
 * What stands in a budget's figure when its step has none: timed out, not measured (and why), failed.
 * @example missing(undefined) // "not measured"
 */
export const missing = (x: Run | undefined): string =>
  x === undefined
    ? "not measured"
    : statusOf(x) === "timed out"
      ? `timed out (${x.note ?? "killed at its budget"})`
      : statusOf(x) === "not measured"
        ? `not measured (${x.note ?? "not run"})`
        : `failed (exit ${x.code})`;
