import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, packageDir } from "./test-support/ensure-built.js";

describe("the README example", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("runs: founds a co-op, repeats the command without appending, reads it back, verifies", () => {
    const out = execFileSync(process.execPath, [join(packageDir, "examples/quickstart.mjs")], {
      encoding: "utf8",
    });
    expect(out).toContain("coop-htx-thanh-long: 1 event(s), already handled: false");
    expect(out).toContain("coop-htx-thanh-long: 1 event(s), already handled: true");
    expect(out).toMatch(/revision 0: CoopFounded effective 2019-03-01/);
    expect(out).toMatch(/verified: 1 event\(s\), last hash [0-9a-f]{64}/);
  });

  it("is the code printed in the README", async () => {
    const readme = await readFile(join(packageDir, "README.md"), "utf8");
    expect(readme).toContain((await readFile(join(packageDir, "examples/quickstart.mjs"), "utf8")).trim());
  });
});
