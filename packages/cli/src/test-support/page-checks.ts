import type { Page } from "playwright-core";

// Page-side checks are written as expression strings: this package compiles without the DOM library,
// and a string keeps the browser code out of the Node type-checker's way.

/** An element wider than the page box, or reaching past its right edge. */
export interface Overflow {
  readonly what: string;
  readonly right: number;
  readonly width: number;
}

/**
 * Every visible element whose box reaches past `width` CSS pixels (the page box of A4, a phone's
 * viewport), plus the document itself if it scrolls sideways. Elements inside a box that scrolls on its
 * own (`overflow-x: auto`, the tables' wrappers on a phone) are not clipped: they are skipped.
 */
export const overflowing = (page: Page, width: number): Promise<ReadonlyArray<Overflow>> =>
  page.evaluate(`(() => {
    const W = ${width} + 1;
    const out = [];
    const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > W && !scrolls(el)) out.push({ what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""), right: Math.round(r.right), width: Math.round(r.width) });
    }
    const sw = document.documentElement.scrollWidth;
    if (sw > W) out.push({ what: "document (scrolls sideways)", right: sw, width: sw });
    return out.slice(0, 20);
  })()`);

/** Text nodes in Vietnamese (by their letters) that no `lang="vi"` element encloses. */
export const unmarkedVietnamese = (page: Page): Promise<ReadonlyArray<string>> =>
  page.evaluate(`(() => {
    const VI = /[\\u1EA0-\\u1EF9ĐđĂăƠơƯưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĨĩŨũ]/;
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest("script,style")) continue;
      if (VI.test(n.textContent) && p.closest("[lang]")?.getAttribute("lang") !== "vi") out.push(n.textContent.trim().slice(0, 80));
    }
    return out;
  })()`);

/** The page's visible text (what a reader sees; `<script>` and `<style>` left out). */
export const visibleText = (page: Page): Promise<string> => page.evaluate("document.body.innerText");
