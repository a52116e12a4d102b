import { stat } from "node:fs/promises";
import type { RecordedEvent } from "@coop-ledger/domain";
import {
  type BatchItem,
  type FileLedger,
  importEvents,
  makeInMemoryStore,
  type NewEvent,
  openFileLedger,
  readLedgerChunks,
} from "@coop-ledger/store";
import { generateLedger } from "@coop-ledger/testing";
import * as E from "fp-ts/lib/Either.js";
import type { GeneratedDataset, Subjects } from "./subjects.js";

const orThrow = <A>(r: E.Either<{ message: string }, A>, what: string): A => {
  if (E.isLeft(r)) throw new Error(`${what}: ${r.left.message}`);
  return r.right;
};

/**
 * Streams the decoded events of a ledger: the store's chunked reader (one promise per chunk, not per
 * event), full codec validation, no chain check (a replay trusts a verified file; `verifyLedger` checks
 * the chain once). Any issue stops the benchmark: figures from a half-read ledger would lie.
 */
async function* readLedgerEvents(path: string): AsyncGenerator<RecordedEvent, void, undefined> {
  for await (const chunk of readLedgerChunks(path)) {
    for (const r of chunk) {
      if (E.isLeft(r)) throw new Error(`${path}: ${r.left.message}`);
      yield r.right;
    }
  }
}

/** Generated events with the stream revisions and positions a fresh ledger will give them. */
function* withRevisions(
  events: Iterable<{ streamId: RecordedEvent["streamId"] } & Pick<RecordedEvent, "eventId" | "event" | "metadata">>,
  maxEvents: number | undefined,
): Generator<RecordedEvent, void, undefined> {
  const revisions = new Map<string, number>();
  let position = 0;
  for (const e of events) {
    if (maxEvents !== undefined && position >= maxEvents) return;
    const revision = revisions.get(e.streamId) ?? 0;
    revisions.set(e.streamId, revision + 1);
    yield { ...e, revision, position: position++ };
  }
}

const generate = async (
  preset: "province" | "national",
  seed: number,
  maxEvents: number | undefined,
  path: string,
): Promise<GeneratedDataset> => {
  const ledger = orThrow(await openFileLedger(path)(), `open ${path}`);
  try {
    const streams = new Set<string>();
    const source = withRevisions(generateLedger({ preset, seed }), maxEvents);
    const counted = (function* () {
      for (const e of source) {
        streams.add(e.streamId);
        yield e;
      }
    })();
    const r = orThrow(await importEvents(ledger, counted, { batchSize: 5000 })(), `import into ${path}`);
    return { events: r.events, streams: streams.size, bytes: (await stat(path)).size };
  } finally {
    await ledger.close();
  }
};

/**
 * The subjects wired to the workspace packages (store, projections, testing, domain).
 *
 * @example const figures = await runTask(liveSubjects, task);
 */
export const liveSubjects: Subjects = {
  generate,
  readLedger: readLedgerEvents,
  inMemoryStore: makeInMemoryStore,
  openFileLedger: async (path) => orThrow(await openFileLedger(path)(), `open ${path}`),
  importBatch: async (store, events) => {
    // One multi-stream appendBatch: one write and one fsync for the whole batch (what importEvents does
    // per batch), consecutive events of a stream in one item.
    const items: BatchItem[] = [];
    for (const e of events) {
      const last = items[items.length - 1];
      const ne = { eventId: e.eventId, event: e.event, metadata: e.metadata };
      if (last !== undefined && last.streamId === e.streamId) (last.events as NewEvent[]).push(ne);
      else items.push({ streamId: e.streamId, events: [ne], expectedRevision: "any" });
    }
    orThrow(await (store as FileLedger).appendBatch(items)(), "appendBatch");
  },
};
