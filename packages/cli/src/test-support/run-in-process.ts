import { runCli } from "../main.js";
import type { BinRun } from "./run-bin.js";

/**
 * Runs the CLI in this process (`runCli`, as the bin does, without spawning node): what it printed and
 * its exit code. Tens of times faster than `runBin` (run-bin.ts) for tests that run it many times; the bin
 * itself (stack traces on stdout/stderr, `process.exitCode`) is covered by the tests that spawn it.
 *
 * @example
 * const list = await runInProcess(["indicators", "--format", "csv"], process.cwd());
 * console.log(list.code, list.stdout.split("\r\n")[0]); // 0 "id,en,vi,kind,unit,definition,numerator,denominator"
 * const missing = await runInProcess(["verify", "--ledger", "no-such.jsonl"], process.cwd());
 * console.log(missing.code, missing.stderr); // 3 "coop-ledger: error: no-such.jsonl: cannot read: ENOENT\nhint: …"
 */
export const runInProcess = async (
  argv: ReadonlyArray<string>,
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<BinRun> => {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    stderrIsTTY: false,
    env,
    cwd,
    now: () => performance.now(),
  });
  return { code, stdout, stderr };
};
