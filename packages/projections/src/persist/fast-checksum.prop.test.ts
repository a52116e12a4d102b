import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockSums } from "./block-sums.js";
import { fastChecksum, wordsChecksum } from "./fast-checksum.js";

/** The checksum of bytes as one chunk, the reference the index file's block sums are made with. */
const whole = (b: Uint8Array): [number, number] => fastChecksum([b], 0);

describe("the index file's checksum (issue #12)", () => {
  it("law: a checksum of chunks is the checksum of their concatenation (split anywhere, skip honoured)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(8),
        (bytes, cuts, skip0) => {
          const skip = Math.min(skip0, bytes.length);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (const c of [...at, bytes.length]) {
            chunks.push(bytes.slice(from, Math.max(from, c)));
            from = Math.max(from, c);
          }
          // The skip applies to the first chunk only: keep it within that chunk.
          const s = Math.min(skip, chunks[0]?.length ?? 0);
          expect(fastChecksum(chunks, s)).toEqual(whole(bytes.subarray(s)));
        },
      ),
    );
  });

  it("law: the checksum of whole words over a view equals the chunk checksum of those bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), fc.nat(), fc.nat(), (raw, a, b) => {
        const bytes = raw.slice(0, raw.length & ~3);
        const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
        const from = words.length === 0 ? 0 : a % (words.length + 1);
        const to = from + (words.length === 0 ? 0 : b % (words.length - from + 1));
        const lanes = new Int32Array(2);
        wordsChecksum(words, from, to, lanes);
        const [l1, l2] = whole(bytes.subarray(4 * from, 4 * to));
        expect([(lanes[0] as number) >>> 0, (lanes[1] as number) >>> 0]).toEqual([l1, l2]);
      }),
    );
  });

  it("law: the block sums of chunks (split anywhere, views at any offset) are each block's checksum of their concatenation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 5 }),
        fc.constantFrom(4, 8, 12, 16),
        fc.boolean(),
        (parts, blockBytes, shifted) => {
          // A view one byte into its buffer is not word-aligned: summed as a chunk.
          const chunks = parts.map((p) => (shifted ? Uint8Array.of(0, ...p).subarray(1) : p));
          const all = Uint8Array.from(parts.flatMap((p) => [...p]));
          const blocks = Math.ceil(all.length / blockBytes);
          const expected = new Uint32Array(blocks * 2);
          for (let b = 0; b < blocks; b++) {
            const [l1, l2] = whole(all.subarray(b * blockBytes, (b + 1) * blockBytes));
            expected[2 * b] = l1;
            expected[2 * b + 1] = l2;
          }
          expect([...blockSums(chunks, blocks, blockBytes)]).toEqual([...expected]);
        },
      ),
    );
  });

  it("differs when a byte changes (a block's damage is seen)", () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) & 255);
    const words = new Int32Array(bytes.buffer);
    const lanes = new Int32Array(2);
    wordsChecksum(words, 0, 1024, lanes);
    const before = [lanes[0], lanes[1]];
    bytes[1000] = (bytes[1000] as number) ^ 1;
    wordsChecksum(words, 0, 1024, lanes);
    expect([lanes[0], lanes[1]]).not.toEqual(before);
  });
});
