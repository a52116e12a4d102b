import { fastChecksum, wordsChecksum } from "./fast-checksum.js";

/**
 * The whole 32-bit words of `bytes` as a view, when they start at a multiple of four (else undefined:
 * the caller checksums them as a chunk).
 * @example wordsOf(new Uint8Array(10))?.length // 2 (the last two bytes are not a whole word)
 */
export const wordsOf = (bytes: Uint8Array): Int32Array | undefined =>
  bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : undefined;

/**
 * The checksum ({@link fastChecksum}, two lanes) of each `blockBytes` block of a data area given as
 * chunks, laid out as an index file stores them (lane 1, lane 2, block after block). Each chunk's blocks
 * are summed over one view of its words, no array made a block (a national image is ~180,000 blocks);
 * a block spanning chunks is gathered first.
 * @example
 * const data = [new Uint8Array(6000), new Uint8Array(2192)]; // 8,192 zero bytes: two 4 KiB blocks
 * const sums = blockSums(data, 2, 4096);
 * console.log(sums.length, sums[0] === sums[2]); // 4 true (two equal blocks, however the chunks split them)
 */
export const blockSums = (
  data: ReadonlyArray<Uint8Array>,
  blocks: number,
  blockBytes: number,
): Uint32Array => {
  const sums = new Uint32Array(blocks * 2);
  const block = new Uint8Array(blockBytes);
  const lanes = new Int32Array(2);
  let fill = 0;
  let b = 0;
  /** Sums bytes `at … end` of `bytes`: over `words` (a view of them) when whole words, else as a chunk. */
  const emit = (bytes: Uint8Array, words: Int32Array | undefined, at: number, end: number): void => {
    if (words !== undefined && at % 4 === 0 && end % 4 === 0) wordsChecksum(words, at >> 2, end >> 2, lanes);
    else lanes.set(fastChecksum([bytes.subarray(at, end)], 0));
    sums[2 * b] = lanes[0] as number;
    sums[2 * b + 1] = lanes[1] as number;
    b++;
  };
  const blockWords = wordsOf(block);
  for (const c of data) {
    const words = wordsOf(c);
    let i = 0;
    while (i < c.length) {
      if (fill === 0 && c.length - i >= blockBytes) {
        emit(c, words, i, i + blockBytes);
        i += blockBytes;
        continue;
      }
      const n = Math.min(blockBytes - fill, c.length - i);
      block.set(c.subarray(i, i + n), fill);
      fill += n;
      i += n;
      if (fill === blockBytes) {
        emit(block, blockWords, 0, blockBytes);
        fill = 0;
      }
    }
  }
  if (fill > 0) emit(block, blockWords, 0, fill);
  return sums;
};
