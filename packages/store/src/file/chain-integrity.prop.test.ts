import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyIntegrity } from "./chain-integrity.js";
import { scanChain } from "./chain-scan.js";
import type { LedgerInfo } from "./file-ledger.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { applyEdit, applyForgery, editArbitrary, forgeryArbitrary } from "./test-support/tamper-edits.js";
import { tempDir } from "./test-support/temp-dir.js";
import { verifyLedger } from "./verify-ledger.js";

/** The sequential walk's integrity verdict (validity set aside), in the shape verifyIntegrity reports. */
const sequential = async (path: string, anchor: { events: number; lastHash: string }) =>
  E.map((v: { events: number; streams: number; lastHash: string; bytes: number }) => ({
    events: v.events,
    streams: v.streams,
    lastHash: v.lastHash,
    bytes: v.bytes,
  }))(await verifyLedger(path, { decodeEvents: false, collectInvalid: 0, anchor })());

const parallel = async (
  path: string,
  anchor: { events: number; lastHash: string },
  workers: number,
  rangeBytes: number,
) =>
  E.map((v: { events: number; streams: number; lastHash: string; bytes: number }) => ({
    events: v.events,
    streams: v.streams,
    lastHash: v.lastHash,
    bytes: v.bytes,
  }))(await verifyIntegrity(path, { anchor, workers, rangeBytes })());

describe("the chain checked in parallel ranges", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let info: LedgerInfo;
  let lines: string[];
  let anchor: { events: number; lastHash: string };
  beforeAll(async () => {
    dir = await tempDir();
    info = await writeSampleLedger(dir.dir);
    lines = (await readFile(info.path, "utf8")).split("\n").slice(0, -1);
    anchor = { events: info.events, lastHash: info.lastHash };
  });
  afterAll(() => dir.remove());

  it("an intact ledger: the same count, streams, bytes and last hash however it is split", async () => {
    const seq = await sequential(info.path, anchor);
    expect(E.isRight(seq)).toBe(true);
    for (const [workers, rangeBytes] of [
      [0, 1 << 20],
      [2, 1],
      [2, 300],
      [3, 1000],
    ] as const)
      expect(await parallel(info.path, anchor, workers, rangeBytes)).toEqual(seq);
  });

  it("law: the parallel check and the sequential check name the same first bad line, with the same issue, on every tampered or forged ledger", async () => {
    const n = lines.length;
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(editArbitrary(n), forgeryArbitrary(n)),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2500 }),
        async (e, workers, rangeBytes) => {
          const path = join(dir.dir, `tampered-${k++}.jsonl`);
          if (e.kind === "forge")
            await writeFile(
              path,
              applyForgery(lines, e)
                .map((l) => `${l}\n`)
                .join(""),
            );
          else {
            const { lines: edited, bytes } = applyEdit(lines, e);
            await writeFile(path, bytes ?? edited.map((l) => `${l}\n`).join(""));
          }
          const seq = await sequential(path, anchor);
          expect(await parallel(path, anchor, 0, 1 << 20)).toEqual(seq);
          expect(await parallel(path, anchor, workers, rangeBytes)).toEqual(seq);
          // The chain-only pass (what figure-computing commands run): the same verdict split or not.
          const one = await scanChain(path, { workers: 0, offsets: true, hashAfter: info.events })();
          const split = await scanChain(path, {
            workers,
            rangeBytes,
            offsets: true,
            hashAfter: info.events,
          })();
          expect(split).toEqual(one);
        },
      ),
      { numRuns: Number(process.env.COOP_LEDGER_TAMPER_RUNS ?? 60) },
    );
    // Each run starts worker pools: 39 s at load ~10 alone, past the project's 60 s default at load ~25.
  }, 240_000);
});
