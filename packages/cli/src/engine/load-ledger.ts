import { closeSync, openSync } from "node:fs";
import type { BusinessDate, Instant, RecordedEvent } from "@coop-ledger/domain";
import type { ProjectionIndex, ProvenanceTable } from "@coop-ledger/projections";
import { storedHashAt } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import { takeChainAhead } from "./chain-ahead.js";
import { COLLECT_ONLY, reclaimHeap } from "./heap-reclaim.js";
import { feedIndex, type IndexOrigin, offsetSource } from "./index-feed.js";
import { indexPathOf, readColumnListsAhead, readIndexFile } from "./index-file.js";
import { writeBackIndex } from "./index-write-back.js";
import { checkLedger, scanLedger } from "./ledger-check.js";
import type { LedgerIdentity } from "./ledger-identity.js";
import { checkLedgerInput } from "./ledger-input.js";
import { provenancePathOf, readProvenanceFile, writeProvenanceFile } from "./provenance-file.js";

export type { IndexOrigin } from "./index-feed.js";
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
 * @example
 * // A year of Bình Thuận (60) written to a ledger file (525 events).
 * const ctx = makeContext(processIo());
 * await writeLedger("load.jsonl", generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }), ctx.progress("generate"));
 * const r = await loadLedger(ctx, "load.jsonl");
 * if (E.isRight(r)) console.log(r.right.indexOrigin, r.right.identity.events); // "built" 525 (load.jsonl.idx written beside it)
 * const again = await loadLedger(ctx, "load.jsonl");
 * if (E.isRight(again)) console.log(again.right.indexOrigin); // "reopened": the ledger did not change
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
  // A check started ahead for this file (the executable's first step, `checkChainAhead`) is taken here.
  const started = takeChainAhead(path);
  if (!verify) started?.stop();
  const scanning = verify ? scanLedger(path, { verify: true, offsets: true }, started) : undefined;
  const persisted = persist && options.reindex !== true ? readIndexFile(idxPath) : undefined;
  const idx = persisted !== undefined && E.isRight(persisted) ? persisted.right : undefined;
  // This thread waits for the chain check's threads: it reads ahead what a first query reads first.
  if (scanning !== undefined && idx !== undefined) readColumnListsAhead(idx);

  const checking = ctx.progress("verify");
  checking.status(verify ? `checking the hash chain of ${path}…` : `opening ${path} (chain not checked)…`);
  const checked = await checkLedger(path, idx, verify, scanning);
  checking.done();
  if (E.isLeft(checked)) return checked;
  const { events: total, lastHash, bytes, headerHash, offsetAt } = checked.right;
  if (!verify)
    ctx.io.stderr(
      `coop-ledger: warning: --no-verify: the hash chain of ${path} was not checked; these figures are unverified\n`,
    );

  const source = offsetSource(path, offsetAt);
  const fed = await feedIndex(ctx, path, idx, total, source, checked.right.offsets);
  if (E.isLeft(fed)) return fed;
  const { index, facts, origin, tap } = fed.right;
  let provenance: ProvenanceTable | undefined;
  // Whether `provenance` is final (built here and not written, or read from the file when asked for).
  let provenanceRead = false;
  if (tap !== undefined) {
    // A first build's feed leaves hundreds of MB of garbage in the heap: one plain collection frees its
    // empty pages before the provenance image's arrays (~190 MB at national) are laid out beside it.
    if (origin === "built") reclaimHeap(COLLECT_ONLY);
    provenance = tap.table((id) => index.streamEvents(id));
    // Once written, the table is read back from its file when a command asks for it (opened by its
    // headers, its columns read as a query needs them), rather than held whole while the columns are
    // laid out and the index is written: at national scale that is ~250 MB off the build's peak.
    const written =
      persist &&
      (await writeProvenanceFile(provenancePathOf(path), provenance, {
        headerHash,
        events: total,
        lastHash,
      }));
    if (written) provenance = undefined;
    else provenanceRead = true;
  }
  // No decoded events stay in memory: audits read them back by offset.
  index.release(source);
  if (persist)
    await writeBackIndex(idxPath, {
      index,
      origin,
      idx,
      state: {
        headerHash,
        events: total,
        lastHash,
        bytes,
        lastOffset: total === 0 ? 0 : offsetAt(total - 1),
      },
      facts: facts.data(),
      offsets: checked.right.offsets,
      tailOffsets: checked.right.tailOffsets,
    });
  const f = facts.data();
  let restating: LateEvent[] | undefined;
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
