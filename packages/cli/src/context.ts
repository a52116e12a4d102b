import type * as E from "fp-ts/lib/Either.js";
import type { CliError } from "./errors/cli-error.js";
import type { CliIo } from "./io.js";
import type { CliOutput } from "./output/data-table.js";
import type { OutputFormat } from "./output/format.js";
import type { NumberFormat } from "./output/numbers.js";
import { makeProgress, type Progress } from "./progress.js";

/** What a command's action resolves to: its output and the format to print it in, or an error. */
export interface CommandResult {
  readonly output: E.Either<CliError, CliOutput>;
  readonly format: OutputFormat;
}

/**
 * Shared by every command while one CLI run executes: the I/O, a progress factory honouring the
 * terminal check, and the slot the action fills with its result (commander actions cannot return one).
 *
 * @example
 * let err = "";
 * const io: CliIo = { stdout: () => {}, stderr: (s) => { err += s; }, stderrIsTTY: true, env: {}, cwd: ".", now: () => performance.now() };
 * const ctx: CliContext = makeContext(io);
 * const p = ctx.progress("reading ledger");
 * p.status("verifying the hash chain");
 * p.done("done");
 * console.log(err.includes("reading ledger: done"), ctx.result); // true undefined (no command has run)
 */
export interface CliContext {
  readonly io: CliIo;
  readonly progress: (label: string) => Progress;
  result: CommandResult | undefined;
  /** How numbers read in tables and reports (`--number-format`, default `en`); set before the action runs. */
  numberFormat: NumberFormat;
}

/**
 * Makes the context of one run. Progress shows only when stderr is a terminal and `CI` is unset:
 * redirected or piped runs (and CI logs) stay clean.
 *
 * @example const ctx = makeContext(processIo());
 */
export const makeContext = (io: CliIo): CliContext => {
  const enabled = io.stderrIsTTY && (io.env.CI ?? "") === "" && (io.env.COOP_LEDGER_NO_PROGRESS ?? "") === "";
  return {
    io,
    progress: (label) => makeProgress({ write: io.stderr, enabled, now: io.now }, label),
    result: undefined,
    numberFormat: "en",
  };
};
