import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The built executable the CLI tests run: the bundle (`npm run build`: `tsc -b`, then
 * `scripts/bundle.mjs`), as the README's commands and the installed `coop-ledger` run it.
 */
export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

const CLI_DIR = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Whether a source the bundle was built from (esbuild's list, dist/bin.meta.json) changed after it:
 * after a bare `tsc -b` the bundle would still hold the old code.
 */
const bundleIsStale = (): boolean => {
  const meta = `${CLI_DIR}dist/bin.meta.json`;
  if (!existsSync(meta)) return true;
  const built = statSync(BIN).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(meta, "utf8")) as { inputs: ReadonlyArray<string> };
  return inputs.some((i) => !existsSync(`${CLI_DIR}${i}`) || statSync(`${CLI_DIR}${i}`).mtimeMs > built);
};

let checked = false;

/**
 * Rebuilds the bundle when its sources changed after it (esbuild takes about a second), once per
 * test file, so that a test never runs code older than the sources it checks.
 */
const freshBundle = (): void => {
  if (checked || !existsSync(BIN)) return;
  checked = true;
  if (!bundleIsStale()) return;
  const r = spawnSync(process.execPath, [`${CLI_DIR}scripts/bundle.mjs`], { encoding: "utf8", cwd: CLI_DIR });
  if (r.status !== 0) throw new Error(`rebuilding the bundle failed:\n${r.stderr}`);
};

/** Whether the bin has been built (and, if so, its bundle is as new as its sources). */
export const hasBin = (): boolean => {
  freshBundle();
  return existsSync(BIN);
};

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
  freshBundle();
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
    freshBundle();
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
