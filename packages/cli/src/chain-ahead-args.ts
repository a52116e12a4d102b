import { userDirectory, userPath } from "./user-directory.js";

/** The commands that compute figures from the ledger they load, verifying it unless `--no-verify`. */
const VERIFYING_COMMANDS: ReadonlySet<string> = new Set([
  "snapshot",
  "series",
  "explain",
  "diff",
  "report",
  "targets",
]);

/** The program's options given before the command's name that take a value. */
const PROGRAM_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(["--number-format"]);

/**
 * The ledger whose chain check the executable starts before it loads the rest of the program
 * (`checkChainAhead`), read from the raw arguments as commander will read them: a command that
 * verifies the ledger it loads, its `--ledger FILE` (or `--ledger=FILE`; the last one, as commander
 * takes it), relative to the user's directory as the program resolves it, and neither `--no-verify`
 * nor a help request. Undefined otherwise. A guess that misses costs only an unused check: the load
 * takes a check only for the file it opens.
 *
 * @example ledgerToCheckAhead(["snapshot", "--ledger", "n.jsonl"], {}, "/audit") // "n.jsonl"
 * @example ledgerToCheckAhead(["snapshot", "--ledger", "n.jsonl", "--no-verify"], {}, "/audit") // undefined
 */
export const ledgerToCheckAhead = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | undefined => {
  let i = 0;
  for (; i < argv.length && (argv[i] as string).startsWith("-"); i++)
    if (PROGRAM_OPTIONS_WITH_VALUE.has(argv[i] as string)) i++;
  if (!VERIFYING_COMMANDS.has(argv[i] ?? "")) return undefined;
  let ledger: string | undefined;
  for (let k = i + 1; k < argv.length; k++) {
    const a = argv[k] as string;
    if (a === "--") break;
    if (a === "--no-verify" || a === "--help" || a === "-h") return undefined;
    if (a === "--ledger") ledger = argv[++k];
    else if (a.startsWith("--ledger=")) ledger = a.slice("--ledger=".length);
  }
  return ledger === undefined || ledger === "" ? undefined : userPath(ledger, userDirectory(env, cwd), cwd);
};
