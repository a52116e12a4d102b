import {
  copyFileSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");

describe.skipIf(!hasBin())("output files never overwrite an input or an existing file (issue #13)", () => {
  const dir = mkdtempSync(join(tmpdir(), "coop-outfiles-"));
  const ledger = join(dir, "ledger.jsonl");
  copyFileSync(sample, ledger);
  const original = readFileSync(ledger);

  it.each([
    ["the ledger itself", () => ledger],
    [
      "a hard link to the ledger",
      () => {
        const p = join(dir, "hard.jsonl");
        linkSync(ledger, p);
        return p;
      },
    ],
    [
      "a symlink to the ledger",
      () => {
        const p = join(dir, "sym.jsonl");
        symlinkSync(ledger, p);
        return p;
      },
    ],
  ])("report --out %s --force is refused (exit 3) and the ledger is untouched", (_what, out) => {
    const r = runBin(["report", "--ledger", ledger, "--out", out(), "--force"]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/is the input .* of this command/);
    expect(readFileSync(ledger).equals(original)).toBe(true);
  });

  it("report --out an existing file: refused without --force, replaced with it; no temp file left", () => {
    const out = join(dir, "old.html");
    writeFileSync(out, "keep me");
    const refused = runBin(["report", "--ledger", ledger, "--out", out]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/already exists/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = runBin(["report", "--ledger", ledger, "--out", out, "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
