import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReportPage, hasChromium, launchChromium, warnNoChromium } from "./test-support/browser.js";
import { BIN, hasBin, REPO_ROOT, runBin } from "./test-support/run-bin.js";

const sample = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
const dir = mkdtempSync(join(tmpdir(), "coop-report-"));
const out = join(dir, "report.html");

if (!hasBin())
  console.warn(`\n!! SKIPPED: the CLI tests run the built bin ${BIN}; build first with tsc -b\n`);

describe.skipIf(!hasBin())("coop-ledger report (built bin) on the sample ledger", () => {
  beforeAll(() => {
    const r = runBin(["report", "--ledger", sample, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
  });

  it("writes one self-contained HTML file: uPlot inlined, no external reference", () => {
    const html = readFileSync(out, "utf8");
    expect(html).toContain("leeoniya/uPlot");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain("Organisations active (Số HTX, LHHTX, THT đang hoạt động)");
  });

  describe.skipIf(!hasChromium())("in a headless browser", () => {
    let browser: Awaited<ReturnType<typeof launchChromium>>;
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
  });
});

if (!hasChromium()) {
  describe("coop-ledger report in a headless browser", () => {
    it.skip("SKIPPED: chromium not found (see the warning above)", () => {});
  });
  warnNoChromium();
}
