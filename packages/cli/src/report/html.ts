import { identityLine } from "../engine/ledger-identity.js";
import type { ReportData } from "./report-data.js";
import type { UplotAssets } from "./uplot-assets.js";

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * JSON safe to embed in a `<script>` element: `<`, `>`, `&` and the JS line separators are escaped
 * so no ledger text (co-op names are user data) can close the element or inject markup.
 */
export const jsonForScript = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** The page's own script: draws each chart with uPlot from the embedded data. Plain ES2017, no imports. */
const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var palette = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#0e7490"];
  function fmt(unit, v) {
    if (v == null) return "–";
    if (unit === "percent") return (Math.round(v * 1000) / 10).toFixed(1) + " %";
    if (unit === "vnd") return Math.abs(v) >= 1e9 ? (v / 1e9).toFixed(1) + " bn ₫" : Math.abs(v) >= 1e6 ? (v / 1e6).toFixed(0) + " m ₫" : Math.round(v) + " ₫";
    return Math.round(v).toLocaleString("en-US");
  }
  function toTs(d) { return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 1000; }
  data.charts.forEach(function (c) {
    var host = document.getElementById("chart-" + c.id);
    var xs = c.dates.map(toTs);
    var series = [{}].concat(c.series.map(function (s, i) {
      var col = palette[i % palette.length];
      var opt = { label: s.label, stroke: col, width: 2, value: function (u, v) { return fmt(c.unit, v); } };
      if (c.bars) { opt.fill = col + "99"; opt.paths = uPlot.paths.bars({ size: [0.6 / c.series.length, 60] }); opt.points = { show: false }; }
      return opt;
    }));
    var width = Math.min(host.clientWidth || 900, 1100);
    var opts = {
      width: width, height: 260, series: series,
      scales: { x: { time: true } },
      axes: [{}, { size: 70, values: function (u, vals) { return vals.map(function (v) { return fmt(c.unit, v); }); } }],
    };
    new uPlot(opts, [xs].concat(c.series.map(function (s) { return s.values; })), host);
    host.setAttribute("data-rendered", "true");
  });
  document.body.setAttribute("data-charts-rendered", String(data.charts.length));
})();
`;

/**
 * Renders the self-contained HTML report: uPlot's JS and CSS inlined, the figures embedded as JSON, a
 * Content-Security-Policy that forbids every network fetch (`default-src 'none'`), so the page reads the
 * same offline, from a USB stick or an e-mail attachment.
 *
 * @example writeFileSync("report.html", renderReportHtml(data, loadUplotAssets()))
 */
export const renderReportHtml = (data: ReportData, assets: UplotAssets): string => {
  const charts = data.charts
    .map(
      (c) =>
        `<section class="chart"><h2>${escapeHtml(c.title)}</h2><div class="plot" id="chart-${escapeHtml(c.id)}"></div></section>`,
    )
    .join("\n");
  const targetRows = data.targets
    .map(
      (t) =>
        `<tr class="${/^met\b/.test(t.status) ? "met" : /^(notMet|not met)\b/.test(t.status) ? "not-met" : "other"}"><td>${escapeHtml(t.resolution)}</td><td>${escapeHtml(t.target)}</td><td class="num">${escapeHtml(t.figure)}</td><td class="num">${escapeHtml(t.threshold)}</td><td>${escapeHtml(t.status)}</td></tr>`,
    )
    .join("\n");
  const notes = (data.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join("");
  const s = data.source;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${assets.css}</style>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1150px; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta { color: #57606a; font-size: .9rem; } .meta code { font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.met td:last-child { color: #1a7f37; font-weight: 600; } tr.not-met td:last-child { color: #d1242f; font-weight: 600; }
.plot { min-height: 300px; }
</style>
</head>
<body>
<h1>${escapeHtml(data.title)}</h1>
<p class="meta">Ledger <code>${escapeHtml(s.ledger)}</code> · ${s.events.toLocaleString("en-US")} events · last recorded ${escapeHtml(s.lastRecordedAt ?? "–")} · figures valid at ${escapeHtml(s.validAt)}${s.sha256 !== undefined ? ` · last hash <code>${escapeHtml(s.sha256)}</code>` : ""}</p>
${data.identity !== undefined ? `<p class="meta ledger-identity" data-chain="${data.identity.verified ? "verified" : "unverified"}"${data.identity.verified ? "" : ' style="color:#d1242f;font-weight:600"'}>${escapeHtml(identityLine(data.identity))}</p>` : ""}
${notes.length > 0 ? `<ul class="meta">${notes}</ul>` : ""}
${charts}
<section><h2>Target attainment (Kết quả thực hiện chỉ tiêu)</h2>
<table><thead><tr><th>Resolution (Nghị quyết)</th><th>Target (Chỉ tiêu)</th><th>Figure</th><th>Threshold</th><th>Status</th></tr></thead>
<tbody>
${targetRows}
</tbody></table></section>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${assets.js.replace(/<\/script/gi, "<\\/script")}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
};
