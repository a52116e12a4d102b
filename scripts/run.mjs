#!/usr/bin/env node
// The README's two commands (`npm run demo`, `npm test`) land here. Only Node 20 and npm are assumed:
// pnpm is fetched by `npx` at the version pinned in package.json's `packageManager`, so no global pnpm
// (and no corepack, whose signature check fails on some machines) is needed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmSpec = pkg.packageManager; // e.g. "pnpm@10.34.8"

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: false, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(cmd, args, what) {
  const code = run(cmd, args);
  if (code !== 0) {
    console.error(`\n✗ ${what} failed (exit ${code}).`);
    process.exit(code);
  }
}

const pnpm = (args, what) => must("npx", ["--yes", pnpmSpec, ...args], what);

function setup() {
  pnpm(["install", "--frozen-lockfile", "--reporter=append-only"], "install");
  pnpm(["run", "build"], "build");
}

function test(extra) {
  const out = join(root, ".vitest-results.json");
  rmSync(out, { force: true });
  const code = run("npx", [
    "--yes",
    pnpmSpec,
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
    ...extra,
  ]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, "utf8"));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A plain closing line that any CI reader understands.
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  }
  process.exit(code);
}

const [task = "test", ...rest] = process.argv.slice(2);
switch (task) {
  case "setup":
    setup();
    break;
  case "demo":
    setup();
    process.exit(run("node", [join(root, "packages/cli/dist/bin.js"), "demo", ...rest]));
    break;
  case "test":
    setup();
    test(rest);
    break;
  default:
    console.error(`unknown task ${task}; use setup | demo | test`);
    process.exit(2);
}
