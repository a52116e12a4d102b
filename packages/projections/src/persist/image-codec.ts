import * as E from "fp-ts/lib/Either.js";
import {
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
} from "../bitemporal-index/index-image.js";
import { blockSums, wordsOf } from "./block-sums.js";
import { fastChecksum, wordsChecksum } from "./fast-checksum.js";

/**
 * The version of the persisted index's byte layout. Bump it on any change to the layout or to the
 * arrays' meaning; a reader rebuilds (never reads) an index of another version. Each version's change is
 * listed in docs/index-format.md ("Versioning rule"); the last, 9: each stream fold carries its last
 * arrival's facts (`arrival`, twelve members), so that the retraction of a duplicate entered twice is
 * folded from the fold (`foldRetractedDuplicate`) instead of reading the stream back.
 * @example INDEX_FORMAT_VERSION // 9
 */
export const INDEX_FORMAT_VERSION = 9;

/**
 * The version of what the index computes: the fold, the series keys, the cells. Bump it whenever a
 * change to the projections would give different columns from the same events (a persisted index of
 * another model version is stale and rebuilt). Separate from the layout so that the reason is clear.
 * @example INDEX_MODEL_VERSION // 5
 */
// 2: the fold traces 2025 communes through the shipped commune transfer table (was: no table).
// 3: a fiscal year's annual stocks stay in the cell of the year's last day (were: moved with the co-op).
// 4: series for the indicators added for the seeds (weak, suspended, reorganised, advised foundings,
//    high technology, value-chain co-ops, workers, revenue and profit levels, participants, alliance members).
// 5: member income per member (series memberIncomeWeighted, memberIncomeMembers).
export const INDEX_MODEL_VERSION = 5;

// The package has no DOM or Node typings (it does no I/O); the UTF-8 codecs are standard globals.
const { TextEncoder, TextDecoder } = globalThis as unknown as {
  TextEncoder: new () => { encode: (s: string) => Uint8Array };
  TextDecoder: new () => { decode: (b: Uint8Array) => string };
};

const MAGIC = "COOPLIDX";
const FIXED = 32;
/**
 * The data area is checked in blocks of this many bytes (a reader reads and checks the whole blocks
 * its bytes lie in, once each). Small, because the reads are small: a column's slice of an array.
 */
const INDEX_BLOCK_BYTES = 1 << 12;

/** Why persisted index bytes were not accepted (the caller rebuilds the index). */
export type ImageDecodeError =
  | { readonly _tag: "NotAnIndex"; readonly message: string }
  | {
      readonly _tag: "OtherVersion";
      readonly formatVersion: number;
      readonly modelVersion: number;
      readonly message: string;
    }
  | { readonly _tag: "Corrupt"; readonly message: string };

type SectionType = "f64" | "i32" | "json";

interface SectionEntry {
  readonly name: string;
  readonly type: SectionType;
  /** Byte offset from the start of the data area (8-aligned). */
  readonly offset: number;
  /** Elements (bytes for "json"). */
  readonly length: number;
}

interface Header {
  readonly formatVersion: number;
  readonly modelVersion: number;
  readonly meta: IndexImage["meta"];
  readonly extra: unknown;
  readonly blocks: number;
  readonly sections: ReadonlyArray<SectionEntry>;
}

const pad8 = (n: number): number => (n + 7) & ~7;
const width = (t: SectionType): number => (t === "f64" ? 8 : t === "i32" ? 4 : 1);
const STRING_SECTIONS = { cellKeys: "strings.cellKeys", streamIds: "strings.streamIds" } as const;

/**
 * Encodes an index image (and the caller's `extra`, any JSON: the CLI puts the ledger identity there)
 * as bytes: a 32-byte fixed header (magic `COOPLIDX`, layout version, header length, total length,
 * checksum of everything up to the data area), a JSON header (versions, meta, extra, the section
 * table), the checksums of the data area's 4 KiB blocks, then the data area: each array's raw
 * little-endian bytes at an 8-aligned offset (a reader maps them as typed arrays without a copy) and the
 * string tables as JSON. Returned as chunks to write in order. docs/index-format.md describes it.
 *
 * @example const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const chunks = encodeIndexImage(buildIndex(events).toImage(), { ledger: "x.jsonl" }); // written in order
 * console.log(decodeIndexImage(new Uint8Array(Buffer.concat(chunks)))._tag); // "Right"
 */
export const encodeIndexImage = (image: IndexImage, extra: unknown): Uint8Array[] => {
  const payload: Array<{ name: string; type: SectionType; bytes: Uint8Array; length: number }> = [];
  for (const name of Object.keys(image.arrays).sort()) {
    const a = image.arrays[name] as Float64Array | Int32Array;
    payload.push({
      name,
      type: a instanceof Float64Array ? "f64" : "i32",
      bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
      length: a.length,
    });
  }
  for (const [k, name] of Object.entries(STRING_SECTIONS)) {
    const bytes = new TextEncoder().encode(JSON.stringify(image.strings[k as keyof typeof STRING_SECTIONS]));
    payload.push({ name, type: "json", bytes, length: bytes.length });
  }
  const sections: SectionEntry[] = [];
  let at = 0;
  for (const p of payload) {
    sections.push({ name: p.name, type: p.type, offset: at, length: p.length });
    at = pad8(at + p.bytes.length);
  }
  const dataBytes = at;
  const blocks = Math.ceil(dataBytes / INDEX_BLOCK_BYTES);
  const header = new TextEncoder().encode(
    JSON.stringify({
      formatVersion: INDEX_FORMAT_VERSION,
      modelVersion: INDEX_MODEL_VERSION,
      meta: image.meta,
      extra,
      blocks,
      sections,
    } satisfies Header),
  );
  const sumsAt = pad8(FIXED + header.length);
  const dataStart = pad8(sumsAt + blocks * 8);
  // The data area as chunks (views, no copies), with the zero padding between sections.
  const data: Uint8Array[] = [];
  let written = 0;
  payload.forEach((p, i) => {
    const s = sections[i] as SectionEntry;
    if (s.offset > written) data.push(new Uint8Array(s.offset - written));
    data.push(p.bytes);
    written = s.offset + p.bytes.length;
  });
  if (dataBytes > written) data.push(new Uint8Array(dataBytes - written));
  const sums = blockSums(data, blocks, INDEX_BLOCK_BYTES);
  const head = new Uint8Array(dataStart);
  head.set(new TextEncoder().encode(MAGIC), 0);
  const dv = new DataView(head.buffer);
  dv.setUint32(8, INDEX_FORMAT_VERSION, true);
  dv.setUint32(12, header.length, true);
  dv.setFloat64(16, dataStart + dataBytes, true);
  head.set(header, FIXED);
  head.set(new Uint8Array(sums.buffer), sumsAt);
  const sum = fastChecksum([head], FIXED);
  dv.setUint32(24, sum[0], true);
  dv.setUint32(28, sum[1], true);
  return [head, ...data];
};

/**
 * Reads `length` bytes at `position` of a persisted index (a positioned read of the file; it may return
 * fewer bytes only at the end of the file). Given `into` (at least `length` bytes), a reader may read
 * into it and return a view of it rather than a fresh array: the decoder passes a scratch buffer for
 * the blocks it only checks and copies out the bytes asked for.
 */
export type ReadIndexBytes = (position: number, length: number, into?: Uint8Array) => Uint8Array;

/**
 * The most bytes of blocks read into the scratch buffer to check them (a read of whole blocks for a
 * few bytes of them: a stream's fold or positions, a cell's columns); a longer read (an array read
 * whole) is read into its own array as before. An extension reads ~5,000 such pieces at national scale,
 * each a fresh 4–8 KiB array before, ~30 MB of short-lived memory for ~5 MB kept.
 */
const SCRATCH_BYTES = 1 << 16;

/**
 * Opens a persisted index (see {@link encodeIndexImage}) by reading only its headers: checks the magic,
 * both versions, the length and the headers' checksum. Everything else is read when asked for, through
 * the returned {@link IndexImageSource}, each 4 KiB block checked the first time it is read (a damaged
 * one throws {@link IndexImageDamaged}). Left when the headers do not match: the caller rebuilds.
 * `size` is the number of bytes from the image's start to the end of the file: more may follow the
 * image (the extension images appended after it); {@link OpenedIndexImage.bytes} says where it ends.
 * @example const bytes = Buffer.concat(encodeIndexImage(buildIndex([]).toImage(), { ledger: "l.jsonl" }));
 * const r = openIndexImage((p, n) => Uint8Array.from(bytes.subarray(p, p + n)), bytes.length); // fresh, 8-aligned
 * if (E.isRight(r)) console.log(r.right.extra, r.right.source.meta.events); // { ledger: "l.jsonl" } 0
 */
export const openIndexImage = (
  read: ReadIndexBytes,
  size: number,
): E.Either<ImageDecodeError, OpenedIndexImage> => {
  if (size < FIXED) return E.left({ _tag: "NotAnIndex", message: "not a coop-ledger index file" });
  const fixed = read(0, FIXED);
  if (fixed.length < FIXED || new TextDecoder().decode(fixed.subarray(0, 8)) !== MAGIC)
    return E.left({ _tag: "NotAnIndex", message: "not a coop-ledger index file" });
  const dv = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  const formatVersion = dv.getUint32(8, true);
  const headerLength = dv.getUint32(12, true);
  const total = dv.getFloat64(16, true);
  if (formatVersion !== INDEX_FORMAT_VERSION)
    return E.left({
      _tag: "OtherVersion",
      formatVersion,
      modelVersion: -1,
      message: `index format ${formatVersion}; this coop-ledger reads format ${INDEX_FORMAT_VERSION}`,
    });
  if (!(total <= size) || total % 8 !== 0 || FIXED + headerLength > total)
    return E.left({ _tag: "Corrupt", message: `index length ${size}, its header says ${total}` });
  const headerBytes = read(FIXED, headerLength);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(headerBytes)) as Header;
  } catch {
    return E.left({ _tag: "Corrupt", message: "the index header is not JSON" });
  }
  const blocks = Number(header.blocks);
  if (!Number.isSafeInteger(blocks) || blocks < 0 || !Array.isArray(header.sections))
    return E.left({ _tag: "Corrupt", message: "the index header is malformed" });
  const sumsAt = pad8(FIXED + headerLength);
  const dataStart = pad8(sumsAt + blocks * 8);
  if (dataStart > total) return E.left({ _tag: "Corrupt", message: "the index header runs past the end" });
  const head = read(FIXED, dataStart - FIXED);
  const sum = fastChecksum([head], 0);
  if (sum[0] !== dv.getUint32(24, true) || sum[1] !== dv.getUint32(28, true))
    return E.left({
      _tag: "Corrupt",
      message: "the index file's header checksum does not match its content",
    });
  if (header.modelVersion !== INDEX_MODEL_VERSION)
    return E.left({
      _tag: "OtherVersion",
      formatVersion,
      modelVersion: header.modelVersion,
      message: `index model ${header.modelVersion}; this coop-ledger computes model ${INDEX_MODEL_VERSION}`,
    });
  const dataBytes = total - dataStart;
  if (Math.ceil(dataBytes / INDEX_BLOCK_BYTES) !== blocks)
    return E.left({ _tag: "Corrupt", message: "the index's data area does not match its block count" });
  // The blocks' checksums as a view of the headers read (1.4 MB at national scale: not copied again).
  const sumsOffset = head.byteOffset + sumsAt - FIXED;
  const sums =
    sumsOffset % 4 === 0 && head.length >= sumsAt - FIXED + blocks * 8
      ? new Uint32Array(head.buffer, sumsOffset, blocks * 2)
      : new Uint32Array(head.slice(sumsAt - FIXED, sumsAt - FIXED + blocks * 8).buffer);
  const byName = new Map<string, SectionEntry>();
  for (const s of header.sections) {
    if (s.offset % 8 !== 0 || s.offset + s.length * width(s.type) > dataBytes)
      return E.left({ _tag: "Corrupt", message: `index section ${s.name} runs past the end` });
    byName.set(s.name, s);
  }
  const checked = new Uint8Array(blocks);
  const lanes = new Int32Array(2);
  let scratchBuffer: Uint8Array | undefined;
  /** The bytes `from … to` of the data area, each block they lie in checked once. */
  const dataRange = (from: number, to: number, what: string): Uint8Array => {
    if (to <= from) return new Uint8Array(0);
    const b0 = Math.floor(from / INDEX_BLOCK_BYTES);
    const b1 = Math.ceil(to / INDEX_BLOCK_BYTES);
    let allChecked = true;
    for (let b = b0; b < b1 && allChecked; b++) if (checked[b] === 0) allChecked = false;
    if (allChecked) {
      const bytes = read(dataStart + from, to - from);
      if (bytes.length !== to - from)
        throw new IndexImageDamaged(`index ${what}: the file is shorter than it said`);
      return bytes;
    }
    const lo = b0 * INDEX_BLOCK_BYTES;
    const hi = Math.min(b1 * INDEX_BLOCK_BYTES, dataBytes);
    // Blocks read only to be checked go to the scratch buffer; the bytes asked for are copied out.
    const scratch = hi - lo <= SCRATCH_BYTES;
    if (scratch) scratchBuffer ??= new Uint8Array(SCRATCH_BYTES);
    const bytes = scratch ? read(dataStart + lo, hi - lo, scratchBuffer) : read(dataStart + lo, hi - lo);
    if (bytes.length !== hi - lo)
      throw new IndexImageDamaged(`index ${what}: the file is shorter than it said`);
    // Whole words (every block is, the data area being a multiple of 8 bytes): each block checked over
    // one view of the bytes read, no arrays made a block; otherwise block by block as chunks.
    const words = bytes.length % 4 === 0 ? wordsOf(bytes) : undefined;
    for (let b = b0; b < b1; b++) {
      if (checked[b] === 1) continue;
      const at = (b - b0) * INDEX_BLOCK_BYTES;
      const end = Math.min(at + INDEX_BLOCK_BYTES, bytes.length);
      if (words !== undefined) wordsChecksum(words, at >> 2, end >> 2, lanes);
      else lanes.set(fastChecksum([bytes.subarray(at, end)], 0));
      if ((lanes[0] as number) >>> 0 !== sums[2 * b] || (lanes[1] as number) >>> 0 !== sums[2 * b + 1])
        throw new IndexImageDamaged(
          `index ${what}: block ${b} does not match its checksum (the file is damaged)`,
        );
      checked[b] = 1;
    }
    // A copy (fresh, so 8-aligned) when read into the scratch buffer: it is reused by the next read.
    return scratch ? bytes.slice(from - lo, to - lo) : bytes.subarray(from - lo, to - lo);
  };
  const section = (name: string): SectionEntry => {
    const s = byName.get(name);
    if (s === undefined) throw new IndexImageDamaged(`index image: array ${name} missing`);
    return s;
  };
  const range = (name: string, from: number, to: number): Float64Array | Int32Array => {
    const s = section(name);
    if (s.type === "json") throw new IndexImageDamaged(`index image: ${name} is not an array`);
    const w = width(s.type);
    const lo = Math.max(0, Math.min(from, s.length));
    const hi = Math.max(lo, Math.min(to, s.length));
    const bytes = dataRange(s.offset + lo * w, s.offset + hi * w, name);
    // A view when aligned (reads land in fresh buffers at a block boundary), a copy otherwise.
    const b = bytes.byteOffset % w === 0 ? bytes : bytes.slice();
    return s.type === "f64"
      ? new Float64Array(b.buffer, b.byteOffset, hi - lo)
      : new Int32Array(b.buffer, b.byteOffset, hi - lo);
  };
  const whole = new Map<string, Float64Array | Int32Array>();
  const array = (name: string): Float64Array | Int32Array => {
    let a = whole.get(name);
    if (a === undefined) {
      a = range(name, 0, section(name).length);
      whole.set(name, a);
    }
    return a;
  };
  const stringsText = (k: keyof IndexImage["strings"]): Uint8Array => {
    const s = section(STRING_SECTIONS[k]);
    return dataRange(s.offset, s.offset + s.length, s.name);
  };
  const strings = (k: keyof IndexImage["strings"]): ReadonlyArray<string> => {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(stringsText(k)));
    if (!Array.isArray(parsed))
      throw new IndexImageDamaged(`index image: ${STRING_SECTIONS[k]} is not a list`);
    return parsed as string[];
  };
  return E.right({
    source: { meta: header.meta, strings, stringsText, array, range },
    bytes: total,
    extra: header.extra,
    arrays: header.sections.filter((s) => s.type !== "json").map((s) => s.name),
    checkAll: () => {
      dataRange(0, dataBytes, "data area");
    },
  });
};

/** A persisted index opened by {@link openIndexImage}. */
export interface OpenedIndexImage {
  /** The image, read piece by piece. */
  readonly source: IndexImageSource;
  /** The image's length in bytes (an extension image may follow it). */
  readonly bytes: number;
  /** What the writer put beside the image (the CLI: the ledger identity it covers). */
  readonly extra: unknown;
  /** The names of the arrays it holds. */
  readonly arrays: ReadonlyArray<string>;
  /** Reads and checks every block (throws {@link IndexImageDamaged} on the first damaged one). */
  readonly checkAll: () => void;
}

/**
 * Decodes persisted index bytes held whole in memory (see {@link encodeIndexImage}): checks the magic,
 * both versions, the length and every checksum, then maps the arrays. Left when anything does not
 * match: the caller rebuilds the index, never trusts it.
 *
 * @example const events = asRecorded(generateLedger({ preset: "province", seed: 7, from: "2013-01-01", to: "2013-12-31" }));
 * const bytes = new Uint8Array(Buffer.concat(encodeIndexImage(buildIndex(events).toImage(), { ledger: "l.jsonl" })));
 * bytes.set(bytes.subarray(5000, 5008).map((b) => 255 - b), 5000); // eight bytes changed: refused, never trusted
 * console.log(decodeIndexImage(bytes)._tag); // "Left"
 */
export const decodeIndexImage = (
  bytes: Uint8Array,
): E.Either<ImageDecodeError, { readonly image: IndexImage; readonly extra: unknown }> => {
  // Positioned reads copy into fresh (aligned) buffers, as a file read would.
  const opened = openIndexImage((p, n) => bytes.slice(p, p + n), bytes.length);
  if (E.isLeft(opened)) return opened;
  if (opened.right.bytes !== bytes.length)
    return E.left({
      _tag: "Corrupt",
      message: `index length ${bytes.length}, its header says ${opened.right.bytes}`,
    });
  const { source, extra } = opened.right;
  try {
    opened.right.checkAll();
    const arrays: Record<string, Float64Array | Int32Array> = {};
    for (const n of opened.right.arrays) arrays[n] = source.array(n);
    return E.right({
      image: {
        meta: source.meta,
        strings: { cellKeys: source.strings("cellKeys"), streamIds: source.strings("streamIds") },
        arrays,
      },
      extra,
    });
  } catch (e) {
    return E.left({ _tag: "Corrupt", message: e instanceof Error ? e.message : String(e) });
  }
};
