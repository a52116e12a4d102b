import { performance } from "node:perf_hooks";

/**
 * Milliseconds since an arbitrary origin, monotonic and sub-millisecond (the benchmark's only clock).
 *
 * @example
 * import { nowMs } from "@coop-ledger/bench";
 * const t0 = nowMs();
 * let sum = 0;
 * for (let i = 0; i < 1e6; i++) sum += i;
 * const ms = nowMs() - t0;
 * console.log(sum, ms >= 0); // 499999500000 true
 */
export const nowMs = (): number => performance.now();

/**
 * CPU milliseconds (user + sys) this process has used so far, every thread counted (V8's GC helpers
 * too). On a shared machine wall time grows with the load; CPU time much less, so a figure measured
 * under load is stated with both.
 *
 * @example
 * import { cpuMs } from "@coop-ledger/bench";
 * const c0 = cpuMs();
 * let sum = 0;
 * for (let i = 0; i < 1e6; i++) sum += i;
 * console.log(sum, cpuMs() - c0 >= 0); // 499999500000 true
 */
export const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Times one call of an async or sync function.
 *
 * @example
 * import { timed } from "@coop-ledger/bench";
 * const { ms, value } = await timed(async () => {
 *   await new Promise((r) => setTimeout(r, 20));
 *   return "done";
 * });
 * console.log(value, ms >= 19); // "done" true
 */
export const timed = async <A>(
  f: () => A | Promise<A>,
): Promise<{ readonly ms: number; readonly value: A }> => {
  const t0 = nowMs();
  const value = await f();
  return { ms: nowMs() - t0, value };
};

/**
 * Asks V8 for a full collection when the process runs with `--expose-gc` (the child processes do), so a
 * repetition does not pay for the garbage of the previous one. A no-op otherwise.
 *
 * @example collectGarbage();
 */
export const collectGarbage = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
};
