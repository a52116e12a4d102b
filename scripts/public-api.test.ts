// The public API of every published package, as a user's TypeScript sees it (issue #17, "Public
// surface"): read from the BUILT declaration files (dist/), the way an installed package is read.
//
//  - each package's export list (every public entry point in package.json "exports", except
//    "./internal") must equal the reviewed text in packages/<pkg>/exports.txt, so that growth is a
//    deliberate, reviewed change. After changing an index on purpose, rebuild and regenerate with
//      npx --yes pnpm@10.34.8 run build && npx --yes pnpm@10.34.8 exec vitest run --project repo -u
//    and commit the changed exports.txt with the change;
//  - a public entry point names what it exports (no `export *`: internals go to `/internal`);
//  - no name means two different things across packages (a clash such as `ProjectionError` in two
//    packages); the same declaration re-exported by two packages is fine.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Entry {
  readonly pkg: string; // e.g. "@coop-ledger/store"
  readonly dir: string; // packages/<dir>
  readonly subpath: string; // "." or "./contract"
  readonly dts: string; // absolute path of the built declaration file
  readonly src: string; // absolute path of the source index
}

const entries: readonly Entry[] = readdirSync(join(ROOT, "packages")).flatMap((dir) => {
  const json = JSON.parse(readFileSync(join(ROOT, "packages", dir, "package.json"), "utf8")) as {
    name: string;
    private?: boolean;
    exports: Record<string, string | { import?: { types?: string } }>;
  };
  if (json.private === true) return [];
  return Object.entries(json.exports)
    .filter(([subpath]) => subpath !== "./internal" && subpath !== "./package.json")
    .map(([subpath, target]) => {
      // The ES module's declarations (the CommonJS ones under dist/cjs are a copy: scripts/cjs-types.mjs).
      const types = typeof target === "string" ? target : target.import?.types;
      if (types === undefined) throw new Error(`${json.name}: exports["${subpath}"] has no import "types"`);
      const dts = join(ROOT, "packages", dir, types);
      return {
        pkg: json.name,
        dir,
        subpath,
        dts,
        src: dts.replace(/\/dist\//, "/src/").replace(/\.d\.(c|m)?ts$/, ".ts"),
      };
    });
});

interface Exported {
  readonly name: string;
  readonly kind: "value" | "type" | "value+type";
  readonly declaration: string; // file:position of the declaration, to tell two things with one name apart
}

const internalOf = (dir: string): string => join(ROOT, "packages", dir, "dist/internal/index.d.ts");

const exportLists = (): {
  lists: Map<Entry, readonly Exported[]>;
  checker: ts.TypeChecker;
  program: ts.Program;
} => {
  const missing = entries.filter((e) => !existsSync(e.dts));
  if (missing.length > 0)
    throw new Error(
      `not built: ${missing.map((e) => e.dts.replace(ROOT, "")).join(", ")} (run \`npx --yes pnpm@10.34.8 run build\`)`,
    );
  const program = ts.createProgram(
    [...entries.map((e) => e.dts), ...[...new Set(entries.map((e) => e.dir))].map(internalOf)],
    {
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  const lists = new Map<Entry, readonly Exported[]>();
  for (const e of entries) {
    const file = program.getSourceFile(e.dts);
    const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (module === undefined) throw new Error(`${e.pkg} "${e.subpath}": no module in ${e.dts}`);
    lists.set(
      e,
      checker
        .getExportsOfModule(module)
        .map((s) => {
          const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
          const value = (target.flags & ts.SymbolFlags.Value) !== 0;
          const type = (target.flags & ts.SymbolFlags.Type) !== 0;
          const d = target.declarations?.[0];
          return {
            name: s.name,
            kind: value && type ? "value+type" : value ? "value" : "type",
            declaration: d === undefined ? "?" : `${d.getSourceFile().fileName}:${d.pos}`,
          } as const;
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    );
  }
  return { lists, checker, program };
};

const { lists, checker, program } = exportLists();
const aliased = (s: ts.Symbol): ts.Symbol =>
  s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
const exportsOf = (dts: string): ts.Symbol[] => {
  const file = program.getSourceFile(dts);
  const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
  return module === undefined ? [] : checker.getExportsOfModule(module);
};

/**
 * Names a public declaration of package `dir` uses in its type (a parameter, a result, a field) that the
 * package exports only from /internal: a user could get such a value but not name its type.
 */
const unnameable = (dir: string): string[] => {
  const publicEntries = entries.filter((e) => e.dir === dir);
  const publicSymbols = new Set(publicEntries.flatMap((e) => exportsOf(e.dts).map(aliased)));
  const internalOnly = new Map(
    exportsOf(internalOf(dir))
      .map((s) => [aliased(s), s.name] as const)
      .filter(([t]) => !publicSymbols.has(t)),
  );
  const found = new Set<string>();
  for (const e of publicEntries)
    for (const s of exportsOf(e.dts))
      for (const d of aliased(s).declarations ?? []) {
        const visit = (node: ts.Node): void => {
          if (
            ts.isTypeReferenceNode(node) ||
            ts.isExpressionWithTypeArguments(node) ||
            ts.isTypeQueryNode(node)
          ) {
            const name = ts.isTypeReferenceNode(node)
              ? node.typeName
              : ts.isTypeQueryNode(node)
                ? node.exprName
                : node.expression;
            for (const n of ts.isQualifiedName(name) ? [name.left, name.right] : [name]) {
              const sym = checker.getSymbolAtLocation(n);
              const used = sym === undefined ? undefined : internalOnly.get(aliased(sym));
              if (used !== undefined) found.add(`${used} (in ${s.name})`);
            }
          }
          // Private members are not part of the API.
          if (
            (ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node)) &&
            node.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)
          )
            return;
          ts.forEachChild(node, visit);
        };
        visit(d);
      }
  return [...found].sort();
};
const byPackage = new Map<string, Entry[]>();
for (const e of entries) byPackage.set(e.dir, [...(byPackage.get(e.dir) ?? []), e]);

describe("public API: each package's export list is the reviewed one", () => {
  for (const [dir, es] of byPackage)
    it(`@coop-ledger/${dir} exports exactly what packages/${dir}/exports.txt lists`, async () => {
      const text = [
        `# ${es[0]?.pkg}: the public export list, checked against the built package by scripts/public-api.test.ts.`,
        "# Internals are in the /internal entry point (not listed: no stability promise).",
        ...es.flatMap((e) => [
          "",
          `## "${e.subpath === "." ? e.pkg : `${e.pkg}/${e.subpath.slice(2)}`}" (${lists.get(e)?.length} names)`,
          ...(lists.get(e) ?? []).map((x) => `${x.kind.padEnd(10)} ${x.name}`),
        ]),
        "",
      ].join("\n");
      await expect(text).toMatchFileSnapshot(join(ROOT, "packages", dir, "exports.txt"));
    });
});

describe("public API: exported by name", () => {
  for (const e of entries)
    it(`${e.pkg} "${e.subpath}" has no \`export *\` (internals go to /internal)`, () => {
      const source = ts.createSourceFile(e.src, readFileSync(e.src, "utf8"), ts.ScriptTarget.Latest);
      const star = source.statements
        .filter((s) => ts.isExportDeclaration(s) && s.exportClause === undefined)
        .map((s) => s.getText(source));
      expect(star).toEqual([]);
    });
});

describe("public API: every type a public declaration uses can be named", () => {
  for (const dir of byPackage.keys())
    it(`@coop-ledger/${dir}: no public signature uses a type exported only from /internal`, () => {
      expect(unnameable(dir)).toEqual([]);
    });
});

describe("public API: no clashing names", () => {
  it("no name is exported by two packages for two different declarations", () => {
    const seen = new Map<string, Map<string, string[]>>(); // name → declaration → where
    for (const [e, list] of lists)
      for (const x of list) {
        const decls = seen.get(x.name) ?? new Map<string, string[]>();
        decls.set(x.declaration, [...(decls.get(x.declaration) ?? []), `${e.pkg} "${e.subpath}"`]);
        seen.set(x.name, decls);
      }
    const clashes = [...seen]
      .filter(([, decls]) => decls.size > 1)
      .map(([name, decls]) => `${name}: ${[...decls.values()].map((w) => w.join(" + ")).join(" vs ")}`);
    expect(clashes).toEqual([]);
  });
});
