import * as E from "fp-ts/lib/Either.js";
import type { IndexImage } from "../index/index-image.js";
import { fastChecksum } from "./fast-checksum.js";

/**
 * The version of the persisted index's byte layout. Bump it on any change to the layout or to the
 * arrays' meaning; a reader rebuilds (never reads) an index of another version.
 * @example INDEX_FORMAT_VERSION // 1
 */
export const INDEX_FORMAT_VERSION = 1;

/**
 * The version of what the index computes: the fold, the series keys, the cells. Bump it whenever a
 * change to the projections would give different columns from the same events (a persisted index of
 * another model version is stale and rebuilt). Separate from the layout so that the reason is clear.
 * @example INDEX_MODEL_VERSION // 1
 */
export const INDEX_MODEL_VERSION = 1;

// The package has no DOM or Node typings (it does no I/O); the UTF-8 codecs are standard globals.
const { TextEncoder, TextDecoder } = globalThis as unknown as {
  TextEncoder: new () => { encode: (s: string) => Uint8Array };
  TextDecoder: new () => { decode: (b: Uint8Array) => string };
};

const MAGIC = "COOPLIDX";
const FIXED = 32;

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

interface SectionEntry {
  readonly name: string;
  readonly type: "f64" | "i32";
  readonly offset: number;
  readonly length: number;
}

const pad8 = (n: number): number => (n + 7) & ~7;

/**
 * Encodes an index image (and the caller's `extra`, any JSON: the CLI puts the ledger identity there)
 * as bytes: a 32-byte fixed header (magic `COOPLIDX`, layout version, header length, total length,
 * checksum of everything after the fixed header), a JSON header (versions, meta, strings, extra, the
 * section table), then each array's raw little-endian bytes at an 8-aligned offset, so that a reader
 * maps them as typed arrays without a copy. Returned as chunks to write in order. docs/index-format.md
 * describes it.
 *
 * @example const chunks = encodeIndexImage(index.toImage(), { ledger: "x.jsonl" });
 */
export const encodeIndexImage = (image: IndexImage, extra: unknown): Uint8Array[] => {
  const names = Object.keys(image.arrays).sort();
  // Section offsets are relative to the start of the data area (after the fixed and JSON headers).
  const sections: SectionEntry[] = [];
  let at = 0;
  for (const name of names) {
    const a = image.arrays[name] as Float64Array | Int32Array;
    sections.push({ name, type: a instanceof Float64Array ? "f64" : "i32", offset: at, length: a.length });
    at = pad8(at + a.byteLength);
  }
  const header = new TextEncoder().encode(
    JSON.stringify({
      formatVersion: INDEX_FORMAT_VERSION,
      modelVersion: INDEX_MODEL_VERSION,
      meta: image.meta,
      strings: image.strings,
      extra,
      sections,
    }),
  );
  const dataStart = pad8(FIXED + header.length);
  const total = dataStart + at;
  // One buffer for the headers; the arrays are written as they are (views, no copies).
  const head = new Uint8Array(dataStart);
  head.set(new TextEncoder().encode(MAGIC), 0);
  const dv = new DataView(head.buffer);
  dv.setUint32(8, INDEX_FORMAT_VERSION, true);
  dv.setUint32(12, header.length, true);
  dv.setFloat64(16, total, true);
  head.set(header, FIXED);
  const chunks: Uint8Array[] = [head];
  let written = 0;
  for (const s of sections) {
    const a = image.arrays[s.name] as Float64Array | Int32Array;
    if (s.offset > written) chunks.push(new Uint8Array(s.offset - written));
    chunks.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    written = s.offset + a.byteLength;
  }
  if (at > written) chunks.push(new Uint8Array(at - written));
  const sum = fastChecksum(chunks, FIXED);
  dv.setUint32(24, sum[0], true);
  dv.setUint32(28, sum[1], true);
  return chunks;
};

/**
 * Decodes persisted index bytes (see {@link encodeIndexImage}): checks the magic, both versions, the
 * length and the checksum, then maps the arrays (views on `bytes` when aligned). Left when anything
 * does not match: the caller rebuilds the index, never trusts it.
 *
 * @example const r = decodeIndexImage(readFileSync("ledger.jsonl.idx")); if (E.isRight(r)) r.right.extra
 */
export const decodeIndexImage = (
  bytes: Uint8Array,
): E.Either<ImageDecodeError, { readonly image: IndexImage; readonly extra: unknown }> => {
  if (bytes.length < FIXED || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    return E.left({ _tag: "NotAnIndex", message: "not a coop-ledger index file" });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const formatVersion = dv.getUint32(8, true);
  const headerLength = dv.getUint32(12, true);
  const total = dv.getFloat64(16, true);
  if (total !== bytes.length || FIXED + headerLength > bytes.length)
    return E.left({ _tag: "Corrupt", message: `index length ${bytes.length}, its header says ${total}` });
  const sum = fastChecksum([bytes], FIXED);
  if (sum[0] !== dv.getUint32(24, true) || sum[1] !== dv.getUint32(28, true))
    return E.left({ _tag: "Corrupt", message: "the index file's checksum does not match its content" });
  let header: {
    formatVersion: number;
    modelVersion: number;
    meta: IndexImage["meta"];
    strings: IndexImage["strings"];
    extra: unknown;
    sections: SectionEntry[];
  };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(FIXED, FIXED + headerLength)));
  } catch {
    return E.left({ _tag: "Corrupt", message: "the index header is not JSON" });
  }
  if (formatVersion !== INDEX_FORMAT_VERSION || header.modelVersion !== INDEX_MODEL_VERSION)
    return E.left({
      _tag: "OtherVersion",
      formatVersion,
      modelVersion: header.modelVersion,
      message: `index format ${formatVersion} / model ${header.modelVersion}; this coop-ledger reads ${INDEX_FORMAT_VERSION} / ${INDEX_MODEL_VERSION}`,
    });
  const dataStart = pad8(FIXED + headerLength);
  const arrays: Record<string, Float64Array | Int32Array> = {};
  for (const s of header.sections) {
    const width = s.type === "f64" ? 8 : 4;
    const from = dataStart + s.offset;
    if (from + s.length * width > bytes.length)
      return E.left({ _tag: "Corrupt", message: `index section ${s.name} runs past the end` });
    const aligned = (bytes.byteOffset + from) % width === 0;
    const view = (buf: ArrayBufferLike, off: number) =>
      s.type === "f64" ? new Float64Array(buf, off, s.length) : new Int32Array(buf, off, s.length);
    arrays[s.name] = aligned
      ? view(bytes.buffer, bytes.byteOffset + from)
      : view(bytes.slice(from, from + s.length * width).buffer, 0);
  }
  return E.right({ image: { meta: header.meta, strings: header.strings, arrays }, extra: header.extra });
};
