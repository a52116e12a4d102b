import { identityLine } from "../engine/ledger-identity.js";
import {
  formatDecimal,
  formatPercent,
  formatVnd,
  groupDigits,
  type NumberFormat,
} from "../output/numbers.js";
import { CHART_SCRIPT } from "./chart-script.js";
import { REPORT_CSS } from "./report-css.js";
import type { ReportChart, ReportData } from "./report-data.js";
import type { UplotAssets } from "./uplot-assets.js";
import { escapeHtml, inlineHtml, markVi } from "./vi-text.js";

/**
 * JSON safe to embed in a `<script>` element: `<`, `>`, `&` and the JS line separators are escaped
 * so no ledger text (co-op names are user data) can close the element or inject markup.
 *
 * @example jsonForScript({ s: "</script>" }) // '{"s":"\\u003c/script\\u003e"}'
 */
export const jsonForScript = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * uPlot's build as the body of an inline `<script>`: a `</script` inside it would end the element.
 * @example inlineScript("var a = 1;")
 */
export const inlineScript = (js: string): string => js.replace(/<\/script/gi, "<\\/script");

/** The report's boot script: draws each chart from the embedded data with the shared chart script. */
const BOOT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var nf = data.numberFormat || "en";
  data.charts.forEach(function (c) {
    window.coopCharts.draw(document.getElementById("chart-" + c.id), c, nf,
      { xTitle: nf === "vi" ? "Năm (số liệu tại 31/12)" : "Year (figures at 31 December)" });
  });
  // Paper gets every data table: open the closed ones for printing, close them again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); opened = []; });
  document.body.setAttribute("data-charts-rendered", String(data.charts.length));
})();
`;

/**
 * A chart's values as a table (the accessible and printable form of the picture): a row per year,
 * a column per series, numbers in the report's format.
 */
const chartTable = (c: ReportChart, nf: NumberFormat, fmt: (v: number | null) => string): string => {
  const head = c.series.map((s) => `<th scope="col" class="num">${markVi(s.label)}</th>`).join("");
  const rows = c.dates
    .map(
      (d, i) =>
        `<tr><th scope="row" title="${escapeHtml(d)}">${escapeHtml(d.slice(0, 4))}</th>${c.series
          .map((s) => `<td class="num">${escapeHtml(fmt(s.values[i] ?? null))}</td>`)
          .join("")}</tr>`,
    )
    .join("\n");
  const summary = nf === "vi" ? "Bảng số liệu" : `Data table (<span lang="vi">Bảng số liệu</span>)`;
  const at = nf === "vi" ? "số liệu tại 31/12 mỗi năm" : "figures at 31 December of each year";
  return `<details class="data-table"><summary>${summary}</summary><div class="table-wrap"><table class="data" id="table-${escapeHtml(c.id)}"><caption>${markVi(c.title)}: ${markVi(at)}</caption>
<thead><tr><th scope="col">${nf === "vi" ? "Năm" : "Year"}</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></div></details>`;
};

/**
 * A chart's value for its data table: counts grouped, shares as percentages with one decimal, VND in
 * full đồng, averages with two decimals.
 * @example chartValue("percent", 0.972, "vi") // "97,2 %"
 */
export const chartValue = (unit: ReportChart["unit"], v: number | null, nf: NumberFormat): string => {
  if (v === null || Number.isNaN(v)) return "–";
  if (unit === "percent") return formatPercent(v, nf);
  if (unit === "vnd") return formatVnd(Math.round(v), nf);
  return Number.isInteger(v) ? groupDigits(v, nf) : formatDecimal(v, 2, nf);
};

/**
 * The block that ties the page to one ledger state (H-audit's identity line: file, events, last
 * position, last hash, verified or not), then what the figures are: valid at, last recorded.
 */
const identityBlock = (d: ReportData, nf: NumberFormat): string => {
  const s = d.source;
  const id = d.identity;
  const line =
    id !== undefined
      ? `<p class="meta ledger-identity identity" data-chain="${id.verified ? "verified" : "unverified"}"${id.verified ? "" : ' style="color:#d1242f;font-weight:600"'}>${markVi(identityLine(id))}</p>`
      : `<p class="meta identity">Ledger (<span lang="vi">sổ cái</span>): <code>${escapeHtml(s.ledger)}</code> · ${escapeHtml(groupDigits(s.events, nf))} events</p>`;
  return `${line}
<p class="meta">Figures valid at (<span lang="vi">số liệu tại ngày</span>) ${escapeHtml(s.validAt)} · last recorded (<span lang="vi">ghi nhận cuối</span>) ${escapeHtml(s.lastRecordedAt ?? "–")}</p>`;
};

const STATUS_CLASS: Record<string, string> = {
  met: "met",
  notMet: "not-met",
  pending: "other",
  notYetDue: "other",
  notMeasurable: "other",
};

/**
 * Renders the self-contained HTML report: uPlot's JS and CSS inlined, the figures embedded as JSON, a
 * Content-Security-Policy that forbids every network fetch (`default-src 'none'`), so the page reads the
 * same offline, from a USB stick or an e-mail attachment. Every chart has its data table beneath it
 * (screen readers and paper get the numbers, not a picture); Vietnamese text is marked `lang="vi"`; a
 * print stylesheet lays it out on A4 and the charts follow their container's width (phones).
 *
 * @example
 * import { writeFileSync } from "node:fs";
 * const data: ReportData = {
 *   title: "Bình Thuận (60)", numberFormat: "vi",
 *   source: { ledger: "province-60.jsonl", events: 11358, lastRecordedAt: "2026-06-30T01:12:18.000Z", validAt: "2025-12-31" },
 *   charts: [{ id: "active", title: "Active co-ops (Số HTX đang hoạt động)", unit: "count", yTitle: "co-ops (HTX)",
 *     dates: ["2016-12-31", "2020-12-31", "2022-12-31", "2025-12-31"], series: [{ label: "co-ops (HTX)", values: [153, 188, 215, 219] }] }],
 *   targets: [{ resolution: "000", target: "New co-ops a year (HTX thành lập mới mỗi năm)", figure: "1 of 5 years met", threshold: "≥ 15", status: "not met (không đạt)", statusTag: "notMet" }],
 * };
 * const html = renderReportHtml(data, loadUplotAssets());
 * writeFileSync("report-60.html", html);
 * console.log(html.includes("default-src 'none'"), html.includes("uPlot")); // true true: no network, the charts inlined
 */
export const renderReportHtml = (data: ReportData, assets: UplotAssets): string => {
  const nf = data.numberFormat ?? "en";
  const charts = data.charts
    .map(
      (c) =>
        `<section class="chart" aria-labelledby="title-${escapeHtml(c.id)}"><h2 id="title-${escapeHtml(c.id)}">${markVi(c.title)}</h2>
<div class="plot" id="chart-${escapeHtml(c.id)}" role="img" aria-labelledby="title-${escapeHtml(c.id)}" aria-describedby="table-${escapeHtml(c.id)}"></div>
${chartTable(c, nf, (v) => chartValue(c.unit, v, nf))}</section>`,
    )
    .join("\n");
  const targetRows = data.targets
    .map(
      (t) =>
        `<tr class="${STATUS_CLASS[t.statusTag ?? ""] ?? (/^met\b/.test(t.status) ? "met" : /^(notMet|not met)\b/.test(t.status) ? "not-met" : "other")}"><td>${escapeHtml(t.resolution)}</td><td>${markVi(t.target)}</td><td class="num">${escapeHtml(t.figure)}</td><td class="num">${escapeHtml(t.threshold)}</td><td>${markVi(t.status)}</td></tr>`,
    )
    .join("\n");
  const notes = (data.notes ?? []).map((n) => `<li>${inlineHtml(n)}</li>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${assets.css}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${markVi(data.title)}</h1>
${identityBlock(data, nf)}
${notes.length > 0 ? `<ul class="notes">${notes}</ul>` : ""}
${charts}
<section class="targets"><h2>Target attainment (<span lang="vi">Kết quả thực hiện chỉ tiêu</span>)</h2>
<div class="table-wrap"><table><thead><tr><th scope="col">Resolution (<span lang="vi">Nghị quyết</span>)</th><th scope="col">Target (<span lang="vi">Chỉ tiêu</span>)</th><th scope="col" class="num">Figure (<span lang="vi">Số liệu</span>)</th><th scope="col" class="num">Threshold (<span lang="vi">Mức</span>)</th><th scope="col">Status (<span lang="vi">Kết quả</span>)</th></tr></thead>
<tbody>
${targetRows}
</tbody></table></div></section>
</main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${inlineScript(assets.js)}</script>
<script>${CHART_SCRIPT}</script>
<script>${BOOT_SCRIPT}</script>
</body>
</html>
`;
};
