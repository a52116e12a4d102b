import { openSync } from "node:fs";
import { type EventSource, ProjectionIndex, ProvenanceTap } from "@coop-ledger/projections";
import { type ResumePoint, readEventsAt, readLedgerChunks } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import { provenanceSpill } from "./file-spill.js";
import type { IndexFile } from "./index-file.js";
import { LedgerFacts } from "./ledger-facts.js";
import { fromLedgerIssue } from "./ledger-issue.js";
import { feedInParallel, feedThreads } from "./parallel-feed.js";

/** How the index was obtained on this load (for notes, tests and the bench). */
export type IndexOrigin = "built" | "reopened" | "extended";

/**
 * The ledger as the index's event source: each event read back from its line by byte offset (one
 * positioned read, decoded through the codecs). A line that is not the event asked for means the file
 * changed under the command: an error (never a wrong event).
 *
 * @example
 * // A ledger's events at positions 0 and 2, given where each line starts (as a chain scan reports it).
 * const firstAndThird = (path: string, offsets: Float64Array) =>
 *   offsetSource(path, (p) => offsets[p] as number).eventsAt([0, 2]);
 */
export const offsetSource = (path: string, offsetAt: (position: number) => number): EventSource => {
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

/**
 * An index fed from a ledger, with the ledger's facts and the provenance tap that watched a build (none
 * when the index was reopened or extended).
 */
export interface FedIndex {
  readonly index: ProjectionIndex;
  readonly facts: LedgerFacts;
  readonly origin: IndexOrigin;
  readonly tap: ProvenanceTap | undefined;
}

/**
 * The index of a checked ledger of `events` events: the persisted one reopened (`idx`), and extended
 * with the events that follow its prefix if the ledger grew; or, without one, built from the whole file.
 * Every event read is counted: a ledger that holds other than `events` events by now changed while it
 * was read (refused). A build given the events' byte `offsets` is fed on threads when
 * `COOP_LEDGER_FEED_THREADS` asks for them (`feedThreads`, `feedInParallel`: the same index, tap, facts).
 *
 * @example
 * // The index of a ledger checked without a persisted one: built from every event, read back by offset.
 * const build = (ctx: CliContext, path: string, events: number, offsets: Float64Array) =>
 *   feedIndex(ctx, path, undefined, events, offsetSource(path, (p) => offsets[p] as number));
 */
export const feedIndex = async (
  ctx: CliContext,
  path: string,
  idx: IndexFile | undefined,
  events: number,
  source: EventSource,
  offsets?: () => Float64Array,
): Promise<E.Either<CliError, FedIndex>> => {
  if (idx !== undefined) {
    const index = ProjectionIndex.fromImage(idx.image, source);
    const facts = new LedgerFacts(idx.facts);
    if (events <= idx.ledger.events) return E.right({ index, facts, origin: "reopened", tap: undefined });
    const n = await feed(ctx, path, index, facts, {
      byteOffset: idx.ledger.bytes,
      line: idx.ledger.events + 2,
      position: idx.ledger.events,
      prevHash: idx.ledger.lastHash,
      revisions: { get: (id) => index.streamRevision(id) },
    });
    if (E.isLeft(n)) return n;
    if (idx.ledger.events + n.right !== events)
      return E.left(changedWhileRead(path, events, idx.ledger.events + n.right));
    return E.right({ index, facts, origin: "extended", tap: undefined });
  }
  // Fed on threads when asked, one partition of the streams each (parallel-feed.ts).
  const threads = offsets === undefined ? 1 : feedThreads(events);
  if (threads > 1 && offsets !== undefined) {
    const built = await feedInParallel(ctx, path, events, offsets(), source, threads);
    if (built !== undefined && E.isLeft(built)) return built;
    if (built !== undefined && built.right.read !== events)
      return E.left(changedWhileRead(path, events, built.right.read));
    if (built !== undefined) return E.right(built.right.fed);
  }
  // Built holding no decoded events (memory bounded by the streams' folds, not the history), the
  // provenance table taken from what the index emits (only streams that needed their events re-fold).
  // Its entries spilled to a temporary file as they come (removed once the table is laid out, and on
  // every way out before that here; the file is gone from its directory from the start).
  const spill = provenanceSpill(path, events);
  const tap = new ProvenanceTap(events, spill);
  const index = ProjectionIndex.holdingNoEvents(source, { tap });
  const facts = new LedgerFacts();
  const n = await feed(ctx, path, index, facts, undefined).catch((e: unknown) => {
    spill?.close();
    throw e;
  });
  if (E.isRight(n) && n.right === events) return E.right({ index, facts, origin: "built", tap });
  spill?.close();
  return E.isLeft(n) ? n : E.left(changedWhileRead(path, events, n.right));
};
