import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";
import { userDirectory, userPath } from "./user-directory.js";

const SAMPLE = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
/** What npm (and pnpm) set when `npm run cli -- …` is typed in `dir`: the bin itself runs in the repo root. */
const npmRunCliFrom = (dir: string) => ({
  INIT_CWD: dir,
  npm_lifecycle_event: "cli",
  npm_package_json: join(REPO_ROOT, "package.json"),
});

describe("the user's directory", () => {
  it("is INIT_CWD only for the CLI's own npm scripts run in the package root", () => {
    const env = npmRunCliFrom("/home/an/audit");
    expect(userDirectory(env, REPO_ROOT)).toBe("/home/an/audit");
    expect(userDirectory({}, REPO_ROOT)).toBe(REPO_ROOT);
    // A child of another script (npm test spawning the bin), or one started in another directory.
    expect(userDirectory({ ...env, npm_lifecycle_event: "test" }, REPO_ROOT)).toBe(REPO_ROOT);
    expect(userDirectory(env, "/elsewhere")).toBe("/elsewhere");
    expect(userDirectory({ ...env, INIT_CWD: "relative" }, REPO_ROOT)).toBe(REPO_ROOT);
    expect(userPath("x.jsonl", "/home/an/audit", REPO_ROOT)).toBe("/home/an/audit/x.jsonl");
    expect(userPath("/abs/x.jsonl", "/home/an/audit", REPO_ROOT)).toBe("/abs/x.jsonl");
    expect(userPath("x.jsonl", REPO_ROOT, REPO_ROOT)).toBe("x.jsonl");
  });
});

describe.skipIf(!hasBin())("`npm run cli -- …` typed in another directory (built bin)", () => {
  it("reads --ledger relative to the user's directory, not the repository root, and names it so", () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-user-dir-"));
    copyFileSync(SAMPLE, join(dir, "mine.jsonl"));
    // runBin runs the bin in the repository root, as npm does; only the user's directory holds mine.jsonl.
    expect(existsSync(join(REPO_ROOT, "mine.jsonl"))).toBe(false);
    const env = npmRunCliFrom(dir);
    const v = runBin(["verify", "--ledger", "mine.jsonl", "--format", "json"], env);
    expect(v.code, v.stderr).toBe(0);
    const s = runBin(["snapshot", "--valid-at", "2022-12-31", "--ledger", "mine.jsonl"], env);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain(join(dir, "mine.jsonl"));
    // Without npm's variables the same relative name is looked up in the repository root: not there.
    expect(runBin(["verify", "--ledger", "mine.jsonl"]).code).toBe(3);
  });
});
