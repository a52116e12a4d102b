import { appendFileSync, copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./test-support/run-in-process.js";

const SAMPLE = fileURLToPath(new URL("../../../examples/sample-ledgers/province-60.jsonl", import.meta.url));

describe("a crash tail is refused with the command that repairs it, not a library function", () => {
  const torn = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), "cli-repair-hint-"));
    const path = join(dir, name);
    copyFileSync(SAMPLE, path);
    // Half of a copied event line, no newline: a write cut short by a crash.
    const line = readFileSync(SAMPLE, "utf8").split("\n")[5]!;
    appendFileSync(path, line.slice(0, line.length >> 1));
    return { dir, path };
  };

  it("verify, snapshot and explain name `coop-ledger repair --ledger <the path>` and never repairLedger", async () => {
    const { path } = torn("l.jsonl");
    for (const args of [
      ["verify"],
      ["snapshot", "--valid-at", "2022-12-31"],
      ["explain", "coops.active", "--valid-at", "2022-12-31"],
    ]) {
      const r = await runInProcess([...args, "--ledger", path], tmpdir());
      expect(r.code, args[0]).toBe(4);
      expect(r.stderr, args[0]).toContain(`coop-ledger repair --ledger ${path}`);
      expect(r.stderr, args[0]).not.toMatch(/repairLedger|truncate: true/);
    }
  });

  it("a path with a space or quote is quoted so the hint can be pasted into a shell", async () => {
    const { path } = torn("it's my ledger.jsonl");
    const r = await runInProcess(["verify", "--ledger", path], tmpdir());
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`coop-ledger repair --ledger '${path.replace("'", "'\\''")}'`);
  });
});
