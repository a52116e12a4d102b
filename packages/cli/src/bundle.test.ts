// The bundled executable (dist/bin.js, scripts/bundle.mjs): what bundling could break and the CLI's
// other tests would not see.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, hasBin, REPO_ROOT } from "./test-support/run-bin.js";

const CLI_DIR = fileURLToPath(new URL("../", import.meta.url));
const SRC = join(CLI_DIR, "src");
const work = mkdtempSync(join(tmpdir(), "coop-bundle-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every non-test TypeScript file under a folder. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "test-support" ? [] : sources(path);
    return e.name.endsWith(".ts") && !e.name.includes(".test.") ? [path] : [];
  });

// A program that checks the sample ledger's hash chain on two worker threads, in many ranges, and on
// the calling thread, and prints both results: bundled below with the executable's own options.
const POOL_CHECK = `
import { closeSync } from "node:fs";
import { MAX_LINE_BYTES, openChain } from "@coop-ledger/store/internal";
import { checkRanges } from "../../store/src/file/chain-pool.js";

const check = async (workers: number) => {
  const o = openChain(process.argv[2] as string);
  if (o._tag === "Left") throw new Error(o.left.message);
  let lines = 0, ranges = 0, lastHash: string | undefined;
  for await (const r of checkRanges(o.right.fd, o.right.size, o.right.bodyStart, o.right.headerHash, {
    link: true, strict: true, offsets: true, maxLineBytes: MAX_LINE_BYTES, workers, rangeBytes: 1 << 20,
  })) {
    if (r.failure !== undefined) throw new Error(JSON.stringify(r.failure));
    lines += r.lines; ranges += 1; lastHash = r.lastHash ?? lastHash;
  }
  closeSync(o.right.fd);
  return { lines, ranges, lastHash };
};
console.log(JSON.stringify({ pool: await check(2), here: await check(0) }));
`;

describe("the bundled executable", () => {
  it("runs the chain check's worker threads (their program is the checker's own source text)", async () => {
    // The same esbuild options as dist/bin.js: a transform of the checker functions' bodies (a helper
    // call esbuild adds, a renamed name) would leave the workers' program referring to nothing.
    const bundler = `
      import { build } from "esbuild";
      import { bundleOptions } from "./scripts/bundle.mjs";
      await build({ ...bundleOptions, stdin: { contents: process.env.POOL_CHECK, resolveDir: ${JSON.stringify(SRC)}, loader: "ts", sourcefile: "pool-check.ts" }, outfile: ${JSON.stringify(join(work, "pool-check.mjs"))} });
    `;
    const built = spawnSync(process.execPath, ["--input-type=module", "-e", bundler], {
      cwd: CLI_DIR,
      encoding: "utf8",
      env: { ...process.env, POOL_CHECK },
    });
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const ledger = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
    const run = spawnSync(process.execPath, [join(work, "pool-check.mjs"), ledger], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const { pool, here } = JSON.parse(run.stdout) as Record<
      string,
      { lines: number; ranges: number; lastHash: string }
    >;
    expect(pool?.ranges).toBeGreaterThan(2); // the pool's path, not the calling thread's
    expect(here?.ranges).toBe(1);
    expect(pool?.lines).toBe(here?.lines);
    expect(pool?.lastHash).toBe(here?.lastHash);
    expect(here?.lines).toBeGreaterThan(10_000);
  });

  it("resolves run-time files from the package root only (in the bundle every module's URL is dist/bin.js)", () => {
    const offenders = sources(SRC)
      .filter((f) => !f.endsWith("package-root.ts"))
      .filter((f) => /import\.meta\.(url|dirname|filename)/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it.skipIf(!hasBin())(
    "finds its own files from any working directory: the sample ledger (demo), uPlot (report)",
    () => {
      const elsewhere = mkdtempSync(join(tmpdir(), "coop-bundle-cwd-"));
      try {
        const demo = spawnSync(process.execPath, [BIN, "demo"], { cwd: elsewhere, encoding: "utf8" });
        expect(demo.stderr).not.toMatch(/ENOENT/);
        expect(demo.status).toBe(0);
        const ledger = join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl");
        const out = join(elsewhere, "report.html");
        const report = spawnSync(process.execPath, [BIN, "report", "--ledger", ledger, "--out", out], {
          cwd: elsewhere,
          encoding: "utf8",
        });
        expect(report.status).toBe(0);
        expect(readFileSync(out, "utf8")).toMatch(/uPlot/);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!hasBin())(
    "keeps the optional EventStoreDB adapter out, loaded by `import` and `export` only",
    () => {
      const { inputs } = JSON.parse(readFileSync(join(CLI_DIR, "dist/bin.meta.json"), "utf8")) as {
        inputs: ReadonlyArray<string>;
      };
      expect(inputs.filter((i) => /store-esdb|grpc|kurrent|eventstore|\/fast-check\//.test(i))).toEqual([]);
      expect(inputs).toContain("src/executable.ts");
      const chunks = join(CLI_DIR, "dist/bin-chunks");
      const withAdapter = readdirSync(chunks)
        .filter((f) => f.endsWith(".js"))
        .filter((f) => readFileSync(join(chunks, f), "utf8").includes('import("@coop-ledger/store-esdb")'));
      expect(withAdapter.map((f) => f.replace(/-[A-Z0-9]+\.js$/, ""))).toEqual(["esdb"]);
    },
  );

  it.skipIf(!hasBin())(
    "bundles fp-ts and io-ts from their ES module builds, none of their CommonJS modules (esModuleBuilds)",
    () => {
      const { inputs } = JSON.parse(readFileSync(join(CLI_DIR, "dist/bin.meta.json"), "utf8")) as {
        inputs: ReadonlyArray<string>;
      };
      const fp = inputs.filter((i) => /\/node_modules\/(fp-ts|io-ts)\//.test(i));
      expect(fp.filter((i) => /\/node_modules\/(fp-ts|io-ts)\/lib\//.test(i))).toEqual([]);
      expect(fp.filter((i) => /\/node_modules\/io-ts\/es6\//.test(i)).length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasBin())(
    "loads child_process, crypto, worker_threads and the gazetteer's data at their first use, not with the chunks (lazyBuiltins, lazyGazetteerData)",
    () => {
      // A preloaded script lists, at exit, the Node modules loaded after it and the CommonJS files loaded.
      const preload = join(work, "modules-loaded.cjs");
      writeFileSync(
        preload,
        'const before = new Set(process.moduleLoadList); process.on("exit", () => require("node:fs").writeSync(2, "\\nLOADED " + JSON.stringify([...process.moduleLoadList.filter((m) => !before.has(m)), ...Object.keys(require.cache).map((f) => require("node:path").basename(f))])));',
      );
      const ledger = join(work, "lazy-modules.jsonl");
      copyFileSync(join(REPO_ROOT, "examples/sample-ledgers/province-60.jsonl"), ledger);
      const loaded = (args: ReadonlyArray<string>): string[] => {
        const r = spawnSync(process.execPath, ["-r", preload, BIN, ...args], { cwd: work, encoding: "utf8" });
        expect(r.status).toBe(0);
        return JSON.parse(r.stderr.slice(r.stderr.lastIndexOf("\nLOADED ") + 8)) as string[];
      };
      const snap = ["snapshot", "--ledger", ledger, "--valid-at", "2022-12-31", "--format", "json"];
      // The first build decodes every event, reading the gazetteer's lists, and writes the
      // index the runs below open.
      expect(loaded(snap)).toContain("gazetteer-data.cjs");
      const lazy = [
        "NativeModule child_process",
        "NativeModule crypto",
        "NativeModule worker_threads",
        "gazetteer-data.cjs",
      ];
      expect(loaded(["--version"]).filter((m) => lazy.includes(m))).toEqual([]);
      expect(loaded([...snap, "--no-verify"]).filter((m) => lazy.includes(m))).toEqual([]);
      // Loaded where used: the chain check hashes (crypto; on this small ledger, on the main thread).
      expect(loaded(snap).filter((m) => lazy.includes(m))).toEqual(["NativeModule crypto"]);
    },
  );

  it.skipIf(!hasBin())(
    "writes its chunks' comment lines in ASCII, so that Node reads the chunks as one-byte text (asciiComments)",
    async () => {
      const { asciiComments } = (await import(join(CLI_DIR, "scripts/bundle.mjs"))) as {
        asciiComments: (text: string) => string;
      };
      // A comment's characters go; a regular expression's stay, also after a block comment on its line.
      expect(asciiComments("  // a \u2192 b\n/* \u2264\n \u2212 */ x(/\u0111/); // \u2264")).toBe(
        "  // a ? b\n/* ?\n ? */ x(/\u0111/); // \u2264",
      );
      const chunks = join(CLI_DIR, "dist/bin-chunks");
      const files = readdirSync(chunks).filter((f) => f.endsWith(".js"));
      const comments = files.filter((f) =>
        readFileSync(join(chunks, f), "utf8")
          .split("\n")
          .some((l) => /^[ \t]*(\/\/|\/\*|\*)/.test(l) && /\P{ASCII}/u.test(l)),
      );
      expect(comments).toEqual([]);
      // The largest chunk (the domain's, with the gazetteer) is all ASCII.
      const largest = files
        .map((f) => readFileSync(join(chunks, f), "utf8"))
        .sort((a, b) => b.length - a.length)[0];
      expect(/\P{ASCII}/u.test(largest ?? "x")).toBe(false);
    },
  );
});
