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
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  let carry = new Uint8Array(0);
  let first = true;
  for (const chunk of chunks) {
    let c = first ? chunk.subarray(skip) : chunk;
    first = false;
    if (carry.length > 0) {
      const joined = new Uint8Array(carry.length + c.length);
      joined.set(carry);
      joined.set(c, carry.length);
      c = joined;
    }
    const whole = c.length & ~3;
    let words: Int32Array;
    if ((c.byteOffset & 3) === 0) words = new Int32Array(c.buffer, c.byteOffset, whole >> 2);
    else words = new Int32Array(c.slice(0, whole).buffer);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as number;
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h2 >>> 13);
    }
    carry = c.slice(whole);
  }
  if (carry.length > 0) {
    const last = new Uint8Array(4);
    last.set(carry);
    const w = new Int32Array(last.buffer)[0] as number;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ w, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return [h1 >>> 0, h2 >>> 0];
};
