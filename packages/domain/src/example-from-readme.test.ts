import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import * as domain from "./index.js";

it("the README example runs and prints what it says", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  // The block is an ES module: turn its two imports into bindings so it can run here, on the sources.
  const body = (block ?? "")
    .replace(/import \* as E from "fp-ts\/lib\/Either\.js";/, "const E = fpEither;")
    .replace(/import \{([^}]*)\} from "@coop-ledger\/domain";/, "const {$1} = domain;");
  const lines: string[] = [];
  const log = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  new Function("domain", "fpEither", "console", body)(domain, E, { log });
  expect(lines).toEqual([
    "Coop active 2012 2019-03-01",
    "Tỉnh Bình Thuận → Tỉnh Lâm Đồng",
    "BelowMinimumFounders",
  ]);
});
