import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { COLLECT_ONLY, exposedGc, reclaimHeap } from "./heap-reclaim.js";

const MiB = 2 ** 20;

/** A heap that has just lost most of its objects: one in `keepOneIn` survives, on every page. */
const thinnedHeap = (objects: number, keepOneIn: number): Array<{ a: number; b: string }> => {
  let all: Array<{ a: number; b: string }> | undefined = [];
  for (let i = 0; i < objects; i++) all.push({ a: i, b: `s${i}` });
  const kept = all.filter((_, i) => i % keepOneIn === 0);
  all = undefined;
  return kept;
};

describe("reclaimHeap", () => {
  it("gives back the pages a thinned heap keeps committed: survivors moved, their values intact", () => {
    // ~150 MB of objects, one in 16 kept: a plain collection leaves ~130 MB of pages committed, free.
    const kept = thinnedHeap(2_000_000, 16);
    expect(reclaimHeap({ minHeapBytes: 0, minSpareBytes: 0 })).toBe("compacted");
    const h = getHeapStatistics();
    expect((h.total_heap_size - h.used_heap_size) / MiB).toBeLessThan(48);
    expect(kept.length).toBe(125_000);
    expect(kept.every((o, i) => o.a === i * 16 && o.b === `s${i * 16}`)).toBe(true);
  });

  it("does nothing on a heap under its threshold, and compacts none with too little free", () => {
    expect(reclaimHeap({ minHeapBytes: 2 ** 40, minSpareBytes: 0 })).toBe("small");
    expect(reclaimHeap({ minHeapBytes: 0, minSpareBytes: 2 ** 40 })).toBe("dense");
  });

  it("COLLECT_ONLY collects once and never compacts, however much of the heap is free", () => {
    let calls = 0;
    const counting = () => () => {
      calls++;
    };
    expect(reclaimHeap({ ...COLLECT_ONLY, minHeapBytes: 0 }, counting)).toBe("dense");
    expect(calls).toBe(1);
    expect(reclaimHeap(COLLECT_ONLY, counting)).toBe(
      getHeapStatistics().total_heap_size < 512 * MiB ? "small" : "dense",
    );
  });

  it("on a Node that gives no gc, does nothing and throws nothing (the build goes on)", () => {
    expect(reclaimHeap({ minHeapBytes: 0, minSpareBytes: 0 }, () => undefined)).toBe("unavailable");
    expect(typeof exposedGc()).toBe("function");
  });
});
