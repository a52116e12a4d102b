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

  // Issue #18: under --form the chart titles still said "co-ops", and the "active" chart drew co-ops,
  // unions and groups active as three series which the scope makes the same organisations.
  const reportData = async (form: string) => {
    const out = join(mkdtempSync(join(tmpdir(), "coop-form-")), "r.html");
    const r = await run(["report", "--ledger", sample, "--out", out, "--form", form]);
    expect(r.code, r.stderr).toBe(0);
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(
      readFileSync(out, "utf8"),
    )?.[1];
    return JSON.parse(json ?? "null") as {
      charts: Array<{
        id: string;
        title: string;
        yTitle: string;
        dates: string[];
        series: Array<{ label: string; values: unknown[] }>;
      }>;
    };
  };

  it("report --form union and --form group: every chart title names the form, in English and Vietnamese", async () => {
    for (const [form, en] of [
      ["union", "co-op union"],
      ["group", "cooperative group"],
    ] as const) {
      const { charts } = await reportData(form);
      const title = (id: string) => charts.find((c) => c.id === id)?.title ?? "";
      expect(title("active")).toBe(
        form === "union"
          ? "Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động)"
          : "Active cooperative groups (Số tổ hợp tác đang hoạt động)",
      );
      for (const c of charts) {
        // The English names the form, the Vietnamese (in brackets) too; "co-ops" is never left.
        expect(c.title.toLowerCase(), c.id).toContain(en);
        expect(c.title.slice(c.title.indexOf("(")), c.id).toMatch(
          form === "union" ? /liên hiệp/ : /THT|tổ hợp tác/,
        );
        expect(c.title, c.id).not.toMatch(/\b[Cc]o-ops\b|Organisations/);
      }
      expect(charts.find((c) => c.id === "flows")?.yTitle).toBe(
        form === "union" ? "co-op unions (liên hiệp HTX)" : "cooperative groups (THT)",
      );
    }
  });

  it("report --form union: co-ops, unions and groups active fold into one series, the scope's figure", async () => {
    const { charts } = await reportData("union");
    const active = charts.find((c) => c.id === "active");
    expect(active?.series.map((s) => s.label)).toEqual([
      "Active co-op unions (Số liên hiệp hợp tác xã đang hoạt động)",
    ]);
    // The one series is the unions' own indicator under the same scope, as `series` gives it.
    const dates = active?.dates ?? [];
    expect(dates.length).toBeGreaterThan(1);
    const s = await run([
      "series",
      "--ledger",
      sample,
      "--from",
      `${dates[0]?.slice(0, 4)}-01-01`,
      "--to",
      dates[dates.length - 1] ?? "",
      "--indicator",
      "unions.active",
      "--form",
      "union",
      "--format",
      "json",
    ]);
    expect(s.code, s.stderr).toBe(0);
    const points = (
      JSON.parse(s.stdout) as { points: Array<{ validAt: string; figures: Array<{ value: unknown }> }> }
    ).points;
    expect(points.map((p) => p.validAt)).toEqual(dates);
    expect(active?.series[0]?.values).toEqual(points.map((p) => p.figures[0]?.value));
    // Without a scope the chart keeps its three populations.
    const out = join(mkdtempSync(join(tmpdir(), "coop-form-")), "r.html");
    expect((await run(["report", "--ledger", sample, "--out", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain(
      '"title":"Organisations active (Số HTX, LHHTX, THT đang hoạt động)"',
    );
  });
});
