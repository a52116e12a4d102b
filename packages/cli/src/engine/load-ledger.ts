import { closeSync, openSync, statSync } from "node:fs";
import type { BusinessDate, Instant, RecordedEvent } from "@coop-ledger/domain";
import {
  type EventSource,
  ProjectionIndex,
  type ProvenanceTable,
  ProvenanceTap,
} from "@coop-ledger/projections";
import {
  type ChainScan,
  type LedgerIssue,
  type ResumePoint,
  readEventsAt,
  readLedgerChunks,
  scanChain,
  storedHashAt,
} from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import {
  appendIndexExtension,
  type IndexFile,
  indexPathOf,
  readIndexFile,
  writeIndexFile,
} from "./index-file.js";
import { LedgerFacts } from "./ledger-facts.js";
import type { LedgerIdentity } from "./ledger-identity.js";
import { checkLedgerInput } from "./ledger-input.js";
import { fromLedgerIssue } from "./ledger-issue.js";
import { provenancePathOf, readProvenanceFile, writeProvenanceFile } from "./provenance-file.js";

export type { LedgerIdentity } from "./ledger-identity.js";

/** An event recorded well after it took effect (a late-recorded fact), as the demo and docs show it. */
export interface LateEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly position: number;
  readonly effectiveDate: BusinessDate;
  readonly recordedAt: Instant;
}

/** Options of {@link loadLedger}. */
export interface LoadOptions {
  /** Recompute the hash chain before computing anything (default true; `--no-verify` turns it off). */
  readonly verify?: boolean;
  /** Rebuild the persisted index from the ledger, whatever it holds (`--reindex`). */
  readonly reindex?: boolean;
  /** Use and write the persisted index beside the ledger (default true). */
  readonly persist?: boolean;
}

/** How the index was obtained on this load (for notes, tests and the bench). */
export type IndexOrigin = "built" | "reopened" | "extended";

/**
 * A ledger opened for figures: the projection index (which holds no decoded events: audits read them
 * back from the ledger by byte offset), the ledger state it answers for, and what the CLI reports about
 * it: the event count, the ranges of valid and transaction time, and the late-recorded dissolutions and
 * retractions (the events that restate earlier figures; read from the ledger when asked for).
 */
export interface LoadedLedger {
  readonly path: string;
  /** The ledger state the figures come from (see {@link LedgerIdentity}). */
  readonly identity: LedgerIdentity;
  readonly index: ProjectionIndex;
  readonly indexOrigin: IndexOrigin;
  readonly events: number;
  readonly firstEffective: BusinessDate | undefined;
  readonly lastEffective: BusinessDate | undefined;
  readonly firstRecordedAt: Instant | undefined;
  readonly lastRecordedAt: Instant | undefined;
  /** Dissolutions recorded more than 30 days after their effective date, and every retraction. */
  readonly restating: ReadonlyArray<LateEvent>;
  /**
   * The provenance table (`<ledger>.prov`, built with the index): what `explain` and `diff` read
   * instead of re-folding the streams. Undefined when there is none for this ledger (an index built
   * by an older version, a directory that could not be written): they then read the events.
   */
  readonly provenance: ProvenanceTable | undefined;
  /** The events at these global positions (ascending), read from the ledger by byte offset. */
  readonly eventsAt: (positions: ReadonlyArray<number>) => ReadonlyArray<RecordedEvent>;
}

/**
 * The ledger as the index's event source: each event read back from its line by byte offset (one
 * positioned read, decoded through the codecs). A line that is not the event asked for means the file
 * changed under the command: an error (never a wrong event).
 */
const offsetSource = (path: string, offsetAt: (position: number) => number): EventSource => {
  let fd: number | undefined;
  return {
    eventsAt: (positions) => {
      fd ??= openSync(path, "r");
      const r = readEventsAt(fd, positions, offsetAt);
      if (E.isLeft(r)) throw new Error(`${path}: ${r.left.message}`);
      return r.right;
    },
  };
};

const changedWhileRead = (path: string, checked: number, read: number): CliError => ({
  _tag: "LedgerCorrupt",
  path,
  message: `${path}: the ledger changed while it was read (${checked} events checked, ${read} read)`,
  hint: "run the command again once the writer is done",
});

const rewritten = (path: string, idx: IndexFile, found: string | undefined): CliError => ({
  _tag: "LedgerCorrupt",
  path,
  line: idx.ledger.events + 1,
  message: `${path}: line ${idx.ledger.events + 1}: the ledger's history differs from the one its index was built from (event ${idx.ledger.events} ended with hash ${idx.ledger.lastHash.slice(0, 16)}…, now ${found === undefined ? "missing" : `${found.slice(0, 16)}…`}): lines before the end were changed, removed or replaced`,
  hint: `compare with a trusted copy (verify --ledger FILE); if this ledger is the one to trust, rerun with --reindex to rebuild ${indexPathOf(path)}`,
});

/**
 * Reads events (the whole file, or what follows the indexed prefix) into the index and the facts.
 * Left: the first issue, as a CLI error naming the line.
 */
const feed = async (
  ctx: CliContext,
  path: string,
  index: ProjectionIndex,
  facts: LedgerFacts,
  resume: ResumePoint | undefined,
): Promise<E.Either<CliError, number>> => {
  const progress = ctx.progress(`indexing ${path}`);
  let n = 0;
  for await (const chunk of readLedgerChunks(path, resume === undefined ? {} : { resume })) {
    for (const r of chunk) {
      if (E.isLeft(r)) {
        progress.done();
        return E.left(fromLedgerIssue(path, r.left));
      }
      index.add(r.right);
      facts.observe(r.right);
      n++;
    }
    progress.tick(chunk.length);
  }
  progress.done();
  return E.right(n);
};

const scanned = async (
  path: string,
  options: Parameters<typeof scanChain>[1],
): Promise<E.Either<CliError, ChainScan>> =>
  E.mapLeft((i: LedgerIssue) => fromLedgerIssue(path, i))(await scanChain(path, options)());

/** Most extension images an index file holds before it is compacted (written whole again). */
const MAX_INDEX_EXTENSIONS = 32;

/**
 * Whether the next extension of an index file should rewrite it whole (compacted: one segment a level)
 * rather than append an image: after {@link MAX_INDEX_EXTENSIONS} extensions (each adds a segment a
 * query sums and headers an open reads), or once the extensions add up to a quarter of the base (their
 * sparse tables and stream copies then cost more than one merged layout). Appending is otherwise always
 * cheaper: a compaction reads and writes the whole index.
 */
const compactionPays = (idx: IndexFile): boolean =>
  idx.layers > MAX_INDEX_EXTENSIONS || idx.end - idx.baseBytes > idx.baseBytes / 4;

const concat = (a: Float64Array, b: Float64Array | undefined): Float64Array => {
  if (b === undefined || b.length === 0) return a;
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Opens a ledger for figures, through its persisted index (`<ledger>.idx`, a cache: deleting it changes
 * no answer):
 *
 * 1. **Check the chain** (unless `verify: false`): the raw pass over the file (`scanChain`: every link
 *    recomputed from the line bytes, no JSON parsed); a broken chain is refused (exit 4, the line named).
 * 2. **Reopen the index** when its file is intact (magic, versions, checksum) and covers a prefix of this
 *    ledger (the same header, the hash of its last event unchanged): a current index costs reading it;
 *    a ledger that grew is read from where the index stops (sequence checks go on from the index's
 *    state) and the index extended. A ledger whose indexed prefix changed is refused as rewritten
 *    (exit 4) unless `reindex`. Without the chain check, the prefix is checked by its last line only.
 * 3. Otherwise **build** the index from the whole file (every event decoded through the codecs).
 *
 * The index then holds no decoded events (it is released: explain, diff and the restating list read
 * theirs back by byte offset), and a built or extended index is written back (temp file + rename).
 *
 * @example const r = await loadLedger(ctx, "examples/sample-ledgers/province-60.jsonl");
 */
export const loadLedger = async (
  ctx: CliContext,
  path: string,
  options: LoadOptions = {},
): Promise<E.Either<CliError, LoadedLedger>> => {
  const input = checkLedgerInput(path);
  if (E.isLeft(input)) return input;
  const verify = options.verify ?? true;
  const persist = options.persist ?? true;
  const idxPath = indexPathOf(path);
  // The chain check starts first: its worker threads hash the file while this thread reads the index
  // (scanChain opens the file and starts them synchronously). No figure is computed before it passed.
  const scanning = verify ? scanned(path, { verify: true, offsets: true }) : undefined;
  const persisted = persist && options.reindex !== true ? readIndexFile(idxPath) : undefined;
  const idx = persisted !== undefined && E.isRight(persisted) ? persisted.right : undefined;

  const checking = ctx.progress("verify");
  checking.status(verify ? `checking the hash chain of ${path}…` : `opening ${path} (chain not checked)…`);
  // The whole file's scan (verifying), or, without verification and with an index, only what follows
  // the indexed prefix once its last line is found unchanged.
  // Read lazily from a current index (only audits and extensions need them).
  let offsets: () => Float64Array;
  // One event's offset without joining an extended ledger's tables (10 MB at national); the appended ones.
  let offsetAt: (position: number) => number;
  let tailOffsets = (): Float64Array => offsets().subarray(idx?.ledger.events ?? 0, total);
  let lastHash: string;
  let total: number;
  // The byte length of the complete lines (where an extension will start) and the header's hash.
  let bytes: number;
  let headerHash: string;
  if (verify || idx === undefined) {
    const s = await (scanning ?? scanned(path, { verify, offsets: true }));
    checking.done();
    if (E.isLeft(s)) return s;
    const scan = s.right;
    if (idx !== undefined) {
      // The stored hash of the indexed prefix's last event, read back at its offset.
      let hashAfter: string | undefined;
      if (idx.ledger.events > 0 && idx.ledger.events <= scan.events) {
        const fd = openSync(path, "r");
        hashAfter = storedHashAt(fd, scan.offsets![idx.ledger.events - 1] as number);
        closeSync(fd);
      }
      const samePrefix =
        scan.headerHash === idx.ledger.headerHash &&
        scan.events >= idx.ledger.events &&
        (idx.ledger.events === 0 || hashAfter === idx.ledger.lastHash);
      if (!samePrefix) return E.left(rewritten(path, idx, hashAfter));
    }
    const scanOffsets = scan.offsets ?? new Float64Array(0);
    offsets = () => scanOffsets;
    offsetAt = (p) => scanOffsets[p] as number;
    lastHash = scan.lastHash;
    total = scan.events;
    bytes = scan.bytes;
    headerHash = scan.headerHash;
  } else {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (e) {
      checking.done();
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
    if (size < idx.ledger.bytes || endHash !== idx.ledger.lastHash || headHash !== idx.ledger.headerHash) {
      checking.done();
      return E.left(rewritten(path, idx, endHash));
    }
    offsets = idx.offsets;
    offsetAt = (p) => idx.offsets()[p] as number;
    lastHash = idx.ledger.lastHash;
    total = idx.ledger.events;
    bytes = idx.ledger.bytes;
    headerHash = idx.ledger.headerHash;
    if (size > idx.ledger.bytes) {
      const s = await scanned(path, {
        verify: false,
        offsets: true,
        resume: { byteOffset: idx.ledger.bytes, line: idx.ledger.events + 2, prevHash: idx.ledger.lastHash },
      });
      if (E.isLeft(s)) {
        checking.done();
        return s;
      }
      const more = s.right.offsets;
      let joined: Float64Array | undefined;
      offsets = () => {
        joined ??= concat(idx.offsets(), more);
        return joined;
      };
      const base = idx.ledger.events;
      offsetAt = (p) => (p < base ? (idx.offsets()[p] as number) : (more?.[p - base] as number));
      tailOffsets = () => more ?? new Float64Array(0);
      lastHash = s.right.lastHash;
      total += s.right.events;
      bytes = s.right.bytes;
    }
    checking.done();
  }
  if (!verify)
    ctx.io.stderr(
      `coop-ledger: warning: --no-verify: the hash chain of ${path} was not checked; these figures are unverified\n`,
    );

  const source = offsetSource(path, offsetAt);
  let index: ProjectionIndex;
  let facts: LedgerFacts;
  let origin: IndexOrigin;
  let tap: ProvenanceTap | undefined;
  if (idx !== undefined) {
    index = ProjectionIndex.fromImage(idx.image, source);
    facts = new LedgerFacts(idx.facts);
    origin = "reopened";
    if (total > idx.ledger.events) {
      origin = "extended";
      const n = await feed(ctx, path, index, facts, {
        byteOffset: idx.ledger.bytes,
        line: idx.ledger.events + 2,
        position: idx.ledger.events,
        prevHash: idx.ledger.lastHash,
        revisions: index.streamRevisions(),
      });
      if (E.isLeft(n)) return n;
      if (idx.ledger.events + n.right !== total)
        return E.left(changedWhileRead(path, total, idx.ledger.events + n.right));
    }
  } else {
    // Built holding no decoded events (memory bounded by the streams' folds, not the history), the
    // provenance table taken from what the index emits (only streams that needed their events re-fold).
    tap = new ProvenanceTap(total);
    index = ProjectionIndex.holdingNoEvents(source, { tap });
    facts = new LedgerFacts();
    origin = "built";
    const n = await feed(ctx, path, index, facts, undefined);
    if (E.isLeft(n)) return n;
    if (n.right !== total) return E.left(changedWhileRead(path, total, n.right));
  }
  let provenance: ProvenanceTable | undefined;
  if (tap !== undefined) {
    provenance = tap.table((id) => index.streamEvents(id));
    if (persist)
      writeProvenanceFile(provenancePathOf(path), provenance, {
        headerHash,
        events: total,
        lastHash,
      });
  }
  // No decoded events stay in memory: audits read them back by offset.
  index.release(source);
  if (persist && origin !== "reopened") {
    const state = {
      headerHash,
      events: total,
      lastHash,
      bytes,
      lastOffset: total === 0 ? 0 : offsetAt(total - 1),
    };
    // An extension is appended to the index file (it costs the events appended); the file is written
    // whole (compacted) only once the extensions have piled up (see compactionPays).
    const appended =
      origin === "extended" &&
      idx !== undefined &&
      !compactionPays(idx) &&
      appendIndexExtension(idx, index.extensionImage(), state, facts.data(), tailOffsets());
    if (!appended)
      writeIndexFile(
        idxPath,
        (origin === "extended" ? index.compact() : index).toImage(),
        state,
        facts.data(),
        offsets(),
      );
  }
  const f = facts.data();
  let restating: LateEvent[] | undefined;
  let provenanceRead = origin === "built";
  const provenanceOf = (): ProvenanceTable | undefined => {
    if (provenanceRead) return provenance;
    provenanceRead = true;
    const p = persist ? readProvenanceFile(provenancePathOf(path)) : undefined;
    if (p === undefined) return undefined;
    // It must describe a prefix of this ledger: the same header, and its last event's stored hash.
    const c = p.covers;
    if (c.headerHash !== headerHash || c.events > total) return undefined;
    if (c.events > 0) {
      const fd = openSync(path, "r");
      const found = storedHashAt(fd, offsetAt(c.events - 1));
      closeSync(fd);
      if (found !== c.lastHash) return undefined;
    }
    provenance = p.table;
    return provenance;
  };
  return E.right({
    path,
    identity: {
      path,
      events: total,
      lastPosition: total === 0 ? null : total - 1,
      lastHash,
      verified: verify,
    },
    index,
    indexOrigin: origin,
    events: total,
    firstEffective: f.firstEffective,
    lastEffective: f.lastEffective,
    firstRecordedAt: f.firstRecordedAt,
    lastRecordedAt: f.lastRecordedAt,
    get restating(): ReadonlyArray<LateEvent> {
      restating ??= source.eventsAt(f.restating).map(lateEvent);
      return restating;
    },
    get provenance(): ProvenanceTable | undefined {
      return provenanceOf();
    },
    eventsAt: (positions) => (positions.length === 0 ? [] : source.eventsAt(positions)),
  });
};

const lateEvent = (e: RecordedEvent): LateEvent => ({
  eventId: e.eventId,
  streamId: e.streamId,
  type: e.event.type,
  position: e.position,
  effectiveDate: (e.event.data as { effectiveDate: BusinessDate }).effectiveDate,
  recordedAt: e.metadata.recordedAt,
});
