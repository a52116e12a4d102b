// docs/eventstoredb.md's example of the point-in-time index kept from $all with its checkpoint (the
// block after `<!-- example: run-by ../packages/store-esdb/src/docs-example.test.ts -->`), taken from
// the doc itself and run as a child process against the built package: against the gRPC test double,
// or against a real server when ESDB_URL is set. It is run twice in the same folder: the second run
// resumes from the checkpoint the first saved. (scripts/pack-install.mjs type-checks the same block in
// a project that installed the packed packages; scripts/readme-examples.mjs requires this file to name
// eventstoredb.md.)
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { generateLedger } from "@coop-ledger/generator";
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without declarations
import { exampleAsModule } from "../../../scripts/readme-examples.mjs";
import { doubleStore } from "./test-support/double-store.js";

const packageDir = join(import.meta.dirname, "..");
const doc = join(packageDir, "..", "..", "docs", "eventstoredb.md");

it("docs/eventstoredb.md: the index kept from $all catches up, saves its checkpoint and resumes from it", async () => {
  const js: string = exampleAsModule(doc, { runBy: "../packages/store-esdb/src/docs-example.test.ts" });
  // In the package folder, so `@coop-ledger/store-esdb` is the package itself (its dist/) and the
  // client packages resolve from its dependencies; the checkpoint file lands in the same folder.
  const dir = mkdtempSync(join(packageDir, ".docs-example-"));
  const double = process.env.ESDB_URL ? undefined : await doubleStore();
  try {
    if (double !== undefined) {
      // Some history on the double: a few months of a generated province, one append per stream.
      const byStream = new Map<string, Parameters<typeof double.store.append>[1][number][]>();
      for (const e of generateLedger({ preset: "province", seed: 5, to: "2013-06-30" }))
        byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
      for (const [streamId, events] of byStream) {
        const r = await double.store.append(streamId as never, events, { expectedRevision: "noStream" })();
        if (E.isLeft(r)) throw new Error(r.left.message);
      }
    }
    writeFileSync(join(dir, "example.mjs"), js);
    const env = double ? { ...process.env, ESDB_URL: double.server.connectionString } : process.env;
    const run = () =>
      promisify(execFile)(process.execPath, [join(dir, "example.mjs")], { cwd: dir, env, timeout: 60_000 });
    const first = await run();
    expect(first.stdout).toMatch(/^figures: [1-9]\d*$/m);
    expect(existsSync(join(dir, "index.checkpoint"))).toBe(true);
    const second = await run();
    expect(second.stdout).toBe(first.stdout);
  } finally {
    await double?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
