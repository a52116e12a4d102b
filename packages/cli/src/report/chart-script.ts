/**
 * The charts' browser script, shared by the HTML report and the web view: plain ES2017 with no
 * imports (it runs inline under a strict CSP next to uPlot's IIFE build). It defines
 * `window.coopCharts`:
 * - `fmt(unit, value, nf, short)`: a number in the `en` or `vi` number format (the same separators as
 *   the CLI's `NumberFormat`);
 * - `draw(host, chart, nf)`: a uPlot chart of one point per year, sized to its host and redrawn when the
 *   host's width changes (phones, print), kept in `coopCharts.plots[chart.id]` for tests.
 *
 * The x value of a point is its calendar year, not a timestamp: a figure "at 31 December 2017" belongs
 * to 2017, and a time axis would put it one day before the 2018 tick (the bug this replaces). The
 * axis's range is padded by half a year on each side so the first and last bars are not clipped;
 * grouped bars are aligned left and right of the year so they never overlap. Before printing, every
 * chart is redrawn at the page box's width (legible labels on A4), and restored after.
 * @example
 * const page = ["<script>", CHART_SCRIPT, "</script>"].join("");
 * page.includes("function draw(") // true
 */
export const CHART_SCRIPT = `
(function () {
  var palette = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#0e7490"];
  var SEP = { en: [",", "."], vi: [".", ","] };
  function group(s, nf) { return s.replace(/\\B(?=(\\d{3})+(?!\\d))/g, SEP[nf][0]); }
  function dec(v, d, nf) {
    var p = Math.abs(v).toFixed(d).split(".");
    var neg = v < 0 && Number(p.join(".")) !== 0;
    return (neg ? "-" : "") + group(p[0], nf) + (p.length > 1 ? SEP[nf][1] + p[1] : "");
  }
  function fmt(unit, v, nf, short) {
    if (v == null || isNaN(v)) return "–";
    if (unit === "percent") return dec(Math.round(v * 1000) / 10, 1, nf) + " %";
    if (unit === "vnd") {
      var a = Math.abs(v);
      if (short && a >= 1e9) return dec(v / 1e9, a >= 1e11 ? 0 : 1, nf) + (nf === "vi" ? " tỷ ₫" : " bn ₫");
      if (short && a >= 1e6) return dec(v / 1e6, 0, nf) + (nf === "vi" ? " tr ₫" : " m ₫");
      return dec(Math.round(v), 0, nf) + " ₫";
    }
    return Math.round(v) === v ? dec(v, 0, nf) : dec(v, short ? 1 : 2, nf);
  }
  // The legend's labels are bilingual, "Active co-ops (Số HTX …)": mark their Vietnamese part lang="vi"
  // as the server-rendered text is (the page itself is lang="en").
  var VI = /[\u1EA0-\u1EF9ĐđĂăƠơƯưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĨĩŨũ]/;
  function markVi(el) {
    var text = el.textContent, m = /^(.*?()(.*)()[^()]*)$/.exec(text);
    if (!VI.test(text)) return;
    el.textContent = "";
    if (m && !VI.test(m[1])) {
      el.appendChild(document.createTextNode(m[1]));
      var sp = document.createElement("span"); sp.lang = "vi"; sp.textContent = m[2]; el.appendChild(sp);
      el.appendChild(document.createTextNode(m[3]));
    } else {
      var all = document.createElement("span"); all.lang = "vi"; all.textContent = text; el.appendChild(all);
    }
  }
  // uPlot's recipe for an axis as wide as its longest label (plus its title), so no label is cut.
  function axisSize(u, values, ai, cycle) {
    var axis = u.axes[ai];
    if (ai === 0) return 28 + (axis.label ? axis.labelSize : 0);
    if (cycle > 1) return axis._size;
    var size = axis.ticks.size + axis.gap + (axis.label ? axis.labelSize : 0);
    var longest = (values || []).reduce(function (a, v) { return String(v).length > a.length ? String(v) : a; }, "");
    if (longest !== "") { u.ctx.font = axis.font[0]; size += u.ctx.measureText(longest).width / devicePixelRatio; }
    return Math.ceil(size) + 4;
  }
  function draw(host, c, nf, opt) {
    opt = opt || {};
    var years = c.dates.map(function (d) { return +d.slice(0, 4); });
    var n = c.series.length;
    var series = [{ label: nf === "vi" ? "Ngày" : "Date", value: function (u, v, si, i) { return i == null ? "–" : c.dates[i]; } }]
      .concat(c.series.map(function (s, i) {
        var col = palette[i % palette.length];
        var o = { label: s.label, stroke: col, width: 2, value: function (u, v) { return fmt(c.unit, v, nf, false); } };
        if (c.bars) {
          o.fill = col + "b3"; o.width = 1; o.points = { show: false };
          o.paths = uPlot.paths.bars({ size: [0.8 / Math.max(1, n), 48], align: n === 2 ? (i === 0 ? -1 : 1) : 0 });
        }
        return o;
      }));
    function size() {
      var w = Math.max(200, Math.floor(host.getBoundingClientRect().width));
      return { width: w, height: opt.height || (w < 520 ? 220 : 280) };
    }
    var first = years[0], last = years[years.length - 1];
    var opts = {
      series: series,
      legend: { show: opt.legend !== false },
      cursor: { show: opt.cursor !== false },
      scales: {
        x: { time: false, range: function () { return [first - 0.5, last + 0.5]; } },
        y: c.bars || opt.zero ? { range: function (u, mn, mx) { return [0, Math.max(1, mx * 1.1)]; } } : {},
      },
      axes: opt.axes === false ? [{ show: false }, { show: false }] : [
        { label: opt.xTitle || "", labelSize: 20, incrs: [1, 2, 5, 10, 20, 50], size: axisSize,
          values: function (u, vals) { return vals.map(function (v) { return Math.round(v) === v ? String(v) : ""; }); } },
        { label: c.yTitle || "", size: axisSize,
          values: function (u, vals) { return vals.map(function (v) { return fmt(c.unit, v, nf, true); }); } },
      ],
    };
    var s = size();
    opts.width = s.width; opts.height = s.height;
    var u = new uPlot(opts, [years].concat(c.series.map(function (x) { return x.values; })), host);
    if (window.ResizeObserver)
      new ResizeObserver(function () { var z = size(); if (z.width !== u.width) u.setSize(z); }).observe(host);
    var labels = host.querySelectorAll(".u-legend .u-label");
    for (var li = 0; li < labels.length; li++) markVi(labels[li]);
    window.coopCharts.plots[c.id] = u;
    host.setAttribute("data-rendered", "true");
    return u;
  }
  // Print: draw each chart at the A4 page box's width (186 mm at 96 px/in) rather than shrink a wide
  // screen canvas, so its labels stay legible on paper; back to the screen size afterwards.
  var PRINT_WIDTH = 700, before = {};
  window.addEventListener("beforeprint", function () {
    Object.keys(window.coopCharts.plots).forEach(function (k) {
      var u = window.coopCharts.plots[k];
      before[k] = { width: u.width, height: u.height };
      if (u.width > PRINT_WIDTH) u.setSize({ width: PRINT_WIDTH, height: Math.min(u.height, 240) });
    });
  });
  window.addEventListener("afterprint", function () {
    Object.keys(before).forEach(function (k) { var u = window.coopCharts.plots[k]; if (u) u.setSize(before[k]); });
    before = {};
  });
  window.coopCharts = { fmt: fmt, draw: draw, markVi: markVi, plots: {} };
})();
`;
