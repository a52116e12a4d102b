import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { type CliError, internal } from "../errors/cli-error.js";
import type { CommandOutput } from "../output/data-table.js";
import type { OutputFormat } from "../output/format.js";

/** A command's work: its output, or an error value. */
export type CommandWork = () => Promise<E.Either<CliError, CommandOutput>>;

/**
 * Runs a command's work and stores the result in the context for `runCli` to print. An exception that
 * escapes the work is a bug and becomes an `Internal` error (its stack shown only with `--debug`).
 *
 * @example cmd.action(async (o) => runAction(ctx, o.format, () => verify(ctx, o)))
 */
export const runAction = async (ctx: CliContext, format: OutputFormat, work: CommandWork): Promise<void> => {
  let output: E.Either<CliError, CommandOutput>;
  try {
    output = await work();
  } catch (e) {
    output = E.left(internal(e));
  }
  ctx.result = { output, format };
};
