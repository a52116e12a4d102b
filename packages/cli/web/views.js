// The page's four views (figures, a figure's provenance, compare two known-at instants, a resolution's
// targets), each asking the API and building its content, and the defaults a first visit fills in.
import { api } from "/api.js";
import { groupDigits } from "/controls.js";
import { el, withVi } from "/dom.js";
import { page } from "/page-state.js";
import { queryOf, SCOPE } from "/url-state.js";
import { cliTable, eventButton, lateEvents, notes, sparkline, viewLink } from "/widgets.js";

/** Each view: asks the API for the URL's query and returns the elements to show. */
export const views = {
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
export const defaults = (p) => {
  const { meta, stops } = page;
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
