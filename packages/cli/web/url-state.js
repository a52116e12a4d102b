// The query lives in the URL: every view can be linked, reloaded, printed. `go` changes it and asks the
// page to render again (app.js registers how, with onNavigate).

/** The query parameters that scope a figure. */
export const SCOPE = ["province", "district", "sector", "form", "geography"];
/** The page's current query. */
export const params = () => new URLSearchParams(location.search);

let navigated = () => {};

/** Registers what runs after `go` changed the URL (the page's render). */
export const onNavigate = (f) => {
  navigated = f;
};

/** Navigates to the same page with `changes` applied to the query (empty values removed). */
export const go = (changes, { replace = false } = {}) => {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === "") p.delete(k);
    else p.set(k, v);
  }
  if (p.get("geography") === "as-of") p.delete("geography");
  const url = `?${p.toString()}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  navigated();
};

/** The named parameters of `p` that are set, as a new query. */
export const queryOf = (p, names) => {
  const q = new URLSearchParams();
  for (const n of names) if (p.get(n)) q.set(n, p.get(n));
  return q;
};
