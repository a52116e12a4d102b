import { isUtf8 } from "node:buffer";
import { hash } from "node:crypto";
import { closeSync, readSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCanonicalChecker } from "./chain-canonical.js";
import { checkChainRange, makeRangeChecker } from "./chain-range.js";
import type { RangeJob, RangeResult } from "./chain-range-types.js";
import { openChain } from "./chain-scan.js";
import { idHash } from "./event-id-set.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { applyEdit, applyForgery, editArbitrary, forgeryArbitrary } from "./test-support/tamper-edits.js";
import { tempDir } from "./test-support/temp-dir.js";

const deps = { readSync, hash, isUtf8, canonical: makeCanonicalChecker(), idHash };

/** A result with each line's stream index replaced by its name, and the names' bookkeeping left out. */
const named = (r: RangeResult, names: ReadonlyArray<string>) => {
  const { stream, streams, streamsFrom, ...rest } = r;
  return { ...rest, streamNames: Array.from(stream ?? [], (s) => names[s]) };
};

describe("a range checker kept across ranges (as each worker thread keeps one)", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let lines: string[];
  beforeAll(async () => {
    dir = await tempDir();
    const info = await writeSampleLedger(dir.dir);
    lines = (await readFile(info.path, "utf8")).split("\n").slice(0, -1);
  });
  afterAll(() => dir.remove());

  it("law: one checker given ranges one after another, in any order, gives for each what a new checker gives (lines, failure, end, first link, columns, ids and their hashes, streams by name) on every tampered, forged or torn ledger", async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(editArbitrary(lines.length), forgeryArbitrary(lines.length)),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 60, max: 4096 }),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        async (e, cuts, tornAt, maxLineBytes, order) => {
          const path = join(dir.dir, `checker-${k++}.jsonl`);
          const { lines: edited, bytes } =
            e.kind === "forge" ? { lines: applyForgery(lines, e), bytes: undefined } : applyEdit(lines, e);
          const whole = bytes ?? Buffer.from(edited.map((l) => `${l}\n`).join(""));
          const size = tornAt < 0.5 ? whole.length : Math.floor(whole.length * (0.9 + tornAt / 10));
          await writeFile(path, whole.subarray(0, size));
          const o = openChain(path);
          if (o._tag === "Left") return;
          const { fd, bodyStart, headerHash } = o.right;
          try {
            const at = [...new Set(cuts.map((c) => bodyStart + Math.floor((size - bodyStart) * c)))]
              .filter((c) => c > bodyStart && c < size)
              .sort((a, b) => a - b);
            const bounds = [bodyStart, ...at, size];
            const base = { fd, size, link: true, strict: true, offsets: true, maxLineBytes, idSeed: 7 };
            const jobs: RangeJob[] = bounds.slice(1).map((to, j) => ({
              ...base,
              from: bounds[j]!,
              to,
              aligned: j === 0,
              prevHash: j === 0 ? headerHash : undefined,
            }));
            // The ranges in an order of their own, the whole body last (a range after many).
            const shuffled = jobs
              .map((job, j) => ({ job, key: order[j % order.length]! }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.job);
            shuffled.push({ ...base, from: bodyStart, to: size, aligned: true, prevHash: headerHash });
            // The smallest window the pool gives (two of the longest lines): it slides often.
            const buf = () => Buffer.allocUnsafe(2 * (maxLineBytes + 1));
            const check = makeRangeChecker(deps, buf());
            const names: string[] = [];
            for (const job of shuffled) {
              const kept = check(job);
              expect(kept.streamsFrom).toBe(names.length);
              names.push(...(kept.streams ?? []));
              const fresh = checkChainRange(deps, job, buf());
              expect(named(kept, names)).toEqual(named(fresh, fresh.streams ?? []));
            }
          } finally {
            closeSync(fd);
          }
        },
      ),
      { numRuns: Number(process.env.COOP_LEDGER_TAMPER_RUNS ?? 100) },
    );
  }, 120_000);
});
