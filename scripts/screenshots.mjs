#!/usr/bin/env node
// Regenerates docs/images/*.png: the HTML report and the web view (coop-ledger serve) on the bundled
// sample ledger, on a desktop, on a phone and as printed on A4. Needs the build (tsc -b) and chromium
// (Debian's /usr/bin/chromium, or CHROMIUM_PATH). The ledger is copied to a temporary directory so the
// index the CLI writes beside it never lands in the repository.
//
//   node scripts/screenshots.mjs
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "packages/cli/dist/bin.js");
const out = join(root, "docs/images");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(bin)) throw new Error(`${bin} is missing: build first (npx --yes pnpm@10.34.8 run build)`);
if (!existsSync(chromiumPath))
  throw new Error(`no chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
mkdirSync(out, { recursive: true });

const dir = mkdtempSync(join(tmpdir(), "coop-screenshots-"));
const ledger = join(dir, "province-60.jsonl");
copyFileSync(join(root, "examples/sample-ledgers/province-60.jsonl"), ledger);
const report = join(dir, "report.html");
// Run from the ledger's directory with a relative path: the ledger line on the pictures then reads
// "province-60.jsonl", the same on every run (a temporary path would change every picture).
const r = spawnSync(process.execPath, [bin, "report", "--ledger", "province-60.jsonl", "--out", report], {
  encoding: "utf8",
  cwd: dir,
});
if (r.status !== 0) throw new Error(`report failed: ${r.stderr}`);

// The web view, on a free port; its first line says where.
const server = spawn(process.execPath, [bin, "serve", "--ledger", "province-60.jsonl", "--port", "0"], {
  stdio: ["ignore", "pipe", "inherit"],
  cwd: dir,
});
const url = await new Promise((resolve, reject) => {
  let text = "";
  server.stdout.setEncoding("utf8").on("data", (d) => {
    text += d;
    const m = /open (http:\/\/\S+)/.exec(text);
    if (m) resolve(m[1]);
  });
  server.on("exit", (code) => reject(new Error(`serve exited (${code})`)));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const shots = [];
const shoot = async (
  name,
  target,
  { width = 1200, height = 900, print = false, ready, scrollTo, before } = {},
) => {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.goto(target);
  if (ready) await page.waitForFunction(ready, undefined, { timeout: 60_000 });
  if (before) await before(page);
  if (print) await page.emulateMedia({ media: "print" });
  if (scrollTo) await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), scrollTo);
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
  await page.close();
};
const served = () => document.body.dataset.state === "ready";
const charted = () => document.body.hasAttribute("data-charts-rendered");
// The A4 page box at 12 mm margins, in CSS pixels (see the print stylesheets).
const A4 = Math.floor((186 / 25.4) * 96);

try {
  await shoot("report-desktop", pathToFileURL(report).href, { ready: charted });
  await shoot("report-phone", pathToFileURL(report).href, { width: 360, height: 740, ready: charted });
  await shoot("report-print-a4", pathToFileURL(report).href, {
    width: A4,
    height: 1050,
    print: true,
    ready: charted,
  });
  await shoot("web-snapshot", `${url}?validAt=2022-12-31`, { ready: served });
  await shoot(
    "web-explain",
    `${url}?view=explain&indicator=coops.dissolved&validAt=2022-12-31&knownAt=2024-06-30`,
    { ready: served },
  );
  await shoot("web-diff", `${url}?view=diff&validAt=2022-12-31&a=2023-01-15&b=2026-06-30`, { ready: served });
  await shoot("web-diff-moved", `${url}?view=diff&validAt=2022-12-31&a=2023-01-15&b=2026-06-30`, {
    ready: served,
    before: async (page) => {
      await page.click("main table.cli >> nth=0 >> tbody tr >> nth=0 >> td.c >> nth=2 >> button");
      await page.waitForSelector("table.moved-events");
      // The caption's event count arrives after the late events.
      await page.waitForFunction(
        () => !document.querySelector("table.moved-events caption")?.textContent?.includes("counting"),
      );
      await page.evaluate(() => document.querySelector("section.moved")?.scrollIntoView());
    },
  });
  await shoot("web-targets", `${url}?view=targets&resolution=000&validAt=2025-12-31`, { ready: served });
  await shoot("web-phone-controls", `${url}?validAt=2022-12-31`, { width: 360, height: 740, ready: served });
  await shoot("web-phone", `${url}?validAt=2022-12-31`, {
    width: 360,
    height: 740,
    ready: served,
    scrollTo: "main table.cli",
  });
  await shoot("web-print-a4", `${url}?view=diff&validAt=2022-12-31&a=2023-01-15&b=2026-06-30`, {
    width: A4,
    height: 1050,
    print: true,
    ready: served,
  });
} finally {
  await browser.close();
  server.kill("SIGINT");
}
for (const f of shots) console.log(`wrote ${f}`);
