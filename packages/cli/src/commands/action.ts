import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import { DamagedIndexFile, distrustIndexFile } from "../engine/damaged-index.js";
import { type CliError, internal } from "../errors/cli-error.js";
import type { CliOutput } from "../output/data-table.js";
import type { OutputFormat } from "../output/format.js";

/** A command's work: its output, or an error value. */
export type CommandWork = () => Promise<E.Either<CliError, CliOutput>>;

/**
 * Runs a command's work and stores the result in the context for `runCli` to print. An exception that
 * escapes the work is a bug and becomes an `Internal` error (its stack shown only with `--debug`),
 * except a persisted index found damaged while it was read (a block failing its checksum): that index
 * is removed and the work run once more, which rebuilds it from the ledger (the index is a cache).
 *
 * @example
 * // A command's action hands its work over; the result waits in the context for runCli to print.
 * const ctx = makeContext(processIo());
 * await runAction(ctx, "json", async () => E.right({ json: { coops: 124 }, tables: [] }));
 * console.log(ctx.result?.format, ctx.result?.output); // json Right({ json: { coops: 124 }, tables: [] })
 * // An exception is a bug: it becomes an Internal error (exit 1), not a crash.
 * await runAction(ctx, "table", async () => { throw new Error("index out of range"); });
 * console.log(ctx.result?.output._tag === "Left" && ctx.result.output.left._tag); // "Internal"
 */
export const runAction = async (ctx: CliContext, format: OutputFormat, work: CommandWork): Promise<void> => {
  let output: E.Either<CliError, CliOutput>;
  try {
    output = await work();
  } catch (e) {
    if (!(e instanceof DamagedIndexFile)) output = E.left(internal(e));
    else {
      ctx.io.stderr(`coop-ledger: warning: ${e.message}; rebuilding the index from the ledger\n`);
      distrustIndexFile(e.path);
      try {
        output = await work();
      } catch (again) {
        output = E.left(internal(again));
      }
    }
  }
  ctx.result = { output, format };
};
