#!/usr/bin/env node
/**
 * The `coop-ledger` executable: runs the CLI on the process's arguments and sets the exit code
 * (leaving Node to flush stdout before it exits, so piped output is never cut short).
 */
import { processIo } from "./io.js";
import { runCli } from "./main.js";

process.exitCode = await runCli(process.argv.slice(2), processIo());
