/**
 * The report's stylesheet (also the base of the web view's): readable on a phone (charts follow their
 * container, wide tables scroll inside their own box), and a print stylesheet for A4 — no chart or
 * table wider than the page box, charts scaled to the page, a section never split across two pages.
 * @example
 * const page = ["<style>", REPORT_CSS, "</style>"].join("");
 * page.includes("@media print") // true
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; margin: 0; color: #1f2328; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; }
code { font-size: .85em; overflow-wrap: anywhere; }
.identity { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .9rem; background: #f6f8fa; overflow-wrap: anywhere; }
.notes { color: #57606a; font-size: .9rem; padding-left: 1.2rem; }
.plot { width: 100%; min-height: 220px; overflow: hidden; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-size: .85rem; color: #57606a; padding: .25rem 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.data { font-size: .85rem; margin-top: .25rem; width: auto; min-width: 50%; }
details.data-table { margin: .25rem 0 .5rem; }
details.data-table > summary { cursor: pointer; color: #0969da; font-size: .9rem; }
table.data th[scope="row"] { font-weight: 600; }
tr.met td:last-child { color: #1a7f37; font-weight: 600; } tr.not-met td:last-child { color: #d1242f; font-weight: 600; }
.u-legend { font-size: .8rem; }
.u-legend.u-inline .u-label { display: inline; }
.u-legend.u-inline th { font-weight: 500; }
@media (max-width: 600px) {
  main { padding: 1rem .6rem 2rem; }
  h1 { font-size: 1.2rem; }
  th, td { padding: .25rem .3rem; }
  .u-legend.u-inline tr { display: block; text-align: left; margin: 0; }
  .u-legend.u-inline tr > * { display: inline; }
  table { font-size: .8rem; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .plot, .identity, tr { break-inside: avoid; }
  .u-legend tr:first-child { display: none; }
  .table-wrap { overflow: visible; }
  th.num, td.num { white-space: normal; }
  .uplot, .u-wrap { width: 100% !important; }
  .u-wrap { height: auto !important; }
  .uplot canvas { width: 100% !important; height: auto !important; position: static; }
  .u-over, .u-under, .u-cursor-x, .u-cursor-y, .u-cursor-pt, .u-select { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .no-print { display: none !important; }
  /* Closed data tables print too (Chromium 131+; older browsers get them from the beforeprint handler). */
  details.data-table::details-content { content-visibility: visible; display: block; }
  details.data-table > summary { display: none; }
}
`;
