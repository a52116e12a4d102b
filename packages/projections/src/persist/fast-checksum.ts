/** The two lanes' starting values. */
const LANE1 = 0x811c9dc5 | 0;
const LANE2 = 0x9747b28c | 0;

/** Mixes the words `from … to` of `words` into the two lanes held in `lanes` (in place). */
const mix = (words: Int32Array, from: number, to: number, lanes: Int32Array): void => {
  let h1 = lanes[0] as number;
  let h2 = lanes[1] as number;
  for (let i = from; i < to; i++) {
    const w = words[i] as number;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h2 >>> 13);
  }
  lanes[0] = h1;
  lanes[1] = h2;
};

/**
 * A fast 64-bit checksum (two 32-bit FNV-1a-style lanes over little-endian 32-bit words, the tail bytes
 * zero-padded) of the bytes of `chunks` from byte `skip` of the first chunk on. It detects accidental
 * damage to a cache file (a torn write, a flipped bit, a truncation) at memory speed; it is not a
 * cryptographic hash (an index file is a local cache, rebuilt from the verified ledger; see
 * docs/index-format.md on trust).
 *
 * @example fastChecksum([new Uint8Array([1, 2, 3])], 0) // [lane1, lane2]
 */
export const fastChecksum = (chunks: ReadonlyArray<Uint8Array>, skip: number): [number, number] => {
  const lanes = Int32Array.of(LANE1, LANE2);
  let carry: Uint8Array | undefined;
  let first = true;
  for (const chunk of chunks) {
    let c = first ? chunk.subarray(skip) : chunk;
    first = false;
    if (carry !== undefined) {
      const joined = new Uint8Array(carry.length + c.length);
      joined.set(carry);
      joined.set(c, carry.length);
      c = joined;
    }
    const whole = c.length & ~3;
    let words: Int32Array;
    if ((c.byteOffset & 3) === 0) words = new Int32Array(c.buffer, c.byteOffset, whole >> 2);
    else words = new Int32Array(c.slice(0, whole).buffer);
    mix(words, 0, words.length, lanes);
    // Only bytes left over (not a whole word) are carried into the next chunk.
    carry = whole < c.length ? c.slice(whole) : undefined;
  }
  if (carry !== undefined) {
    const last = new Uint8Array(4);
    last.set(carry);
    mix(new Int32Array(last.buffer), 0, 1, lanes);
  }
  return [(lanes[0] as number) >>> 0, (lanes[1] as number) >>> 0];
};

/**
 * The {@link fastChecksum} of whole words, `words[from … to)`, written into `lanes` (read them as
 * `lanes[0] >>> 0`, `lanes[1] >>> 0`), allocating nothing: how the index reader checks each 4 KiB
 * block it reads (thousands an extension), over one view of the bytes read.
 * @example
 * const bytes = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
 * const lanes = new Int32Array(2);
 * wordsChecksum(new Int32Array(bytes.buffer), 1, 2, lanes);
 * const unsigned = Array.from(lanes, (x) => x >>> 0);
 * console.log(unsigned.join() === fastChecksum([bytes.subarray(4)], 0).join()); // true
 */
export const wordsChecksum = (words: Int32Array, from: number, to: number, lanes: Int32Array): void => {
  lanes[0] = LANE1;
  lanes[1] = LANE2;
  mix(words, from, to, lanes);
};
