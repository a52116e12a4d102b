import { userDirectory } from "./user-directory.js";

/**
 * The outside world a CLI run sees, injected so that the whole CLI can run in-process in tests:
 * output streams, whether stderr is a terminal (progress), the environment, the working directory and a
 * monotonic clock for progress rates (never for ledger times: those come from the ledger or options).
 *
 * @example
 * const io: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s),
 *   stderrIsTTY: false, env: process.env, cwd: process.cwd(), now: () => performance.now() };
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => number;
}

/**
 * The real process's I/O.
 * @example await runCli(process.argv.slice(2), processIo())
 */
export const processIo = (): CliIo => ({
  stdout: (s) => {
    process.stdout.write(s);
  },
  stderr: (s) => {
    process.stderr.write(s);
  },
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  // Under `npm run cli`, the directory the user typed the command in, not the package root.
  cwd: userDirectory(process.env, process.cwd()),
  now: () => performance.now(),
});
