import { runCli } from "../main.js";
import type { BinRun } from "./run-bin.js";

/**
 * Runs the CLI in this process (`runCli`, as the bin does, without spawning node): what it printed and
 * its exit code. Tens of times faster than `runBin` (run-bin.ts) for tests that run it many times; the bin
 * itself (stack traces on stdout/stderr, `process.exitCode`) is covered by the tests that spawn it.
 *
 * @example const r = await runInProcess(["verify", "--ledger", path], dir); r.code // 0
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
