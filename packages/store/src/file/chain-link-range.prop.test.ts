import { isUtf8 } from "node:buffer";
import { hash } from "node:crypto";
import { closeSync, readSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCanonicalChecker } from "./chain-canonical.js";
import { checkLinkRange } from "./chain-link-range.js";
import { checkChainRange } from "./chain-range.js";
import type { RangeJob } from "./chain-range-types.js";
import { openChain } from "./chain-scan.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { applyEdit, applyForgery, editArbitrary, forgeryArbitrary } from "./test-support/tamper-edits.js";
import { tempDir } from "./test-support/temp-dir.js";

const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker() };

describe("the link-only range check (what verified figure commands run on each range)", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let lines: string[];
  beforeAll(async () => {
    dir = await tempDir();
    const info = await writeSampleLedger(dir.dir);
    lines = (await readFile(info.path, "utf8")).split("\n").slice(0, -1);
  });
  afterAll(() => dir.remove());

  it("law: checkLinkRange gives checkChainRange's non-strict result (lines, failure and its stage, torn or over-long end, first link, offsets, last hash) on every range of every tampered, forged or torn ledger", async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(editArbitrary(lines.length), forgeryArbitrary(lines.length)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.record({
          link: fc.boolean(),
          offsets: fc.boolean(),
          maxLineBytes: fc.integer({ min: 60, max: 4096 }),
        }),
        async (e, cutAt, tornAt, flags) => {
          const path = join(dir.dir, `range-${k++}.jsonl`);
          const { lines: edited, bytes } =
            e.kind === "forge" ? { lines: applyForgery(lines, e), bytes: undefined } : applyEdit(lines, e);
          const whole = bytes ?? Buffer.from(edited.map((l) => `${l}\n`).join(""));
          // Half the time a torn tail: the file cut anywhere in its last tenth.
          const size = tornAt < 0.5 ? whole.length : Math.floor(whole.length * (0.9 + tornAt / 10));
          await writeFile(path, whole.subarray(0, size));
          const o = openChain(path);
          if (o._tag === "Left") return; // a broken header: no range is checked
          const { fd, bodyStart, headerHash } = o.right;
          try {
            const cut = bodyStart + Math.floor((size - bodyStart) * cutAt);
            const base = { fd, size, strict: false, ...flags };
            const jobs: RangeJob[] = [
              { ...base, from: bodyStart, to: cut, aligned: true, prevHash: headerHash },
              { ...base, from: cut, to: size, aligned: false, prevHash: undefined },
              { ...base, from: bodyStart, to: size, aligned: true, prevHash: headerHash },
            ];
            // A window of two of the longest lines: the smallest the pool gives, so that it slides often.
            const buf = () => Buffer.allocUnsafe(2 * (flags.maxLineBytes + 1));
            for (const job of jobs)
              expect(checkLinkRange(deps, job, buf())).toEqual(checkChainRange(deps, job, buf()));
          } finally {
            closeSync(fd);
          }
        },
      ),
      { numRuns: Number(process.env.COOP_LEDGER_TAMPER_RUNS ?? 150) },
    );
  }, 120_000);
});
