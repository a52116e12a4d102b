/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Letters that occur in Vietnamese and in no English word: the tone-marked vowels (Latin Extended
// Additional, U+1EA0–U+1EF9), đ, ă, ơ, ư and the grave/acute/tilde vowels Vietnamese shares with French.
const VI_LETTER = /[\u1EA0-\u1EF9ĐđĂăƠơƯưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĨĩŨũ]/;

/**
 * Whether a text is Vietnamese by its letters (one diacritic only Vietnamese writes is enough).
 * @example isVietnamese("Số HTX") // true
 * @example isVietnamese("co-ops") // false
 */
export const isVietnamese = (s: string): boolean => VI_LETTER.test(s);

/**
 * Escapes a user-facing text for HTML and marks its Vietnamese parts for screen readers, hyphenation
 * and fonts (WCAG 2.2 SC 3.1.2, language of parts): the page is `lang="en"`, and every parenthesised
 * run in Vietnamese — the form all our labels take, "Active co-ops (Số HTX đang hoạt động)" — becomes
 * `<span lang="vi">`. A whole text in Vietnamese (a co-op's name) is wrapped as one span.
 *
 * @example markVi("met (đạt)") // 'met (<span lang="vi">đạt</span>)'
 */
export const markVi = (text: string): string => {
  if (!isVietnamese(text)) return escapeHtml(text);
  let out = "";
  let depth = 0;
  let start = 0;
  let marked = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") {
      if (depth === 0) {
        out += escapeHtml(text.slice(start, i + 1));
        start = i + 1;
      }
      depth++;
    } else if (c === ")" && depth > 0) {
      depth--;
      if (depth === 0) {
        const inner = text.slice(start, i);
        out += isVietnamese(inner) ? `<span lang="vi">${escapeHtml(inner)}</span>` : escapeHtml(inner);
        marked ||= isVietnamese(inner);
        start = i;
      }
    }
  }
  out += escapeHtml(text.slice(start));
  // Vietnamese outside any parentheses (a name, a title in Vietnamese only): mark the whole text.
  const outside = text.replace(/\([^()]*\)/g, "");
  return isVietnamese(outside)
    ? `<span lang="vi">${escapeHtml(text)}</span>`
    : marked
      ? out
      : escapeHtml(text);
};

/**
 * Renders a note whose `code` spans are written between backticks (as in the CLI's plain-text notes):
 * each becomes `<code>`, so no literal backtick reaches a reader of the page; the rest goes through
 * {@link markVi}.
 * @example inlineHtml("see `coop-ledger explain`") // "see <code>coop-ledger explain</code>"
 */
export const inlineHtml = (text: string): string =>
  text
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : markVi(part)))
    .join("");
