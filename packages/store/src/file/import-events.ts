import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { StoreError } from "../port/store-error.js";
import type { BatchItem, FileLedger } from "./file-ledger.js";

// What an import reads of each event: a ledger's position is the target's to give, not the source's.
type ImportedEvent = Pick<RecordedEvent, "streamId" | "revision" | "eventId" | "event" | "metadata">;

/**
 * Bulk import: appends recorded events (from another ledger, an export, a generator) in batches of
 * `batchSize`, one write and one fsync per batch. Each event keeps its id and its stream revision (the
 * expected revision is the one before it), so importing the same source twice writes nothing the second
 * time, and a source whose revisions do not follow on is refused (`WrongExpectedRevision`). The source's
 * positions, if it has any, are not read: the target ledger gives its own.
 *
 * @example
 * import { importEvents, openFileLedger, readLedger } from "@coop-ledger/store";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * const opened = await openFileLedger("import-source.jsonl")();
 * if (opened._tag === "Left") throw new Error(opened.left.message);
 * const ledger = opened.right;
 * const { streamId } = fixtureEvent("a", 0);
 * await ledger.append(streamId, fixtureBatch("a", 3), { expectedRevision: "noStream" })();
 * await ledger.close();
 * const target = await openFileLedger("import-target.jsonl")();
 * if (target._tag === "Left") throw new Error(target.left.message);
 * // Any (async) iterable of recorded events: here another ledger's, read back.
 * const source = async function* () {
 *   for await (const r of readLedger("import-source.jsonl")) if (r._tag === "Right") yield r.right;
 * };
 * const first = await importEvents(target.right, source(), { batchSize: 2 })();
 * const again = await importEvents(target.right, source(), { batchSize: 2 })(); // a repeat writes nothing
 * if (first._tag === "Right" && again._tag === "Right") console.log(first.right, again.right.written);
 * // { events: 3, written: 3, batches: 2 } 0
 * await target.right.close();
 */
export const importEvents =
  (
    ledger: Pick<FileLedger, "appendBatch">,
    source: Iterable<ImportedEvent> | AsyncIterable<ImportedEvent>,
    options: { readonly batchSize?: number } = {},
  ): TE.TaskEither<
    StoreError,
    { readonly events: number; readonly written: number; readonly batches: number }
  > =>
  async () => {
    const size = Math.max(1, options.batchSize ?? 2000);
    let items: Array<{
      streamId: StreamId;
      events: BatchItem["events"][number][];
      expectedRevision: BatchItem["expectedRevision"];
    }> = [];
    let inBatch = 0;
    let events = 0;
    let written = 0;
    let batches = 0;
    const flush = async (): Promise<E.Either<StoreError, void>> => {
      if (items.length === 0) return E.right(undefined);
      const r = await ledger.appendBatch(items)();
      if (E.isLeft(r)) return r;
      batches++;
      items.forEach((it, i) => {
        if (r.right[i]?.written === true) written += it.events.length;
      });
      items = [];
      inBatch = 0;
      return E.right(undefined);
    };
    for await (const e of source as AsyncIterable<ImportedEvent>) {
      const last = items[items.length - 1];
      const ne = { eventId: e.eventId, event: e.event, metadata: e.metadata };
      if (last !== undefined && last.streamId === e.streamId) last.events.push(ne);
      else
        items.push({
          streamId: e.streamId,
          events: [ne],
          expectedRevision: e.revision === 0 ? "noStream" : e.revision - 1,
        });
      events++;
      if (++inBatch >= size) {
        const f = await flush();
        if (E.isLeft(f)) return f;
      }
    }
    const f = await flush();
    if (E.isLeft(f)) return f;
    return E.right({ events, written, batches });
  };
