/**
 * The chunk sizes of a {@link ChunkedColumn}: `smallChunks` chunks of `2^smallBits` entries, then chunks of
 * `2^bigBits` entries.
 * @example const plan: ChunkPlan = { smallBits: 2, smallChunks: 2, bigBits: 4 }; // 4, 4, then 16 a chunk
 */
export interface ChunkPlan {
  readonly smallBits: number;
  readonly smallChunks: number;
  readonly bigBits: number;
}

/**
 * The first build's plan: two chunks of 65,536 entries (a small index's columns stay small), then chunks
 * of 8,388,608 entries: 32 MiB of i32 or 64 MiB of f64, not below the largest threshold (32 MiB) from
 * which glibc's `malloc` maps a block of its own. A smaller block comes from the process's heap once
 * that threshold has risen (to the size of each mapped block freed, up to 32 MiB), and freed, it stays
 * resident as a hole the later, larger arrays do not fit in: the staged deltas and provenance entries
 * (60 bytes a delta, in 256 and 512 KiB chunks) were let go of after the feed but stayed in the resident
 * set to the end (issue #12: peak RSS of a 400k first build 623–662 → 573–604 MiB, national 1,778 →
 * 1,480 MiB). A mapped block is given back to the system when freed, and its pages are committed only
 * as they are written: the last chunk's unused part costs no memory.
 * @example CHUNK_PLAN.bigBits // 23
 */
export const CHUNK_PLAN: ChunkPlan = { smallBits: 16, smallChunks: 2, bigBits: 23 };

/**
 * A growable typed column kept as chunks (see {@link CHUNK_PLAN}): appending never copies, so a national
 * build's columns (~8 M entries) neither carry a doubling's unused half nor, while one doubles, the old
 * array beside the new one. {@link drop} lets go of it once it has been used.
 * @example
 * const c = new ChunkedColumn((n) => new Int32Array(n), { smallBits: 1, smallChunks: 1, bigBits: 2 });
 * for (let i = 0; i < 7; i++) c.push(i * 10);
 * console.log(c.length, c.at(6), c.parts.map((p) => p.length)); // 7 60 [2, 4, 4]
 */
export class ChunkedColumn<A extends Float64Array | Int32Array> {
  /** Number of entries. */
  length = 0;
  private chunks: A[] = [];
  /** The chunk written to, where it starts and ends (in entries of the column). */
  private last: A | undefined = undefined;
  private lastStart = 0;
  private lastEnd = 0;
  private readonly smallTotal: number;

  /** A column whose chunks `make` allocates, sized by `plan`. */
  constructor(
    private readonly make: (n: number) => A,
    private readonly plan: ChunkPlan = CHUNK_PLAN,
  ) {
    this.smallTotal = plan.smallChunks * 2 ** plan.smallBits;
  }

  /** Appends an entry. */
  push(v: number): void {
    if (this.length === this.lastEnd) this.grow();
    (this.last as A)[this.length - this.lastStart] = v;
    this.length++;
  }

  /** The entry at `i` (below {@link length}). */
  at(i: number): number {
    const p = this.plan;
    if (i < this.smallTotal)
      return (this.chunks[i >>> p.smallBits] as A)[i & ((1 << p.smallBits) - 1)] as number;
    const j = i - this.smallTotal;
    return (this.chunks[p.smallChunks + (j >>> p.bigBits)] as A)[j & ((1 << p.bigBits) - 1)] as number;
  }

  /** The chunks in order: each full but the last, which holds the entries up to {@link length}. */
  get parts(): ReadonlyArray<A> {
    return this.chunks;
  }

  /** Lets go of every entry. */
  drop(): void {
    this.chunks = [];
    this.last = undefined;
    this.length = 0;
    this.lastStart = 0;
    this.lastEnd = 0;
  }

  private grow(): void {
    const p = this.plan;
    const n = 2 ** (this.chunks.length < p.smallChunks ? p.smallBits : p.bigBits);
    const c = this.make(n);
    this.chunks.push(c);
    this.last = c;
    this.lastStart = this.lastEnd;
    this.lastEnd += n;
  }
}
