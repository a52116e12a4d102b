// coop-ledger serve: the auditor's page. Plain JavaScript modules, no build step, no library: the page
// asks the server's JSON API (the same engine and the same tables as the CLI) and shows its answers.
// Every piece of text goes in through textContent (never innerHTML), so ledger text cannot become markup.
// The query lives in the URL: every view can be linked, reloaded, printed. The modules: dom.js (elements),
// url-state.js (the query), api.js (the server), page-state.js and controls.js (the pickers), widgets.js
// (tables, sparklines, event records) and views.js (the four views); this file renders and starts.
import { ApiError, api } from "/api.js";
import { buildStops, fillSelect, syncControls, wireControls } from "/controls.js";
import { $, el } from "/dom.js";
import { page } from "/page-state.js";
import { onNavigate, params } from "/url-state.js";
import { defaults, views } from "/views.js";

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
    page.meta = m.result;
  } catch (e) {
    $("view").textContent = `Cannot open the ledger: ${e.message}`;
    document.body.dataset.state = "error";
    return;
  }
  page.stops = buildStops();
  const { meta, stops } = page;
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
  onNavigate(render);
  window.addEventListener("popstate", () => render());
  await render();
};

start();
