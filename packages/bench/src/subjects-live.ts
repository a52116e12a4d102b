import { stat } from "node:fs/promises";
import {
  dayOf,
  evolve,
  gazetteerOn,
  initialState,
  isoDate,
  type RecordedEvent,
  type StreamState,
} from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/generator";
import { ProjectionIndex, type QueryInput, replay, snapshot } from "@coop-ledger/projections";
import {
  type BatchItem,
  type FileLedger,
  importEvents,
  makeInMemoryStore,
  type NewEvent,
  openFileLedger,
  readLedgerChunks,
} from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import { districtsOption } from "./geo-districts.js";
import { pick } from "./harness/rng.js";
import type { DatasetFacts, GeneratedDataset, Subjects, Validation } from "./subjects.js";

const orThrow = <A>(r: E.Either<{ message: string }, A>, what: string): A => {
  if (E.isLeft(r)) throw new Error(`${what}: ${r.left.message}`);
  return r.right;
};

/**
 * Streams the decoded events of a ledger: the store's chunked reader (one promise per chunk, not per
 * event), full codec validation, no chain check (a replay trusts a verified file; `verifyLedger` checks
 * the chain once). Any issue stops the benchmark: figures from a half-read ledger would lie.
 */
async function* readLedgerEvents(
  path: string,
  validation: Validation = "codec",
): AsyncGenerator<RecordedEvent, void, undefined> {
  for await (const chunk of readLedgerChunks(path, { validation })) {
    for (const r of chunk) {
      if (E.isLeft(r)) throw new Error(`${path}: ${r.left.message}`);
      yield r.right;
    }
  }
}

/** Generated events with the stream revisions and positions a fresh ledger will give them. */
function* withRevisions(
  events: Iterable<
    { streamId: RecordedEvent["streamId"] } & Pick<RecordedEvent, "eventId" | "event" | "metadata">
  >,
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
    const source = withRevisions(generateLedger({ preset, seed, ...districtsOption() }), maxEvents);
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

const rightOrThrow = <A>(r: E.Either<{ _tag: string; message?: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(`projection refused the query: ${r.left._tag} ${r.left.message ?? ""}`);
  return r.right;
};

/** Full replay as a rebuild: every event of the ledger into a fresh point-in-time index. */
const replayLedger = async (path: string, validation: Validation = "codec"): Promise<unknown> => {
  const index = new ProjectionIndex();
  for await (const chunk of readLedgerChunks(path, { validation })) {
    for (const r of chunk) {
      if (E.isLeft(r)) throw new Error(`${path}: ${r.left.message}`);
      index.add(r.right);
    }
  }
  // The columns laid out, as a service's first query would (part of the rebuild's cost).
  return index.prepare();
};

/** Full replay as the plain fold: every event in memory, then every indicator at the last date. */
const replayLedgerFold = async (path: string): Promise<unknown> => {
  const events: RecordedEvent[] = [];
  let last = "0000-01-01";
  for await (const e of readLedgerEvents(path)) {
    events.push(e);
    const d = (e.event.data as { effectiveDate?: string }).effectiveDate;
    if (d !== undefined && d > last) last = d;
  }
  return rightOrThrow(replay(events, { validAt: last }));
};

const SCOPE_SECTOR_SHARE = 0.3;

/**
 * A random query: `validAt` uniform over the dataset's valid dates; `knownAt` (half of the time) uniform
 * over its recording instants; geography as of the date (60%) or re-mapped to the 2025 provinces; a
 * province scope (40%, a code of the reporting gazetteer seen in the data), a sector scope (30%).
 */
const randomQuery = (random: () => number, facts: DatasetFacts): QueryInput => {
  const a = dayOf(facts.firstDate);
  const validAt = isoDate(a + Math.floor(random() * (dayOf(facts.lastDate) - a + 1)));
  const ra = Date.parse(facts.firstRecordedAt);
  const rb = Date.parse(facts.lastRecordedAt);
  const knownAt = random() < 0.5 ? new Date(ra + Math.floor(random() * (rb - ra))).toISOString() : undefined;
  const asOf = random() < 0.6;
  const gazetteer = asOf ? gazetteerOn(validAt as Parameters<typeof gazetteerOn>[0]) : "2025-07-01";
  const provinces = facts.provincesByGazetteer[gazetteer] ?? [];
  const province = random() < 0.4 && provinces.length > 0 ? pick(random, provinces) : undefined;
  const sector =
    random() < SCOPE_SECTOR_SHARE && facts.sectors.length > 0 ? pick(random, facts.sectors) : undefined;
  return {
    validAt,
    ...(knownAt !== undefined ? { knownAt } : {}),
    ...(asOf ? {} : { geography: "2025-07-01" }),
    ...(province !== undefined || sector !== undefined
      ? {
          scope: {
            ...(province !== undefined ? { province } : {}),
            ...(sector !== undefined ? { sector } : {}),
          },
        }
      : {}),
  };
};

/**
 * The subjects wired to the workspace packages (store, projections, testing, domain).
 *
 * @example
 * import { type DatasetRef, liveSubjects, need, runTask } from "@coop-ledger/bench";
 * // A tiny dataset (the bench uses a province, 100 k and national ones).
 * const generate = need(liveSubjects.generate, "generate");
 * const made = await generate("province", 7, 200, "live.jsonl");
 * const dataset: DatasetRef = { label: "tiny", path: "live.jsonl", events: made.events };
 * const figures = await runTask(liveSubjects, { kind: "indexBuild", dataset });
 * console.log(Object.keys(figures).length > 0); // true
 */
export const liveSubjects: Subjects = {
  generate,
  readLedger: readLedgerEvents,
  replayLedger,
  replayLedgerFold,
  newIndex: () => {
    const index = new ProjectionIndex();
    return {
      apply: (e) => {
        index.add(e);
      },
      ready: () => {
        index.prepare();
      },
      query: (q) => rightOrThrow(snapshot(index, q as QueryInput)),
    };
  },
  queryByReplay: (events, q) => rightOrThrow(replay(events, q as QueryInput)),
  randomQuery,
  fold: {
    evolve: (s, e) => evolve(s as StreamState, e),
    initialState,
    appliesTo: (streamId) => streamId.startsWith("coop-"),
  },
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
