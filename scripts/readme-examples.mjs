#!/usr/bin/env node
// Every TypeScript example of the packages' READMEs (and of README.md and every docs/*.md),
// found, type-checked and run (issue #16: "make every package README example TypeScript that CI
// type-checks and runs"). Nothing is listed by hand: every fenced block is found, so a new one cannot
// escape the check.
//
// The rules, for every fenced block of those files:
//  - it names its language (a bare ``` fence could hide code from the check);
//  - code is ```ts: a ```js / ```javascript / ```tsx … block is refused (write it in TypeScript);
//  - a ```ts block is a complete program (imports what it uses), type-checked under module node16,
//    strict, and run with Node; it must exit 0;
//  - unless the line before its fence says otherwise, in an HTML comment (invisible on npm):
//      <!-- example: continues -->         the block continues the file's previous ```ts block: the
//                                           two (or more) are checked and run as one program;
//      <!-- example: run-by <file> -->      the block needs a server: it is type-checked here and run
//                                           by <file> (relative to the README's folder), a test that
//                                           reads the README's block and runs it against a test double.
//
// Published packages' examples run in a project that installed the packed packages (pack-install.mjs
// calls `checkExamples` there); a private package's examples (bench) run in its own folder of the
// workspace. `node scripts/readme-examples.mjs --list` prints what it found and the problems, without
// running anything (the repo test project runs the same listing: scripts/readme-examples.test.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const SCRIPT_LANGS = new Set(["js", "javascript", "mjs", "cjs", "jsx", "tsx", "typescript", "mts", "cts"]);
const DIRECTIVE = /^\s*<!--\s*example:\s*(.*?)\s*-->\s*$/;

/** The Markdown files whose examples are checked, relative to the repository root. */
export const exampleSources = (repo) => [
  "README.md",
  ...readdirSync(join(repo, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
  ...readdirSync(join(repo, "packages"))
    .filter((d) => existsSync(join(repo, "packages", d, "README.md")))
    .sort()
    .map((d) => `packages/${d}/README.md`),
];

/**
 * The fenced blocks of a Markdown text: `{ line, lang, code, directive }` (`code` with the fence's
 * indentation removed; `directive` the `<!-- example: … -->` on the line before the fence, if any).
 */
export const fencedBlocks = (text) => {
  const lines = text.split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (open === null) continue;
    const [, indent, fence, info] = open;
    const body = [];
    let j = i + 1;
    const close = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    for (; j < lines.length && !close.test(lines[j]); j++)
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === "") k--;
    const directive = k >= 0 ? DIRECTIVE.exec(lines[k])?.[1] : undefined;
    blocks.push({
      line: i + 1,
      lang: info.trim().split(/\s+/)[0] ?? "",
      code: `${body.join("\n")}\n`,
      directive,
    });
    i = j;
  }
  return blocks;
};

/**
 * One ```ts block of a Markdown file as a plain ES module (TypeScript removed, nothing checked), for a
 * test that runs it against the built package and a test double: the block whose fence follows
 * `<!-- example: run-by <runBy> -->`, or the first ```ts block after the line `heading`. Throws when
 * there is none, so a test cannot pass on a block that is gone. One reading of the Markdown for the
 * check above and for those tests (store's, store-esdb's).
 */
export const exampleAsModule = (markdownFile, { runBy, heading }) => {
  const text = readFileSync(markdownFile, "utf8");
  const blocks = fencedBlocks(text).filter((b) => b.lang === "ts");
  const headingLine = heading === undefined ? -1 : text.split("\n").indexOf(heading) + 1;
  const block =
    runBy !== undefined
      ? blocks.find((b) => b.directive === `run-by ${runBy}`)
      : blocks.find((b) => headingLine > 0 && b.line > headingLine);
  if (block === undefined)
    throw new Error(
      `${markdownFile}: no \`\`\`ts block ${runBy !== undefined ? `run by ${runBy}` : `under "${heading}"`}`,
    );
  return ts.transpileModule(block.code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
};

/**
 * Every example of the repository: `{ examples, problems }`. An example is one program: a ```ts block,
 * with the blocks that continue it. `where` is "installed" (a published package or a top-level doc) or
 * "workspace" (a private package: run in its folder).
 */
export const collectExamples = (repo) => {
  const examples = [];
  const problems = [];
  for (const source of exampleSources(repo)) {
    const path = join(repo, source);
    if (!existsSync(path)) continue;
    const dir = dirname(path);
    const pkgJson = source.startsWith("packages/")
      ? JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      : undefined;
    const where = pkgJson?.private === true ? "workspace" : "installed";
    let previous;
    for (const b of fencedBlocks(readFileSync(path, "utf8"))) {
      const at = `${source}:${b.line}`;
      if (b.lang === "") {
        problems.push(`${at}: a fence without a language (say \`\`\`ts, \`\`\`sh, \`\`\`text …)`);
        continue;
      }
      if (SCRIPT_LANGS.has(b.lang)) {
        problems.push(`${at}: a \`\`\`${b.lang} block: examples are \`\`\`ts (type-checked and run)`);
        continue;
      }
      if (b.lang !== "ts") {
        if (b.directive !== undefined)
          problems.push(`${at}: an example directive on a \`\`\`${b.lang} block`);
        continue;
      }
      if (b.directive === undefined) {
        previous = {
          id: slug(source, b.line),
          source,
          line: b.line,
          where,
          dir,
          code: b.code,
          runBy: undefined,
        };
        examples.push(previous);
      } else if (b.directive === "continues") {
        if (previous === undefined)
          problems.push(`${at}: "continues" but no earlier \`\`\`ts block in the file`);
        else previous.code += `\n// ---- continued (${source}:${b.line}) ----\n${b.code}`;
      } else if (b.directive.startsWith("run-by ")) {
        const runBy = b.directive.slice("run-by ".length).trim();
        const test = join(dir, runBy);
        if (!existsSync(test)) problems.push(`${at}: run-by ${runBy}: no such file`);
        else if (!readFileSync(test, "utf8").includes(basename(source)))
          problems.push(`${at}: run-by ${runBy}: that file does not read ${basename(source)}`);
        previous = { id: slug(source, b.line), source, line: b.line, where, dir, code: b.code, runBy };
        examples.push(previous);
      } else problems.push(`${at}: unknown example directive "${b.directive}"`);
    }
  }
  return { examples, problems };
};

const slug = (source, line) =>
  `${
    source
      .replace(/\/?README\.md$/, "")
      .replace(/^packages\//, "")
      .replace(/[^a-z0-9]+/gi, "-") || "root"
  }-L${line}`;

const tsconfigFor = (files, outDir) => ({
  compilerOptions: {
    module: "node16",
    moduleResolution: "node16",
    target: "es2022",
    strict: true,
    exactOptionalPropertyTypes: false,
    outDir,
    rootDir: "ts",
    types: ["node"],
    lib: ["es2023"],
    skipLibCheck: true,
  },
  files,
});

/**
 * Type-checks (one `tsc` run) and runs each example in `project` (an ES module package folder whose
 * node_modules, or its own name, gives the packages; TypeScript is `tsc`, a path to tsc's bin). Each program runs in a fresh folder of its
 * own. `report(line)` is called once per example; returns the failures (empty when all passed).
 */
export const checkExamples = (examples, project, tsc, report, { timeoutMs = 300_000 } = {}) => {
  const base = join(project, ".readme-examples");
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(base, "ts"), { recursive: true });
  mkdirSync(join(base, "out"), { recursive: true });
  // No package.json here: the project's own (an ES module scope) applies, so a package's examples can
  // import the package by its own name (self-reference) in the workspace.
  for (const e of examples)
    writeFileSync(join(base, "ts", `${e.id}.ts`), `// ${e.source}:${e.line}\n${e.code}\nexport {};\n`);
  writeFileSync(
    join(base, "tsconfig.json"),
    JSON.stringify(
      tsconfigFor(
        examples.map((e) => `ts/${e.id}.ts`),
        "out",
      ),
      null,
      2,
    ),
  );
  const failures = [];
  const tc = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: base, encoding: "utf8" });
  if (tc.status !== 0) {
    failures.push(`type-check of the README examples failed:\n${tc.stdout}${tc.stderr}`);
    return failures;
  }
  for (const e of examples) {
    if (e.runBy !== undefined) {
      report(`${e.source}:${e.line} type-checks (run by ${e.runBy})`);
      continue;
    }
    const cwd = join(base, "run", e.id);
    mkdirSync(cwd, { recursive: true });
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(base, "out", `${e.id}.js`)], {
      cwd,
      encoding: "utf8",
      timeout: timeoutMs,
      maxBuffer: 64 << 20,
      env: { ...process.env, NO_COLOR: "1" },
    });
    if (r.status !== 0) {
      failures.push(
        `${e.source}:${e.line}: exit ${r.status ?? r.signal}\n${(r.stdout ?? "").slice(-2000)}\n${(r.stderr ?? "").slice(-3000)}`,
      );
      continue;
    }
    const first = (r.stdout ?? "").trim().split("\n")[0] ?? "";
    report(
      `${e.source}:${e.line} type-checks and runs (${((Date.now() - started) / 1000).toFixed(1)} s): ${first.slice(0, 100)}`,
    );
  }
  return failures;
};

// ------------------------------------------------------------------------------------------- command
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repo = fileURLToPath(new URL("..", import.meta.url));
  const { examples, problems } = collectExamples(repo);
  for (const e of examples)
    process.stdout.write(
      `${e.source}:${e.line}  ${e.where}${e.runBy ? `, run by ${e.runBy}` : ""}  (${e.code.split("\n").length} lines)\n`,
    );
  for (const p of problems) process.stderr.write(`problem: ${p}\n`);
  if (process.argv.includes("--list")) process.exit(problems.length === 0 ? 0 : 1);
  // Without --list: check the workspace (private packages) examples here, in their package folders.
  if (problems.length > 0) process.exit(1);
  const tsc = join(repo, "node_modules/typescript/bin/tsc");
  let failed = 0;
  const byDir = new Map();
  for (const e of examples.filter((x) => x.where === "workspace"))
    byDir.set(e.dir, [...(byDir.get(e.dir) ?? []), e]);
  for (const [dir, list] of byDir) {
    const failures = checkExamples(list, dir, tsc, (l) => process.stdout.write(`ok   ${l}\n`));
    rmSync(join(dir, ".readme-examples"), { recursive: true, force: true });
    for (const f of failures) process.stderr.write(`FAIL ${relative(repo, dir)}: ${f}\n`);
    failed += failures.length;
  }
  process.exit(failed === 0 ? 0 : 1);
}
