import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReportPage, hasChromium, launchChromium, warnNoChromium } from "./test-support/browser.js";
import { overflowing, unmarkedVietnamese, visibleText } from "./test-support/page-checks.js";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const dir = mkdtempSync(join(tmpdir(), "coop-report-"));
const out = join(dir, "report.html");
const outVi = join(dir, "report-vi.html");

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

/** The A4 page box at the report's print margins (210 mm − 2 × 12 mm) in CSS pixels (96 per inch). */
const A4_BOX_PX = Math.floor((186 / 25.4) * 96);

describe.skipIf(!hasBin())("coop-ledger report (built bin) on the sample ledger", () => {
  beforeAll(() => {
    const r = runBin(["report", "--ledger", sample, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const v = runBin(["report", "--ledger", sample, "--out", outVi, "--number-format", "vi"]);
    expect(v.code, v.stderr).toBe(0);
  });

  it("writes one self-contained HTML file: uPlot inlined, no external reference", () => {
    const html = readFileSync(out, "utf8");
    expect(html).toContain("leeoniya/uPlot");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain('Organisations active (<span lang="vi">Số HTX, LHHTX, THT đang hoạt động</span>)');
  });

  it("with --number-format vi writes Vietnamese separators (dots group, comma decimals)", () => {
    const html = readFileSync(outVi, "utf8");
    expect(html).toMatch(/<td class="num">\d{1,3}(\.\d{3})+ ₫<\/td>/);
    expect(html).toMatch(/<td class="num">\d{1,3},\d %<\/td>/);
    expect(html).not.toMatch(/<td class="num">\d{1,3}(,\d{3})+ ₫<\/td>/);
  });

  describe.skipIf(!hasChromium())("in a headless browser", () => {
    let browser: Browser;
    const open = async (file: string, width = 1200, height = 900): Promise<Page> => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction("document.body.hasAttribute('data-charts-rendered')");
      return page;
    };
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("renders every chart on a non-blank canvas without a single network request", async () => {
      const r = await checkReportPage(browser, pathToFileURL(out).href);
      expect(r.consoleErrors).toEqual([]);
      expect(r.requests).toEqual([]);
      expect(r.renderedCharts).toBe(6);
      expect(r.nonBlankCanvases).toBeGreaterThanOrEqual(6);
    });

    it("hovering the 2018 gridline shows the 31 December 2018 figure, the one in the data table", async () => {
      const page = await open(out);
      // The tick uPlot drew with the label "2018", and where it is on the screen.
      const tick = (await page.evaluate(`(() => {
        const u = window.coopCharts.plots.active, ax = u.axes[0];
        const i = ax._values.indexOf("2018");
        const r = u.over.getBoundingClientRect();
        return i < 0 ? null : { x: r.left + u.valToPos(ax._splits[i], "x"), y: r.top + r.height / 2 };
      })()`)) as { x: number; y: number } | null;
      expect(tick).not.toBeNull();
      await page.mouse.move(tick!.x, tick!.y);
      const legend = (await page.evaluate(
        `[...window.coopCharts.plots.active.root.querySelectorAll(".u-legend .u-value")].map((e) => e.textContent)`,
      )) as string[];
      expect(legend[0]).toBe("2018-12-31");
      const row = (await page.evaluate(
        `[...document.querySelectorAll("#table-active tbody tr")].find((tr) => tr.querySelector("th").textContent === "2018")?.querySelector("td")?.textContent`,
      )) as string;
      expect(legend[1]).toBe(row);
      await page.close();
    });

    it("draws founded and dissolved bars side by side, the first and last inside the plot, with axis titles", async () => {
      const page = await open(out);
      const r = (await page.evaluate(`(() => {
        const u = window.coopCharts.plots.flows, xs = u.data[0];
        const i = xs.findIndex((_, k) => u.data[1][k] > 0 && u.data[2][k] > 0);
        const px = (x, y) => { const d = u.ctx.getImageData(Math.round(u.valToPos(x, "x", true)), Math.round(u.valToPos(y, "y", true)), 1, 1).data; return [d[0], d[1], d[2]]; };
        const low = 0.5;
        return { year: xs[i], left: px(xs[i] - 0.2, low), right: px(xs[i] + 0.2, low),
          firstLeft: px(xs[0] - 0.3, 0.1), min: u.scales.x.min, max: u.scales.x.max, first: xs[0], last: xs[xs.length - 1],
          xTitle: u.axes[0].label, yTitle: u.axes[1].label };
      })()`)) as {
        year: number;
        left: number[];
        right: number[];
        min: number;
        max: number;
        first: number;
        last: number;
        xTitle: string;
        yTitle: string;
      };
      // founded (blue, #1f6feb) left of the year, dissolved (red, #d1242f) right of it: no overlap.
      const [lr = 0, , lb = 0] = r.left;
      const [rr = 0, , rb = 0] = r.right;
      expect(lb, `left of ${r.year}: ${r.left}`).toBeGreaterThan(lr);
      expect(rr, `right of ${r.year}: ${r.right}`).toBeGreaterThan(rb);
      expect(r.min).toBeLessThanOrEqual(r.first - 0.5);
      expect(r.max).toBeGreaterThanOrEqual(r.last + 0.5);
      expect(r.xTitle).toMatch(/31 December/);
      expect(r.yTitle.length).toBeGreaterThan(0);
      await page.close();
    });

    it("marks every Vietnamese text lang=vi, shows no literal backtick, and makes no console error", async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(out).href);
      await page.waitForFunction("document.body.hasAttribute('data-charts-rendered')");
      expect(await unmarkedVietnamese(page)).toEqual([]);
      expect(await visibleText(page)).not.toContain("`");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(errors).toEqual([]);
      await page.close();
    });

    it("prints on A4 with nothing past the page box and every data table on paper", async () => {
      const page = await open(out, A4_BOX_PX, 1100);
      await page.emulateMedia({ media: "print" });
      await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
      expect(await overflowing(page, A4_BOX_PX)).toEqual([]);
      const tableHeights = (await page.evaluate(
        `[...document.querySelectorAll("table.data")].map((t) => t.getBoundingClientRect().height)`,
      )) as number[];
      expect(tableHeights).toHaveLength(6);
      for (const h of tableHeights) expect(h).toBeGreaterThan(0);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.close();
    });

    it("fits a phone's width (360 px): no chart or table clipped, nothing scrolls the page sideways", async () => {
      const page = await open(outVi, 360, 740);
      expect(await overflowing(page, 360)).toEqual([]);
      const widths = (await page.evaluate(
        `Object.values(window.coopCharts.plots).map((u) => u.root.getBoundingClientRect().right)`,
      )) as number[];
      expect(widths).toHaveLength(6);
      for (const w of widths) expect(w).toBeLessThanOrEqual(360);
      await page.close();
    });
  });
});

if (!hasChromium()) {
  describe("coop-ledger report in a headless browser", () => {
    it.skip("SKIPPED: chromium not found (see the warning above)", () => {});
  });
  warnNoChromium();
}
