import { describe, expect, it } from "vitest";
import { BIN, hasBin, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

/** The commands the help lists, each with its own --help. */
const COMMANDS = [
  "generate",
  "verify",
  "repair",
  "snapshot",
  "series",
  "explain",
  "diff",
  "targets",
  "report",
  "import",
  "export",
  "demo",
];

describe.skipIf(!hasBin())("coop-ledger (built bin): usage", () => {
  it("prints help with the exit-code table and exits 0", () => {
    const r = runBin(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: coop-ledger");
    expect(r.stdout).toContain("Exit codes:");
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
  });

  it("every command has --help", () => {
    for (const c of COMMANDS) {
      const r = runBin([c, "--help"]);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain(`Usage: coop-ledger ${c}`);
    }
  });

  it("a missing required option is one error line plus a hint, exit 2, no stack trace", () => {
    const r = runBin(["snapshot", "--ledger", "x.jsonl"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "coop-ledger: error: required option '--valid-at <date>' not specified",
      "hint: run `coop-ledger snapshot --help` for its options",
    ]);
  });

  it("an unknown command suggests the nearest one", () => {
    const r = runBin(["snapshto"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'snapshto' (Did you mean snapshot?)");
  });

  it("a malformed date names the option, why, and the accepted forms, exit 2", () => {
    const r = runBin(["snapshot", "--ledger", "x.jsonl", "--valid-at", "31/02/2022"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^coop-ledger: error: --valid-at: not a calendar date: "31\/02\/2022" \(February 2022 has 28 days\)\nhint: .*DD\/MM\/YYYY/,
    );
    const word = runBin(["snapshot", "--ledger", "x.jsonl", "--valid-at", "yesterday"]);
    expect(word.code).toBe(2);
    expect(word.stderr).toMatch(
      /^coop-ledger: error: --valid-at: not a valid date: "yesterday"\nhint: .*DD\/MM\/YYYY/,
    );
  });

  it("an invalid --format choice is a usage error", () => {
    const r = runBin(["verify", "--ledger", "x.jsonl", "--format", "xml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Allowed choices are table, json, csv");
  });

  it("a missing ledger file is a file error, exit 3, naming the path", () => {
    const r = runBin(["verify", "--ledger", "/nonexistent/ledger.jsonl"]);
    expect(r.code).toBe(3);
    expect(r.stderr.split("\n")[0]).toMatch(/^coop-ledger: error: .*\/nonexistent\/ledger\.jsonl/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
