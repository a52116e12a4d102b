// The README's TypeScript example (the block under "## Example"), transpiled from the README itself and
// run as a child process against the built package: against the gRPC test double, or against a real
// server when ESDB_URL is set. (scripts/pack-install.mjs type-checks the same block in a project that
// installed the packed packages; scripts/readme-examples.mjs requires this file to read README.md.)
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without declarations
import { exampleAsModule } from "../../../scripts/readme-examples.mjs";
import { EsdbServerDouble } from "./test-support/esdb-double.js";

const packageDir = join(import.meta.dirname, "..");

it("README example: append, then a catch-up projection on $all, filtered server-side", async () => {
  const js: string = exampleAsModule(join(packageDir, "README.md"), {
    runBy: "src/example-from-readme.test.ts",
  });
  // In the package folder, so `@coop-ledger/store-esdb` is the package itself (its dist/) and the
  // client packages resolve from its dependencies.
  const dir = mkdtempSync(join(packageDir, ".readme-example-"));
  const double = process.env.ESDB_URL ? undefined : await EsdbServerDouble.start();
  try {
    writeFileSync(join(dir, "example.mjs"), js);
    const env = double ? { ...process.env, ESDB_URL: double.connectionString } : process.env;
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "example.mjs")], {
      env,
      timeout: 60_000,
    });
    // The projection's state: the co-op's stream with its one suspension (and, on a server with other
    // data, more streams).
    expect(stdout).toMatch(/'coop-htx-000123': 1/);
    if (double) expect(double.log.filter((r) => r.streamId === "coop-htx-000123")).toHaveLength(1);
  } finally {
    await double?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
