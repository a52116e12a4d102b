import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL(".", import.meta.url));

/** The published sources: everything under src except tests and test support. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === "test-support" || name === "__tests__" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });

describe("the domain package is pure (no I/O, no clock)", () => {
  const files = sources(SRC);

  it("scans the sources", () => expect(files.length).toBeGreaterThan(40));

  it("imports nothing from node: or Node built-ins, and names no process, Buffer, require or clock", () => {
    const offences: string[] = [];
    const patterns: Array<[RegExp, string]> = [
      [/from\s+["']node:/, "node: import"],
      [
        /from\s+["'](fs|path|os|crypto|child_process|url|util|stream|http|https|net)["']/,
        "Node built-in import",
      ],
      [/import\(\s*["']node:/, "dynamic node: import"],
      [/\brequire\s*\(/, "require"],
      [/\bprocess\./, "process"],
      [/\bBuffer\b/, "Buffer"],
      [/\bDate\.now\s*\(/, "clock (Date.now)"],
      [/new Date\(\s*\)/, "clock (new Date())"],
      [/\bMath\.random\s*\(/, "randomness"],
    ];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const [re, what] of patterns) if (re.test(text)) offences.push(`${relative(SRC, f)}: ${what}`);
    }
    expect(offences).toEqual([]);
  });

  it("depends only on fp-ts, io-ts, ts-pattern and uuid (name-based ids: a pure function)", () => {
    const external = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/from\s+["']([^."'][^"']*)["']/g)) {
        const spec = m[1] ?? "";
        external.add(
          spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec),
        );
      }
    }
    // TSDoc examples import the package by its own name, as a user would: that is no dependency.
    external.delete("@coop-ledger/domain");
    expect([...external].sort()).toEqual(["fp-ts", "io-ts", "ts-pattern", "uuid"]);
  });
});
