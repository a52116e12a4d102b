import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import type { CommandOutput } from "../output/data-table.js";

/** Not wired yet. */
export const runExplain = async (
  _ctx: CliContext,
  ..._args: ReadonlyArray<unknown>
): Promise<E.Either<CliError, CommandOutput>> =>
  E.left({ _tag: "Internal", message: "explain is not available yet", hint: "wait for the engine" });
