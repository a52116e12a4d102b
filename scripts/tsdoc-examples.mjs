#!/usr/bin/env node
// TSDoc examples and links, checked like fp-ts's docs-ts checks its examples.
//
// - Every `@example` in a package's sources (tests excepted) is written to its own module under
//   `packages/<package>/.tsdoc-examples/` (gitignored). The module imports, by name, the exported names
//   the example uses but does not import itself (the exports of the file the example documents first,
//   then the package's public API, then its `/internal` barrel, then a sibling package's public API, then the fp-ts/io-ts/ts-pattern/fast-check house
//   aliases `E`, `TE`, `O`, `pipe`, `flow`, `t`, `match`, `P`, `fc`), and wraps the example's code in
//   `export async function run()`.
// - All those modules are type-checked in one TypeScript program with the repository's test
//   compiler options (tsconfig.test.json: sibling packages resolve to their sources).
// - Every `{@link Name}` in a JSDoc comment must resolve to a declaration (TypeScript's own lookup).
//
// The test beside this file (tsdoc-examples.test.ts) runs the checks in CI, runs the examples that
// type-check, and keeps the reviewed allow-list (tsdoc-examples.allow.json) from growing.
//
// - Every exported function, const and class has an `@example`, and every exported type a TSDoc comment
//   (collectMissing; test doubles under `test-support/` excepted).
//
// Usage: node scripts/tsdoc-examples.mjs [--list-failures] [--list-missing]
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { VALUE_HELPERS, valueChecks } from "./example-values.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Where a package's example modules are written (inside the package, so its dependencies resolve). */
export const outDirOf = (pkg) => join(root, "packages", pkg, ".tsdoc-examples");

/** The house aliases an example may use without importing them (as the docs and READMEs write them). */
const HOUSE_ALIASES = {
  E: 'import * as E from "fp-ts/lib/Either.js";',
  TE: 'import * as TE from "fp-ts/lib/TaskEither.js";',
  O: 'import * as O from "fp-ts/lib/Option.js";',
  pipe: 'import { pipe } from "fp-ts/lib/function.js";',
  flow: 'import { flow } from "fp-ts/lib/function.js";',
  t: 'import * as t from "io-ts";',
  match: 'import { match } from "ts-pattern";',
  P: 'import { P } from "ts-pattern";',
  fc: 'import fc from "fast-check";',
};

const packagesDir = join(root, "packages");

/** The workspace's packages (folder names). */
export const packageNames = () =>
  readdirSync(packagesDir).filter((d) => statSync(join(packagesDir, d, "src"), { throwIfNoEntry: false }));

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });

/** The source files whose JSDoc is checked: every non-test `.ts` file under `packages/<pkg>/src`. */
export const sourceFiles = () =>
  packageNames().flatMap((pkg) => walk(join(packagesDir, pkg, "src")).map((file) => ({ pkg, file })));

const compilerOptions = () => {
  const path = join(root, "tsconfig.test.json");
  const cfg = ts.readConfigFile(path, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, root, undefined, path);
  return { ...parsed.options, noEmit: true, incremental: false, tsBuildInfoFile: undefined };
};

const declarationName = (node) => {
  for (let n = node; n; n = n.parent) {
    if (n.name && ts.isIdentifier(n.name)) {
      const owner =
        n.parent && (ts.isClassLike(n.parent) || ts.isInterfaceDeclaration(n.parent)) && n.parent.name;
      return owner ? `${owner.text}.${n.name.text}` : n.name.text;
    }
    if (ts.isVariableStatement(n)) {
      const d = n.declarationList.declarations[0];
      if (d && ts.isIdentifier(d.name)) return d.name.text;
    }
  }
  return "(anonymous)";
};

/** The code of each `@example` in one JSDoc comment's raw text (fences and the leading `*` removed). */
export const examplesOfComment = (raw) => {
  const lines = raw
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""));
  const out = [];
  let cur = null;
  for (const line of lines) {
    const tag = /^\s*@(\w+)(.*)$/.exec(line);
    if (tag) {
      if (cur) out.push(cur);
      cur = tag[1] === "example" ? [tag[2].trim()] : null;
      continue;
    }
    if (cur) cur.push(line);
  }
  if (cur) out.push(cur);
  return out.map((ls) => {
    // A title on the @example line followed by a fenced block: the title is prose, the block is code.
    const fence = ls.findIndex((l) => /^\s*```/.test(l));
    let code = ls;
    if (fence >= 0) {
      const end = ls.findIndex((l, i) => i > fence && /^\s*```/.test(l));
      code = ls.slice(fence + 1, end < 0 ? undefined : end);
    }
    while (code.length && code[code.length - 1].trim() === "") code = code.slice(0, -1);
    while (code.length && code[0].trim() === "") code = code.slice(1);
    return code.join("\n");
  });
};

/**
 * Every `@example` of the sources, with its id (`<pkg>/<path>#<name>`, `#2`… for a name's later
 * examples), file and line.
 */
export const collectExamples = () => {
  const all = [];
  for (const { pkg, file } of sourceFiles()) {
    const text = readFileSync(file, "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const seen = new Set();
    const visit = (node) => {
      for (const doc of node.jsDoc ?? []) {
        if (seen.has(doc.pos)) continue;
        seen.add(doc.pos);
        const raw = text.slice(doc.getStart(sf), doc.end);
        const codes = examplesOfComment(raw);
        const name = declarationName(node);
        const line = sf.getLineAndCharacterOfPosition(doc.getStart(sf)).line + 1;
        codes.forEach((code) => {
          const base = `${pkg}/${relative(join(packagesDir, pkg), file)}#${name}`;
          let id = base;
          for (let k = 2; all.some((e) => e.id === id); k++) id = `${base}#${k}`;
          all.push({ id, pkg, file, line, name, code });
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return all;
};

/** Folders whose files are test doubles and fixtures for the tests (not API): no example asked of them. */
const TEST_DOUBLE_DIR = /(^|\/)test-support\//;

/**
 * The exported names of the sources that an example is asked of and that have none (issue #17): every
 * function, const and class declared with `export` at the top of a source file (re-exports are
 * documented where they are declared; test doubles under `test-support/` are not API), with no
 * `@example` in the TSDoc of any of its declarations (a codec's const and its type share one). Types and
 * interfaces need a TSDoc comment and no example: they come back with `kind: "type"` only when they
 * have no TSDoc at all. Ids are `<pkg>/<path>#<name>`, as the examples'.
 */
export const collectMissing = (files = sourceFiles()) => {
  const out = [];
  for (const { pkg, file } of files) {
    const path = relative(join(packagesDir, pkg), file);
    if (TEST_DOUBLE_DIR.test(path)) continue;
    const text = readFileSync(file, "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const byName = new Map(); // name → { value, type, doc, example, line }
    for (const st of sf.statements) {
      const modifiers = ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []) : [];
      if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const docs = st.jsDoc ?? [];
      const isValue =
        ts.isFunctionDeclaration(st) ||
        ts.isClassDeclaration(st) ||
        ts.isVariableStatement(st) ||
        ts.isEnumDeclaration(st);
      const names = ts.isVariableStatement(st)
        ? st.declarationList.declarations.map((d) => d.name.getText(sf))
        : st.name
          ? [st.name.getText(sf)]
          : ["default"];
      for (const name of names) {
        const e = byName.get(name) ?? { value: false, doc: false, example: false, line: 0 };
        e.value ||= isValue;
        e.doc ||= docs.length > 0;
        // As collectExamples reads them: an `@example` inside a description line is not one it checks.
        e.example ||= docs.some((d) =>
          examplesOfComment(text.slice(d.getStart(sf), d.end)).some((c) => c.trim()),
        );
        if (!e.line || isValue) e.line = sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1;
        byName.set(name, e);
      }
    }
    for (const [name, e] of byName) {
      const lacking = e.value ? !e.example : !e.doc;
      if (!lacking) continue;
      out.push({
        id: `${pkg}/${path}#${name}`,
        pkg,
        file,
        line: e.line,
        name,
        kind: e.value ? "value" : "type",
        lacks: e.doc ? "@example" : "TSDoc",
      });
    }
  }
  return out;
};

/** A program over every package's sources (test options), for export lists and link lookups. */
export const sourceProgram = (extraRoots = [], host) =>
  ts.createProgram({
    rootNames: [...sourceFiles().map((s) => s.file), ...extraRoots],
    options: compilerOptions(),
    host,
  });

const exportsOf = (program, file) => {
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file);
  const sym = sf && checker.getSymbolAtLocation(sf);
  if (!sym) return new Map();
  return new Map(
    checker.getExportsOfModule(sym).map((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      return [s.name, (target.flags & ts.SymbolFlags.Value) !== 0];
    }),
  );
};

/** name → { from, isValue } for each package's public index and internal barrel. */
const exportTables = (program) => {
  const t = {};
  for (const pkg of packageNames()) {
    t[pkg] = {
      public: exportsOf(program, join(packagesDir, pkg, "src", "index.ts")),
      internal: exportsOf(program, join(packagesDir, pkg, "src", "internal", "index.ts")),
    };
  }
  return t;
};

const IMPORT_LINE = /^\s*import\s[^;]*?from\s*["'][^"']+["'];?\s*$|^\s*import\s*["'][^"']+["'];?\s*$/;

/**
 * The module of one example: `text`, the imports it lacks, then its code inside `run()`, with the
 * top-level statements whose comment states their value rewritten to record it (example-values.mjs);
 * `checks`, those statements and the values their comments state.
 */
export const moduleOf = (ex, tables, fileExports) => {
  const lines = ex.code.split("\n");
  const own = lines.filter((l) => IMPORT_LINE.test(l));
  const body = lines.filter((l) => !IMPORT_LINE.test(l));
  const bodyText = body.join("\n");
  const declared = new Set();
  for (const l of own) for (const m of l.matchAll(/\b([A-Za-z_$][\w$]*)\b/g)) declared.add(m[1]);
  for (const m of bodyText.matchAll(
    /\b(?:const|let|var|function|class|type|interface)\s+([A-Za-z_$][\w$]*)/g,
  ))
    declared.add(m[1]);
  // Identifiers outside strings and comments (an approximation good enough to pick imports).
  const scrubbed = bodyText
    .replace(/\/\/.*$/gm, "")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/`(?:[^`\\]|\\.)*`/g, '""')
    // A spread (`[...groupByStream(events)]`) is not a property access: the name after it is used.
    .replace(/\.\.\./g, " ");
  const used = new Set();
  for (const m of scrubbed.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)) used.add(m[1]);
  const imports = new Map(); // module → [spec]
  const add = (mod, name, isValue) => {
    if (!imports.has(mod)) imports.set(mod, []);
    imports.get(mod).push(isValue ? name : `type ${name}`);
  };
  const house = [];
  const ownModule = relative(outDirOf(ex.pkg), ex.file).replace(/\.ts$/, ".js");
  for (const name of [...used].sort()) {
    if (declared.has(name)) continue;
    const own = tables[ex.pkg];
    // The documented file's own name first: the package may export another declaration under the same
    // name (bench's report `fmt` and cold/run-figures.ts's `fmt`), and the example is about this one.
    if (fileExports.has(name)) add(ownModule, name, fileExports.get(name));
    else if (own.public.has(name)) add(`@coop-ledger/${ex.pkg}`, name, own.public.get(name));
    else if (own.internal.has(name)) add(`@coop-ledger/${ex.pkg}/internal`, name, own.internal.get(name));
    else {
      const other = Object.entries(tables).find(([p, t]) => p !== ex.pkg && t.public.has(name));
      if (other) add(`@coop-ledger/${other[0]}`, name, other[1].public.get(name));
      else if (HOUSE_ALIASES[name]) house.push(HOUSE_ALIASES[name]);
    }
  }
  const header = [
    `// Generated by scripts/tsdoc-examples.mjs from ${relative(root, ex.file)}:${ex.line} (${ex.name}). Do not edit.`,
    ...house,
    ...[...imports].map(([mod, names]) => `import { ${names.join(", ")} } from "${mod}";`),
    ...own,
  ];
  const values = valueChecks(body.join("\n"));
  const helpers = values.checks.length > 0 ? `\n${VALUE_HELPERS}\n` : "";
  return {
    text: `${header.join("\n")}\n${helpers}\nexport async function run(): Promise<void> {\n${values.body}\n}\n`,
    checks: values.checks,
  };
};

/** The file name of an example's module (stable, readable). */
export const moduleFile = (ex, i) =>
  join(outDirOf(ex.pkg), `${String(i).padStart(4, "0")}-${ex.name.replace(/[^\w]+/g, "_").slice(0, 60)}.ts`);

const flatten = (d) => ts.flattenDiagnosticMessageText(d.messageText, "\n");

/**
 * Extracts, writes and type-checks every example, and checks every `{@link}`.
 * Returns the examples (with `module`, and `errors` — empty when it type-checks) and the dead links.
 */
export const checkAll = () => {
  const examples = collectExamples();
  for (const pkg of packageNames()) rmSync(outDirOf(pkg), { recursive: true, force: true });
  // First program: export lists and links over the sources alone.
  const base = sourceProgram();
  const tables = exportTables(base);
  const deadLinks = [];
  const checker = base.getTypeChecker();
  for (const { file } of sourceFiles()) {
    const sf = base.getSourceFile(file);
    if (!sf) continue;
    const visit = (node) => {
      if (
        (ts.isJSDocLink(node) || ts.isJSDocLinkCode(node) || ts.isJSDocLinkPlain(node)) &&
        node.name &&
        !/^https?:/.test(node.name.getText(sf))
      ) {
        const sym = checker.getSymbolAtLocation(node.name);
        if (!sym) {
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          deadLinks.push({ file: relative(root, file), line: line + 1, link: node.name.getText(sf) });
        }
      }
      ts.forEachChild(node, visit);
      for (const doc of node.jsDoc ?? []) visit(doc);
    };
    visit(sf);
  }
  // Second program: the example modules on top of the sources (the first program's files are reused).
  const files = examples.map((ex, i) => {
    const path = moduleFile(ex, i);
    const { text, checks } = moduleOf(ex, tables, exportsOf(base, ex.file));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return { ...ex, module: path, text, checks };
  });
  const program = ts.createProgram({
    rootNames: [...sourceFiles().map((s) => s.file), ...files.map((f) => f.module)],
    options: compilerOptions(),
    oldProgram: base,
  });
  const checked = files.map((f) => {
    const sf = program.getSourceFile(f.module);
    const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    const errors = diags.map((d) => {
      const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `line ${at}: TS${d.code} ${flatten(d)}`;
    });
    return { ...f, errors };
  });
  return { examples: checked, deadLinks };
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  const { examples, deadLinks } = checkAll();
  const failing = examples.filter((e) => e.errors.length > 0);
  const missing = collectMissing();
  if (process.argv.includes("--list-missing"))
    for (const m of missing) console.log(`${m.id}\t${relative(root, m.file)}:${m.line}\tno ${m.lacks}`);
  if (process.argv.includes("--list-failures"))
    for (const e of failing)
      console.log(`${e.id}\t${relative(root, e.module)}\t${e.errors[0].replace(/\s+/g, " ")}`);
  for (const l of deadLinks) console.log(`dead link {@link ${l.link}} at ${l.file}:${l.line}`);
  console.error(
    `${examples.length} examples, ${examples.length - failing.length} type-check, ${failing.length} do not; ` +
      `${deadLinks.length} dead links; ${missing.length} exported names lack one ` +
      `(${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
