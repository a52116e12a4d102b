import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./test-support/run-bin.js";
import { runInProcess } from "./test-support/run-in-process.js";

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const run = (args: ReadonlyArray<string>) => runInProcess(args, REPO_ROOT);

// Issue #13: `--form union` replaces each indicator's form (coops.active counts unions), so every
// output labels the figure by what it counts, not by the catalogue's "Active co-ops".
describe("a form scope: every output names the organisations counted", () => {
  const q = ["--ledger", sample, "--valid-at", "2022-12-31"];

  it("snapshot: table, CSV and JSON say 'Active co-op unions' under --form union, 'Active co-ops' without", async () => {
    const table = await run(["snapshot", ...q, "--form", "union"]);
    expect(table.code, table.stderr).toBe(0);
    const row = table.stdout.split("\n").find((l) => l.startsWith("coops.active "));
    expect(row).toContain("Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động)");
    expect(table.stdout).not.toContain("Active co-ops (");

    const csv = await run(["snapshot", ...q, "--form", "union", "--format", "csv"]);
    expect(csv.stdout.split("\r\n").find((l) => l.startsWith("coops.active,"))).toMatch(
      /^coops\.active,Active co-op unions,Số liên hiệp hợp tác xã đang hoạt động,/,
    );

    const json = await run(["snapshot", ...q, "--form", "union", "--format", "json"]);
    const figures = (JSON.parse(json.stdout) as { figures: Array<{ id: string; label: unknown }> }).figures;
    expect(figures.find((f) => f.id === "coops.active")?.label).toEqual({
      en: "Active co-op unions",
      vi: "Số liên hiệp hợp tác xã đang hoạt động",
    });

    const plain = await run(["snapshot", ...q, "--format", "json"]);
    const own = (JSON.parse(plain.stdout) as { figures: Array<{ id: string; label: unknown }> }).figures;
    expect(own.find((f) => f.id === "coops.active")?.label).toEqual({
      en: "Active co-ops",
      vi: "Số hợp tác xã đang hoạt động",
    });
  });

  it("series (JSON labels and notes) and explain (note) follow the scope", async () => {
    const s = await run([
      "series",
      "--ledger",
      sample,
      "--from",
      "2020-01-01",
      "--to",
      "2022-12-31",
      "--indicator",
      "coops.active",
      "--form",
      "group",
      "--format",
      "json",
    ]);
    expect(s.code, s.stderr).toBe(0);
    expect((JSON.parse(s.stdout) as { labels: unknown }).labels).toEqual({
      "coops.active": { en: "Active cooperative groups", vi: "Số tổ hợp tác đang hoạt động" },
    });
    const x = await run(["explain", "coops.active", ...q, "--form", "union"]);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout + x.stderr).toContain(
      "Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động), valid at",
    );
  });

  it("report --form union labels its charts and data tables by the form", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "coop-form-")), "r.html");
    const r = await run(["report", "--ledger", sample, "--out", out, "--form", "union"]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    // The chart data (legend) and the data tables behind the charts; the inlined script's comments aside.
    expect(html).toContain('"label":"Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động)"');
    expect(html).toContain(
      'Active co-op unions (<span lang="vi">Số liên hiệp hợp tác xã đang hoạt động</span>)',
    );
    expect(html).not.toMatch(/"label":"Active co-ops|>Active co-ops \(/);
    expect(html).toContain(", form union");
  });
});
