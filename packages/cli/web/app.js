// coop-ledger serve: the auditor's page. Plain JavaScript modules, no build step, no library: the page
// asks the server's JSON API (the same engine and the same tables as the CLI) and shows its answers.
// Every piece of text goes in through textContent (never innerHTML), so ledger text cannot become markup.
// The query lives in the URL: every view can be linked, reloaded, printed.
import { viSegments } from "/vi-text.js";

const $ = (id) => document.getElementById(id);

/** Appends text to an element, its Vietnamese parts wrapped in <span lang="vi"> (the page is lang="en"). */
const withVi = (parent, text) => {
  for (const s of viSegments(String(text))) {
    if (s.vi) {
      const span = document.createElement("span");
      span.lang = "vi";
      span.textContent = s.text;
      parent.append(span);
    } else parent.append(s.text);
  }
  return parent;
};

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") withVi(e, v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== undefined && c !== null) e.append(c);
  return e;
};

// ---- URL state -------------------------------------------------------------------------------------

const SCOPE = ["province", "district", "sector", "form", "geography"];
const params = () => new URLSearchParams(location.search);

/** Navigates to the same page with `changes` applied to the query (empty values removed). */
const go = (changes, { replace = false } = {}) => {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === "") p.delete(k);
    else p.set(k, v);
  }
  if (p.get("geography") === "as-of") p.delete("geography");
  const url = `?${p.toString()}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
};

const queryOf = (p, names) => {
  const q = new URLSearchParams();
  for (const n of names) if (p.get(n)) q.set(n, p.get(n));
  return q;
};

// ---- API -------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(body, status) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.body = body;
    this.status = status;
  }
}

/** Asks the API; records how long the answer took (shown under the view, read by the tests). */
const api = async (path, q) => {
  const t0 = performance.now();
  const res = await fetch(`/api/${path}?${q.toString()}`, { headers: { accept: "application/json" } });
  const body = await res.json();
  const ms = performance.now() - t0;
  document.body.dataset.lastMs = ms.toFixed(1);
  if (body.ledger) showIdentity(body.ledger);
  if (!res.ok) throw new ApiError(body, res.status);
  return { ...body, ms };
};

const showIdentity = (ledger) => {
  for (const id of ["identity", "identityFoot"]) {
    const p = $(id);
    p.textContent = "";
    withVi(p, ledger.line);
    p.dataset.chain = ledger.chain;
    p.classList.toggle("warn", ledger.chain !== "verified");
  }
};

// ---- pickers ---------------------------------------------------------------------------------------

let meta;
let stops = []; // the known-at slider's stops: one per recording day (end of day, UTC), then the end of the ledger

/** Digits grouped as the CLI groups them for the chosen --number-format (en 7,501; vi 7.501). */
const groupDigits = (n) => new Intl.NumberFormat(meta.numberFormat === "vi" ? "vi-VN" : "en-US").format(n);

const dayOf = (iso) => iso.slice(0, 10);
const addDay = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const buildStops = () => {
  stops = [];
  if (meta.firstRecordedAt && meta.lastRecordedAt) {
    const last = dayOf(meta.lastRecordedAt);
    for (let d = dayOf(meta.firstRecordedAt); d <= last; d = addDay(d, 1)) stops.push(d);
  }
  stops.push(""); // the end of the ledger: everything recorded
};

const stopIndex = (value) => {
  if (!value) return stops.length - 1;
  const day = dayOf(value);
  const i = stops.findIndex((s) => s !== "" && s >= day);
  return i === -1 ? stops.length - 1 : i;
};

const knownText = (value) =>
  value
    ? `as known at ${value.length === 10 ? `the end of ${value} (UTC)` : value}`
    : "as known at the end of the ledger (everything recorded)";

const fillSelect = (select, options, value) => {
  const first = select.options[0]?.value === "" ? select.options[0] : undefined;
  select.textContent = "";
  if (first) select.append(first);
  for (const [v, label] of options) select.append(el("option", { value: v, text: label }));
  select.value = value ?? "";
};

const gazetteerFor = (p) => {
  const g = p.get("geography");
  if (g && g !== "as-of") return g;
  return (p.get("validAt") ?? "") >= "2025-07-01" ? "2025-07-01" : "2008-08-01";
};

const syncControls = (p, view) => {
  $("validAt").value = p.get("validAt") ?? "";
  const a = view === "diff" ? p.get("a") : p.get("knownAt");
  $("knownAt").value = String(stopIndex(a));
  $("knownAtText").textContent = knownText(a ?? "");
  $("knownLegend").textContent = "";
  withVi($("knownLegend"), view === "diff" ? "Known at A (thời điểm A)" : "Known at (thời điểm ghi nhận)");
  $("knownAtBBox").hidden = view !== "diff";
  if (view === "diff") {
    $("knownAtB").value = String(stopIndex(p.get("b")));
    $("knownAtBText").textContent = knownText(p.get("b") ?? "");
  }
  $("resolutionBox").hidden = view !== "targets";
  $("resolution").value = p.get("resolution") ?? "";
  for (const e of document.querySelectorAll(".scope-only")) e.hidden = view === "targets";
  $("geography").value = p.get("geography") ?? "as-of";
  fillSelect(
    $("province"),
    (meta.provinces[gazetteerFor(p)] ?? []).map((x) => [x.code, `${x.code} — ${x.name}`]),
    p.get("province"),
  );
  $("district").value = p.get("district") ?? "";
  $("sector").value = p.get("sector") ?? "";
  $("form").value = p.get("form") ?? "";
  for (const a2 of document.querySelectorAll("nav a")) {
    const on = a2.dataset.view === (view === "explain" ? "snapshot" : view);
    if (on) a2.setAttribute("aria-current", "page");
    else a2.removeAttribute("aria-current");
  }
};

const wireControls = () => {
  $("validAt").addEventListener("change", (e) => go({ validAt: e.target.value }));
  const slide = (input, output, key) => {
    input.addEventListener("input", () => {
      output.textContent = knownText(stops[Number(input.value)] ?? "");
    });
    input.addEventListener("change", () => {
      const v = stops[Number(input.value)] ?? "";
      go({ [key()]: v === "" && key() !== "knownAt" ? (meta.lastRecordedAt ?? "") : v });
    });
  };
  slide($("knownAt"), $("knownAtText"), () => (params().get("view") === "diff" ? "a" : "knownAt"));
  slide($("knownAtB"), $("knownAtBText"), () => "b");
  for (const k of ["geography", "province", "sector", "form", "resolution"])
    $(k).addEventListener("change", (e) =>
      go(k === "geography" ? { geography: e.target.value, province: "" } : { [k]: e.target.value }),
    );
  $("district").addEventListener("change", (e) => go({ district: e.target.value }));
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  $("print").addEventListener("click", () => window.print());
  $("eventClose").addEventListener("click", () => {
    $("event").hidden = true;
  });
  for (const a of document.querySelectorAll("nav a"))
    a.addEventListener("click", (e) => {
      e.preventDefault();
      go({ view: a.dataset.view, indicator: "" });
    });
  window.addEventListener("popstate", () => render());
};

// ---- views -----------------------------------------------------------------------------------------

/** A link to another view of the same query (a real href: it can be opened in a new tab or copied). */
const viewLink = (changes, text) => {
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

const sparkline = (values, dates) => {
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
const cliTable = (t, { cell, extra } = {}) => {
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

const notes = (list, ms) =>
  el(
    "div",
    { class: "notes" },
    ...list.map((n) => el("p", { text: n })),
    el("p", { class: "timing", text: `answered in ${Math.round(ms)} ms` }),
  );

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
const eventButton = (row, text) => {
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
const lateEvents = (p, a, events) => {
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

const views = {
  async snapshot(p) {
    const a = await api("snapshot", queryOf(p, ["validAt", "knownAt", ...SCOPE]));
    const ids = a.tables[0].rows.map((r) => r.id);
    return [
      el("p", {
        class: "hint",
        text: "Click an indicator to see the events that make up its figure (giải thích).",
      }),
      cliTable(a.tables[0], {
        cell: (i, j, text) => (j === 0 ? viewLink({ view: "explain", indicator: ids[i] }, text) : undefined),
        extra: {
          header: `since ${a.sparklines.dates[0]?.slice(0, 4) ?? ""} (by year)`,
          cell: (i) => sparkline(a.sparklines.values[ids[i]] ?? [], a.sparklines.dates),
        },
      }),
      notes(a.notes, a.ms),
    ];
  },
  async explain(p) {
    const q = queryOf(p, ["indicator", "validAt", "knownAt", ...SCOPE, "limit"]);
    const a = await api("explain", q);
    const t = a.tables[0];
    return [
      el("p", {}, viewLink({ view: "snapshot", indicator: "" }, "← all figures")),
      cliTable(t, { cell: (i, j, text) => (j === 0 ? eventButton(t.rows[i], text) : undefined) }),
      notes(a.notes, a.ms),
    ];
  },
  async diff(p) {
    const a = await api("diff", queryOf(p, ["validAt", "a", "b", ...SCOPE]));
    // The CLI's three tables: the figures that changed, the cells that moved under an unchanged total,
    // the events recorded in between.
    const [changes, breakdown, events] = a.tables;
    // Which late events moved which figure: on demand (one explain at B per figure, slow on a national
    // ledger), the events recorded in (A, B] among the figure's provenance at B, with what each adds.
    const moved = el("section", { class: "moved", "aria-live": "polite" });
    const showMoved = async (id) => {
      moved.textContent = "";
      moved.append(
        el("p", {
          class: "computing",
          role: "status",
          text: `Computing the provenance of ${id}… (đang tính)`,
        }),
      );
      const q = queryOf(p, ["validAt", ...SCOPE]);
      q.set("indicator", id);
      q.set("knownAt", a.result.knownAtB);
      q.set("recordedAfter", a.result.knownAtA);
      q.set("limit", "500");
      try {
        // The late events are shown as soon as they are answered; how many events the figure has in all
        // (every event of its provenance evaluated: the slower question on a national ledger) is asked
        // alongside and filled into the caption when it arrives.
        const allAsked = api(
          "explain",
          new URLSearchParams([
            ...queryOf(p, ["validAt", ...SCOPE]),
            ["indicator", id],
            ["knownAt", a.result.knownAtB],
            ["limit", "1"],
          ]),
        );
        const x = await api("explain", q);
        // Explained as known at B, so every event listed was recorded by B: those after A are the late ones.
        const late = x.tables[0].rows;
        const table = el("table", { class: "moved-events" });
        const caption = (all) =>
          `Late events (sự kiện ghi nhận muộn) in the provenance of ${id} as known at B: ${x.result.total} of its ${all} event(s) were recorded between A and B${x.result.total > late.length ? ` (the first ${late.length} shown)` : ""}`;
        const captionEl = el("caption", { text: caption("… (counting, đang đếm)") });
        allAsked.then(
          (all) => {
            captionEl.textContent = caption(String(all.result.total));
          },
          () => {
            captionEl.textContent = caption("(count unavailable)");
          },
        );
        table.append(
          captionEl,
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              ...[
                "position",
                "recorded at",
                "effective",
                "stream",
                "contributes at B",
                "event (sự kiện)",
              ].map((h) => el("th", { scope: "col", text: h })),
            ),
          ),
        );
        const body = el("tbody");
        for (const r of late)
          body.append(
            el(
              "tr",
              { "data-event-id": r.eventId },
              el("td", { class: "num" }, eventButton(r, groupDigits(r.position))),
              el("td", { text: r.recordedAt }),
              el("td", { text: r.effectiveDate }),
              el("td", { text: r.streamId }),
              el("td", { class: "num", text: r.contribution }),
              el("td", { text: r.type }),
            ),
          );
        table.append(body);
        moved.textContent = "";
        moved.append(el("div", { class: "table-wrap" }, table));
      } catch (e) {
        moved.textContent = `Cannot answer: ${e.message}`;
      }
    };
    return [
      cliTable(changes, {
        cell: (i, j, text) =>
          j === 0
            ? viewLink(
                { view: "explain", indicator: changes.rows[i].id, knownAt: p.get("b"), a: "", b: "" },
                text,
              )
            : j === 2
              ? (() => {
                  const b = el("button", {
                    type: "button",
                    class: "linkish",
                    title: `which late events moved ${changes.rows[i].id}`,
                    text,
                  });
                  b.addEventListener("click", () => showMoved(changes.rows[i].id));
                  return b;
                })()
              : undefined,
      }),
      el("p", {
        class: "hint",
        text: "Click a figure as known at B to see which late events moved it there.",
      }),
      moved,
      cliTable(breakdown),
      lateEvents(p, a, events),
      notes(a.notes, a.ms),
    ];
  },
  async targets(p) {
    const a = await api("targets", queryOf(p, ["resolution", "validAt", "knownAt", "province", "geography"]));
    const t = a.tables[0];
    return [
      cliTable(t, {
        cell: (i, j, text) =>
          j === 4
            ? el("span", { class: `status status-${t.rows[i].status_tag}` }, withVi(el("span"), text))
            : undefined,
      }),
      notes(a.notes, a.ms),
    ];
  },
};

/** Fills in what a view needs and the URL lacks (a first visit), without adding a history entry. */
const defaults = (p) => {
  const view = views[p.get("view")] ? p.get("view") : "snapshot";
  const add = {};
  if (p.get("view") !== view) add.view = view;
  if (!p.get("validAt")) {
    const last = meta.lastEffective ?? new Date().toISOString().slice(0, 10);
    const y = Number(last.slice(0, 4));
    add.validAt = last.slice(5) === "12-31" ? last : `${y - 1}-12-31`;
  }
  const validAt = add.validAt ?? p.get("validAt");
  if (view === "diff") {
    if (!p.get("a")) add.a = stops.find((s) => s !== "" && s > validAt) ?? stops[0] ?? validAt;
    if (!p.get("b")) add.b = meta.lastRecordedAt ?? validAt;
  }
  if (view === "targets" && !p.get("resolution")) add.resolution = meta.resolutions[0]?.id ?? "";
  if (view === "explain" && !p.get("indicator")) add.view = "snapshot";
  return add;
};

let rendering = 0;
const render = async () => {
  const ticket = ++rendering;
  let p = params();
  const add = defaults(p);
  if (Object.keys(add).length > 0) {
    for (const [k, v] of Object.entries(add)) p.set(k, v);
    history.replaceState(null, "", `?${p.toString()}`);
    p = params();
  }
  const view = p.get("view");
  syncControls(p, view);
  document.body.dataset.state = "loading";
  const main = $("view");
  main.setAttribute("aria-busy", "true");
  // A slow answer (explain over a national ledger takes long) says so instead of showing stale figures.
  const slow = setTimeout(() => {
    if (ticket !== rendering) return;
    main.textContent = "";
    main.append(el("p", { class: "computing", role: "status", text: "Computing… (đang tính)" }));
  }, 400);
  let content;
  try {
    content = await views[view](p);
  } catch (e) {
    const body = e instanceof ApiError ? e.body?.error : undefined;
    content = [
      el(
        "div",
        { class: "error", role: "alert" },
        el("p", { text: `Cannot answer: ${e.message}` }),
        body?.hint ? el("p", { class: "hint", text: `What to do: ${body.hint}` }) : undefined,
      ),
    ];
  }
  clearTimeout(slow);
  if (ticket !== rendering) return; // a newer query won
  main.textContent = "";
  main.append(...content);
  main.removeAttribute("aria-busy");
  document.body.dataset.state = content[0]?.classList?.contains("error") ? "error" : "ready";
  document.body.dataset.query = location.search;
};

const start = async () => {
  try {
    const m = await api("meta", new URLSearchParams());
    meta = m.result;
  } catch (e) {
    $("view").textContent = `Cannot open the ledger: ${e.message}`;
    document.body.dataset.state = "error";
    return;
  }
  buildStops();
  for (const id of ["knownAt", "knownAtB"]) $(id).max = String(stops.length - 1);
  fillSelect(
    $("geography"),
    [
      ["as-of", "as of the valid date"],
      ...meta.gazetteers.map((g) => [g, `re-mapped to the ${g} gazetteer`]),
    ],
    "as-of",
  );
  fillSelect(
    $("sector"),
    meta.sectors.map((s) => [s, s]),
    "",
  );
  fillSelect(
    $("form"),
    meta.forms.map((f) => [f, f]),
    "",
  );
  $("resolution").textContent = "";
  for (const r of meta.resolutions)
    $("resolution").append(el("option", { value: r.id, text: `${r.id} — ${r.en} (${r.vi}), ${r.province}` }));
  wireControls();
  await render();
};

start();
