import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";

/**
 * How one timed step of the cold-CLI bench ended. Only `"ok"` carries figures a budget may be judged on:
 * a step that timed out was killed (with everything it started) and has no wall time; a step that was
 * not run because the state it needs is missing (e.g. no current index after a failed first build) says
 * so rather than doing another step's work under its name.
 * @example const s: RunStatus = "timed out";
 */
export type RunStatus = "ok" | "failed" | "timed out" | "not measured";

/**
 * One timed step: a whole process, as a user runs it.
 * @example
 * const r: Run = { what: "verify", status: "timed out", ms: Number.NaN, cpuMs: Number.NaN, rssMiB: Number.NaN, code: -1, note: "killed after 1 s" };
 * console.log(r.status); // "timed out"
 */
export interface Run {
  readonly what: string;
  readonly status: RunStatus;
  /** Wall time (NaN unless the process ran to its end). */
  readonly ms: number;
  /** CPU time of the process, user + system, all threads (NaN unless it ran to its end). */
  readonly cpuMs: number;
  /** Peak RSS (NaN unless it ran to its end). */
  readonly rssMiB: number;
  /** Exit code (−1 when it timed out or was not run). */
  readonly code: number;
  /** Why it has no figures (timed out, not measured, could not start). */
  readonly note?: string;
  /** What the process printed on stdout (kept for the side-by-side answers only). */
  readonly stdout?: string;
}

/**
 * Options of {@link timedNode}.
 * @example const o: TimedNodeOptions = { keepStdout: true, timeoutMs: 60_000 };
 */
export interface TimedNodeOptions {
  /** Keep the process's stdout in the result. */
  readonly keepStdout?: boolean;
  /** Kill the step (the process and all it started) after this long; default 30 min. */
  readonly timeoutMs?: number;
  /** Extra environment. */
  readonly env?: Readonly<Record<string, string>>;
}

// `/usr/bin/time`'s line, marked so that it is found whatever the process printed on stderr before it.
const MARK = "@@coop-bench-time";

/**
 * A step that was not run, and why (its figures are not measured; a budget on it is not judged).
 * @example notMeasured("snapshot, current index", "no current index: the first build did not finish").status // "not measured"
 */
export const notMeasured = (what: string, why: string): Run => ({
  what,
  status: "not measured",
  ms: Number.NaN,
  cpuMs: Number.NaN,
  rssMiB: Number.NaN,
  code: -1,
  note: why,
});

/**
 * Runs `node script …args` under `/usr/bin/time` (wall time, CPU time, peak RSS of the whole process),
 * inside coreutils `timeout`, which runs it in its own process group and, at the deadline, signals the
 * whole group: a step that hangs is killed with every process it started (killing `/usr/bin/time`
 * alone would leave the node process running, doing its work while the next step is timed). A step
 * that timed out is reported as such (status `"timed out"`, no figures), never as a figure.
 * @example
 * const r = timedNode("sleeps", "-e", ["setTimeout(() => {}, 60_000)"], { timeoutMs: 1000 });
 * console.log(r.status, Number.isNaN(r.ms)); // "timed out" true
 */
export const timedNode = (
  what: string,
  script: string,
  args: ReadonlyArray<string>,
  options: TimedNodeOptions = {},
): Run => {
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const secs = Math.max(0.1, timeoutMs / 1000).toFixed(1);
  const r = spawnSync(
    "timeout",
    ["--kill-after=5", secs, "/usr/bin/time", "-f", `${MARK} %e %M %U %S`, process.execPath, script, ...args],
    {
      encoding: "utf8",
      maxBuffer: 256 << 20,
      env: { ...process.env, COOP_LEDGER_NO_PROGRESS: "1", ...options.env },
      // A backstop only: `timeout` itself ends the step.
      timeout: timeoutMs + 60_000,
    },
  );
  const load = `[load ${loadavg()[0]?.toFixed(2)}]`;
  // 124: timed out (TERM); 137: still there after --kill-after and killed.
  const timedOut =
    r.status === 124 || r.status === 137 || (r.error as NodeJS.ErrnoException)?.code === "ETIMEDOUT";
  if (timedOut) {
    const run: Run = {
      ...notMeasured(what, `timed out: killed after ${secs} s`),
      status: "timed out",
    };
    process.stderr.write(`  ${what}: TIMED OUT after ${secs} s ${load}\n`);
    return run;
  }
  if (r.error !== undefined || r.status === null) {
    const run: Run = {
      ...notMeasured(what, `could not run: ${r.error?.message ?? r.signal}`),
      status: "failed",
    };
    process.stderr.write(`  ${what}: ${run.note} ${load}\n`);
    return run;
  }
  const line = (r.stderr ?? "")
    .split("\n")
    .reverse()
    .find((l) => l.startsWith(MARK));
  const [secsWall, kb, user, sys] = (line ?? "").slice(MARK.length).trim().split(" ").map(Number);
  const ok = line !== undefined && r.status === 0;
  const run: Run = {
    what,
    status: ok ? "ok" : "failed",
    ms: line === undefined ? Number.NaN : (secsWall ?? Number.NaN) * 1000,
    cpuMs: line === undefined ? Number.NaN : ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000,
    rssMiB: line === undefined ? Number.NaN : (kb ?? Number.NaN) / 1024,
    code: r.status,
    ...(ok
      ? {}
      : { note: `exit ${r.status}: ${(r.stderr ?? "").split("\n").find((l) => l.trim() !== "") ?? ""}` }),
    ...(options.keepStdout === true ? { stdout: r.stdout } : {}),
  };
  process.stderr.write(
    `  ${what}: ${(run.ms / 1000).toFixed(2)} s, cpu ${(run.cpuMs / 1000).toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB (exit ${run.code}) ${load}\n`,
  );
  return run;
};
