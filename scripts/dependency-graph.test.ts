// The package dependency graph of docs/development.md (issue #17, "Docs match the code"): the text block
// there is the one drawing of the graph; this test reads it and checks it against
//  - every packages/*/package.json (dependencies, optionalDependencies, devDependencies on siblings);
//  - the imports of each package's sources: a published module imports only its runtime
//    dependencies, a test file (or test support) also its devDependencies;
// and that the graph, test edges included, has no cycle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCOPE = "@coop-ledger/";

type Kind = "runtime" | "test" | "optional";
type Graph = Map<string, Map<string, Kind>>;

/** The drawn graph: lines `name -> dep, dep (test), dep (optional)` in the first text block after the heading line. */
const drawnGraph = (): Graph => {
  const doc = readFileSync(join(ROOT, "docs/development.md"), "utf8");
  const start = doc.indexOf("```text\n", doc.indexOf("Dependencies point one way."));
  if (start < 0) throw new Error("docs/development.md: no ```text block after 'Dependencies point one way.'");
  const block = doc.slice(start + 8, doc.indexOf("```", start + 8));
  const graph: Graph = new Map();
  for (const line of block.split("\n").filter((l) => l.trim() !== "")) {
    const m = /^([a-z-]+)\s*->\s*(.*)$/.exec(line.trim());
    if (m === null) throw new Error(`docs/development.md: graph line not understood: ${line}`);
    const deps = new Map<string, Kind>();
    for (const part of (m[2] ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "")) {
      const d = /^([a-z-]+)(?: \((test|optional)\))?$/.exec(part);
      if (d === null) throw new Error(`docs/development.md: dependency not understood: ${part}`);
      deps.set(d[1] as string, (d[2] as Kind | undefined) ?? "runtime");
    }
    graph.set(m[1] as string, deps);
  }
  return graph;
};

const packages = readdirSync(join(ROOT, "packages")).filter((d) =>
  statSync(join(ROOT, "packages", d)).isDirectory(),
);

/** The graph the package.json files declare (sibling packages only). */
const declaredGraph = (): Graph => {
  const graph: Graph = new Map();
  for (const dir of packages) {
    const json = JSON.parse(readFileSync(join(ROOT, "packages", dir, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    const deps = new Map<string, Kind>();
    const add = (field: string, kind: Kind) => {
      for (const name of Object.keys(json[field] ?? {}))
        if (name.startsWith(SCOPE)) deps.set(name.slice(SCOPE.length), kind);
    };
    add("devDependencies", "test");
    add("dependencies", "runtime");
    add("optionalDependencies", "optional");
    graph.set(dir, deps);
  }
  return graph;
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === "node_modules" || name === "dist" ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });

const isTestFile = (path: string): boolean =>
  /\.test\.ts$/.test(path) || path.includes("/test-support/") || path.includes("/__tests__/");

const asObject = (g: Graph) =>
  Object.fromEntries(
    [...g].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Object.fromEntries([...v].sort())]),
  );

describe("the package dependency graph of docs/development.md", () => {
  const drawn = drawnGraph();

  it("names every package once", () => {
    expect([...drawn.keys()].sort()).toEqual([...packages].sort());
  });

  it("is the graph the package.json files declare (dependencies, optional and dev)", () => {
    expect(asObject(drawn)).toEqual(asObject(declaredGraph()));
  });

  it("has no cycle, test edges included", () => {
    const state = new Map<string, "visiting" | "done">();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "visiting") {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" -> "));
        return;
      }
      state.set(node, "visiting");
      for (const dep of drawn.get(node)?.keys() ?? []) visit(dep, [...path, node]);
      state.set(node, "done");
    };
    for (const node of drawn.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it("matches what the sources import: published modules use runtime dependencies, tests may use test ones", () => {
    const offences: string[] = [];
    for (const dir of packages) {
      const deps = drawn.get(dir) ?? new Map<string, Kind>();
      for (const file of sourceFiles(join(ROOT, "packages", dir, "src"))) {
        const text = readFileSync(file, "utf8");
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']@coop-ledger\/([a-z-]+)/g)) {
          const target = m[1] as string;
          if (target === dir) continue;
          const kind = deps.get(target);
          const allowed = kind === undefined ? false : kind !== "test" || isTestFile(file);
          if (!allowed)
            offences.push(`${relative(ROOT, file)} imports @coop-ledger/${target} (${kind ?? "undeclared"})`);
        }
      }
    }
    expect(offences).toEqual([]);
  });
});
