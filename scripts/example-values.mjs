// The values an example's trailing comments state, checked against what the code gives (issue #17:
// "every example runs and says the truth"). The house style writes the value an expression gives in a
// trailing comment (docs/development.md); Rust's doctests check theirs with assert!, ts-pattern's and
// docs-ts's examples are not checked at all. Here two patterns, which together are most of the
// comments, are checked when the comment starts with a value:
//
//   expr // value (prose may follow)          the expression's value
//   console.log(a, b); // value value (prose)  each argument's value, in order
//
// A value is a JavaScript literal as the docs write them: a string ("…" or '…'), a number (1_000, 0.25,
// -3, 5n), true, false, null, undefined, NaN, Infinity, an array or an object literal of values (keys
// bare or quoted; `...` inside one means "and more", so the listed elements or keys are checked and the
// rest not), and fp-ts's Right(v), Left(v), Some(v), None. In a string, `…` stands for any text (what
// varies from run to run: a duration, a hash). A comment that does not start with one is
// prose (`// the loans' applications`, `// ≈ 488.1`, `// e.g. …`) and is not checked. A number written
// with decimals matches the value rounded to that many decimals. The comment may also stand alone on the
// line after the statement; it is then checked only when the whole comment is the value(s).
//
// Only statements at the top level of an example are checked (inside a loop or a callback a line runs
// any number of times). The statement is rewritten in the example's module: `__v(k, expr)` records the
// value and returns it; `console.log(…)` becomes `__log(k, …)`, which records its arguments instead of
// printing them. The test beside tsdoc-examples.mjs compares them after the example has run.
import ts from "typescript";

/** The marker an array or object literal holds where its comment wrote `...` (more not listed). */
export const REST = Symbol("rest");
/** Where a number written with decimals (`0.25`) keeps its value; the decimals say how close it must be. */
const NUMBER = Symbol("number with decimals");

const WORDS = {
  true: true,
  false: false,
  null: null,
  undefined: undefined,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  None: { _tag: "None" },
};
const WRAPPERS = { Right: "right", Left: "left", Some: "value" };

/**
 * Reads one value literal at `s[i]`; returns `{ value, end }` or undefined when there is none. A value
 * at the top level must be followed by the end, a space or `:;,()` (so `// 3rd` is prose, not 3).
 */
const readValue = (s, i, top) => {
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const value = () => {
    ws();
    const c = s[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      let out = "";
      for (; j < s.length && s[j] !== c; j++) {
        if (s[j] === "\\") {
          const esc = s[++j];
          out += { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'" }[esc] ?? esc;
        } else out += s[j];
      }
      if (j >= s.length) throw new Error("unterminated string");
      i = j + 1;
      return out;
    }
    const num = /^-?(?:\d[\d_]*)(?:\.\d+)?(?:[eE][+-]?\d+)?n?/.exec(s.slice(i));
    if (num !== null) {
      i += num[0].length;
      const text = num[0].replace(/_/g, "");
      if (text.endsWith("n")) return BigInt(text.slice(0, -1));
      const n = Number(text);
      const decimals = /\.(\d+)/.exec(text.replace(/[eE].*$/, ""))?.[1].length ?? 0;
      return decimals > 0 && !/[eE]/.test(text) ? { [NUMBER]: n, decimals } : n;
    }
    if (s.startsWith("-Infinity", i)) {
      i += 9;
      return Number.NEGATIVE_INFINITY;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(s.slice(i))?.[0];
    if (word !== undefined && word in WRAPPERS) {
      i += word.length;
      ws();
      if (s[i] !== "(") throw new Error(`${word} without (`);
      i++;
      const inner = value();
      ws();
      if (s[i] !== ")") throw new Error(`${word}( without )`);
      i++;
      return { _tag: word, [WRAPPERS[word]]: inner };
    }
    if (word !== undefined && Object.hasOwn(WORDS, word)) {
      i += word.length;
      return WORDS[word];
    }
    if (c === "[") {
      i++;
      const out = [];
      for (;;) {
        ws();
        if (s[i] === "]") {
          i++;
          return out;
        }
        if (s.startsWith("...", i)) {
          i += 3;
          out.push(REST);
        } else out.push(value());
        ws();
        if (s[i] === ",") i++;
        else if (s[i] !== "]") throw new Error("array: , or ] expected");
      }
    }
    if (c === "{") {
      i++;
      const out = {};
      for (;;) {
        ws();
        if (s[i] === "}") {
          i++;
          return out;
        }
        if (s.startsWith("...", i)) {
          i += 3;
          out[REST] = true;
        } else {
          let key;
          if (s[i] === '"' || s[i] === "'") key = value();
          else {
            key = /^[A-Za-z_$][\w$]*/.exec(s.slice(i))?.[0];
            if (key === undefined) throw new Error("object: key expected");
            i += key.length;
          }
          ws();
          if (s[i] !== ":") throw new Error("object: : expected");
          i++;
          out[key] = value();
        }
        ws();
        if (s[i] === ",") i++;
        else if (s[i] !== "}") throw new Error("object: , or } expected");
      }
    }
    throw new Error("no value");
  };
  try {
    const v = value();
    if (top && i < s.length && !/[\s:;,()]/.test(s[i])) return undefined;
    return { value: v, end: i };
  } catch {
    return undefined;
  }
};
/**
 * The values a comment's text starts with: up to `count` of them, separated by spaces; `rest` is what
 * follows (prose). Undefined when it does not start with `count` values.
 */
export const parseValues = (text, count) => {
  const values = [];
  let i = 0;
  for (let n = 0; n < count; n++) {
    const r = readValue(text, i, true);
    if (r === undefined) return undefined;
    values.push(r.value);
    i = r.end;
  }
  return { values, rest: text.slice(i).trim() };
};

/** Whether `actual` is the value a comment wrote (`expected`, as parseValues read it). */
export const sameValue = (actual, expected) => {
  if (expected !== null && typeof expected === "object" && NUMBER in expected) {
    if (typeof actual !== "number") return false;
    const unit = 10 ** -expected.decimals;
    return Math.abs(actual - expected[NUMBER]) <= unit / 2 + Number.EPSILON * Math.abs(actual);
  }
  if (typeof expected === "number") return Object.is(actual, expected) || (actual === 0 && expected === 0);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) && !ArrayBuffer.isView(actual)) return false;
    const rest = expected.indexOf(REST);
    const listed = rest < 0 ? expected : expected.slice(0, rest);
    if (rest < 0 ? actual.length !== listed.length : actual.length < listed.length) return false;
    return listed.every((e, k) => sameValue(actual[k], e));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    const defined = Object.keys(actual).filter((k) => actual[k] !== undefined);
    if (!expected[REST] && defined.length !== keys.filter((k) => expected[k] !== undefined).length)
      return false;
    return keys.every((k) => sameValue(actual[k], expected[k]));
  }
  // A string comment may elide what varies with "…" (a duration, a hash): the rest must match.
  if (typeof expected === "string" && expected.includes("…") && typeof actual === "string") {
    const parts = expected.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${parts.join(".*")}$`, "s").test(actual);
  }
  return Object.is(actual, expected);
};

/** The text of a `//` comment, without the slashes. */
const commentText = (body, range) => body.slice(range.pos + 2, range.end).trim();

/**
 * The checks of an example's body: each top-level expression statement whose trailing comment (or a
 * comment alone on the next line) starts with the value(s) it gives. Returns the body rewritten to
 * record them, and the checks: `{ k, statement, comment, expected }`.
 */
export const valueChecks = (body) => {
  const sf = ts.createSourceFile("example.ts", body, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const checks = [];
  const edits = []; // [start, end, text], applied from the end
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line;
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st)) continue;
    const expr = st.expression;
    const isLog =
      ts.isCallExpression(expr) &&
      expr.expression.getText(sf) === "console.log" &&
      expr.arguments.length > 0 &&
      !expr.arguments.some(ts.isSpreadElement);
    const count = isLog ? expr.arguments.length : 1;
    let parsed;
    let comment;
    const trailing = (ts.getTrailingCommentRanges(body, st.end) ?? []).find(
      (r) => r.kind === ts.SyntaxKind.SingleLineCommentTrivia && lineOf(r.pos) === lineOf(st.end),
    );
    if (trailing !== undefined) {
      comment = commentText(body, trailing);
      parsed = parseValues(comment, count);
    } else {
      // A value on its own comment line right after the statement: the whole comment must be the value.
      const next = (ts.getLeadingCommentRanges(body, st.end) ?? [])[0];
      if (next?.kind === ts.SyntaxKind.SingleLineCommentTrivia && lineOf(next.pos) === lineOf(st.end) + 1) {
        comment = commentText(body, next);
        parsed = parseValues(comment, count);
        if (parsed !== undefined && parsed.rest !== "") parsed = undefined;
      }
    }
    if (parsed === undefined) continue;
    const k = checks.length;
    checks.push({ k, statement: st.getText(sf), comment, expected: parsed.values });
    if (isLog) {
      const args = expr.arguments;
      edits.push([
        expr.getStart(sf),
        expr.end,
        `__log(${k}, ${body.slice(args[0].getStart(sf), args.at(-1).end)})`,
      ]);
    } else edits.push([expr.getStart(sf), expr.end, `__v(${k}, (${expr.getText(sf)}))`]);
  }
  let out = body;
  for (const [start, end, text] of edits.reverse()) out = out.slice(0, start) + text + out.slice(end);
  return { body: out, checks };
};

/** The module-level helpers the rewritten statements call (before `run()`). */
export const VALUE_HELPERS = [
  "/** What the checked statements gave, by check number (scripts/example-values.mjs). */",
  "export const __observed: Array<{ k: number; values: unknown[] }> = [];",
  "const __v = <T>(k: number, value: T): T => {",
  "  __observed.push({ k, values: [value] });",
  "  return value;",
  "};",
  "const __log = (k: number, ...values: unknown[]): void => {",
  "  __observed.push({ k, values });",
  "};",
].join("\n");
