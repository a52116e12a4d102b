import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without declarations
import { exampleAsModule } from "../../../../scripts/readme-examples.mjs";
import { ensureBuilt, packageDir } from "./test-support/ensure-built.js";

// The README's TypeScript example, transpiled and run as plain JS against dist/ (its imports resolve
// from the package folder: the package by its own name, the domain from its dependencies). The packed
// package type-checks and runs it too (scripts/pack-install.mjs); here, what it prints is checked.
describe("the README example", () => {
  let dir = "";
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(packageDir, ".readme-example-"));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs: founds a co-op, repeats the command without appending, reads it back, verifies", () => {
    const js: string = exampleAsModule(join(packageDir, "README.md"), { heading: "## Example" });
    const file = join(dir, "example.mjs");
    writeFileSync(file, js);
    const out = execFileSync(process.execPath, [file], { encoding: "utf8" });
    expect(out).toContain("coop-htx-thanh-long: 1 event(s), already handled: false");
    expect(out).toContain("coop-htx-thanh-long: 1 event(s), already handled: true");
    expect(out).toMatch(/revision 0: CoopFounded effective 2019-03-01, recorded \d{4}-\d\d-\d\dT/);
    expect(out).toMatch(/verified: 1 event\(s\), last hash [0-9a-f]{64}/);
  });
});
