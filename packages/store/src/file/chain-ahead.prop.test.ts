import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { startChainCheck } from "./chain-ahead.js";
import { scanChain, scanChainTaking } from "./chain-scan.js";
import { useSampleLedger } from "./test-support/sample-ledger-fixture.js";
import { applyEdit, editArbitrary } from "./test-support/tamper-edits.js";

/** A check started ahead on one worker thread and, once taken, the calling thread (the default on two cores), in tiny ranges (many joins), whatever the file's size. */
const ahead = (path: string) =>
  startChainCheck(path, { offsets: true, workers: 1, rangeBytes: 300, minBytes: 0 });

/** Lines as a ledger file holds them. */
const text = (lines: ReadonlyArray<string>): string => lines.map((l) => `${l}\n`).join("");

/** A scan's result as data (the offsets read out of their getter). */
const asData = (r: Awaited<ReturnType<ReturnType<typeof scanChain>>>) =>
  r._tag === "Left" ? r : { ...r.right, offsets: [...(r.right.offsets ?? [])] };

describe("a chain check started ahead (startChainCheck, taken by scanChainTaking)", () => {
  const sample = useSampleLedger();

  it("gives the scan's own result on the intact ledger: events, last hash, offsets", async () => {
    const started = ahead(sample.info.path);
    if (started === undefined) throw new Error("not started");
    const take = vi.spyOn(started, "take");
    const r = await scanChainTaking(sample.info.path, { offsets: true }, started)();
    expect(take).toHaveBeenCalledTimes(1);
    expect(asData(r)).toEqual(asData(await scanChain(sample.info.path, { offsets: true })()));
    expect(r._tag === "Right" && r.right.events).toBe(sample.info.events);
  });

  let takes = 0;
  it("gives the same verdict as a scan started at once on any changed, removed, inserted or moved line", async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(editArbitrary(13), async (e) => {
        const { lines: edited, bytes } = applyEdit(sample.lines, e);
        const path = join(sample.dir, `ahead-${k++}.jsonl`);
        await writeFile(path, bytes ?? text(edited));
        const started = ahead(path);
        if (started !== undefined) {
          const take = started.take;
          vi.spyOn(started, "take").mockImplementation(() => {
            takes++;
            return take();
          });
        }
        const taken = await scanChainTaking(path, { offsets: true }, started)();
        expect(asData(taken)).toEqual(asData(await scanChain(path, { offsets: true })()));
      }),
      { numRuns: 40 },
    );
    // Most edits leave the header as it was: the check started ahead is what the scan used.
    expect(takes).toBeGreaterThan(20);
  });

  it("is not used for a file that grew after it started: the scan checks the file it finds", async () => {
    const path = join(sample.dir, "grown.jsonl");
    await writeFile(path, text(sample.lines.slice(0, 8)));
    const started = ahead(path);
    if (started === undefined) throw new Error("not started");
    const [take, stop] = [vi.spyOn(started, "take"), vi.spyOn(started, "stop")];
    await appendFile(path, text(sample.lines.slice(8)));
    const r = await scanChainTaking(path, { offsets: true }, started)();
    expect([take.mock.calls.length, stop.mock.calls.length]).toEqual([0, 1]);
    expect(r._tag === "Right" && r.right.events).toBe(sample.info.events);
    expect(r._tag === "Right" && r.right.lastHash).toBe(sample.info.lastHash);
  });

  it("is not used for another file, nor when the scan does not verify", async () => {
    const other = join(sample.dir, "other.jsonl");
    await writeFile(other, text(sample.lines.slice(0, 5)));
    const started = ahead(other);
    const r = await scanChainTaking(sample.info.path, { offsets: true }, started)();
    expect(r._tag === "Right" && r.right.events).toBe(sample.info.events);
    const again = ahead(sample.info.path);
    const unverified = await scanChainTaking(sample.info.path, { verify: false }, again)();
    expect(unverified._tag === "Right" && unverified.right.verified).toBe(false);
  });

  it("starts nothing for a file below its size floor, a missing file or one that is not a ledger", async () => {
    expect(startChainCheck(sample.info.path, { offsets: true })).toBeUndefined(); // under 16 MiB
    expect(
      startChainCheck(join(sample.dir, "missing.jsonl"), { offsets: true, minBytes: 0 }),
    ).toBeUndefined();
    const junk = join(sample.dir, "junk.txt");
    await writeFile(junk, "not a ledger\n".repeat(20));
    expect(startChainCheck(junk, { offsets: true, minBytes: 0 })).toBeUndefined();
  });
});
