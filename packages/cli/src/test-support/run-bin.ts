import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built executable the CLI tests run (they need `tsc -b` first, as the README's commands do). */
export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** Whether the bin has been built. */
export const hasBin = (): boolean => existsSync(BIN);

/** The outcome of one run of the bin. */
export interface BinRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/bin.js …args` with piped output (so no progress is drawn) and returns what it printed;
 * killed after `timeoutMs` (2 minutes unless told: a national ledger's commands take longer).
 */
export const runBin = (
  args: ReadonlyArray<string>,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): BinRun => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

/**
 * Runs the bin without blocking this process's event loop: needed when the test process itself
 * serves the bin (the EventStoreDB double), which `spawnSync` would starve.
 */
export const runBinAsync = (args: ReadonlyArray<string>, env: Record<string, string> = {}): Promise<BinRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
