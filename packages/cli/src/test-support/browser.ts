import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

// The page-side callbacks below run in the browser; this module is compiled without the DOM library, so
// the little of the DOM they touch is declared here (module-scoped).
interface PageCanvas {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: "2d",
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
declare const document: {
  readonly body: { hasAttribute(n: string): boolean; getAttribute(n: string): string | null };
  querySelectorAll(selector: "canvas"): Iterable<PageCanvas>;
};

/** Where Debian puts chromium; override with CHROMIUM_PATH. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether a headless browser is available for the report tests. */
export const hasChromium = (): boolean => existsSync(chromiumPath());

/** Says LOUDLY that the browser test did not run, so a green suite without chromium is not mistaken for a checked report. */
export const warnNoChromium = (): void => {
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! SKIPPED: the HTML report browser test needs chromium at ${chromiumPath()}\n` +
      `!! (apt-get install -y chromium, or set CHROMIUM_PATH). The report was NOT checked in a browser.\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
};

/** Launches Debian's chromium headless with the flags that keep it from phoning home. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

/** What the page looked like once loaded. */
export interface PageCheck {
  readonly canvases: number;
  readonly nonBlankCanvases: number;
  readonly renderedCharts: number;
  readonly requests: ReadonlyArray<string>;
  readonly consoleErrors: ReadonlyArray<string>;
}

/**
 * Opens an HTML file in the browser, records every request other than the file itself (and aborts
 * them), and counts canvases whose pixels are not all the same (a drawn chart has axes and lines).
 */
export const checkReportPage = async (browser: Browser, fileUrl: string): Promise<PageCheck> => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === fileUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(fileUrl, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.hasAttribute("data-charts-rendered"), undefined, {
    timeout: 10_000,
  });
  const result = await page.evaluate(() => {
    const canvases = [...document.querySelectorAll("canvas")];
    const nonBlank = canvases.filter((c) => {
      const ctx = c.getContext("2d");
      if (ctx === null || c.width === 0 || c.height === 0) return false;
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < px.length; i += 4 * 17) {
        seen.add(
          ((px[i] ?? 0) << 24) | ((px[i + 1] ?? 0) << 16) | ((px[i + 2] ?? 0) << 8) | (px[i + 3] ?? 0),
        );
        if (seen.size > 2) return true;
      }
      return false;
    });
    return {
      canvases: canvases.length,
      nonBlankCanvases: nonBlank.length,
      renderedCharts: Number(document.body.getAttribute("data-charts-rendered")),
    };
  });
  await context.close();
  return { ...result, requests, consoleErrors };
};
