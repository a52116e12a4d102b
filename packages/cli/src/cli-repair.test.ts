import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, hasBin, runBin } from "./test-support/run-bin.js";

const SAMPLE = fileURLToPath(new URL("../../../examples/sample-ledgers/province-60.jsonl", import.meta.url));
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

describe.skipIf(!hasBin())("coop-ledger repair (built bin)", () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-repair-"));
    const path = join(dir, "l.jsonl");
    copyFileSync(SAMPLE, path);
    return { dir, path };
  };

  it("a NUL-filled tail: the dry run changes nothing and exits 4; --apply cuts exactly the tail, keeps a backup", () => {
    const { dir, path } = copy();
    const clean = sha(path);
    appendFileSync(path, Buffer.concat([Buffer.alloc(4096), Buffer.from("\n")]));
    const damaged = sha(path);
    const dry = runBin(["repair", "--ledger", path, "--format", "json"]);
    expect(dry.code).toBe(4);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      applied: false,
      outcome: { _tag: "WouldTruncate", tail: "NulTail", removedBytes: 4097 },
    });
    expect(sha(path)).toBe(damaged);
    const applied = runBin(["repair", "--ledger", path, "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("repaired");
    expect(sha(path)).toBe(clean);
    const backups = readdirSync(dir).filter((f) => f.endsWith(".bak"));
    expect(backups).toHaveLength(1);
    expect(sha(join(dir, backups[0]!))).toBe(damaged);
    expect(runBin(["verify", "--ledger", path]).code).toBe(0);
  });

  it("damage that is not a crash tail is refused with exit 4 and the file unchanged", () => {
    const { path } = copy();
    const text = readFileSync(path, "utf8");
    appendFileSync(path, Buffer.concat([Buffer.alloc(64), Buffer.from(`\n${text.split("\n")[3]}\n`)]));
    const before = sha(path);
    const r = runBin(["repair", "--ledger", path, "--apply"]);
    expect(r.code).toBe(4);
    // The damage is the first line after the ledger's own lines (header + events, newline-terminated).
    const firstDamagedLine = text.split("\n").length;
    expect(r.stderr).toContain(`line ${firstDamagedLine} `);
    expect(r.stderr).toContain("not a crash tail");
    expect(sha(path)).toBe(before);
  });

  it("a clean ledger: nothing to repair, exit 0; a missing file: exit 3", () => {
    const { path } = copy();
    const r = runBin(["repair", "--ledger", path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("nothing to repair");
    expect(runBin(["repair", "--ledger", `${path}.missing`]).code).toBe(3);
  });
});
