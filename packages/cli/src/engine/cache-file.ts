import { readSync } from "node:fs";
import { IndexImageDamaged, type IndexImageSource } from "@coop-ledger/projections";
import { replaceFile } from "@coop-ledger/store";
import { DamagedIndexFile } from "./damaged-index.js";

// What the two cache files beside a ledger (the index `.idx`, the provenance table `.prov`) do alike:
// both are encoded images read piece by piece after they are opened, and written whole by rename.

/**
 * Reads `length` bytes at `position` of an open file into a fresh (8-aligned) buffer, or into `into`
 * when given (a scratch buffer of at least `length` bytes: a view of it is returned); shorter when the
 * file ends first (the image decoder then says which piece is missing).
 *
 * @example
 * import { openSync, writeFileSync } from "node:fs";
 * writeFileSync("bytes.bin", "abcdef");
 * readAt(openSync("bytes.bin", "r"), 2, 3) // Uint8Array [99, 100, 101] ("cde")
 * readAt(openSync("bytes.bin", "r"), 4, 2, new Uint8Array(16)) // Uint8Array [101, 102] ("ef"), a view of the scratch
 */
export const readAt = (fd: number, position: number, length: number, into?: Uint8Array): Uint8Array => {
  const out = into === undefined ? new Uint8Array(length) : into.subarray(0, length);
  let at = 0;
  while (at < length) {
    const k = readSync(fd, out, at, length - at, position + at);
    if (k === 0) return out.subarray(0, at);
    at += k;
  }
  return out;
};

/**
 * The source of an image opened from the cache file at `path`, every piece read later going through a
 * guard: a piece found damaged then (`IndexImageDamaged`) throws {@link DamagedIndexFile} naming the
 * file, so that the command runs again without the caches.
 *
 * @example
 * import { imageSourceOf } from "@coop-ledger/projections/internal";
 * const source = guardedSource("l.jsonl.idx", imageSourceOf(buildIndex([]).toImage()));
 * try {
 *   source.array("nothing");
 * } catch (e) {
 *   console.log(String(e)); // DamagedIndexFile: l.jsonl.idx: index image: array nothing missing
 * }
 */
export const guardedSource = (path: string, src: IndexImageSource): IndexImageSource => {
  const guard =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R => {
      try {
        return f(...a);
      } catch (e) {
        if (e instanceof IndexImageDamaged) throw new DamagedIndexFile(path, e.message);
        throw e;
      }
    };
  return {
    meta: src.meta,
    strings: guard(src.strings),
    ...(src.stringsText === undefined ? {} : { stringsText: guard(src.stringsText) }),
    array: guard(src.array),
    range: guard(src.range),
    ...(src.layers === undefined ? {} : { layers: src.layers.map((l) => guardedSource(path, l)) }),
  };
};

/**
 * Writes a cache file safely with the store's `replaceFile`: the chunks to a temporary file beside it,
 * flushed to disk, then renamed over the old one, so a reader sees the old file or the new one, never
 * half of one, and a crash leaves at worst a stray temporary file. False when it could not be written
 * (a read-only directory): the file is a cache, the command goes on without it.
 *
 * @example await writeCacheFile("l.jsonl.prov", [new Uint8Array([1, 2, 3])]) // true
 */
export const writeCacheFile = async (path: string, chunks: ReadonlyArray<Uint8Array>): Promise<boolean> => {
  try {
    await replaceFile(path, chunks);
    return true;
  } catch {
    return false;
  }
};
