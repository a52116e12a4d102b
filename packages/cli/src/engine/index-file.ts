import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import {
  decodeIndexImage,
  encodeIndexImage,
  type ImageDecodeError,
  type IndexImage,
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
}

/** An index file as read back: the image (no events), the ledger state it covers, its facts and offsets. */
export interface IndexFile {
  readonly image: IndexImage;
  readonly ledger: IndexedLedger;
  readonly facts: LedgerFactsData;
  /** Byte offset of each indexed event's line, by position. */
  readonly offsets: Float64Array;
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
  Array.isArray((x as Extra).facts?.restating);

/**
 * Reads and checks an index file (magic, versions, length, checksum, the ledger state it says it
 * covers, the offset table's length). Left when it is missing or anything does not match: the caller
 * rebuilds it; a damaged or stale index is never used.
 *
 * @example const r = readIndexFile("ledger.jsonl.idx"); if (E.isRight(r)) r.right.ledger.events
 */
export const readIndexFile = (path: string): E.Either<IndexFileProblem, IndexFile> => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return E.left({ _tag: "Missing", message: `${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
  }
  const decoded = decodeIndexImage(bytes);
  if (E.isLeft(decoded)) return decoded;
  const { image, extra } = decoded.right;
  const offsets = image.arrays[OFFSETS];
  if (!isExtra(extra) || !(offsets instanceof Float64Array) || offsets.length !== extra.ledger.events)
    return E.left({ _tag: "Corrupt", message: `${path}: not an index of a coop-ledger ledger` });
  return E.right({ image, ledger: extra.ledger, facts: extra.facts, offsets });
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
