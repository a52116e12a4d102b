import { randomBytes } from "node:crypto";

/**
 * The set of event ids seen, as 16-byte values (4 words each, by the order they were added), in an
 * open-addressing table hashed with a per-run random seed (a crafted ledger cannot aim at collisions).
 * Each slot holds the id's number + 1 and its full 32-bit hash side by side, so a probe past another
 * id compares the hashes in the same cache line and reads that id's words only when they agree
 * (reading them on every probe was a cache miss a line at national scale).
 * @example
 * const set = new IdSet();
 * const ids = new Uint8Array(32);
 * ids[16] = 1; // two ids: 16 zero bytes, then 1 and 15 zero bytes
 * console.log(set.add(ids, 0, 0), set.add(ids, 16, 1), set.add(ids, 0, 2)); // -1 -1 0 (the third is the first again)
 */
export class IdSet {
  private words = new Uint32Array(4 * 1024);
  /** Pairs (index + 1, hash); 0 index: empty. */
  private table = new Int32Array(2 * 2048);
  private n = 0;
  private readonly seed = randomBytes(4).readUInt32LE(0);

  /** Makes room for `count` ids at once (the join's estimate from the first range), so that the
   * table is not rehashed at every doubling. */
  reserve(count: number): void {
    if (4 * count > this.words.length) {
      const w = new Uint32Array(4 * count);
      w.set(this.words);
      this.words = w;
    }
    let slots = this.table.length / 2;
    while (2 * count > slots) slots *= 2;
    // One rehash into the final size: doubling step by step allocated (and the VM faulted in) every
    // intermediate table, ~64 MB at national scale for a 32 MB table.
    if (slots > this.table.length / 2) this.grow(slots);
  }

  private hashOf(w: Uint32Array, at: number): number {
    let h = this.seed ^ Math.imul(w[at]! ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ w[at + 1]!, 0xc2b2ae35);
    h = Math.imul(h ^ w[at + 2]!, 0x27d4eb2f);
    h ^= w[at + 3]!;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** Adds the id at `ids[at..at+16)` as number `index`; returns the index of an equal id already there, or −1. */
  add(ids: Uint8Array, at: number, index: number): number {
    if (4 * (index + 1) > this.words.length) {
      const w = new Uint32Array(this.words.length * 2);
      w.set(this.words);
      this.words = w;
    }
    const w = this.words;
    for (let k = 0; k < 4; k++)
      w[4 * index + k] =
        (ids[at + 4 * k]! << 24) |
        (ids[at + 4 * k + 1]! << 16) |
        (ids[at + 4 * k + 2]! << 8) |
        ids[at + 4 * k + 3]!;
    if (2 * (this.n + 1) > this.table.length / 2) this.grow();
    const table = this.table;
    const mask = table.length / 2 - 1;
    const h = this.hashOf(w, 4 * index);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const t = table[2 * s]!;
      if (t === 0) {
        table[2 * s] = index + 1;
        table[2 * s + 1] = h;
        this.n++;
        return -1;
      }
      if (table[2 * s + 1] !== h) continue;
      const o = 4 * (t - 1);
      if (
        w[o] === w[4 * index] &&
        w[o + 1] === w[4 * index + 1] &&
        w[o + 2] === w[4 * index + 2] &&
        w[o + 3] === w[4 * index + 3]
      )
        return t - 1;
    }
  }

  private grow(slots = this.table.length): void {
    const old = this.table;
    const table = new Int32Array(2 * slots);
    this.table = table;
    const mask = table.length / 2 - 1;
    // An indexed loop: `for…of` over a typed array ran several times slower here (the rehash was the
    // largest part of the join's profile at national scale).
    for (let i = 0; i < old.length; i += 2) {
      const t = old[i]!;
      if (t === 0) continue;
      const h = old[i + 1]!;
      let s = h & mask;
      while (table[2 * s] !== 0) s = (s + 1) & mask;
      table[2 * s] = t;
      table[2 * s + 1] = h;
    }
  }
}

/**
 * The id at `ids[at..at+16)` written as a UUID.
 * @example uuidOf(new Uint8Array(16), 0) // "00000000-0000-0000-0000-000000000000"
 */
export const uuidOf = (ids: Uint8Array, at: number): string => {
  const h = Buffer.from(ids.subarray(at, at + 16)).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
