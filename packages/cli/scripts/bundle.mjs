#!/usr/bin/env node
// Builds the `coop-ledger` executable, dist/bin.js, as ONE ES module (issue #12): the CLI, the
// workspace packages it uses and their pure-JavaScript dependencies (fp-ts, io-ts, ts-pattern,
// commander, uuid) bundled by esbuild from their TypeScript and JavaScript sources. Run by the
// repository's build (`npm run build`, after `tsc -b`) and by this package's `prepack`.
//
// Why: unbundled, a cold `coop-ledger --version` resolved, read and linked ~225 small modules, which
// cost ~0.4 s of CPU before the first line of the CLI ran; one file costs a fraction of that.
//
// Kept out of the bundle, loaded at run time as before:
//  - @coop-ledger/store-esdb (and with it the gRPC clients): an optional dependency that only `import`
//    and `export` load, with a clear message when it is not installed (commands/esdb.ts).
//  - Files read at run time (web/, sample-ledgers/, dist/report/vi-text.js, uplot's dist files): found
//    from src/package-root.ts, which is one level below the package root wherever it runs.
// The chain check's worker threads run a program built from the checker functions' own source text
// (`fn.toString()`, store's chain-pool.ts): esbuild keeps those functions' bodies (no minification,
// no renaming inside them), and bundle.test.ts checks the pool works from a bundle built with these
// options.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The folder of dist/ holding the chunks the executable imports. */
const CHUNKS = "bin-chunks";
const cli = fileURLToPath(new URL("..", import.meta.url));
const packages = fileURLToPath(new URL("../..", import.meta.url));

/** The workspace packages bundled from their TypeScript sources, as vitest's alias does. */
const WORKSPACE = ["domain", "projections", "store", "generator"];

/** Maps `@coop-ledger/<pkg>` and `@coop-ledger/<pkg>/<entry>` to the package's sources. */
export const workspaceSources = {
  name: "coop-ledger-workspace-sources",
  setup(b) {
    b.onResolve({ filter: /^@coop-ledger\/[a-z-]+(\/[a-z-]+)?$/ }, (args) => {
      const [, pkg, entry] = args.path.match(/^@coop-ledger\/([a-z-]+)(?:\/([a-z-]+))?$/);
      if (!WORKSPACE.includes(pkg)) return undefined; // store-esdb: external (below)
      return {
        path: `${packages}${pkg}/src/${entry === undefined ? "" : `${entry}/`}index.ts`,
        sideEffects: false,
      };
    });
  },
};

/** Marks a resolution made by {@link esModuleBuilds} (not resolved again). */
const ES_BUILD = "coop-ledger-es-module-build";

/**
 * fp-ts and io-ts are bundled from their ES module builds (`es6/`) rather than the CommonJS ones the
 * sources import (`lib/`, which Node and vitest run): the same code, but bundled as ES modules only
 * what is used is kept (the domain's chunk 698 -> 629 KB) and no module object is made at start (the
 * CommonJS interop, `__toESM`, copied every export of each module imported). Loading the executable and
 * the projections' chunk: median 195 -> 124 ms of CPU (10 alternated runs each, load 11).
 */
export const esModuleBuilds = {
  name: "coop-ledger-es-module-builds",
  setup(b) {
    b.onResolve({ filter: /^(fp-ts|io-ts)(\/lib\/[A-Za-z]+(\.js)?)?$/ }, async (args) => {
      if (args.pluginData === ES_BUILD) return undefined;
      const [, pkg, name] = args.path.match(/^(fp-ts|io-ts)(?:\/lib\/([A-Za-z]+)(?:\.js)?)?$/);
      const r = await b.resolve(`${pkg}/es6/${name ?? "index"}.js`, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: ES_BUILD,
      });
      return r.errors.length > 0 ? undefined : { path: r.path };
    });
  },
};

/** The namespace of the modules {@link lazyBuiltins} makes. */
const LAZY = "coop-ledger-lazy-builtin";

/**
 * Node's modules that only some commands use, loaded at their first use rather than when the chunk
 * importing them is: an ES module `import` of a Node module loads it, and all of it, when the chunk
 * loads. `node:child_process` (commander requires it at load for executable subcommands, which
 * coop-ledger never declares), `node:crypto` (hashing: the chain check, appends, serve's token) and
 * `node:worker_threads` (the chain check and the first build's pools) cost ~6, ~7 and ~4 ms of CPU to
 * load, in every command, `--version` and `snapshot --no-verify` included (issue #12). Each becomes
 * a CommonJS module of getters, one per export of the real module, that `require` it at the first
 * read: an `import { Worker } from "node:worker_threads"` reads `Worker` where it is used. The
 * chain check's worker program (chain-pool.ts, source text) requires its modules itself, untouched.
 * bundle.test.ts checks which of Node's modules a cold command loads.
 */
export const lazyBuiltins = {
  name: LAZY,
  setup(b) {
    b.onResolve({ filter: /^(node:)?(child_process|crypto|worker_threads)$/ }, (args) =>
      args.namespace === LAZY ? undefined : { path: args.path.replace(/^node:/, ""), namespace: LAZY },
    );
    b.onLoad({ filter: /.*/, namespace: LAZY }, async (args) => ({
      loader: "js",
      contents: lazyModule(
        `node:${args.path}`,
        Object.keys(await import(`node:${args.path}`)).filter((k) => k !== "default"),
      ),
    }));
  },
};

/**
 * A CommonJS module whose exports `names` are getters that `require(specifier)` at the first read
 * (one `require` for all) and read the real module's.
 */
const lazyModule = (specifier, names) => `let m;
const load = () => (m ??= require(${JSON.stringify(specifier)}));
module.exports = Object.defineProperties({}, Object.fromEntries(
  ${JSON.stringify(names)}.map((k) => [k, { get: () => load()[k], enumerable: true }]),
));
`;

/** The domain's gazetteer data, the module {@link lazyGazetteerData} loads at the first read. */
const GAZETTEER_SOURCE = `${packages}domain/src/geography/gazetteer-data.generated.ts`;
/** Its CommonJS build, beside the chunks (a chunk's `require` resolves from dist/bin-chunks/). */
const GAZETTEER_DATA = "gazetteer-data.cjs";

/**
 * The domain's gazetteer data (gazetteer-data.generated.ts: the district, commune and transfer lists,
 * 460 KB of the domain's 630 KB chunk) read at the first lookup that needs it, not with the chunk:
 * the domain's gazetteer expands its lists on first use, but the chunk's text still had to be read and
 * compiled by every command (~14 ms of CPU), and a command on a current index never reads them. The
 * data is built as its own CommonJS file, dist/bin-chunks/gazetteer-data.cjs ({@link bundleCli}); the
 * module the domain imports becomes getters that `require` it (see {@link lazyBuiltins}).
 * bundle.test.ts checks an indexed snapshot does not load it and a first build does.
 */
export const lazyGazetteerData = {
  name: "coop-ledger-lazy-gazetteer-data",
  setup(b) {
    const ns = "coop-ledger-lazy-gazetteer-data";
    b.onResolve({ filter: /\/gazetteer-data\.generated\.js$/ }, (args) =>
      resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")) === GAZETTEER_SOURCE
        ? { path: relative(cli, GAZETTEER_SOURCE), namespace: ns } // relative: no build path in the bundle
        : undefined,
    );
    b.onResolve({ filter: /.*/, namespace: ns }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: ns }, () => ({
      loader: "js",
      contents: lazyModule(
        `./${GAZETTEER_DATA}`,
        [...readFileSync(GAZETTEER_SOURCE, "utf8").matchAll(/^export const (\w+)/gm)].map((m) => m[1]),
      ),
    }));
  },
};

/** The text of dist/bin-chunks/gazetteer-data.cjs: the gazetteer's data as a CommonJS module. */
const gazetteerData = async () => {
  const r = await build({
    absWorkingDir: cli,
    entryPoints: [GAZETTEER_SOURCE],
    format: "cjs",
    platform: "node",
    target: bundleOptions.target,
    write: false,
    logLevel: "warning",
  });
  return asciiComments(r.outputFiles[0].text);
};

/** esbuild's options for the executable (exported for bundle.test.ts, which builds with the same). */
export const bundleOptions = {
  absWorkingDir: cli,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // The optional EventStoreDB adapter stays a run-time `import()` (see above).
  external: ["@coop-ledger/store-esdb"],
  plugins: [lazyBuiltins, esModuleBuilds, workspaceSources],
  // fp-ts, io-ts and commander are CommonJS: their require() of Node's modules needs a real require.
  banner: {
    js: 'import { createRequire as __coopLedgerCreateRequire } from "node:module"; const require = __coopLedgerCreateRequire(import.meta.url);',
  },
  // Issue #16: a shipped map must resolve, so it carries the sources' text.
  sourcemap: "linked",
  sourcesContent: true,
  legalComments: "eof",
  logLevel: "warning",
};

/** Each non-ASCII UTF-16 unit of a text as `?` (same length: a source map's columns hold). */
const toAscii = (text) => text.replace(/\P{ASCII}/gu, (c) => "?".repeat(c.length));

/**
 * The text of a chunk with the non-ASCII characters of its comments as `?`. esbuild's ASCII output
 * escapes strings, templates and names but prints the comments it keeps (TSDoc's `→`, `≤`, `−∞`)
 * and regular expressions as written; Node reads a module holding even one such character as a UTF-16
 * string, twice the bytes to decode and to scan (the domain's chunk, 629 KB). Comments are found by
 * the lines they begin: a line that starts with `//`, and a block comment from a line that starts with
 * one to where it closes; code after a comment on its line, and a comment after code, are left as
 * they are (a regular expression keeps its letters: its chunk stays UTF-16).
 * @example asciiComments("  // a → b\nx(/đ/); // ≤") // "  // a ? b\nx(/đ/); // ≤"
 */
export const asciiComments = (text) => {
  let inBlock = false;
  return text
    .split("\n")
    .map((line) => {
      let from = 0;
      if (!inBlock) {
        const m = /^[ \t]*(\/\/|\/\*)/.exec(line);
        if (m === null) return line;
        if (m[1] === "//") return toAscii(line);
        inBlock = true;
        from = m[0].length;
      }
      const end = line.indexOf("*/", from);
      if (end === -1) return toAscii(line);
      inBlock = false;
      return toAscii(line.slice(0, end + 2)) + line.slice(end + 2);
    })
    .join("\n");
};

/**
 * The file of one of esbuild's inputs, relative to this package, or none: a plugin's module is named
 * `namespace:path` (the gazetteer's data by its source file, a Node module by its name only).
 * @example inputFile("src/main.ts") // ["src/main.ts"]
 */
const inputFile = (input) => {
  const path = input.replace(/^[a-z-]+:/, "");
  return existsSync(resolve(cli, path)) ? [path] : [];
};

/**
 * Writes dist/bin.js, its chunks (dist/bin-chunks/), their maps, and dist/bin.meta.json (esbuild's list
 * of inputs: the CLI tests rebuild the bundle when one changed after it, test-support/run-bin.ts).
 * Each file is written beside its place and renamed into it, the entry last, and chunks of earlier
 * builds are removed after: a bin running meanwhile (a test, while another test rebuilds) reads a
 * whole old or a whole new file, never a half-written one.
 */
export const bundleCli = async () => {
  const result = await build({
    ...bundleOptions,
    plugins: [lazyGazetteerData, ...bundleOptions.plugins],
    // The first build's feed threads run their own entry (src/engine/feed-worker.ts, parallel-feed.ts
    // finds it beside bin.js), sharing the executable's chunks.
    entryPoints: { bin: "src/executable.ts", "feed-worker": "src/engine/feed-worker.ts" },
    outdir: "dist",
    // Each command's module is an `import()` (program.ts): split there, `--version` and `--help`
    // load the entry and the chunks it shares, a command its own chunk and the chunks it needs.
    splitting: true,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    metafile: true,
    write: false,
  });
  mkdirSync(`${cli}dist/${CHUNKS}`, { recursive: true });
  const data = await writeGazetteerData(result.outputFiles);
  const entry = (f) => !f.path.includes(`/${CHUNKS}/`);
  for (const f of [...result.outputFiles.filter((x) => !entry(x)), ...result.outputFiles.filter(entry)])
    writeOutput(f);
  const current = new Set([basename(data ?? ""), ...result.outputFiles.map((f) => basename(f.path))]);
  for (const name of readdirSync(`${cli}dist/${CHUNKS}`))
    if (!current.has(name) && !name.endsWith(".tmp")) rmSync(`${cli}dist/${CHUNKS}/${name}`, { force: true });
  const meta = `${cli}dist/bin.meta.json`;
  writeFileSync(
    `${meta}.${process.pid}.tmp`,
    JSON.stringify({ inputs: Object.keys(result.metafile.inputs).flatMap(inputFile) }),
  );
  renameSync(`${meta}.${process.pid}.tmp`, meta);
  return result;
};

/** Writes one of esbuild's output files beside its place and renames it into it (JavaScript: {@link asciiComments}). */
const writeOutput = (f) => {
  mkdirSync(dirname(f.path), { recursive: true });
  const tmp = `${f.path}.${process.pid}.tmp`;
  writeFileSync(tmp, f.path.endsWith(".js") ? asciiComments(f.text) : f.contents);
  renameSync(tmp, f.path);
};

/**
 * Writes the gazetteer's data ({@link lazyGazetteerData}) where the bundle's `require("./gazetteer-data.cjs")`
 * finds it, beside the output holding esbuild's `__require` (which every bundled `require` calls, with
 * that file's own `require`); returns its path, or undefined when no output reads it.
 */
const writeGazetteerData = async (outputFiles) => {
  const js = outputFiles.filter((f) => f.path.endsWith(".js"));
  if (!js.some((f) => f.text.includes(`"./${GAZETTEER_DATA}"`))) return undefined;
  const helper = js.find((f) => f.text.includes("var __require = "));
  if (helper === undefined) throw new Error(`bundle: no output defines __require for ./${GAZETTEER_DATA}`);
  const path = `${dirname(helper.path)}/${GAZETTEER_DATA}`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.${process.pid}.tmp`, await gazetteerData());
  renameSync(`${path}.${process.pid}.tmp`, path);
  return path;
};

/**
 * Bundles one more program that uses the CLI's engine as a library (the bench's side-by-side answer,
 * packages/bench/scripts/bundle-answer.mjs) into one ES module and its chunks (`<name>-chunks/` beside
 * it), with the executable's options: the CLI
 * itself, too, from its sources (`plugins` go before the resolvers of the sources). Unbundled, such a program resolves and links the same ~225 modules the
 * executable was bundled to spare (~0.3–0.4 s of CPU before its first line runs).
 */
export const bundleProgram = async (entry, outfile, plugins = []) => {
  const result = await build({
    ...bundleOptions,
    absWorkingDir: packages,
    // Split at its `import()`s as the executable is: a program that starts work before it loads the
    // rest of itself (the side-by-side's `checkChainAhead`) loads only that part first. Unsplit, the
    // modules behind an `import()` are wrapped and a static import of any of them runs them all.
    entryPoints: { [basename(outfile, ".js")]: entry },
    outdir: dirname(outfile),
    splitting: true,
    chunkNames: `${basename(outfile, ".js")}-chunks/[name]-[hash]`,
    plugins: [
      ...plugins,
      {
        name: "coop-ledger-cli-sources",
        setup(b) {
          b.onResolve({ filter: /^@coop-ledger\/cli$/ }, () => ({
            path: `${cli}src/index.ts`,
            sideEffects: false,
          }));
        },
      },
      // What the executable's start is spared, this program's is too.
      lazyGazetteerData,
      lazyBuiltins,
      esModuleBuilds,
      workspaceSources,
    ],
    sourcemap: false,
    write: false,
  });
  await writeGazetteerData(result.outputFiles);
  for (const f of result.outputFiles) writeOutput(f);
  return result;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
