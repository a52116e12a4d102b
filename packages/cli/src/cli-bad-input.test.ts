import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SAMPLE_LEDGER } from "./engine/sample-ledger.js";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

const dir = mkdtempSync(join(tmpdir(), "coop-ledger-bad-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sample = readFileSync(join(REPO_ROOT, SAMPLE_LEDGER));

/** One error line naming the problem, one hint line, no stack trace. */
const oneSentence = (stderr: string): void => {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^coop-ledger: error: /);
  expect(lines[1]).toMatch(/^hint: /);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
};

describe.skipIf(!hasBin())("coop-ledger (built bin): bad input named", () => {
  it("a directory as --ledger is a file error (exit 3) saying so, for every figure command", () => {
    for (const args of [
      ["snapshot", "--valid-at", "2022-12-31"],
      ["explain", "coops.active", "--valid-at", "2022-12-31"],
      [
        "series",
        "--from",
        "2020-01-01",
        "--to",
        "2022-12-31",
        "--every",
        "year",
        "--indicator",
        "coops.active",
      ],
      ["diff", "--valid-at", "2022-12-31", "--known-at", "2023-01-01", "--known-at", "2024-01-01"],
      ["targets", "--resolution", "000", "--valid-at", "2025-12-31"],
    ]) {
      const r = runBin([...args, "--ledger", dir]);
      expect(r.code, args[0]).toBe(3);
      expect(r.stderr, args[0]).toContain(`${dir}: is a directory`);
      oneSentence(r.stderr);
    }
  });

  it("a ledger converted with a byte-order mark is refused (exit 4) naming the BOM", () => {
    const bom = join(dir, "bom.jsonl");
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]));
    const r = runBin(["snapshot", "--valid-at", "2022-12-31", "--ledger", bom]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("byte-order mark (BOM");
    oneSentence(r.stderr);
    // verify too (it said "not a coop-ledger header" before).
    const v = runBin(["verify", "--ledger", bom]);
    expect(v.code).toBe(4);
    expect(v.stderr).toContain("byte-order mark (BOM");
  });

  it("a ledger converted to CR LF line ends is refused (exit 4) naming CR LF", () => {
    const crlf = join(dir, "crlf.jsonl");
    writeFileSync(crlf, sample.toString("utf8").replace(/\n/g, "\r\n"));
    const r = runBin(["snapshot", "--valid-at", "2022-12-31", "--ledger", crlf]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("CR LF (Windows line ends)");
    oneSentence(r.stderr);
    // verify too (it said "not canonical JSON" before).
    const v = runBin(["verify", "--ledger", crlf]);
    expect(v.code).toBe(4);
    expect(v.stderr).toContain("CR LF (Windows line ends)");
  });

  it("a date outside the ledger's range gives the allowed range (exit 2)", () => {
    const r = runBin(["snapshot", "--valid-at", "0999-12-31", "--ledger", SAMPLE_LEDGER]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("1900-01-01 to 2999-12-31");
    oneSentence(r.stderr);
  });

  it("a reversed series range is a usage error (exit 2) naming both dates", () => {
    const r = runBin([
      "series",
      "--from",
      "2023-01-01",
      "--to",
      "2020-01-01",
      "--every",
      "year",
      "--indicator",
      "coops.active",
      "--ledger",
      SAMPLE_LEDGER,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--to 2020-01-01 is before --from 2023-01-01");
    oneSentence(r.stderr);
  });

  it("an unknown district is a query error (exit 5) naming it, like an unknown province", () => {
    const r = runBin([
      "snapshot",
      "--valid-at",
      "2022-12-31",
      "--district",
      "999",
      "--ledger",
      SAMPLE_LEDGER,
    ]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("--district 999: no such district");
    expect(r.stdout).toBe("");
    oneSentence(r.stderr);
  });
});
