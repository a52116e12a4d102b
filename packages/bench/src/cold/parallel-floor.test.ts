import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eachLine } from "./floors.js";
import { parallelHashFloor } from "./parallel-floor.js";

describe("parallelHashFloor", () => {
  it("hashes every line exactly once, whatever the threads and wherever the ranges cut", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pfloor-"));
    // Lines of 10 bytes: with 2, 5 or 10 threads over 100 bytes the cuts fall exactly on line starts,
    // with 3, 4 and 7 inside lines.
    const path = join(dir, "ten.jsonl");
    writeFileSync(
      path,
      Array.from({ length: 10 }, (_, i) => `{"a":${String(i).padStart(3, "0")}}`).join("\n") + "\n",
    );
    const all = eachLine(path, () => {});
    expect(all).toBe(10);
    for (const threads of [1, 2, 3, 4, 5, 7, 10]) {
      const f = await parallelHashFloor(path, threads);
      expect([threads, f.lines]).toEqual([threads, all]);
    }
  });
});
