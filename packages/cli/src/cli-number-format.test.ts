import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const q = ["snapshot", "--ledger", sample, "--valid-at", "2022-12-31", "--no-verify"];

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

/** The table line of one indicator. */
const line = (stdout: string, id: string): string =>
  stdout.split("\n").find((l) => l.startsWith(`${id} `)) ?? "";

describe.skipIf(!hasBin())("--number-format (built bin, sample ledger)", () => {
  it("vi writes the same figures with dots grouping thousands and a decimal comma; json stays raw", () => {
    const en = runBin(q);
    const vi = runBin(["--number-format", "vi", ...q]);
    expect(en.code, en.stderr).toBe(0);
    expect(vi.code, vi.stderr).toBe(0);
    const json = JSON.parse(runBin([...q, "--format", "json", "--number-format", "vi"]).stdout) as {
      figures: Array<{ id: string; value: number | null; unit: string }>;
    };
    const money = json.figures.find((f) => f.unit === "vnd" && (f.value ?? 0) >= 1_000_000);
    const share = json.figures.find((f) => f.unit === "share" && f.value !== null);
    expect(money).toBeDefined();
    expect(share).toBeDefined();
    // The figure computed from the JSON value, written both ways.
    const grouped = String(Math.round(money!.value!)).replace(/\B(?=(\d{3})+(?!\d))/g, "|");
    expect(line(en.stdout, money!.id)).toContain(`${grouped.replaceAll("|", ",")} ₫`);
    expect(line(vi.stdout, money!.id)).toContain(`${grouped.replaceAll("|", ".")} ₫`);
    const pct = (Math.round(share!.value! * 1000) / 10).toFixed(1);
    expect(line(en.stdout, share!.id)).toContain(`${pct} %`);
    expect(line(vi.stdout, share!.id)).toContain(`${pct.replace(".", ",")} %`);
  });

  it("reads COOP_LEDGER_NUMBER_FORMAT as the default and refuses an unknown format (exit 2)", () => {
    const vi = runBin(q, { COOP_LEDGER_NUMBER_FORMAT: "vi" });
    expect(vi.stdout).toMatch(/\d{1,3}(\.\d{3})+ ₫/);
    const bad = runBin(q, { COOP_LEDGER_NUMBER_FORMAT: "fr" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/COOP_LEDGER_NUMBER_FORMAT/);
    const badOpt = runBin([...q, "--number-format", "fr"]);
    expect(badOpt.code).toBe(2);
  });
});
