#!/usr/bin/env node
// CommonJS face of an ESM package (issue #16): run from a package directory after the build (each
// publishable package's `prepack` runs it, so every tarball has it). Writes dist/cjs/:
//
//  - package.json {"type": "commonjs"}, so that TypeScript reads everything under dist/cjs as CommonJS;
//  - a copy of every declaration file of dist/ (the same declarations: what `require()` returns is the
//    ES module's namespace, so the types are identical; only the module format TypeScript assumes
//    differs). This is what lets a `.cts` file or a `module: node16`/`commonjs` project `require()`
//    the package without TS1479 ("the referenced file is an ECMAScript module");
//  - for each entry point in package.json "exports", a one-line CommonJS wrapper
//    (`module.exports = require("../index.js")`) that Node (≥ 20.19, which can require() ES modules)
//    and bundlers load for the `require` condition.
//
// Why not a second, CommonJS build of the code (tshy, tsup): two copies of every module would be
// loaded by an application that both imports and requires the package (the "dual package hazard":
// two ProjectionIndex classes, instanceof failing across them, two caches). The wrapper keeps one
// instance, the ES module, for both.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const pkgDir = process.cwd();
const dist = join(pkgDir, "dist");
const out = join(dist, "cjs");
const json = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
if (!existsSync(join(dist, "index.d.ts"))) {
  process.stderr.write(
    `${json.name}: dist/index.d.ts missing — build first (npx --yes pnpm@10.34.8 run build)\n`,
  );
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);

let copied = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === out) continue;
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".d.ts")) {
      const target = join(out, relative(dist, path));
      mkdirSync(dirname(target), { recursive: true });
      // The declaration map points at the ESM copy's sources; this copy has none.
      const text = readFileSync(path, "utf8").replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
      writeFileSync(target, text);
      copied++;
    }
  }
};
walk(dist);

const wrappers = [];
for (const [subpath, target] of Object.entries(json.exports ?? {})) {
  if (subpath === "./package.json") continue;
  const esm = typeof target === "string" ? target : (target.import?.default ?? target.default);
  if (typeof esm !== "string" || !esm.startsWith("./dist/") || !esm.endsWith(".js"))
    throw new Error(`${json.name}: exports["${subpath}"]: cannot find its ES module file`);
  const wrapper = join(out, esm.slice("./dist/".length));
  mkdirSync(dirname(wrapper), { recursive: true });
  const rel = relative(dirname(wrapper), join(pkgDir, esm)).replace(/\\/g, "/");
  writeFileSync(
    wrapper,
    `"use strict";\n// CommonJS entry: the ES module itself, through require(esm) (Node ≥ 20.19). See scripts/cjs-types.mjs.\nmodule.exports = require(${JSON.stringify(rel.startsWith(".") ? rel : `./${rel}`)});\n`,
  );
  wrappers.push(subpath);
}
process.stdout.write(
  `${json.name}: dist/cjs — ${copied} declaration files, CommonJS entries for ${wrappers.join(", ")}\n`,
);
