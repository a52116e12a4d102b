import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import ts from "typescript";
import { expect, it } from "vitest";
import * as domain from "./index.js";

// The first TypeScript block of the README, run against the sources and checked for what its comments
// say it prints. (The packed package runs every block too: scripts/pack-install.mjs.)
it("the README's first example runs and prints what it says", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const js = ts.transpileModule(block ?? "", {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
  }).outputText;
  // The block is an ES module: turn its two imports into bindings so it can run here, on the sources.
  const body = js
    .replace(/import \* as E from "fp-ts\/lib\/Either\.js";/, "const E = fpEither;")
    .replace(/import \{([^}]*)\} from "@coop-ledger\/domain";/, "const {$1} = domain;");
  expect(body).not.toMatch(/\bimport\b/);
  const lines: string[] = [];
  const log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  new Function("domain", "fpEither", "console", body)(domain, E, { log });
  expect(lines).toEqual([
    "Coop active 2012 2019-03-01",
    "Tỉnh Bình Thuận → Tỉnh Lâm Đồng",
    "BelowMinimumFounders",
  ]);
});
