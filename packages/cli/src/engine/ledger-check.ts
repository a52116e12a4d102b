import { closeSync, openSync, statSync } from "node:fs";
import { type ChainScan, type LedgerIssue, type scanChain, storedHashAt } from "@coop-ledger/store";
import { type StartedChainCheck, scanChainTaking } from "@coop-ledger/store/internal";
import * as E from "fp-ts/lib/Either.js";
import type { CliError } from "../errors/cli-error.js";
import { type IndexFile, indexPathOf } from "./index-file.js";
import { fromLedgerIssue } from "./ledger-issue.js";

/**
 * The ledger as checked on a load, before anything is read into the index: how many events it holds,
 * the stored hash of the last one, the byte length of its complete lines (where an extension of the
 * index will start), its header's hash, and where each event's line starts.
 */
export interface CheckedLedger {
  readonly events: number;
  readonly lastHash: string;
  readonly bytes: number;
  readonly headerHash: string;
  /** Byte offset of every event line, by position (read lazily from a current index). */
  readonly offsets: () => Float64Array;
  /** One event's offset without joining an extended ledger's tables (10 MB at national). */
  readonly offsetAt: (position: number) => number;
  /** The offsets of the events after the indexed prefix (what an index extension appends). */
  readonly tailOffsets: () => Float64Array;
}

/**
 * The raw pass over a ledger (`scanChain`: every link recomputed from the line bytes when `verify`, no
 * JSON parsed), its issue as a CLI error naming the line; `started`: a check of the file started ahead,
 * taken if it fits (`scanChainTaking`).
 *
 * @example
 * const r = await scanLedger("no-such-ledger.jsonl", { verify: true });
 * console.log(E.isLeft(r) && r.left.message); // "no-such-ledger.jsonl: cannot read: ENOENT"
 */
export const scanLedger = async (
  path: string,
  options: Parameters<typeof scanChain>[1],
  started?: StartedChainCheck,
): Promise<E.Either<CliError, ChainScan>> =>
  E.mapLeft((i: LedgerIssue) => fromLedgerIssue(path, i))(
    await scanChainTaking(path, options ?? {}, started)(),
  );

const rewritten = (path: string, idx: IndexFile, found: string | undefined): CliError => ({
  _tag: "LedgerCorrupt",
  path,
  line: idx.ledger.events + 1,
  message: `${path}: line ${idx.ledger.events + 1}: the ledger's history differs from the one its index was built from (event ${idx.ledger.events} ended with hash ${idx.ledger.lastHash.slice(0, 16)}…, now ${found === undefined ? "missing" : `${found.slice(0, 16)}…`}): lines before the end were changed, removed or replaced`,
  hint: `compare with a trusted copy (verify --ledger FILE); if this ledger is the one to trust, rerun with --reindex to rebuild ${indexPathOf(path)}`,
});

const concat = (a: Float64Array, b: Float64Array | undefined): Float64Array => {
  if (b === undefined || b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** The stored hash of the line at `offset`, read with one positioned read. */
const storedHashIn = (path: string, offset: number): string | undefined => {
  const fd = openSync(path, "r");
  try {
    return storedHashAt(fd, offset);
  } finally {
    closeSync(fd);
  }
};

/**
 * The whole file scanned (verifying, or without an index to start from): the chain checked when
 * `verify`, and a persisted index's prefix found unchanged (the same header, as many events or more, the
 * stored hash of its last event the same).
 */
const checkScanned = async (
  path: string,
  idx: IndexFile | undefined,
  scan: ChainScan,
): Promise<E.Either<CliError, CheckedLedger>> => {
  if (idx !== undefined) {
    // The stored hash of the indexed prefix's last event, read back at its offset.
    const hashAfter =
      idx.ledger.events > 0 && idx.ledger.events <= scan.events
        ? storedHashIn(path, scan.offsetAt!(idx.ledger.events - 1))
        : undefined;
    const samePrefix =
      scan.headerHash === idx.ledger.headerHash &&
      scan.events >= idx.ledger.events &&
      (idx.ledger.events === 0 || hashAfter === idx.ledger.lastHash);
    if (!samePrefix) return E.left(rewritten(path, idx, hashAfter));
  }
  // The ranges' offset tables are joined into one only when all are needed (an index written or
  // extended): reopening a current index reads a few offsets at most (10 MB copied for none at national).
  const offsets = (): Float64Array => scan.offsets ?? new Float64Array(0);
  return E.right({
    events: scan.events,
    lastHash: scan.lastHash,
    bytes: scan.bytes,
    headerHash: scan.headerHash,
    offsets,
    offsetAt: scan.offsetAt ?? (() => Number.NaN),
    tailOffsets: () => offsets().subarray(idx?.ledger.events ?? 0, scan.events),
  });
};

/**
 * Without the chain check, from a persisted index: the indexed prefix checked by its last line (and the
 * header's) only, and what follows it scanned without verifying.
 */
const checkFromIndex = async (path: string, idx: IndexFile): Promise<E.Either<CliError, CheckedLedger>> => {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    return E.left({
      _tag: "FileError",
      path,
      message: `${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      hint: "check the path; `coop-ledger generate --out FILE` makes a sample ledger",
    });
  }
  const fd = openSync(path, "r");
  const endHash = storedHashAt(fd, idx.ledger.events === 0 ? 0 : idx.ledger.lastOffset);
  const headHash = storedHashAt(fd, 0);
  closeSync(fd);
  if (size < idx.ledger.bytes || endHash !== idx.ledger.lastHash || headHash !== idx.ledger.headerHash)
    return E.left(rewritten(path, idx, endHash));
  const current: CheckedLedger = {
    events: idx.ledger.events,
    lastHash: idx.ledger.lastHash,
    bytes: idx.ledger.bytes,
    headerHash: idx.ledger.headerHash,
    offsets: idx.offsets,
    offsetAt: idx.offsetAt,
    tailOffsets: () => new Float64Array(0),
  };
  if (size <= idx.ledger.bytes) return E.right(current);
  const s = await scanLedger(path, {
    verify: false,
    offsets: true,
    resume: { byteOffset: idx.ledger.bytes, line: idx.ledger.events + 2, prevHash: idx.ledger.lastHash },
  });
  if (E.isLeft(s)) return s;
  const more = s.right.offsets;
  let joined: Float64Array | undefined;
  const base = idx.ledger.events;
  return E.right({
    ...current,
    events: base + s.right.events,
    lastHash: s.right.lastHash,
    bytes: s.right.bytes,
    offsets: () => {
      joined ??= concat(idx.offsets(), more);
      return joined;
    },
    offsetAt: (p) => (p < base ? idx.offsetAt(p) : (more?.[p - base] as number)),
    tailOffsets: () => more ?? new Float64Array(0),
  });
};

/**
 * Checks a ledger before its figures are computed, against the persisted index read for it (if any):
 *
 * - verifying (or without an index): the whole file's scan (`scanning`, when the caller started it
 *   already), a broken chain refused with the line named; an index must cover a prefix of the ledger;
 * - not verifying, with an index: the prefix is checked by its last line only, and only what follows it
 *   is scanned.
 *
 * A ledger whose indexed prefix changed is refused as rewritten (`LedgerCorrupt`).
 *
 * @example
 * const r = await checkLedger("no-such-ledger.jsonl", undefined, true, undefined);
 * console.log(E.isLeft(r) && r.left._tag); // "FileError"
 */
export const checkLedger = async (
  path: string,
  idx: IndexFile | undefined,
  verify: boolean,
  scanning: Promise<E.Either<CliError, ChainScan>> | undefined,
): Promise<E.Either<CliError, CheckedLedger>> => {
  if (verify || idx === undefined) {
    const s = await (scanning ?? scanLedger(path, { verify, offsets: true }));
    return E.isLeft(s) ? s : checkScanned(path, idx, s.right);
  }
  return checkFromIndex(path, idx);
};
