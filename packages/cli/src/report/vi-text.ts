/**
 * Escapes text for HTML element content and attribute values.
 * @example
 * escapeHtml('<b>"HTX" & co</b>') // "&lt;b&gt;&quot;HTX&quot; &amp; co&lt;/b&gt;"
 */
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

/** One piece of a text: Vietnamese (to be marked `lang="vi"`) or not. */
export interface TextSegment {
  readonly text: string;
  readonly vi: boolean;
}

// Abbreviations that are Vietnamese although written without diacritics; they join a Vietnamese run
// they touch ("HTX Hàm Thuận"), never make one on their own (an id such as "HTX-60-001" stays as is).
const VI_ABBREVIATION = /^(HTX|LHHTX|THT|QTDND|UBND|HĐND|NQ)$/;
// A word's core: without the punctuation around it ("Thuận," → "Thuận").
const CORE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

/** Splits text outside parentheses into Vietnamese runs (words with a Vietnamese letter, the whitespace between them, and abbreviations they touch) and the rest. */
const runs = (text: string): TextSegment[] => {
  const parts = text.split(/(\s+)/);
  type Word = { lead: string; core: string; trail: string; vi: boolean; abbr: boolean };
  const words: Array<Word | string> = parts.map((p, i) => {
    if (i % 2 === 1) return p;
    const m = CORE.exec(p);
    const [lead, core, trail] = [m?.[1] ?? "", m?.[2] ?? p, m?.[3] ?? ""];
    return { lead, core, trail, vi: isVietnamese(core), abbr: VI_ABBREVIATION.test(core) };
  });
  // Which words are in a Vietnamese run: a Vietnamese word, and abbreviations or Vietnamese words
  // joined to it by whitespace only (no punctuation between).
  const wordAt = (i: number): Word | undefined => {
    const w = words[i];
    return typeof w === "object" ? w : undefined;
  };
  const inRun = words.map((w) => typeof w === "object" && w.vi);
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < words.length; i += 2) {
      const w = wordAt(i);
      if (w === undefined || inRun[i] || !w.abbr) continue;
      const next = wordAt(i + 2);
      const prev = wordAt(i - 2);
      if (
        (next !== undefined && inRun[i + 2] && w.trail === "" && next.lead === "") ||
        (prev !== undefined && inRun[i - 2] && prev.trail === "" && w.lead === "")
      )
        inRun[i] = true;
    }
  const out: TextSegment[] = [];
  const push = (t: string, vi: boolean): void => {
    if (t === "") return;
    const last = out[out.length - 1];
    if (last !== undefined && last.vi === vi) out[out.length - 1] = { text: last.text + t, vi };
    else out.push({ text: t, vi });
  };
  for (let i = 0; i < words.length; i += 2) {
    const w = wordAt(i) as Word;
    if (!inRun[i]) {
      push(w.lead + w.core + w.trail, false);
      if (i + 1 < words.length) push(words[i + 1] as string, false);
      continue;
    }
    push(w.lead, false);
    push(w.core, true);
    // Whitespace continues the run only when the next word is in it and no punctuation separates them.
    const next = wordAt(i + 2);
    const joined = w.trail === "" && next !== undefined && inRun[i + 2] === true && next.lead === "";
    push(w.trail, false);
    if (i + 1 < words.length) push(words[i + 1] as string, joined);
  }
  return out;
};

/**
 * Splits a user-facing text into its Vietnamese parts and the rest, for marking the former
 * `lang="vi"` (WCAG 2.2 SC 3.1.2, language of parts: screen readers switch voice, browsers hyphenate
 * and pick fonts by it). The finest marking that is still right: a parenthesised run in Vietnamese —
 * the form all our labels take, "Active co-ops (Số HTX đang hoạt động)" — is one part; elsewhere each
 * run of Vietnamese words ("… as known at …, Bình Thuận — …") is one part, with the abbreviations
 * it touches ("HTX Hàm Thuận"); English words are never marked Vietnamese. Used by the report
 * (through {@link markVi}) and by the web view's page (served as a module: this file imports nothing).
 *
 * @example viSegments("met (đạt)") // [{ text: "met (", vi: false }, { text: "đạt", vi: true }, { text: ")", vi: false }]
 */
export const viSegments = (text: string): ReadonlyArray<TextSegment> => {
  if (!isVietnamese(text)) return text === "" ? [] : [{ text, vi: false }];
  const out: TextSegment[] = [];
  const push = (segs: ReadonlyArray<TextSegment>): void => {
    for (const s of segs) {
      const last = out[out.length - 1];
      if (last !== undefined && last.vi === s.vi)
        out[out.length - 1] = { text: last.text + s.text, vi: s.vi };
      else if (s.text !== "") out.push(s);
    }
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") {
      if (depth === 0) {
        push(runs(text.slice(start, i)));
        push([{ text: "(", vi: false }]);
        start = i + 1;
      }
      depth++;
    } else if (c === ")" && depth > 0) {
      depth--;
      if (depth === 0) {
        const inner = text.slice(start, i);
        push(isVietnamese(inner) ? [{ text: inner, vi: true }] : [{ text: inner, vi: false }]);
        push([{ text: ")", vi: false }]);
        start = i + 1;
      }
    }
  }
  // An unclosed parenthesis: what follows it is text like any other.
  push(runs(text.slice(start)));
  return out;
};

/**
 * Escapes a user-facing text for HTML and marks its Vietnamese parts `<span lang="vi">` (see
 * {@link viSegments}); the page itself is `lang="en"`.
 *
 * @example markVi("met (đạt)") // 'met (<span lang="vi">đạt</span>)'
 * @example markVi("Resolution 000, Bình Thuận") // 'Resolution 000, <span lang="vi">Bình Thuận</span>'
 */
export const markVi = (text: string): string =>
  viSegments(text)
    .map((s) => (s.vi ? `<span lang="vi">${escapeHtml(s.text)}</span>` : escapeHtml(s.text)))
    .join("");

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
