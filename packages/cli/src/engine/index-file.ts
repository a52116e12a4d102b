import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync, writevSync } from "node:fs";
import {
  encodeIndexImage,
  type ImageDecodeError,
  type IndexImage,
  type IndexImageSource,
  layerImages,
  openIndexImage,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import { guardedSource, readAt, writeCacheFile } from "./cache-file.js";
import { DamagedIndexFile, isDistrusted, trustIndexFile } from "./damaged-index.js";
import type { LedgerFactsData } from "./ledger-facts.js";

export { DamagedIndexFile, distrustIndexFile } from "./damaged-index.js";

/**
 * The ledger state a persisted index covers: the header's hash (which ledger), the number of events,
 * the stored hash of the last one and the byte length of the lines indexed (where an extension starts).
 */
export interface IndexedLedger {
  readonly headerHash: string;
  readonly events: number;
  readonly lastHash: string;
  readonly bytes: number;
  /** Byte offset of the last indexed event's line (where its stored hash is re-read without a scan). */
  readonly lastOffset: number;
}

/**
 * An index file as opened: the image (no events; read piece by piece when a query needs it: the base
 * image and the extension images appended after it, layered), the ledger state it covers, its facts and
 * its offsets table (read when first asked for), and where its intact images end (where the next
 * extension is appended).
 */
export interface IndexFile {
  readonly path: string;
  readonly image: IndexImageSource;
  readonly ledger: IndexedLedger;
  readonly facts: LedgerFactsData;
  /** Byte offset of each indexed event's line, by position (read from the file on first call). */
  readonly offsets: () => Float64Array;
  /**
   * Byte offset of one indexed event's line, read from the offsets table by its 4 KiB block (not the
   * whole table: 10 MB at national, which an extension read for the few hundred events it reads back).
   */
  readonly offsetAt: (position: number) => number;
  /** Number of images used: 1 (the base) + the extensions appended since it was written whole. */
  readonly layers: number;
  /** Length of the base image (bytes). */
  readonly baseBytes: number;
  /** Where the last image used ends (bytes): an extension is appended there. */
  readonly end: number;
  /** The file's identity when it was opened (device and inode): an append goes to that file only. */
  readonly identity: { readonly dev: number; readonly ino: number };
}

/** Why an index file was not used (it is then rebuilt). */
export type IndexFileProblem = ImageDecodeError | { readonly _tag: "Missing"; readonly message: string };

/**
 * Where the index of a ledger lives: beside it, `<ledger>.idx`.
 * @example
 * indexPathOf("l.jsonl") // "l.jsonl.idx"
 */
export const indexPathOf = (ledgerPath: string): string => `${ledgerPath}.idx`;

const OFFSETS = "cli.offsets";

interface Extra {
  readonly kind: "coop-ledger-index";
  readonly ledger: IndexedLedger;
  readonly facts: LedgerFactsData;
  /** On an extension image: the ledger state of the images before it (it covers the events after). */
  readonly extends?: IndexedLedger;
}

const isExtra = (x: unknown): x is Extra =>
  typeof x === "object" &&
  x !== null &&
  (x as Extra).kind === "coop-ledger-index" &&
  typeof (x as Extra).ledger?.headerHash === "string" &&
  typeof (x as Extra).ledger?.events === "number" &&
  typeof (x as Extra).ledger?.lastHash === "string" &&
  typeof (x as Extra).ledger?.bytes === "number" &&
  typeof (x as Extra).ledger?.lastOffset === "number" &&
  Array.isArray((x as Extra).facts?.restating);

/**
 * Opens an index file: reads and checks its headers only (magic, versions, length, header checksum, the
 * ledger state it says it covers). The rest (columns, streams, offsets) is read with positioned reads
 * when first needed, each 64 KiB block checked against its checksum; a damaged block then throws
 * {@link DamagedIndexFile}. Left when the file is missing or its headers do not match: the caller
 * rebuilds it; a damaged or stale index is never used. The file stays open for the process (a writer
 * replaces it by rename, so this process keeps reading the file it opened).
 *
 * @example const r = readIndexFile("ledger.jsonl.idx"); if (E.isRight(r)) r.right.ledger.events
 */
export const readIndexFile = (path: string): E.Either<IndexFileProblem, IndexFile> => {
  if (isDistrusted(path)) return E.left({ _tag: "Corrupt", message: `${path}: found damaged earlier` });
  let fd: number;
  let size: number;
  let identity: IndexFile["identity"];
  try {
    fd = openSync(path, "r");
    const st = fstatSync(fd);
    size = st.size;
    identity = { dev: st.dev, ino: st.ino };
  } catch (e) {
    return E.left({ _tag: "Missing", message: `${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
  }
  // The base image, then each extension image appended after it while it extends the ledger state of
  // the ones before (a torn or stale extension at the end is left out: the index covers less, and the
  // next command extends it again from there).
  const images: Array<{ source: IndexImageSource; extra: Extra; end: number }> = [];
  let at = 0;
  while (at < size) {
    const from = at;
    const opened = openIndexImage((p, n, into) => readAt(fd, from + p, n, into), size - from);
    if (E.isLeft(opened)) {
      if (images.length > 0) break;
      closeSync(fd);
      return opened;
    }
    const { extra } = opened.right;
    const before = images[images.length - 1]?.extra.ledger;
    const chained =
      isExtra(extra) &&
      opened.right.arrays.includes(OFFSETS) &&
      (before === undefined
        ? extra.extends === undefined
        : extra.extends !== undefined &&
          extra.extends.events === before.events &&
          extra.extends.lastHash === before.lastHash &&
          extra.extends.headerHash === before.headerHash);
    if (!chained) {
      if (images.length > 0) break;
      closeSync(fd);
      return E.left({ _tag: "Corrupt", message: `${path}: not an index of a coop-ledger ledger` });
    }
    at += opened.right.bytes;
    images.push({ source: opened.right.source, extra: extra as Extra, end: at });
  }
  let layered: ReturnType<typeof layerImages>;
  try {
    layered = layerImages(images.map((i) => i.source));
  } catch (e) {
    closeSync(fd);
    return E.left({ _tag: "Corrupt", message: `${path}: ${e instanceof Error ? e.message : String(e)}` });
  }
  const last = images[layered.used - 1] as (typeof images)[number];
  const { extra } = last;
  // Every piece read later goes through the guard: a damaged one names the file, for the retry.
  const image = guardedSource(path, layered.source);
  let offsets: Float64Array | undefined;
  const offsetsDamaged = (): DamagedIndexFile =>
    new DamagedIndexFile(path, "the offsets table does not match the events indexed");
  const taken = images.slice(0, layered.used);
  const guardedLayers = taken.map((i) => guardedSource(path, i.source));
  // Each image's offsets table covers the events after those of the images before it.
  const firstEvent = taken.map((i) => i.extra.extends?.events ?? 0);
  const offsetAt = (position: number): number => {
    if (offsets !== undefined) return offsets[position] as number;
    let l = taken.length - 1;
    while (l > 0 && position < (firstEvent[l] as number)) l--;
    const layer = taken[l] as (typeof images)[number];
    const k = position - (firstEvent[l] as number);
    if (!(k >= 0 && position < layer.extra.ledger.events)) throw offsetsDamaged();
    const o = (guardedLayers[l] as IndexImageSource).range(OFFSETS, k, k + 1);
    if (!(o instanceof Float64Array) || o.length !== 1) throw offsetsDamaged();
    return o[0] as number;
  };
  return E.right({
    path,
    image,
    ledger: extra.ledger,
    facts: extra.facts,
    offsets: () => {
      if (offsets === undefined) {
        const o = image.array(OFFSETS);
        if (!(o instanceof Float64Array) || o.length !== extra.ledger.events) throw offsetsDamaged();
        offsets = o;
      }
      return offsets;
    },
    offsetAt,
    layers: layered.used,
    baseBytes: (images[0] as (typeof images)[number]).end,
    end: last.end,
    identity,
  });
};

/**
 * Appends an extension image (`ProjectionIndex.extensionImage` of an index reopened from `file`) to the
 * index file it extends, where its last intact image ends: nothing written before is rewritten, so an
 * extension costs the events appended, not the index's size. The image carries the ledger state it
 * covers and the one it extends (a reader takes it only after an image ending in that state). It is
 * written in one gathered positioned write (`writev`) and flushed (`fsync`); a crash or a concurrent writer leaves at worst
 * a torn or stale image at the end, which readers leave out (the next extension overwrites it). Appends
 * only to the very file `file` was opened from (not one renamed over it since): false otherwise, or
 * when it could not be written (the index is a cache: the command goes on without it).
 *
 * @example
 * // An index of a ledger's first 300 events, then extended by the 225 appended after them.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }));
 * const facts = new LedgerFacts();
 * events.slice(0, 300).forEach((e) => facts.observe(e));
 * // The ledger state an index answers for is read from the ledger file as it is indexed; made up here.
 * const state = (n: number): IndexedLedger => ({ headerHash: "a1".repeat(32), events: n, lastHash: n.toString(16).padStart(64, "0"), bytes: n * 600, lastOffset: (n - 1) * 600 });
 * await writeIndexFile("grown.jsonl.idx", buildIndex(events.slice(0, 300)).toImage(), state(300), facts.data(), new Float64Array(300));
 * const file = readIndexFile("grown.jsonl.idx");
 * if (E.isLeft(file)) throw new Error(file.left.message);
 * const source = { eventsAt: (ps: ReadonlyArray<number>) => ps.map((p) => events[p]!) };
 * const grown = ProjectionIndex.fromImage(file.right.image, source).addAll(events.slice(300));
 * events.slice(300).forEach((e) => facts.observe(e));
 * console.log(appendIndexExtension(file.right, grown.extensionImage(), state(525), facts.data(), new Float64Array(225))); // true
 * const back = readIndexFile("grown.jsonl.idx");
 * if (E.isRight(back)) console.log(back.right.layers, back.right.ledger.events); // 2 525: the base image and its extension
 */
export const appendIndexExtension = (
  file: IndexFile,
  image: IndexImage,
  ledger: IndexedLedger,
  facts: LedgerFactsData,
  offsets: Float64Array,
): boolean => {
  const extra: Extra = { kind: "coop-ledger-index", ledger, facts, extends: file.ledger };
  const chunks = encodeIndexImage({ ...image, arrays: { ...image.arrays, [OFFSETS]: offsets } }, extra);
  let fd: number | undefined;
  try {
    fd = openSync(file.path, "r+");
    const st = fstatSync(fd);
    if (st.dev !== file.identity.dev || st.ino !== file.identity.ino || st.size < file.end) {
      closeSync(fd);
      return false;
    }
    // A torn or stale image after the intact ones is replaced.
    if (st.size > file.end) ftruncateSync(fd, file.end);
    writeChunksAt(fd, chunks, file.end);
    fsyncSync(fd);
    closeSync(fd);
    return true;
  } catch {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    return false;
  }
};

/**
 * Writes `chunks` end to end at `position` of an open file: one gathered write (`writev`) for them all,
 * the chunks as the encoder made them (an extension image is ~6 MB at national scale: no copy into one
 * buffer first); what a short write leaves is written chunk by chunk.
 */
const writeChunksAt = (fd: number, chunks: ReadonlyArray<Uint8Array>, position: number): void => {
  let done = writevSync(fd, chunks as Uint8Array[], position);
  let at = position;
  for (const c of chunks) {
    // The part of this chunk the writes so far did not cover.
    let k = Math.min(done, c.length);
    done -= k;
    while (k < c.length) k += writeSync(fd, c, k, c.length - k, at + k);
    at += c.length;
  }
};

/**
 * Writes an index file safely: to a temporary file beside it (unique to this process), flushed to
 * disk, then renamed over the old one, so a reader sees the old index or the new one, never half of
 * one, and a crash leaves at worst a stray temporary file. Returns false when it could not be written
 * (a read-only directory): the index is a cache, the command goes on without it.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }));
 * const facts = new LedgerFacts();
 * events.forEach((e) => facts.observe(e));
 * // The ledger state an index answers for is read from the ledger file as it is indexed; made up here.
 * const state = (n: number): IndexedLedger => ({ headerHash: "a1".repeat(32), events: n, lastHash: n.toString(16).padStart(64, "0"), bytes: n * 600, lastOffset: (n - 1) * 600 });
 * console.log(await writeIndexFile("year.jsonl.idx", buildIndex(events).toImage(), state(events.length), facts.data(), new Float64Array(events.length))); // true
 * const back = readIndexFile("year.jsonl.idx");
 * if (E.isRight(back)) console.log(back.right.ledger.events, back.right.facts.lastEffective); // 525 "2022-12-22"
 */
export const writeIndexFile = async (
  path: string,
  image: IndexImage,
  ledger: IndexedLedger,
  facts: LedgerFactsData,
  offsets: Float64Array,
): Promise<boolean> => {
  const extra: Extra = { kind: "coop-ledger-index", ledger, facts };
  const chunks = encodeIndexImage({ ...image, arrays: { ...image.arrays, [OFFSETS]: offsets } }, extra);
  if (!(await writeCacheFile(path, chunks))) return false;
  // Written by this process from the ledger: trusted again.
  trustIndexFile(path);
  return true;
};

/** The persisted arrays a query's first step reads whole: the roll-up levels' column lists (1.2 MB at national). */
const COLUMN_LISTS = ["ledger.colKey", "ledger.colCell", "province.colKey", "province.colCell"];

/**
 * Reads ahead what the first whole-ledger or province query of a reopened index would read first (the
 * roll-up levels' column lists, each 64 KiB block checked), for a caller with time to spare: loadLedger
 * while it waits for the chain check's threads. The first query then does not pay that read (issue #12:
 * the first query after opening is in the p99 budget). Reading only: no figure is computed. A damaged
 * block is left for the query that needs it to meet (it throws there, as before).
 * @example const r = readIndexFile("ledger.jsonl.idx"); if (E.isRight(r)) readColumnListsAhead(r.right);
 */
export const readColumnListsAhead = (idx: IndexFile): void => {
  for (const name of COLUMN_LISTS)
    try {
      idx.image.array(name);
    } catch {
      // Met again, and reported, by the query that reads it.
    }
};
