import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const dir = mkdtempSync(join(tmpdir(), "coop-verify-read-"));

/**
 * A copy of the sample with one event's content changed and its stored hash left as it was: a line
 * rewritten by hand. The figures it gives are plausible (a date moved by a year), so only the chain
 * shows the change.
 */
const tampered = (): { path: string; line: number } => {
  const lines = readFileSync(sample, "utf8").split("\n");
  const n = 700; // lines[n] is 1-based line n + 1
  lines[n] = (lines[n] as string).replace(
    /"effectiveDate":"(\d{4})/,
    (_m, y: string) => `"effectiveDate":"${Number(y) - 1}`,
  );
  const path = join(dir, "tampered.jsonl");
  writeFileSync(path, lines.join("\n"));
  return { path, line: n + 1 };
};

/** Every command that computes figures, with the arguments it needs besides the ledger. */
const commands: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["snapshot", ["--valid-at", "2022-12-31"]],
  ["series", ["--from", "2020-01-01", "--to", "2022-12-31", "--indicator", "coops.active"]],
  ["explain", ["coops.active", "--valid-at", "2022-12-31"]],
  ["diff", ["--valid-at", "2022-12-31", "--known-at", "2023-01-15", "--known-at", "2024-06-30"]],
  ["targets", ["--resolution", "000", "--valid-at", "2025-12-31"]],
  ["report", ["--out", join(dir, "report.html")]],
];

describe.skipIf(!hasBin())("figures come from a verified ledger (issue #13)", () => {
  const t = tampered();

  it.each(commands)(
    "%s refuses a ledger whose chain breaks (exit 4, the line named, nothing printed)",
    (cmd, args) => {
      const r = runBin([
        cmd,
        ...(cmd === "explain" ? [args[0] as string] : []),
        "--ledger",
        t.path,
        ...args.slice(cmd === "explain" ? 1 : 0),
      ]);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr.split("\n")[0]).toMatch(
        new RegExp(`^coop-ledger: error: .*line ${t.line}\\b.*hash chain`),
      );
      expect(r.stdout).toBe("");
    },
  );

  it.each(commands)("%s --no-verify computes anyway and says the figures are unverified", (cmd, args) => {
    const out =
      cmd === "report"
        ? ["--out", join(dir, "report-unverified.html")]
        : args.slice(cmd === "explain" ? 1 : 0);
    const r = runBin([
      cmd,
      ...(cmd === "explain" ? [args[0] as string] : []),
      "--ledger",
      t.path,
      "--no-verify",
      ...out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /--no-verify: the hash chain of .* was not checked; these figures are unverified/,
    );
  });

  it("an intact ledger is checked silently (no warning on stderr)", () => {
    const r = runBin(["snapshot", "--ledger", sample, "--valid-at", "2022-12-31", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
  });
});
