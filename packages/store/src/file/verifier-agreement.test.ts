import { execFileSync, spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { verifyIntegrity } from "./chain-integrity.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

const root = join(import.meta.dirname, "../..");
const fixtures = join(root, "fixtures/verify");
const script = join(root, "scripts/verify_ledger.py");
const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** The Python verifier's verdict: "OK" or the line number it names. */
const python = (path: string): string | number => {
  const r = spawnSync("python3", [script, path], { encoding: "utf8" });
  // A stack trace (an uncaught exception) is a disagreement too: it is neither OK nor FAIL line N.
  const out = r.stdout.trim();
  if (out === "OK" && r.status === 0) return "OK";
  const m = /^FAIL line (\d+): /.exec(out);
  return m !== null && r.status === 1 ? Number(m[1]) : `crash: ${r.stderr.slice(-200)}`;
};

/** The library's integrity verdict (decoding is validity, which the Python script does not check). */
const library = async (path: string): Promise<string | number> => {
  const r = await verifyLedger(path, { decodeEvents: false, collectInvalid: 0 })();
  return E.isRight(r) ? "OK" : r.left.line;
};

/** The parallel integrity check's verdict, split into many small ranges on two workers. */
const integrity = async (path: string): Promise<string | number> => {
  const r = await verifyIntegrity(path, { workers: 2, rangeBytes: 97 })();
  return E.isRight(r) ? "OK" : r.left.line;
};

describe("verifyLedger and verify_ledger.py agree (fixtures/verify)", async () => {
  const expected = JSON.parse(await readFile(join(fixtures, "expected.json"), "utf8")) as Record<
    string,
    string | number
  >;

  it("the fixtures are exactly what make-verify-fixtures.mjs writes", async () => {
    const t = await tempDir();
    try {
      execFileSync(process.execPath, [join(root, "scripts/make-verify-fixtures.mjs"), t.dir]);
      const names = (await readdir(t.dir)).sort();
      expect((await readdir(fixtures)).sort()).toEqual(names);
      for (const n of names)
        expect((await readFile(join(fixtures, n))).equals(await readFile(join(t.dir, n))), n).toBe(true);
    } finally {
      await t.remove();
    }
  });

  it.each(Object.keys(expected))("the library gives the expected verdict on %s", async (name) => {
    expect(await library(join(fixtures, name))).toBe(expected[name]);
  });

  it.each(Object.keys(expected))(
    "the parallel integrity check gives the expected verdict on %s",
    async (name) => {
      expect(await integrity(join(fixtures, name))).toBe(expected[name]);
    },
  );

  it.skipIf(!hasPython).each(Object.keys(expected))(
    "the Python script gives the expected verdict on %s",
    (name) => {
      expect(python(join(fixtures, name))).toBe(expected[name]);
    },
  );
});
