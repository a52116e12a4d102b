/**
 * The streams a strict range check meets, interned by their bytes (a string made and hashed per line
 * was the largest single cost of a worker's profile). One interner a thread, made once with the
 * thread's read buffer and stream table, so that the range checker's loop calls the same function on
 * every range (see `makeRangeChecker`).
 *
 * Self-contained (no reference outside its body, only built-ins): the worker program defines it from
 * its source text and hands it to the checker in its deps (`RangeDeps.interner`, see `chain-pool.ts`).
 */
import type { StreamTable } from "./chain-range-types.js";

/**
 * Interns streams by their bytes in `buf` into a {@link StreamTable}: `intern(a, b)` gives the index
 * of the name whose canonical string token is buf[a − 1, b + 1), adding it when new; the names met
 * first since the last `reset()` are in `met`, in the order of their indices.
 * @example
 * const buf = Buffer.from('"coop-1","coop-2","coop-1","type"');
 * const table: StreamTable = { slots: new Int32Array(8 * 1024), keys: new Uint8Array(16 * 1024), starts: [], used: 0, count: 0 };
 * const s = streamInterner(table, buf);
 * console.log(s.intern(1, 7), s.intern(10, 16), s.intern(19, 25), s.met.length, s.met[1]); // 0 1 0 2 "coop-2"
 */
export interface StreamInterner {
  intern(a: number, b: number): number;
  /** The names met first since the last reset (the table's indices from its count at that reset). */
  readonly met: string[];
  /** Starts a new list of names met first (a new range). */
  reset(): void;
}

/**
 * An interner over `buffer` and `table` (see {@link StreamInterner}). An open-addressing table hashed
 * with a random seed (the table's own), eight ints a slot (stream index + 1, the bytes' hash, their
 * length, and their first 20 bytes as five little-endian words, zero after the end), so that a lookup
 * reads one slot (one cache line, where a slot pointing at the bytes elsewhere cost two misses a
 * line); a longer name's rest is compared in `keys`. Content is canonical by then (one escaping per
 * string), so equal bytes are equal names and vice versa. The table is the caller's: a worker keeps
 * one across the ranges it checks (a stream is decoded and named once a worker, not once a range),
 * and the caller maps each table's indices to ledger-wide streams by name.
 * @example
 * const buf = Buffer.from('"a\\u0062"');
 * const table: StreamTable = { slots: new Int32Array(8 * 1024), keys: new Uint8Array(16 * 1024), starts: [], used: 0, count: 0 };
 * const s = streamInterner(table, buf);
 * console.log(s.intern(1, 8), s.met[0]); // 0 "ab" (an escape is decoded by JSON.parse)
 */
export const streamInterner = (table: StreamTable, buffer: Buffer): StreamInterner => {
  const buf = buffer;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.length);
  table.seed ??= Math.floor(Math.random() * 0x100000000) | 0;
  const seed = table.seed;
  const bytesHash = (a: number, b: number): number => {
    let h = seed ^ 0x811c9dc5;
    for (let k = a; k < b; k++) h = Math.imul(h ^ (buf[k] as number), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 13);
  };
  /** A stream not seen before (its own function: the lookup stays small and hot). */
  const add = (a: number, b: number, h: number, free: number): number => {
    const si = table.count++;
    // An escape only through JSON.parse (the exact decoding).
    let esc = false;
    for (let k = a; k < b; k++) if (buf[k] === 92) esc = true;
    s.met.push(esc ? (JSON.parse(buf.toString("utf8", a - 1, b + 1)) as string) : buf.toString("utf8", a, b));
    if (table.used + (b - a) > table.keys.length) {
      const kb = new Uint8Array(Math.max(2 * table.keys.length, table.used + (b - a)));
      kb.set(table.keys);
      table.keys = kb;
    }
    table.starts.push(table.used);
    for (let k = a; k < b; k++) table.keys[table.used++] = buf[k] as number;
    let slot = free;
    if (2 * (si + 1) > table.slots.length / 8) {
      const old = table.slots;
      const grown = new Int32Array(2 * old.length);
      const mask = grown.length / 8 - 1;
      for (let x = 0; x < old.length; x += 8) {
        if (old[x] === 0) continue;
        let q = old[x + 1]! & mask;
        while (grown[8 * q] !== 0) q = (q + 1) & mask;
        grown.set(old.subarray(x, x + 8), 8 * q);
      }
      table.slots = grown;
      slot = h & mask;
      while (grown[8 * slot] !== 0) slot = (slot + 1) & mask;
    }
    const x = 8 * slot;
    const slots = table.slots;
    slots[x] = si + 1;
    slots[x + 1] = h;
    slots[x + 2] = b - a;
    for (let k = 0; k < 20 && a + k < b; k++)
      slots[x + 3 + (k >> 2)]! |= (buf[a + k] as number) << (8 * (k & 3));
    return si;
  };
  const s = {
    met: [] as string[],
    reset(): void {
      s.met = [];
    },
    /**
     * The words are read through the view: the last one may take up to three bytes after the name
     * (its closing quote and the `type` member that follows it in a canonical line), masked off.
     */
    intern(a: number, b: number): number {
      const h = bytesHash(a, b);
      const len = b - a;
      const inline = Math.min(len, 20);
      const whole = inline >> 2;
      const tail = inline & 3 ? (1 << (8 * (inline & 3))) - 1 : 0;
      const slots = table.slots;
      const mask = slots.length / 8 - 1;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const x = 8 * slot;
        const t = slots[x]!;
        if (t === 0) return add(a, b, h, slot);
        if (slots[x + 1] !== h || slots[x + 2] !== len) continue;
        let q = 0;
        while (q < whole && dv.getInt32(a + 4 * q, true) === slots[x + 3 + q]) q++;
        if (q < whole || (tail !== 0 && (dv.getInt32(a + 4 * q, true) & tail) !== slots[x + 3 + q])) continue;
        if (len <= 20) return t - 1;
        const ks = table.starts[t - 1]!;
        let k = 20;
        while (k < len && table.keys[ks + k] === buf[a + k]) k++;
        if (k === len) return t - 1;
      }
    },
  };
  return s;
};
