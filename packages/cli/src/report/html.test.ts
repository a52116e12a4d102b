import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReportPage, hasChromium, launchChromium, warnNoChromium } from "../test-support/browser.js";
import { chartValue, jsonForScript, renderReportHtml } from "./html.js";
import type { ReportData } from "./report-data.js";
import { loadUplotAssets } from "./uplot-assets.js";
import { escapeHtml, inlineHtml, isVietnamese, markVi } from "./vi-text.js";

const dates = ["2019-12-31", "2020-12-31", "2021-12-31", "2022-12-31"];
const data: ReportData = {
  title: "Report </script><script>alert(1)</script>",
  source: {
    ledger: "x.jsonl",
    events: 42,
    lastRecordedAt: "2023-01-01T00:00:00.000Z",
    validAt: "2022-12-31",
  },
  identity: { path: "x.jsonl", events: 42, lastPosition: 41, lastHash: "ab".repeat(32), verified: true },
  charts: [
    {
      id: "a",
      title: "Active (Số HTX đang hoạt động)",
      unit: "count",
      yTitle: "co-ops (HTX)",
      dates,
      series: [{ label: "co-ops (hợp tác xã)", values: [10, 12, 15, 14] }],
    },
    {
      id: "b",
      title: "Founded",
      unit: "count",
      yTitle: "co-ops",
      bars: true,
      dates,
      series: [
        { label: "founded", values: [3, 4, 5, 1] },
        { label: "dissolved", values: [1, 0, 2, 2] },
      ],
    },
    {
      id: "c",
      title: "Share",
      unit: "percent",
      yTitle: "share",
      dates,
      series: [{ label: "share", values: [0.5, 0.6, null, 0.972] }],
    },
  ],
  targets: [{ resolution: "000", target: "t", figure: "1", threshold: "≥ 2", status: "notMet" }],
  notes: ["see `coop-ledger explain` for the events"],
};

describe("report HTML", () => {
  it("escapes ledger text so it cannot break out of the markup or the data script", () => {
    const html = renderReportHtml(data, { js: "", css: "" });
    expect(html).not.toContain("<script>alert(1)");
    expect(escapeHtml(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
    expect(jsonForScript({ s: "</script>" })).toBe('{"s":"\\u003c/script\\u003e"}');
  });

  it("inlines uPlot and forbids the network by policy", () => {
    const html = renderReportHtml(data, loadUplotAssets());
    expect(html).toContain("leeoniya/uPlot");
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  it("puts a data table under every chart, with every value of every series", () => {
    const html = renderReportHtml(data, { js: "", css: "" });
    for (const c of data.charts) {
      const table = new RegExp(`<table class="data" id="table-${c.id}">([\\s\\S]*?)</table>`).exec(html);
      expect(table, c.id).not.toBeNull();
      expect(html).toContain(`aria-describedby="table-${c.id}"`);
      const cells = [...(table?.[1] ?? "").matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells).toEqual(
        dates.flatMap((_, i) => c.series.map((s) => chartValue(c.unit, s.values[i] ?? null, "en"))),
      );
    }
  });

  it("ties the page to the ledger state: path, events, last position, last hash, verified", () => {
    const html = renderReportHtml(data, { js: "", css: "" });
    expect(html).toContain("ab".repeat(32));
    expect(html).toMatch(/last position 41/);
    expect(html).toContain("hash chain verified");
    const unverified = renderReportHtml(
      { ...data, identity: { ...data.identity!, verified: false } },
      { js: "", css: "" },
    );
    expect(unverified).toContain("UNVERIFIED");
  });

  it("writes numbers in the chosen format: vi groups with dots and marks decimals with a comma", () => {
    expect(chartValue("vnd", 42_556_000_000, "vi")).toBe("42.556.000.000 ₫");
    expect(chartValue("percent", 0.972, "vi")).toBe("97,2 %");
    expect(chartValue("count", 56.789, "vi")).toBe("56,79");
    expect(chartValue("vnd", 42_556_000_000, "en")).toBe("42,556,000,000 ₫");
    const html = renderReportHtml({ ...data, numberFormat: "vi" }, { js: "", css: "" });
    expect(html).toContain("97,2 %");
  });

  it("marks Vietnamese parts lang=vi and renders backticked code as <code>", () => {
    expect(markVi("met (đạt)")).toBe('met (<span lang="vi">đạt</span>)');
    expect(markVi("Share (of co-ops)")).toBe("Share (of co-ops)");
    expect(markVi("HTX Hàm Thuận")).toBe('<span lang="vi">HTX Hàm Thuận</span>');
    expect(isVietnamese("co-ops")).toBe(false);
    // Finer than the whole text: Vietnamese words outside parentheses are marked run by run, and no
    // English word is marked Vietnamese.
    expect(markVi("Resolution 000: Plan (Kế hoạch), Bình Thuận — valid at 2022-12-31")).toBe(
      'Resolution 000: Plan (<span lang="vi">Kế hoạch</span>), <span lang="vi">Bình Thuận</span> — valid at 2022-12-31',
    );
    expect(markVi("co-op HTX-60-001 in Hàm Thuận Bắc, Bình Thuận.")).toBe(
      'co-op HTX-60-001 in <span lang="vi">Hàm Thuận Bắc</span>, <span lang="vi">Bình Thuận</span>.',
    );
    expect(markVi("a <b> (đạt & <i>)")).toBe('a &lt;b&gt; (<span lang="vi">đạt &amp; &lt;i&gt;</span>)');
    expect(inlineHtml("see `coop-ledger explain` (giải thích)")).toBe(
      'see <code>coop-ledger explain</code> (<span lang="vi">giải thích</span>)',
    );
    const html = renderReportHtml(data, { js: "", css: "" });
    const body = html.slice(html.indexOf("<body>"), html.indexOf('<script type="application/json"'));
    expect(body).not.toContain("`");
    expect(html).toContain('<html lang="en">');
  });
});

describe.skipIf(!hasChromium())("report HTML in a headless browser", () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws every chart on a non-blank canvas and makes no network request", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coop-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, renderReportHtml(data, loadUplotAssets()));
    const r = await checkReportPage(browser, pathToFileURL(file).href);
    expect(r.consoleErrors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.renderedCharts).toBe(3);
    expect(r.canvases).toBeGreaterThanOrEqual(3);
    expect(r.nonBlankCanvases).toBeGreaterThanOrEqual(3);
  });
});

if (!hasChromium()) {
  describe("report HTML in a headless browser", () => {
    it.skip("SKIPPED: chromium not found (see the warning above)", () => {});
  });
  warnNoChromium();
}
