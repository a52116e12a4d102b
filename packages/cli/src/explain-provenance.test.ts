import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");

describe.skipIf(!hasBin())("explain credits the events that make up the figure (issue #13)", () => {
  it("coops.active at 31/12/2022 on the sample: foundings of counted co-ops and the events that ended the others, no ManagerAppointed", () => {
    const r = runBin([
      "explain",
      "coops.active",
      "--ledger",
      sample,
      "--valid-at",
      "31/12/2022",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout) as {
      figure: { value: number };
      events: Array<{ type: string; streamId: string; contribution: { value: number } }>;
    };
    const types = new Set(x.events.map((e) => e.type));
    expect([...types].sort()).toEqual(["CoopDissolved", "CoopFounded", "CoopReorganisedAway"]);
    expect(x.events.reduce((s, e) => s + e.contribution.value, 0)).toBe(x.figure.value);
    // One record per co-op counted or ended: every founding +1, every ending −1, one of each per stream.
    const founded = x.events.filter((e) => e.type === "CoopFounded");
    expect(founded.every((e) => e.contribution.value === 1)).toBe(true);
    expect(new Set(founded.map((e) => e.streamId)).size).toBe(founded.length);
    const ended = x.events.filter((e) => e.type !== "CoopFounded");
    expect(ended.every((e) => e.contribution.value === -1)).toBe(true);
    expect(founded.length - ended.length).toBe(x.figure.value);
  });
});

describe.skipIf(!hasBin())("diff shows what changed (issue #13)", () => {
  it("no row of diff shows the same text before and after (97.2 % → 97.2 % shows its exact parts)", () => {
    const diff = [
      "diff",
      "--ledger",
      sample,
      "--valid-at",
      "2022-12-31",
      "--known-at",
      "2023-01-15",
      "--known-at",
      "2024-06-30",
    ];
    const r = runBin([...diff, "--format", "csv"]);
    expect(r.code, r.stderr).toBe(0);
    const table = runBin(diff);
    const rows = table.stdout
      .split("\n\n")[0]!
      .split("\n")
      .slice(3)
      .filter((l) => l.length > 0);
    expect(rows.some((l) => l.startsWith("coops.law2012Share"))).toBe(true);
    for (const l of rows) {
      const cells = l.split(/\s{2,}/);
      expect(cells[1], l).not.toBe(cells[2]);
    }
  });
});
