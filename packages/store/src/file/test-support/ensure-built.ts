import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The store package's directory. */
export const packageDir = join(import.meta.dirname, "../../..");

/**
 * Builds the package (tsc -b, which builds the domain too) when a source is newer than dist/, for tests
 * that run plain JS against the build (the crash test's child, the README example). A failed build is
 * fatal only when there is no build at all.
 */
export const ensureBuilt = (): void => {
  const root = join(packageDir, "../..");
  const entry = join(packageDir, "dist/index.js");
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  const newest = readdirSync(join(packageDir, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .reduce((m, f) => Math.max(m, statSync(join(packageDir, "src", f)).mtimeMs), 0);
  if (newest <= built) return;
  try {
    execFileSync(join(root, "node_modules/.bin/tsc"), ["-b", packageDir], { cwd: root, stdio: "pipe" });
  } catch (e) {
    if (built === 0) throw e;
  }
};
