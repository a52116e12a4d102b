import { access, rename, rm } from "node:fs/promises";
import type { DomainEvent, EventId, EventMetadata, StreamId } from "@coop-ledger/domain";
import {
  acquireLedgerLock,
  type FileLedger,
  importEvents,
  type LedgerLock,
  openFileLedger,
} from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { CliError } from "../errors/cli-error.js";
import type { Progress } from "../progress.js";
import { fromStoreError } from "./store-error.js";

/** An event ready to append in recording order (what the generator and an EventStoreDB read give). */
export interface EventToWrite {
  readonly streamId: StreamId;
  readonly eventId: EventId;
  readonly event: DomainEvent;
  readonly metadata: EventMetadata;
}

/** What was written. */
export interface WriteSummary {
  readonly events: number;
  readonly streams: number;
  readonly lastHash: string;
  readonly bytes: number;
}

const BATCH = 5_000;

/** Options of {@link writeLedger}. */
export interface WriteOptions {
  /**
   * Asked once every event is written, before the new file is renamed into place: an error means the
   * events were not all there (the source failed part-way), so the partial file is removed and
   * whatever was at `out` before stays as it was.
   */
  readonly abandon?: () => CliError | undefined;
}

/**
 * Writes events, in order, to a NEW ledger file: into `<out>.partial` first, renamed to `out` only when
 * every batch is written and fsynced, so an interrupted run never leaves a half ledger under the real
 * name. The store's `importEvents` appends them in batches of 5,000 (one write and one fsync each),
 * each event at the next revision of its stream. The header's `createdAt` is the first
 * event's `recordedAt`, so the same events give the same bytes.
 *
 * @example
 * const ctx = makeContext(processIo());
 * const q1 = generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-03-31" });
 * const r = await writeLedger("q1.jsonl", q1, ctx.progress("writing q1.jsonl"));
 * if (E.isRight(r)) console.log(r.right); // { events: 407, streams: 121, lastHash: "cc15302c…", bytes: 253363 }
 */
export const writeLedger = async (
  out: string,
  events: AsyncIterable<EventToWrite> | Iterable<EventToWrite>,
  progress: Progress,
  options: WriteOptions = {},
): Promise<E.Either<CliError, WriteSummary>> => {
  const partial = `${out}.partial`;
  // Replacing an existing ledger (`--force`) takes its writer lock first (by path and by file identity)
  // and holds it until the new file is in place: a ledger a service is writing is refused (LedgerLocked),
  // never renamed away from under it.
  let guard: LedgerLock | undefined;
  if (
    await access(out).then(
      () => true,
      () => false,
    )
  ) {
    const l = await acquireLedgerLock(out);
    if (E.isLeft(l)) return E.left(fromStoreError(l.left, "file"));
    guard = l.right;
  }
  try {
    return await writeNew(out, partial, events, progress, options);
  } finally {
    await guard?.release();
  }
};

/** Gives each event its stream revision (0, 1, ... per stream, in the order the events come). */
async function* withRevisions(
  first: IteratorResult<EventToWrite>,
  rest: AsyncIterator<EventToWrite>,
): AsyncGenerator<EventToWrite & { readonly revision: number }> {
  const revisions = new Map<string, number>();
  for (let next = first; next.done !== true; next = await rest.next()) {
    const e = next.value;
    const revision = (revisions.get(e.streamId) ?? -1) + 1;
    revisions.set(e.streamId, revision);
    yield { streamId: e.streamId, eventId: e.eventId, event: e.event, metadata: e.metadata, revision };
  }
}

const writeNew = async (
  out: string,
  partial: string,
  events: AsyncIterable<EventToWrite> | Iterable<EventToWrite>,
  progress: Progress,
  options: WriteOptions,
): Promise<E.Either<CliError, WriteSummary>> => {
  await rm(partial, { force: true });
  const it =
    (events as AsyncIterable<EventToWrite>)[Symbol.asyncIterator]?.() ??
    (async function* () {
      yield* events as Iterable<EventToWrite>;
    })();
  const first = await it.next();
  const createdAt = first.done === true ? new Date(0) : new Date(first.value.metadata.recordedAt);
  const opened = await openFileLedger(partial, { create: true, now: () => createdAt })();
  if (E.isLeft(opened)) return E.left(fromStoreError(opened.left, "file"));
  const ledger = opened.right;
  const fail = async (e: CliError): Promise<E.Either<CliError, WriteSummary>> => {
    await ledger.close();
    await rm(partial, { force: true });
    return E.left(e);
  };
  // The store's bulk import does the batching (one write and one fsync a batch); progress is told
  // after each batch is durable.
  const reporting: Pick<FileLedger, "appendBatch"> = {
    appendBatch: (items) => async () => {
      const r = await ledger.appendBatch(items)();
      if (E.isRight(r)) progress.tick(items.reduce((n, item) => n + item.events.length, 0));
      return r;
    },
  };
  const imported = await importEvents(reporting, withRevisions(first, it), { batchSize: BATCH })();
  if (E.isLeft(imported)) return fail(fromStoreError(imported.left, "file"));
  // The source may have stopped early (a read failed part-way): then no ledger replaces `out`.
  const abandoned = options.abandon?.();
  if (abandoned !== undefined) return fail(abandoned);
  const info = ledger.info();
  await ledger.close();
  await rename(partial, out);
  // A new ledger at this path: the index of the old one (a cache, see docs/index-format.md) would be
  // refused as the index of a rewritten history; it is of no use any more.
  await rm(`${out}.idx`, { force: true });
  return E.right({
    events: imported.right.events,
    streams: info.streams,
    lastHash: info.lastHash,
    bytes: info.bytes,
  });
};
