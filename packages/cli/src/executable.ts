#!/usr/bin/env node
/**
 * The `coop-ledger` executable: runs the CLI on the process's arguments and sets the exit code
 * (leaving Node to flush stdout before it exits, so piped output is never cut short).
 *
 * Its first step, before the program is loaded: a command that will verify a ledger has that ledger's
 * chain check started (`checkChainAhead`), so that its worker threads hash the file while this thread
 * loads the CLI's modules (~0.2 s on one core; issue #12). Only that and its helpers are imported
 * statically: the bundle's entry stays small, the rest is its `import()` chunks.
 */
import { ledgerToCheckAhead } from "./chain-ahead-args.js";
import { checkChainAhead } from "./engine/chain-ahead.js";

const ahead = ledgerToCheckAhead(process.argv.slice(2), process.env, process.cwd());
if (ahead !== undefined) checkChainAhead(ahead);

// `coop-ledger snapshot … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const { processIo } = await import("./io.js");
const { runCli } = await import("./main.js");
process.exitCode = await runCli(process.argv.slice(2), processIo());
