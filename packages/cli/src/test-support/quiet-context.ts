import { type CliContext, makeContext } from "../context.js";
import type { CliIo } from "../io.js";
import { REPO_ROOT } from "./run-bin.js";

/**
 * A CLI context that prints nothing, for tests that call the engine rather than the command line; `io`
 * replaces any of its parts (a folder, a clock, a sink for stderr).
 * @example const ctx = quietContext({ cwd: "/tmp", now: () => 0 });
 */
export const quietContext = (io: Partial<CliIo> = {}): CliContext =>
  makeContext({
    stdout: () => {},
    stderr: () => {},
    stderrIsTTY: false,
    env: {},
    cwd: REPO_ROOT,
    now: () => performance.now(),
    ...io,
  });
