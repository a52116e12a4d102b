// The page's DOM helpers: elements built with textContent only (ledger text never becomes markup), and
// Vietnamese text marked with lang="vi" the way the CLI's HTML report marks it.
import { viSegments } from "/vi-text.js";

export const $ = (id) => document.getElementById(id);

/** Appends text to an element, its Vietnamese parts wrapped in <span lang="vi"> (the page is lang="en"). */
export const withVi = (parent, text) => {
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

/** Creates an element: `text` goes in through withVi, other attributes as given, then the children. */
export const el = (tag, attrs = {}, ...children) => {
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
