#!/usr/bin/env node
/**
 * The `coop-ledger` executable: runs the CLI on the process's arguments and sets the exit code
 * (leaving Node to flush stdout before it exits, so piped output is never cut short).
 */
import { processIo } from "./io.js";
import { runCli } from "./main.js";

// `coop-ledger snapshot … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
