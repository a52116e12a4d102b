import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReportPage, hasChromium, launchChromium, warnNoChromium } from "../test-support/browser.js";
import { escapeHtml, jsonForScript, renderReportHtml } from "./html.js";
import type { ReportData } from "./report-data.js";
import { loadUplotAssets } from "./uplot-assets.js";

const dates = ["2019-12-31", "2020-12-31", "2021-12-31", "2022-12-31"];
const data: ReportData = {
  title: "Report </script><script>alert(1)</script>",
  source: {
    ledger: "x.jsonl",
    events: 42,
    lastRecordedAt: "2023-01-01T00:00:00.000Z",
    validAt: "2022-12-31",
  },
  charts: [
    {
      id: "a",
      title: "Active",
      unit: "count",
      dates,
      series: [{ label: "co-ops", values: [10, 12, 15, 14] }],
    },
    {
      id: "b",
      title: "Founded",
      unit: "count",
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
      dates,
      series: [{ label: "share", values: [0.5, 0.6, null, 0.7] }],
    },
  ],
  targets: [{ resolution: "000", target: "t", figure: "1", threshold: "≥ 2", status: "notMet" }],
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
