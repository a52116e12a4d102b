import { CommanderError } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { makeContext } from "./context.js";
import { type CliError, exitCodeOf, formatError, internal, usage } from "./errors/cli-error.js";
import { EXIT } from "./errors/exit-codes.js";
import type { CliIo } from "./io.js";
import { renderOutput } from "./output/format.js";
import { buildProgram } from "./program.js";

/** Commander's own message, without its `error: ` prefix, as one of our usage errors. */
const fromCommander = (e: CommanderError, argv: ReadonlyArray<string>): CliError => {
  const text = e.message.replace(/^error:\s*/i, "").trim();
  const sub = argv.find((a) => !a.startsWith("-"));
  const hint =
    e.code === "commander.unknownCommand" || sub === undefined
      ? "run `coop-ledger --help` for the list of commands"
      : `run \`coop-ledger ${sub} --help\` for its options`;
  return usage(text, hint);
};

/**
 * Runs the CLI on `argv` (without `node` and the script path) and returns the exit code. Never throws
 * and never calls `process.exit`: the bin sets `process.exitCode`, tests call this in-process.
 * Errors print one line and a hint on stderr; `--debug` adds the stack trace.
 *
 * @example const code = await runCli(["verify", "--ledger", "ledger.jsonl"], processIo());
 */
export const runCli = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const debug = argv.includes("--debug");
  const ctx = makeContext(io);
  const program = buildProgram(ctx);
  const fail = (e: CliError): number => {
    io.stderr(formatError(e, debug));
    return exitCodeOf(e);
  };
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through the same override, with exit code 0.
      if (e.exitCode === 0) return EXIT.ok;
      return fail(fromCommander(e, argv));
    }
    return fail(internal(e));
  }
  const result = ctx.result;
  if (result === undefined) return EXIT.ok;
  if (E.isLeft(result.output)) return fail(result.output.left);
  const out = result.output.right;
  io.stdout(renderOutput(out, result.format, ctx.numberFormat));
  if (out.error !== undefined) io.stderr(formatError(out.error, debug));
  return out.exitCode ?? (out.error !== undefined ? exitCodeOf(out.error) : EXIT.ok);
};
