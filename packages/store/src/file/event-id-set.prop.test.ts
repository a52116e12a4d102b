import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSet } from "./event-id-set.js";

/** The first repeat below `limit` the plain way: a Map of every id seen. */
const naive = (ids: Uint8Array, limit: number): { index: number; first: number } | undefined => {
  const seen = new Map<string, number>();
  for (let i = 0; i < limit; i++) {
    const key = Buffer.from(ids.subarray(16 * i, 16 * i + 16)).toString("hex");
    const first = seen.get(key);
    if (first !== undefined) return { index: i, first };
    seen.set(key, i);
  }
  return undefined;
};

describe("IdSet", () => {
  it("law: the first repeat below any limit is the one a Map of every id finds, however the ids arrive in parts and however small the bitmap", () => {
    fc.assert(
      fc.property(
        // Few distinct ids (a pool of 1–40), drawn many times: repeats early and late.
        fc
          .integer({ min: 1, max: 40 })
          .chain((pool) =>
            fc.tuple(
              fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: pool, maxLength: pool }),
              fc.array(fc.nat(pool - 1), { minLength: 0, maxLength: 300 }),
              fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
              fc.nat(300),
              fc.boolean(),
            ),
          ),
        ([pool, picks, cuts, limitPick, fresh]) => {
          const n = picks.length;
          const ids = new Uint8Array(16 * n);
          // Either the pool's ids, or distinct ids (no repeat but hash-bitmap collisions).
          picks.forEach((p, i) => {
            if (fresh) new DataView(ids.buffer).setUint32(16 * i, i + 1);
            else ids.set(pool[p]!, 16 * i);
          });
          const set = new IdSet();
          set.reserve(1); // the smallest bitmap: many candidates that are collisions only
          let at = 0;
          for (let k = 0; at < n; k++) {
            const count = Math.min(n - at, cuts[k % cuts.length]!);
            set.add(ids.slice(16 * at, 16 * (at + count)), count);
            at += count;
          }
          const limit = Math.min(n, limitPick);
          expect(set.firstRepeat(limit)).toEqual(naive(ids, limit));
          expect(set.firstRepeat(n)).toEqual(naive(ids, n));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds a repeat among many ids whose hash bits collide (a bitmap far too small)", () => {
    const n = 200_000;
    const ids = new Uint8Array(16 * n);
    const view = new DataView(ids.buffer);
    for (let i = 0; i < n; i++) view.setUint32(16 * i + 12, i * 2654435761);
    ids.set(ids.subarray(16 * 1234, 16 * 1235), 16 * 150_000);
    const set = new IdSet();
    set.reserve(1);
    set.add(ids, n);
    expect(set.firstRepeat(150_000)).toBeUndefined();
    expect(set.firstRepeat(n)).toEqual({ index: 150_000, first: 1234 });
  });
});
