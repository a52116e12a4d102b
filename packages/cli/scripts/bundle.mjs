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
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
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

/** esbuild's options for the executable (exported for bundle.test.ts, which builds with the same). */
export const bundleOptions = {
  absWorkingDir: cli,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // The optional EventStoreDB adapter stays a run-time `import()` (see above).
  external: ["@coop-ledger/store-esdb"],
  plugins: [esModuleBuilds, workspaceSources],
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
  const entry = (f) => !f.path.includes(`/${CHUNKS}/`);
  for (const f of [...result.outputFiles.filter((x) => !entry(x)), ...result.outputFiles.filter(entry)]) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  const current = new Set(result.outputFiles.map((f) => basename(f.path)));
  for (const name of readdirSync(`${cli}dist/${CHUNKS}`))
    if (!current.has(name) && !name.endsWith(".tmp")) rmSync(`${cli}dist/${CHUNKS}/${name}`, { force: true });
  const meta = `${cli}dist/bin.meta.json`;
  writeFileSync(
    `${meta}.${process.pid}.tmp`,
    JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }),
  );
  renameSync(`${meta}.${process.pid}.tmp`, meta);
  return result;
};

/**
 * Bundles one more program that uses the CLI's engine as a library (the bench's side-by-side answer,
 * packages/bench/scripts/bundle-answer.mjs) into one ES module and its chunks (`<name>-chunks/` beside
 * it), with the executable's options: the CLI
 * itself, too, from its sources (`plugins` go before the resolvers of the sources). Unbundled, such a program resolves and links the same ~225 modules the
 * executable was bundled to spare (~0.3–0.4 s of CPU before its first line runs).
 */
export const bundleProgram = async (entry, outfile, plugins = []) =>
  build({
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
      esModuleBuilds,
      workspaceSources,
    ],
    sourcemap: false,
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
