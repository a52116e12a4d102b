import { ChunkedColumn } from "../bitemporal-index/chunked-column.js";
import type { EntrySpill } from "./entry-spill.js";

/**
 * A typed column written once (push) and read once in order (a {@link ColumnCursor}): what the
 * provenance builder needs of its entry columns, kept in memory ({@link ChunkedColumn}) or spilled
 * ({@link SpilledColumn}).
 * @example
 * import { memorySpill } from "../src/audit/entry-spill.js";
 * const c: EntryColumn = new SpilledColumn((n) => new Int32Array(n), memorySpill(), 2);
 * c.push(7);
 * c.cursor().next() // 7
 */
export interface EntryColumn {
  readonly length: number;
  push(v: number): void;
  /** Reads the entries from the first on (call `next` at most {@link length} times). */
  cursor(): ColumnCursor;
  drop(): void;
}

/**
 * Reads a column's entries in order.
 * @example
 * import { memorySpill } from "../src/audit/entry-spill.js";
 * const c = new SpilledColumn((n) => new Int32Array(n), memorySpill(), 2);
 * for (const v of [1, 2, 3]) c.push(v);
 * const r: ColumnCursor = c.cursor();
 * console.log(r.next(), r.next(), r.next()); // 1 2 3
 */
export interface ColumnCursor {
  next(): number;
}

/** A cursor over chunks given one by one (`chunk(k)`, k from 0): the entries of each in turn. */
class ChunkCursor<A extends Float64Array | Int32Array> implements ColumnCursor {
  private part: A | undefined;
  private at = 0;
  private k = 0;
  constructor(private readonly chunk: (k: number) => A) {}
  next(): number {
    if (this.part === undefined || this.at === this.part.length) {
      this.part = this.chunk(this.k++);
      this.at = 0;
    }
    return this.part[this.at++] as number;
  }
}

/**
 * A cursor over a {@link ChunkedColumn}'s entries in order.
 * @example
 * import { ChunkedColumn } from "../src/bitemporal-index/chunked-column.js";
 * const c = new ChunkedColumn((n) => new Int32Array(n), { smallBits: 1, smallChunks: 1, bigBits: 2 });
 * for (const v of [1, 2, 3]) c.push(v);
 * const r = chunkedCursor(c);
 * console.log(r.next(), r.next(), r.next()); // 1 2 3
 */
export const chunkedCursor = <A extends Float64Array | Int32Array>(c: ChunkedColumn<A>): ColumnCursor => {
  const parts = c.parts;
  return new ChunkCursor((k) => parts[k] as A);
};

/**
 * A column whose full chunks of `chunkEntries` go to an {@link EntrySpill} as they fill: it holds one
 * chunk (reused) while written, and one while read back, whatever its length. A chunk the spill cannot
 * take (its `append` throws: a full disk, a file the system closed) stays in memory instead: the spill
 * saves memory, it is never a reason for a build to fail.
 * @example
 * import { memorySpill } from "../src/audit/entry-spill.js";
 * const c = new SpilledColumn((n) => new Float64Array(n), memorySpill(), 2);
 * for (const v of [0.5, 1.5, 2.5]) c.push(v);
 * const r = c.cursor();
 * console.log(c.length, r.next(), r.next(), r.next()); // 3 0.5 1.5 2.5
 */
export class SpilledColumn<A extends Float64Array | Int32Array> implements EntryColumn {
  length = 0;
  private buffer: A;
  private fill = 0;
  // Each full chunk: its offset on the spill, or the chunk itself where the spill refused it.
  private readonly spilled: Array<number | A> = [];

  constructor(
    private readonly make: (n: number) => A,
    private readonly spill: EntrySpill,
    private readonly chunkEntries: number,
  ) {
    this.buffer = make(chunkEntries);
  }

  push(v: number): void {
    if (this.fill === this.chunkEntries) {
      const b = this.buffer;
      let at: number | undefined;
      try {
        at = this.spill.append(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      } catch {
        at = undefined;
      }
      if (at === undefined) {
        this.spilled.push(b);
        this.buffer = this.make(this.chunkEntries);
      } else this.spilled.push(at);
      this.fill = 0;
    }
    this.buffer[this.fill++] = v;
    this.length++;
  }

  cursor(): ColumnCursor {
    const into = this.make(this.chunkEntries);
    const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
    return new ChunkCursor((k) => {
      if (k < this.spilled.length) {
        const part = this.spilled[k] as number | A;
        if (typeof part !== "number") return part;
        this.spill.read(part, bytes);
        return into;
      }
      return this.buffer; // the last chunk, never spilled
    });
  }

  drop(): void {
    this.buffer = this.make(0);
    this.spilled.length = 0;
    this.length = 0;
    this.fill = 0;
  }
}

/**
 * A {@link ChunkedColumn} read by a cursor: the builder's columns when nothing is spilled (a small
 * ledger, a test, the browser).
 * @example
 * const c = new MemoryColumn((n) => new Int32Array(n));
 * c.push(4);
 * c.cursor().next() // 4
 */
export class MemoryColumn<A extends Float64Array | Int32Array>
  extends ChunkedColumn<A>
  implements EntryColumn
{
  cursor(): ColumnCursor {
    return chunkedCursor(this);
  }
}
