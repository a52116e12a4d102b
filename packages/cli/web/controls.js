// The pickers: the valid date, the known-at slider(s), the scope and geography selects, kept in step with
// the URL (syncControls) and changing it (wireControls).
import { $, el, withVi } from "/dom.js";
import { page } from "/page-state.js";
import { go, params } from "/url-state.js";

/** Digits grouped as the CLI groups them for the chosen --number-format (en 7,501; vi 7.501). */
export const groupDigits = (n) =>
  new Intl.NumberFormat(page.meta.numberFormat === "vi" ? "vi-VN" : "en-US").format(n);

const dayOf = (iso) => iso.slice(0, 10);
const addDay = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The known-at slider's stops: one per recording day (end of day, UTC), then the end of the ledger. */
export const buildStops = () => {
  const stops = [];
  const { meta } = page;
  if (meta.firstRecordedAt && meta.lastRecordedAt) {
    const last = dayOf(meta.lastRecordedAt);
    for (let d = dayOf(meta.firstRecordedAt); d <= last; d = addDay(d, 1)) stops.push(d);
  }
  stops.push(""); // the end of the ledger: everything recorded
  return stops;
};

const stopIndex = (value) => {
  const { stops } = page;
  if (!value) return stops.length - 1;
  const day = dayOf(value);
  const i = stops.findIndex((s) => s !== "" && s >= day);
  return i === -1 ? stops.length - 1 : i;
};

const knownText = (value) =>
  value
    ? `as known at ${value.length === 10 ? `the end of ${value} (UTC)` : value}`
    : "as known at the end of the ledger (everything recorded)";

/** Replaces a select's options (keeping a leading "all" option) and selects `value`. */
export const fillSelect = (select, options, value) => {
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

/** Sets every control from the URL's query for `view`. */
export const syncControls = (p, view) => {
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
    (page.meta.provinces[gazetteerFor(p)] ?? []).map((x) => [x.code, `${x.code} — ${x.name}`]),
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

/** Makes the controls change the URL (and so the view). */
export const wireControls = () => {
  $("validAt").addEventListener("change", (e) => go({ validAt: e.target.value }));
  const slide = (input, output, key) => {
    input.addEventListener("input", () => {
      output.textContent = knownText(page.stops[Number(input.value)] ?? "");
    });
    input.addEventListener("change", () => {
      const v = page.stops[Number(input.value)] ?? "";
      go({ [key()]: v === "" && key() !== "knownAt" ? (page.meta.lastRecordedAt ?? "") : v });
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
};
