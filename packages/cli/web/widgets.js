// The views' building blocks: links to another view, sparklines, the CLI's tables, event records and the
// compare view's late events.
import { api } from "/api.js";
import { $, el, withVi } from "/dom.js";
import { go, params, queryOf } from "/url-state.js";

/** A link to another view of the same query (a real href: it can be opened in a new tab or copied). */
export const viewLink = (changes, text) => {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") p.delete(k);
    else p.set(k, v);
  }
  const a = el("a", { href: `?${p.toString()}`, text });
  a.addEventListener("click", (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    go(changes);
  });
  return a;
};

/** A 96×22 SVG line of an indicator's yearly values (labelled with them for screen readers). */
export const sparkline = (values, dates) => {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  const w = 96;
  const h = 22;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("width", String(w));
  svg.setAttribute("height", String(h));
  svg.setAttribute("role", "img");
  const pts = values.map((v, i) => [i, v]).filter(([, v]) => typeof v === "number");
  svg.setAttribute(
    "aria-label",
    `series by year: ${values.map((v, i) => `${dates[i]?.slice(0, 4)} ${v ?? "–"}`).join(", ")}`,
  );
  if (pts.length === 0) return svg;
  const ys = pts.map(([, v]) => v);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const x = (i) => (values.length === 1 ? w / 2 : 2 + (i * (w - 4)) / (values.length - 1));
  const y = (v) => (hi === lo ? h / 2 : h - 2 - ((v - lo) * (h - 4)) / (hi - lo));
  const line = document.createElementNS(NS, "polyline");
  line.setAttribute("points", pts.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" "));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  svg.append(line);
  const [li, lv] = pts[pts.length - 1];
  const dot = document.createElementNS(NS, "circle");
  dot.setAttribute("cx", x(li).toFixed(1));
  dot.setAttribute("cy", y(lv).toFixed(1));
  dot.setAttribute("r", "2");
  dot.setAttribute("fill", "currentColor");
  svg.append(dot);
  return svg;
};

/**
 * A table the CLI prints: its title, its headers and each cell's very text (class "c": the tests read
 * these and compare them with the CLI's output). `cell(i, j, text)` may turn a cell into a link;
 * `extra` adds page-only columns (sparklines) after the CLI's.
 */
export const cliTable = (t, { cell, extra } = {}) => {
  const table = el("table", { class: "cli" });
  if (t.title) table.append(el("caption", { text: t.title }));
  const head = el("tr");
  t.headers.forEach((h, j) => {
    head.append(el("th", { scope: "col", class: `c ${t.align[j] === "right" ? "num" : ""}`, text: h }));
  });
  if (extra) head.append(el("th", { scope: "col", class: "extra", text: extra.header }));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  t.cells.forEach((row, i) => {
    const tr = el("tr");
    row.forEach((text, j) => {
      // data-label: a phone shows each row as a card, every cell under its header (see app.css).
      const td = el("td", { class: `c ${t.align[j] === "right" ? "num" : ""}`, "data-label": t.headers[j] });
      const custom = cell?.(i, j, text);
      // One child per cell (a grid item on a phone), whatever the text's Vietnamese parts are.
      td.append(custom ?? withVi(el("span"), text));
      tr.append(td);
    });
    if (extra) tr.append(el("td", { class: "extra", "data-label": extra.header }, extra.cell(i)));
    body.append(tr);
  });
  if (t.cells.length === 0)
    body.append(
      el("tr", {}, el("td", { class: "none", colspan: String(t.headers.length), text: "(no rows)" })),
    );
  table.append(body);
  return el("div", { class: "table-wrap" }, table);
};

/** The answer's notes and how long it took. */
export const notes = (list, ms) =>
  el(
    "div",
    { class: "notes" },
    ...list.map((n) => el("p", { text: n })),
    el("p", { class: "timing", text: `answered in ${Math.round(ms)} ms` }),
  );

/** Opens an event's full record in the page's event box. */
const openEvent = async (stream, position) => {
  const box = $("event");
  const pre = $("eventBody");
  pre.textContent = "…";
  box.hidden = false;
  try {
    const a = await api("event", new URLSearchParams({ stream, position: String(position) }));
    pre.textContent = JSON.stringify(a.result, null, 2);
  } catch (e) {
    pre.textContent = e.message;
  }
  box.scrollIntoView({ block: "nearest" });
};

/** A cell that opens an event's full record (explain and diff tables: the position column). */
export const eventButton = (row, text) => {
  if (row.streamId === undefined || row.position === undefined) return undefined;
  const b = el("button", { type: "button", class: "linkish", title: "open the event's full record", text });
  b.addEventListener("click", () => openEvent(row.streamId, row.position));
  return b;
};

/**
 * The compare view's late events: the diff's first page (the CLI's table), then "more" (thêm) asks
 * /api/late for the next 100 and appends their rows, until all `eventCount` are shown. A wide restatement
 * of the national ledger has ~23,000 late events: the page no longer ships them all at once.
 */
export const lateEvents = (p, a, events) => {
  const wrap = cliTable(events, {
    cell: (i, j, text) => (j === 0 ? eventButton(events.rows[i], text) : undefined),
  });
  const total = a.result.eventCount ?? events.rows.length;
  let shown = events.rows.length;
  if (shown >= total) return wrap;
  const body = wrap.querySelector("tbody");
  const status = el("span", { class: "hint", role: "status", text: `${shown} of ${total} shown` });
  const more = el("button", { type: "button", class: "more", text: "more (thêm)" });
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const q = queryOf(p, ["validAt", "a", "b"]);
      q.set("offset", String(shown));
      q.set("limit", "100");
      const page = (await api("late", q)).tables[0];
      const rows = cliTable(page, {
        cell: (i, j, text) => (j === 0 ? eventButton(page.rows[i], text) : undefined),
      }).querySelectorAll("tbody tr");
      body.append(...rows);
      shown += page.rows.length;
      status.textContent = `${shown} of ${total} shown`;
      more.disabled = shown >= total || page.rows.length === 0;
      more.hidden = more.disabled;
    } catch (e) {
      status.textContent = `Cannot answer: ${e.message}`;
      more.disabled = false;
    }
  });
  return el("div", { class: "late-events" }, wrap, el("p", { class: "more-row" }, more, " ", status));
};
