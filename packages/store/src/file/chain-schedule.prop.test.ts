import { closeSync } from "node:fs";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRanges } from "./chain-pool.js";
import type { RangeResult } from "./chain-range-types.js";
import { openChain } from "./chain-scan.js";
import { rangeCutter } from "./chain-schedule.js";
import { MAX_LINE_BYTES } from "./ledger-format.js";
import { writeSampleLedger } from "./test-support/sample-ledger.js";
import { tempDir } from "./test-support/temp-dir.js";

/** Every range end the cutter gives, in order. */
const ends = (cut: ReturnType<typeof rangeCutter>): number[] => {
  const out: number[] = [];
  for (let e = cut.next(); e !== undefined; e = cut.next()) {
    out.push(e);
    if (out.length > 1e5) throw new Error("the cutter does not end");
  }
  return out;
};

describe("rangeCutter", () => {
  it("law: the ranges cover the body exactly, in order, each within [min, max + min) (the last under min only when the body is), never growing but for the last, at most `most` of them", () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(50_000),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 10, max: 5000 }),
        fc.nat(20_000),
        (from, body, workers, share, min, extra) => {
          const cut = rangeCutter(from, from + body, { workers, share, min, max: min + extra });
          const e = ends(cut);
          expect(e.length).toBeLessThanOrEqual(cut.most);
          if (body === 0) {
            expect(e).toEqual([]);
            return;
          }
          expect(e.at(-1)).toBe(from + body);
          let at = from;
          let last = Number.POSITIVE_INFINITY;
          for (const [k, x] of e.entries()) {
            const step = x - at;
            expect(step).toBeGreaterThan(0);
            if (k < e.length - 1) {
              expect(step).toBeGreaterThanOrEqual(min);
              expect(step).toBeLessThanOrEqual(min + extra);
              expect(step).toBeLessThanOrEqual(last);
              last = step;
            } else {
              expect(step).toBeLessThan(2 * min + extra);
              // Not a sliver at the end: under `min` only when the whole body is.
              expect(step).toBeGreaterThanOrEqual(Math.min(min, body));
            }
            at = x;
          }
        },
      ),
    );
  });

  it("shrinks as the body is used up: the national body on two strict workers, 185 MiB first, 16 MiB last", () => {
    const mib = (a: number[], from: number) =>
      a.map((x, k) => Math.round((x - (k === 0 ? from : a[k - 1]!)) / 2 ** 20));
    const from = 8000;
    const strict = ends(
      rangeCutter(from, 776_696_287, { workers: 2, share: 2, min: 16 << 20, max: 256 << 20 }),
    );
    expect(mib(strict, from)).toEqual([185, 139, 104, 78, 59, 44, 33, 25, 19, 16, 16, 24]);
  });

  it("a fixed size cuts equal ranges and a shorter last one", () => {
    expect(ends(rangeCutter(3, 13, { rangeBytes: 4 }))).toEqual([7, 11, 13]);
  });
});

describe("the pool's guided cut", () => {
  let dir: { dir: string; remove: () => Promise<void> };
  let path: string;
  beforeAll(async () => {
    dir = await tempDir();
    path = (await writeSampleLedger(dir.dir)).path;
  });
  afterAll(() => dir.remove());

  /** The ranges of a check of the sample ledger (the strict or link-only checker). */
  const ranges = async (strict: boolean, workers: number, minRangeBytes?: number): Promise<RangeResult[]> => {
    const o = openChain(path);
    if (E.isLeft(o)) throw new Error(o.left.message);
    try {
      const out: RangeResult[] = [];
      for await (const r of checkRanges(o.right.fd, o.right.size, o.right.bodyStart, o.right.headerHash, {
        link: true,
        strict,
        offsets: true,
        maxLineBytes: MAX_LINE_BYTES,
        workers,
        ...(minRangeBytes === undefined ? {} : { minRangeBytes }),
      }))
        out.push(r);
      return out;
    } finally {
      closeSync(o.right.fd);
    }
  };
  /** What the join sees of a check: every line's offset and event id, the last hash, any failure or end. */
  const joined = (rs: RangeResult[]) => ({
    offsets: rs.flatMap((r) => [...(r.offsets ?? [])]),
    ids: rs.flatMap((r) => [...(r.ids ?? [])]),
    lastHash: rs.filter((r) => r.lines > 0).at(-1)?.lastHash,
    failures: rs.filter((r) => r.failure !== undefined || r.end !== undefined).length,
  });

  for (const strict of [true, false])
    it(`${strict ? "strict" : "link-only"}: ranges cut small on two workers give the lines, offsets and last hash of one range on this thread`, async () => {
      const one = await ranges(strict, 0);
      expect(one).toHaveLength(1);
      const cut = await ranges(strict, 2, 300);
      expect(cut.length).toBeGreaterThan(4);
      expect(joined(cut)).toEqual(joined(one));
      expect(joined(cut).offsets).toHaveLength(12);
    });
});
