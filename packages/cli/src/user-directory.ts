import { dirname, isAbsolute, resolve } from "node:path";

/** The root package.json's scripts that run the CLI (`npm run cli -- …`, `npm run coop-ledger -- …`). */
const CLI_SCRIPTS: ReadonlySet<string> = new Set(["cli", "coop-ledger"]);

/**
 * The directory the user typed the command in. Normally the process's working directory; but
 * `npm run cli -- snapshot --ledger x.jsonl` typed in a subdirectory runs the bin in the package's root
 * (npm and pnpm change directory there) and keep the user's directory in `INIT_CWD`, so relative paths
 * would silently resolve against the wrong directory. Only the CLI's own scripts, run by npm in the
 * package's root, are recognised: a child started from another script, or in another directory, keeps
 * its own working directory.
 *
 * @example userDirectory({ npm_lifecycle_event: "cli", INIT_CWD: "/home/an/audit", npm_package_json: "/repo/package.json" }, "/repo") // "/home/an/audit"
 */
export const userDirectory = (env: Readonly<Record<string, string | undefined>>, cwd: string): string => {
  const init = env.INIT_CWD;
  if (init === undefined || !isAbsolute(init)) return cwd;
  if (!CLI_SCRIPTS.has(env.npm_lifecycle_event ?? "")) return cwd;
  if (env.npm_package_json !== undefined && resolve(dirname(env.npm_package_json)) !== resolve(cwd))
    return cwd;
  return init;
};

/**
 * A path option as the user meant it: a relative path against the user's directory when the process
 * runs elsewhere (see {@link userDirectory}); unchanged otherwise, so messages show it as typed.
 *
 * @example userPath("x.jsonl", "/home/an/audit", "/repo") // "/home/an/audit/x.jsonl"
 */
export const userPath = (path: string, userDir: string, processDir: string): string =>
  isAbsolute(path) || resolve(userDir) === resolve(processDir) ? path : resolve(userDir, path);
