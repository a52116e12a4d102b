#!/usr/bin/env node
// Installs the packages the way a user does, outside the workspace, and checks they work there
// (issue #16). Run after a build, from the repository root: `node scripts/pack-install.mjs`.
//
//  1. `pnpm pack` every publishable package (workspace:* becomes the version) and checks each tarball's
//     file list: LICENSE, README.md, package.json, dist/index.js, no test files, no test support.
//  2. `npm install` the tarballs into a fresh temporary project (plain npm, no workspace).
//  3. There: require() each package from CommonJS, import() it from ESM, type-check a TypeScript
//     consumer under node16 and bundler resolution and a .cts one under node16/node20/nodenext
//     (compiled and run), compile and run a
//     `module: commonjs` TypeScript project, type-check and run every README's ```ts examples
//     (scripts/readme-examples.mjs), run the
//     installed `coop-ledger demo`, run `coop-ledger generate` and compare its bytes with the repository's
//     sample ledger (which the repository's own test regenerates), run an EventStoreDB command without
//     the optional adapter (exit 6, says what to install), and check the CLI's dependency tree has no
//     gRPC and no fast-check.
//
// Prints one line per check and the time each step took; exits 1 on the first failure.
// KEEP_PACK_INSTALL=1 keeps the temporary directory for inspection.
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkExamples, collectExamples } from "./readme-examples.mjs";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const PNPM = ["--yes", "pnpm@10.34.8"];
const started = Date.now();
let stepStarted = Date.now();
const step = (name) => {
  const now = Date.now();
  process.stdout.write(`-- ${name} (previous step ${((now - stepStarted) / 1000).toFixed(1)} s)\n`);
  stepStarted = now;
};
const ok = (what) => process.stdout.write(`ok   ${what}\n`);
const fail = (what, detail = "") => {
  process.stderr.write(`FAIL ${what}${detail ? `\n${detail}` : ""}\n`);
  process.exit(1);
};
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...opts });
  return { code: r.status, out: r.stdout ?? "", err: r.stderr ?? "" };
};
const must = (what, cmd, args, opts) => {
  const r = run(cmd, args, opts);
  if (r.code !== 0)
    fail(what, `${cmd} ${args.join(" ")} → exit ${r.code}\n${r.out.slice(-3000)}\n${r.err.slice(-3000)}`);
  return r;
};
const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

// ---------------------------------------------------------------------------------------------- pack
const packages = readdirSync(join(REPO, "packages"))
  .map((dir) => ({
    dir: join(REPO, "packages", dir),
    json: JSON.parse(readFileSync(join(REPO, "packages", dir, "package.json"), "utf8")),
  }))
  .filter((p) => p.json.private !== true);
for (const p of packages)
  if (!existsSync(join(p.dir, "dist/index.js"))) fail(`${p.json.name}: not built (run the build first)`);

const work = mkdtempSync(join(tmpdir(), "coop-ledger-pack-install-"));
const tarballs = join(work, "tarballs");
mkdirSync(tarballs);
step(`packing ${packages.length} packages into ${tarballs}`);
// One npx call to find pnpm, then pnpm itself, packing in parallel (npx costs seconds per call here).
const pnpmBin = must("locate pnpm", "npx", [
  "--yes",
  "-p",
  PNPM[1],
  "sh",
  "-c",
  "command -v pnpm",
]).out.trim();
await Promise.all(
  packages.map(
    (p) =>
      new Promise((resolve) => {
        execFile(
          pnpmBin,
          ["pack", "--pack-destination", tarballs],
          { cwd: p.dir, maxBuffer: 16 << 20 },
          (error, out, err) => {
            if (error) fail(`pnpm pack ${p.json.name}`, `${out}\n${err}`);
            resolve();
          },
        );
      }),
  ),
);
const tgz = readdirSync(tarballs).filter((f) => f.endsWith(".tgz"));
if (tgz.length !== packages.length)
  fail(`expected ${packages.length} tarballs, found ${tgz.length}: ${tgz.join(", ")}`);

step("checking each tarball's file list");
for (const f of tgz) {
  const files = must(`list ${f}`, "tar", ["-tzf", join(tarballs, f)])
    .out.split("\n")
    .filter(Boolean)
    .map((l) => l.replace(/^package\//, ""));
  const missing = ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts"].filter(
    (x) => !files.includes(x),
  );
  if (missing.length > 0) fail(`${f}: missing ${missing.join(", ")}`);
  const tests = files.filter((x) => /\.test\.|(^|\/)test-support\/|tsbuildinfo/.test(x));
  if (tests.length > 0) fail(`${f}: ships test files`, tests.slice(0, 10).join("\n"));
  // Every source map's sources must be in the tarball (sources are shipped for them).
  const map = files.find((x) => x === "dist/index.js.map");
  if (map !== undefined) {
    const json = JSON.parse(must(`read ${f} map`, "tar", ["-xzOf", join(tarballs, f), `package/${map}`]).out);
    const src = json.sources.map((s) => join("dist", s).replace(/\\/g, "/"));
    const absent = src.filter((s) => !files.includes(s));
    if (absent.length > 0) fail(`${f}: source map points at files not shipped: ${absent.join(", ")}`);
  }
  // The CLI's bundled executable (packages/cli/scripts/bundle.mjs): its maps carry their sources' text.
  for (const m of files.filter((x) => /^dist\/(bin\.js|bin-chunks\/.+\.js)\.map$/.test(x))) {
    const json = JSON.parse(must(`read ${f} ${m}`, "tar", ["-xzOf", join(tarballs, f), `package/${m}`]).out);
    const missing = json.sources.filter((_, i) => typeof json.sourcesContent?.[i] !== "string");
    if (missing.length > 0) fail(`${f}: ${m} lacks the text of ${missing.join(", ")}`);
  }
  ok(`${f}: ${files.length} files, LICENSE + README, no tests, source-map sources shipped`);
}

// ------------------------------------------------------------------------------------------- install
const app = join(work, "app");
mkdirSync(app);
writeFileSync(
  join(app, "package.json"),
  JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2),
);
step("npm install of the tarballs into a fresh project (outside the workspace)");
must(
  "npm install",
  "npm",
  // vitest: @coop-ledger/testing's users run it (its store laws load it); fast-check comes as its peer.
  [
    "install",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    "vitest@4.1.12",
    // The store's and CLI's declarations name Node's types (Buffer, node:fs): a Node user has these.
    "@types/node@20",
    // docs/eventstoredb.md's examples bind each client (a store-esdb user installs one; its peers).
    "@kurrent/kurrentdb-client@1.3.1",
    "@eventstore/db-client@^6.2.1",
    ...tgz.map((f) => join(tarballs, f)),
  ],
  { cwd: app },
);
ok("npm install");

const names = packages.map((p) => p.json.name);

step("CommonJS require() and ESM import() of every package");
writeFileSync(
  join(app, "check.cjs"),
  `for (const n of ${JSON.stringify(names)}) {
  const m = require(n);
  if (Object.keys(m).length === 0) throw new Error(n + ": require() gave no exports");
  console.log("require", n, Object.keys(m).length, "exports");
}\n`,
);
must("CommonJS require()", process.execPath, ["check.cjs"], { cwd: app });
ok("require() of every package from CommonJS");
writeFileSync(
  join(app, "check.mjs"),
  `for (const n of ${JSON.stringify(names)}) {
  const m = await import(n);
  if (Object.keys(m).length === 0) throw new Error(n + ": import() gave no exports");
}\n`,
);
must("ESM import()", process.execPath, ["check.mjs"], { cwd: app });
ok("import() of every package from ESM");

// ----------------------------------------------------------------------------------------- TypeScript
step("TypeScript consumer: node16 and bundler resolution");
const tsc = join(REPO, "node_modules/typescript/bin/tsc");
mkdirSync(join(app, "ts"));
writeFileSync(
  join(app, "ts/consumer.ts"),
  `import { districtGazetteer, makeCommand, parseBusinessDate } from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/generator";
import { buildIndex } from "@coop-ledger/projections";
import { openFileLedger } from "@coop-ledger/store";
import { runCli } from "@coop-ledger/cli";
import { given } from "@coop-ledger/testing";
import { makeEsdbStore } from "@coop-ledger/store-esdb";
export const used = [districtGazetteer, makeCommand, parseBusinessDate, generateLedger, buildIndex, openFileLedger, runCli, given, makeEsdbStore];
`,
);
for (const [label, module, resolution] of [
  ["node16", "node16", "node16"],
  ["bundler", "esnext", "bundler"],
]) {
  writeFileSync(
    join(app, `tsconfig.${label}.json`),
    JSON.stringify({
      compilerOptions: {
        module,
        moduleResolution: resolution,
        target: "es2022",
        strict: true,
        noEmit: true,
        types: [],
        lib: ["es2023"],
        skipLibCheck: true,
      },
      files: ["ts/consumer.ts"],
    }),
  );
  must(`tsc ${label}`, process.execPath, [tsc, "-p", `tsconfig.${label}.json`], { cwd: app });
  ok(`TypeScript consumer type-checks under ${label} resolution`);
}
// CommonJS TypeScript: a .cts file requiring every package, under module node16 (where TypeScript
// refuses require() of an ES module: TS1479 — the packages' `require` condition gives CommonJS
// declarations, dist/cjs, written at pack time by scripts/cjs-types.mjs) and node20 / nodenext.
// It is compiled and RUN, so the CommonJS entry points are exercised, not only their types.
writeFileSync(
  join(app, "ts/consumer.cts"),
  `${names
    .map((n, i) => `import p${i} = require(${JSON.stringify(n)});`)
    .join("\n")}\nimport { districtGazetteer, makeCommand } from "@coop-ledger/domain";
declare const console: { log(...xs: unknown[]): void };
const ok: boolean = typeof makeCommand === "function" && typeof p0 === "object";
console.log(districtGazetteer().districts.length, ok, ${names.map((_, i) => `Object.keys(p${i}).length`).join(", ")});
`,
);
for (const module of ["node16", "node20", "nodenext"]) {
  writeFileSync(
    join(app, `tsconfig.cts-${module}.json`),
    JSON.stringify({
      compilerOptions: {
        module,
        target: "es2022",
        strict: true,
        outDir: `cts-out-${module}`,
        rootDir: "ts",
        types: ["node"],
        lib: ["es2023"],
      },
      files: ["ts/consumer.cts"],
    }),
  );
  must(`tsc .cts (module ${module})`, process.execPath, [tsc, "-p", `tsconfig.cts-${module}.json`], {
    cwd: app,
  });
  const r = must(
    `run the .cts build (module ${module})`,
    process.execPath,
    [`cts-out-${module}/consumer.cjs`],
    {
      cwd: app,
    },
  );
  if (!/^\d+ true( \d+)+$/.test(r.out.trim())) fail(`.cts build (module ${module}) printed`, r.out);
  ok(`TypeScript CommonJS consumer (.cts, module ${module}, no skipLibCheck) type-checks and runs`);
}
// A classic CommonJS TypeScript project (module commonjs, node10 resolution, no "type"): compiled
// to require() calls and run.
const cjs = join(app, "cjs-project");
mkdirSync(cjs);
writeFileSync(join(cjs, "package.json"), JSON.stringify({ name: "cjs-consumer", private: true }));
writeFileSync(
  join(cjs, "index.ts"),
  `import { districtGazetteer } from "@coop-ledger/domain";\ndeclare const console: { log(x: unknown): void };\nconsole.log(districtGazetteer().districts.length);\n`,
);
writeFileSync(
  join(cjs, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      module: "commonjs",
      moduleResolution: "node10",
      target: "es2022",
      strict: true,
      outDir: "out",
      types: [],
      lib: ["es2023"],
      skipLibCheck: true,
    },
    files: ["index.ts"],
  }),
);
must("tsc module commonjs", process.execPath, [tsc, "-p", "."], { cwd: cjs });
const cjsRun = must("run the CommonJS TypeScript build", process.execPath, ["out/index.js"], { cwd: cjs });
if (!/^\d+$/.test(cjsRun.out.trim())) fail("CommonJS TypeScript build printed", cjsRun.out);
ok(
  `TypeScript CommonJS project (module commonjs) compiles to require() and runs: ${cjsRun.out.trim()} districts`,
);

// ----------------------------------------------------------------------------------- README examples
// Every ```ts block of the READMEs (scripts/readme-examples.mjs finds them all: none is listed here),
// type-checked under node16 and run in this installed project; a private package's (bench) in its
// workspace folder, as it is not published.
step("README examples: every ```ts block, type-checked and run");
const { examples, problems } = collectExamples(REPO);
if (problems.length > 0) fail("README code blocks break the example rules", problems.join("\n"));
const installed = examples.filter((e) => e.where === "installed");
const failures = checkExamples(installed, app, tsc, (line) => ok(`README ${line}`));
const byDir = new Map();
for (const e of examples.filter((x) => x.where === "workspace"))
  byDir.set(e.dir, [...(byDir.get(e.dir) ?? []), e]);
for (const [dir, list] of byDir) {
  failures.push(...checkExamples(list, dir, tsc, (line) => ok(`README ${line} (in the workspace)`)));
  rmSync(join(dir, ".readme-examples"), { recursive: true, force: true });
}
if (failures.length > 0) fail("README examples", failures.join("\n\n"));

// ----------------------------------------------------------------------------------------------- CLI
const bin = join(app, "node_modules/.bin/coop-ledger");
step("installed CLI: demo, generate (same bytes as the repository), optional EventStoreDB adapter");
// The installed bin is the bundle (packages/cli/scripts/bundle.mjs): one entry and its chunks.
if (!existsSync(join(app, "node_modules/@coop-ledger/cli/dist/bin-chunks")))
  fail("the installed CLI has no dist/bin-chunks: dist/bin.js is not the bundle");
const version = must("coop-ledger --version", bin, ["--version"], { cwd: app });
if (version.out.trim() !== JSON.parse(readFileSync(join(REPO, "packages/cli/package.json"), "utf8")).version)
  fail("coop-ledger --version printed", version.out);
ok(`coop-ledger --version: ${version.out.trim()}`);
const demo = run(bin, ["demo"], { cwd: app, env: { ...process.env, NO_COLOR: "1" } });
if (demo.code !== 0) fail("coop-ledger demo", `exit ${demo.code}\n${demo.err.slice(-2000)}`);
ok(`coop-ledger demo: exit 0, ${demo.out.split("\n").length} lines`);
const generated = join(work, "province-60.jsonl");
must("coop-ledger generate", bin, ["generate", "--preset", "province", "--seed", "60", "--out", generated], {
  cwd: app,
});
const expected = join(REPO, "examples/sample-ledgers/province-60.jsonl");
if (sha256(generated) !== sha256(expected))
  fail("generate: bytes differ from examples/sample-ledgers/province-60.jsonl");
ok("coop-ledger generate --preset province --seed 60: same bytes as the repository's sample ledger");

// The report inlines uPlot's files, found from the package's folder (in the bundle, not from a module's URL).
const report = join(work, "report.html");
must("coop-ledger report", bin, ["report", "--ledger", generated, "--out", report], { cwd: app });
if (!/uPlot/.test(readFileSync(report, "utf8"))) fail("coop-ledger report: no uPlot in the page");
ok("coop-ledger report: the page inlines uPlot");

const adapter = join(app, "node_modules/@coop-ledger/store-esdb");
const aside = join(work, "store-esdb-aside");
renameSync(adapter, aside);
try {
  const r = run(
    bin,
    ["import", "--esdb", "esdb://localhost:2113?tls=false", "--out", join(work, "copy.jsonl")],
    { cwd: app },
  );
  if (r.code !== 6 || !/store-esdb is not installed/.test(r.err + r.out))
    fail("import without the adapter", `exit ${r.code}\n${r.err}`);
  ok("without @coop-ledger/store-esdb: `import` exits 6 saying what to install");
} finally {
  renameSync(aside, adapter);
}

// The CLI's own dependency closure (node resolution from each package's directory).
const closure = new Map();
const visit = (dir) => {
  const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (closure.has(json.name)) return;
  closure.set(json.name, dir);
  for (const dep of Object.keys({ ...json.dependencies, ...json.optionalDependencies })) {
    let d = dir;
    let found;
    for (;;) {
      const candidate = join(d, "node_modules", dep);
      if (existsSync(join(candidate, "package.json"))) {
        found = candidate;
        break;
      }
      if (d === app || dirname(d) === d) break;
      d = dirname(d);
    }
    if (found === undefined) {
      if (json.optionalDependencies?.[dep] === undefined)
        fail(`${json.name}: dependency ${dep} not installed`);
      continue;
    }
    visit(found);
  }
};
visit(join(app, "node_modules/@coop-ledger/cli"));
const heavy = [...closure.keys()].filter((n) => /grpc|protobuf|^fast-check$|eventstore|kurrent/.test(n));
if (heavy.length > 0) fail(`the CLI's dependency tree holds ${heavy.join(", ")}`);
ok(
  `the CLI's dependency tree (${closure.size} packages) has no gRPC, protobuf, EventStoreDB client or fast-check`,
);

if (process.env.KEEP_PACK_INSTALL === "1") process.stdout.write(`kept ${work}\n`);
else rmSync(work, { recursive: true, force: true });
step("done");
process.stdout.write(`pack-install: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
