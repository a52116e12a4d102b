import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import {
  encodeIndexImage,
  type ImageDecodeError,
  type IndexImage,
  IndexImageDamaged,
  type IndexImageSource,
  openIndexImage,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { LedgerFactsData } from "./ledger-facts.js";

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
 * An index file as opened: the image (no events; read piece by piece when a query needs it), the ledger
 * state it covers, its facts and its offsets table (read when first asked for).
 */
export interface IndexFile {
  readonly image: IndexImageSource;
  readonly ledger: IndexedLedger;
  readonly facts: LedgerFactsData;
  /** Byte offset of each indexed event's line, by position (read from the file on first call). */
  readonly offsets: () => Float64Array;
}

/**
 * An index file found damaged after it was opened (a block read for a query failed its checksum). The
 * command is run again without it (see `runAction`): the index is rebuilt, never trusted.
 *
 * @example throw new DamagedIndexFile("l.jsonl.idx", "block 3 does not match its checksum")
 */
export class DamagedIndexFile extends Error {
  readonly _tag = "DamagedIndexFile" as const;
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "DamagedIndexFile";
  }
}

/** Why an index file was not used (it is then rebuilt). */
export type IndexFileProblem = ImageDecodeError | { readonly _tag: "Missing"; readonly message: string };

/** Where the index of a ledger lives: beside it, `<ledger>.idx`. @example indexPathOf("l.jsonl") // "l.jsonl.idx" */
export const indexPathOf = (ledgerPath: string): string => `${ledgerPath}.idx`;

const OFFSETS = "cli.offsets";

interface Extra {
  readonly kind: "coop-ledger-index";
  readonly ledger: IndexedLedger;
  readonly facts: LedgerFactsData;
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

/** Index files found damaged in this process: not opened again until this process writes them anew. */
const distrusted = new Set<string>();

/**
 * Marks an index file as damaged for the rest of the process (and removes it when it can): the next
 * {@link readIndexFile} of it is a Left, so the command rebuilds it from the ledger.
 * @example distrustIndexFile("ledger.jsonl.idx")
 */
export const distrustIndexFile = (path: string): void => {
  distrusted.add(path);
  try {
    unlinkSync(path);
  } catch {
    // already gone, or in a directory we cannot write: it is ignored all the same
  }
};

/** Reads `length` bytes at `position` of an open file into a fresh (8-aligned) buffer. */
const readAt = (fd: number, position: number, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  let at = 0;
  while (at < length) {
    const k = readSync(fd, out, at, length - at, position + at);
    if (k === 0) return out.subarray(0, at);
    at += k;
  }
  return out;
};

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
  if (distrusted.has(path)) return E.left({ _tag: "Corrupt", message: `${path}: found damaged earlier` });
  let fd: number;
  let size: number;
  try {
    fd = openSync(path, "r");
    size = fstatSync(fd).size;
  } catch (e) {
    return E.left({ _tag: "Missing", message: `${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
  }
  const opened = openIndexImage((p, n) => readAt(fd, p, n), size);
  if (E.isLeft(opened)) {
    closeSync(fd);
    return opened;
  }
  const { extra } = opened.right;
  if (!isExtra(extra) || !opened.right.arrays.includes(OFFSETS)) {
    closeSync(fd);
    return E.left({ _tag: "Corrupt", message: `${path}: not an index of a coop-ledger ledger` });
  }
  // Every piece read later goes through here: a damaged one names the file, for the retry.
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
  const src = opened.right.source;
  const image: IndexImageSource = {
    meta: src.meta,
    strings: guard(src.strings),
    array: guard(src.array),
    range: guard(src.range),
  };
  let offsets: Float64Array | undefined;
  return E.right({
    image,
    ledger: extra.ledger,
    facts: extra.facts,
    offsets: () => {
      if (offsets === undefined) {
        const o = image.array(OFFSETS);
        if (!(o instanceof Float64Array) || o.length !== extra.ledger.events)
          throw new DamagedIndexFile(path, "the offsets table does not match the events indexed");
        offsets = o;
      }
      return offsets;
    },
  });
};

/**
 * Writes an index file safely: to a temporary file beside it (unique to this process), flushed to
 * disk, then renamed over the old one, so a reader sees the old index or the new one, never half of
 * one, and a crash leaves at worst a stray temporary file. Returns false when it could not be written
 * (a read-only directory): the index is a cache, the command goes on without it.
 *
 * @example writeIndexFile("ledger.jsonl.idx", index.toImage(), ledgerState, facts, offsets)
 */
export const writeIndexFile = (
  path: string,
  image: IndexImage,
  ledger: IndexedLedger,
  facts: LedgerFactsData,
  offsets: Float64Array,
): boolean => {
  const extra: Extra = { kind: "coop-ledger-index", ledger, facts };
  const chunks = encodeIndexImage({ ...image, arrays: { ...image.arrays, [OFFSETS]: offsets } }, extra);
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "w", 0o644);
    for (const c of chunks) {
      let at = 0;
      while (at < c.length) at += writeSync(fd, c, at, c.length - at);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    // Written by this process from the ledger: trusted again.
    distrusted.delete(path);
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
    return false;
  }
};
