// The README example check (scripts/readme-examples.mjs) finds every block: its parser on crafted
// Markdown, and on the repository's READMEs, every ```ts fence is an example or a continuation and no
// block breaks the rules. (Type-checking and running the examples is pack-install's job: it needs the
// packed packages installed.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without declarations
import { collectExamples, exampleSources, fencedBlocks } from "./readme-examples.mjs";

interface Block {
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly directive: string | undefined;
}
interface Example {
  readonly source: string;
  readonly line: number;
  readonly code: string;
  readonly runBy: string | undefined;
}
const repo = fileURLToPath(new URL("..", import.meta.url));

describe("fencedBlocks", () => {
  it("reads indented fences, directives on the line before, and bare fences", () => {
    const md = [
      "# t",
      "```ts",
      "const a = 1;",
      "```",
      "- item:",
      "",
      "  <!-- example: continues -->",
      "  ```ts",
      "  const b = a;",
      "    nested();",
      "  ```",
      "```",
      "plain",
      "```",
      "````sh",
      "```ts",
      "not a block",
      "````",
    ].join("\n");
    const blocks = fencedBlocks(md) as Block[];
    expect(blocks.map((b) => [b.line, b.lang, b.directive])).toEqual([
      [2, "ts", undefined],
      [8, "ts", "continues"],
      [12, "", undefined],
      [15, "sh", undefined],
    ]);
    expect(blocks[1]?.code).toBe("const b = a;\n  nested();\n");
    expect(blocks[3]?.code).toBe("```ts\nnot a block\n");
  });
});

describe("the repository's READMEs", () => {
  const { examples, problems } = collectExamples(repo) as { examples: Example[]; problems: string[] };

  it("break no rule (language named, ```ts only, known directives, run-by files that read the README)", () => {
    expect(problems).toEqual([]);
  });

  it("every ```ts fence is checked: an example of its own or a continuation of one", () => {
    let fences = 0;
    let directives = 0;
    for (const source of exampleSources(repo) as string[]) {
      let text = "";
      try {
        text = readFileSync(join(repo, source), "utf8");
      } catch {
        continue;
      }
      fences += text.split("\n").filter((l) => /^\s*```ts\s*$/.test(l)).length;
      directives += text.split("\n").filter((l) => /<!--\s*example:\s*continues\s*-->/.test(l)).length;
    }
    expect(examples.length + directives).toBe(fences);
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it("only a block that needs a server is left to another runner", () => {
    expect(examples.filter((e) => e.runBy !== undefined).map((e) => e.source)).toEqual([
      "docs/eventstoredb.md",
      "packages/store-esdb/README.md",
    ]);
  });
});
