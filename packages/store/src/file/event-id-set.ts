import { randomBytes } from "node:crypto";

/**
 * The event ids of a ledger, numbered in file order, and the first one that repeats an earlier one.
 *
 * Checked in two steps, because an exact hash table of every id (55 MB at national scale, probed at
 * random) cost the joining thread about as much CPU as a worker's whole share of the hashing (0.5–0.65 s
 * for 1.3 M ids): memory first touched cost ~5 ms a MB on the project's 2-core VM, and each probe
 * missed the cache.
 * 1. `add` (per range, as it arrives): each id's 32-bit hash (seeded per run: a crafted ledger cannot
 *    aim at collisions) sets one bit of a bitmap sized ~16 bits an id (4 MB at national scale); an id
 *    whose bit was already set is a **candidate** (a repeat, or a hash collision: ~2% of ids).
 * 2. `firstRepeat(limit)` (once, when the walk ends or fails): the candidates' distinct ids go into an
 *    exact table, and the ids before `limit` are read again in order (hashed, most passed over by a
 *    128 KB bitmap of the candidates' hashes); the first id met a second time is the first repeat in
 *    file order. Exact: an id's first repeat always finds its bit set, so it is a candidate.
 * The ids are not copied: the ranges' own id columns are kept.
 * @example
 * const set = new IdSet();
 * const ids = new Uint8Array(48);
 * ids[16] = 1; // three ids: zeros, 1 and zeros, zeros again
 * set.add(ids, 3);
 * console.log(set.firstRepeat(2), set.firstRepeat(3)); // undefined { index: 2, first: 0 }
 */
export class IdSet {
  private bits = new Int32Array(0);
  private readonly parts: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private n = 0;
  private candidates = new Float64Array(1024);
  private c = 0;
  /** The ids' hash seed (drawn per set): a range checker hashes its ids with it (see {@link idHash}). */
  readonly seed = randomBytes(4).readUInt32LE(0) | 0;
  private readonly hashParts: Array<Int32Array | undefined> = [];

  /** Sizes the bitmap for about `count` ids (the join's estimate from the first range). */
  reserve(count: number): void {
    if (this.bits.length > 0) return;
    let words = 1 << 11;
    // ~16 bits an id, at most 32 MB: the share of ids that are candidates stays ~n / (2 × bits).
    while (words < count / 2 && words < 1 << 23) words *= 2;
    this.bits = new Int32Array(words);
    // Room for the candidates expected (~3% of ids at this size), so that `add` seldom grows it: each
    // growth, met on stack in optimised code, threw that code away.
    if (this.c === 0) this.candidates = new Float64Array(Math.max(1024, count >> 4));
  }

  /** The seeded hash of the id at `ids[at..at+16)`. */
  private hashOf(ids: Uint8Array, at: number): number {
    return idHash(this.seed, ids, at);
  }

  /**
   * Adds the `count` ids of `ids` (16 bytes each), numbered after those added before; `hashes`, when
   * given, holds each one's {@link idHash} with this set's seed (a range checker computes them as it
   * reads the ids, on its worker thread).
   */
  add(ids: Uint8Array, count: number, hashes?: Int32Array): void {
    if (this.bits.length === 0) this.reserve(count);
    this.parts.push(ids);
    this.hashParts.push(hashes);
    this.starts.push(this.n);
    // Counted before the loop: nothing after it (code optimised on stack mid-loop met a property store
    // with no type feedback at its end, and V8 threw it away at each range's end).
    const base = this.n;
    this.n += count;
    const bits = this.bits;
    const mask = bits.length * 32 - 1;
    for (let j = 0; j < count; j++) {
      const b = (hashes === undefined ? this.hashOf(ids, 16 * j) : hashes[j]!) & mask;
      const word = bits[b >>> 5]!;
      const bit = 1 << (b & 31);
      if ((word & bit) === 0) bits[b >>> 5] = word | bit;
      else {
        if (this.c === this.candidates.length) {
          const grown = new Float64Array(2 * this.c);
          grown.set(this.candidates);
          this.candidates = grown;
        }
        this.candidates[this.c++] = base + j;
      }
    }
  }

  /** The part holding id number `index`, and the id's byte offset in it. */
  private locate(index: number): { ids: Uint8Array; at: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { ids: this.parts[lo]!, at: 16 * (index - this.starts[lo]!) };
  }

  /**
   * The first id number below `limit` whose id was already used, with the number of its first use;
   * undefined when the ids below `limit` are all distinct.
   */
  firstRepeat(limit: number): { readonly index: number; readonly first: number } | undefined {
    // The candidates' distinct ids (their bytes, by hash: open addressing), with the number of each
    // one's first use, and their hashes' high bits in a small bitmap (128 KB, held in cache) that lets
    // the read-through below skip ~97% of ids after hashing them.
    let slots = 16;
    while (slots < 2 * this.c) slots *= 2;
    const mask = slots - 1;
    const bytes = new Uint8Array(16 * slots);
    const hashes = new Int32Array(slots);
    const firstUse = new Float64Array(slots).fill(-2); // −2: empty slot, −1: not seen yet
    const filter = new Int32Array(1 << 15);
    /** The slot of the id at `ids[at..]` (hash `h`): its own, or the empty one where it would go. */
    const slotOf = (ids: Uint8Array, at: number, h: number): number => {
      for (let t = h & mask; ; t = (t + 1) & mask) {
        if (firstUse[t] === -2) return t;
        if (hashes[t] !== h) continue;
        let same = true;
        for (let k = 0; same && k < 16; k++) if (bytes[16 * t + k] !== ids[at + k]) same = false;
        if (same) return t;
      }
    };
    let any = false;
    for (let k = 0; k < this.c; k++) {
      const index = this.candidates[k]!;
      if (index >= limit) continue;
      any = true;
      const { ids, at } = this.locate(index);
      const h = this.hashOf(ids, at);
      const t = slotOf(ids, at, h);
      if (firstUse[t] !== -2) continue;
      firstUse[t] = -1;
      hashes[t] = h;
      bytes.set(ids.subarray(at, at + 16), 16 * t);
      const f = h >>> 12;
      filter[f >>> 5] = filter[f >>> 5]! | (1 << (f & 31));
    }
    if (!any) return undefined;
    for (let p = 0; p < this.parts.length; p++) {
      const ids = this.parts[p]!;
      const hashes = this.hashParts[p];
      const start = this.starts[p]!;
      const end = Math.min(limit, p + 1 < this.starts.length ? this.starts[p + 1]! : this.n);
      for (let index = start; index < end; index++) {
        const at = 16 * (index - start);
        const h = hashes === undefined ? this.hashOf(ids, at) : hashes[index - start]!;
        const f = h >>> 12;
        if ((filter[f >>> 5]! & (1 << (f & 31))) === 0) continue;
        const t = slotOf(ids, at, h);
        const first = firstUse[t]!;
        if (first === -2) continue; // not a candidate's id
        if (first >= 0) return { index, first };
        firstUse[t] = index;
      }
    }
    return undefined;
  }
}

/**
 * The seeded 32-bit hash of the event id at `ids[at..at+16)` that {@link IdSet} files ids by.
 * Self-contained (no reference outside its body): the range checkers' worker program runs its source
 * text (`chain-pool.ts`), so that a worker hashes the ids it reads, not the joining thread.
 * @example idHash(7, new Uint8Array(16), 0) === idHash(7, new Uint8Array(16), 0) // true
 */
export const idHash = (seed: number, ids: Uint8Array, at: number): number => {
  const w0 = (ids[at]! << 24) | (ids[at + 1]! << 16) | (ids[at + 2]! << 8) | ids[at + 3]!;
  const w1 = (ids[at + 4]! << 24) | (ids[at + 5]! << 16) | (ids[at + 6]! << 8) | ids[at + 7]!;
  const w2 = (ids[at + 8]! << 24) | (ids[at + 9]! << 16) | (ids[at + 10]! << 8) | ids[at + 11]!;
  const w3 = (ids[at + 12]! << 24) | (ids[at + 13]! << 16) | (ids[at + 14]! << 8) | ids[at + 15]!;
  let h = seed ^ Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ w1, 0xc2b2ae35);
  h = Math.imul(h ^ w2, 0x27d4eb2f);
  h ^= w3;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
};

/**
 * The id at `ids[at..at+16)` written as a UUID.
 * @example uuidOf(new Uint8Array(16), 0) // "00000000-0000-0000-0000-000000000000"
 */
export const uuidOf = (ids: Uint8Array, at: number): string => {
  const h = Buffer.from(ids.subarray(at, at + 16)).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
