import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  type EventSource,
  FeedMerge,
  type PartitionEnd,
  ProjectionIndex,
  ProvenanceTap,
} from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliContext } from "../context.js";
import type { CliError } from "../errors/cli-error.js";
import { PACKAGE_ROOT } from "../package-root.js";
import type { FedIndex } from "./index-feed.js";
import { LedgerFacts, type LedgerFactsData } from "./ledger-facts.js";

/** What a feed thread is given (`workerData`). */
export interface FeedWorkerData {
  readonly path: string;
  readonly part: number;
  readonly parts: number;
  /** Every event's byte offset (the chain check's), for the read-backs of its streams. */
  readonly offsets: Float64Array;
}

/** What a feed thread posts: its log's batches, then its end, or the first bad line it met. */
export type FeedWorkerMessage =
  | {
      readonly t: "batch";
      readonly ops: Float64Array;
      readonly strings: ReadonlyArray<string>;
      readonly fed: number;
    }
  | { readonly t: "end"; readonly end: PartitionEnd; readonly facts: LedgerFactsData; readonly fed: number }
  | { readonly t: "issue"; readonly line: number; readonly error: CliError; readonly fed: number }
  | { readonly t: "fallback"; readonly fed: number };

/**
 * The partition of a stream among `parts` (FNV-1a of its id): the same in every thread and run.
 * @example partitionOf("coop-htx-60-00089", 1) // 0
 */
export const partitionOf = (streamId: string, parts: number): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) h = Math.imul(h ^ streamId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % parts;
};

/** The most feed threads a first build starts (one partition each; the main thread merges). */
const MAX_THREADS = 4;
/** A ledger smaller than this is fed on the calling thread with `auto` (the threads' start is not worth it). */
const THREADS_FROM_EVENTS = 100_000;

/** The feed thread's program: the bundled executable's second entry (scripts/bundle.mjs). */
const workerProgram = (): URL => new URL("dist/feed-worker.js", PACKAGE_ROOT);

/**
 * How many threads feed the first build of a ledger of `events` events, as `COOP_LEDGER_FEED_THREADS`
 * says: unset (the default) or 1, one (this thread: the sequential path); N, N threads (at most
 * {@link MAX_THREADS}); `auto`, the available parallelism for a ledger of 100,000 events or more. One
 * whenever the worker program is not there (the library run from its sources). Off by default: it does
 * not pay on 2 cores. 400k first build, load 1-2, alternated twice: one thread 17.0 / 18.0 s wall,
 * 19.7 / 21.0 s CPU, 637 / 636 MiB peak (main thread 13.0 / 14.2 s CPU); two feed threads 20.0 / 16.7 s
 * wall, 29.5 / 25.0 s CPU, 780 / 737 MiB (main thread 5.1 / 4.1 s, feed threads 8.0 + 7.8 / 6.8 + 6.7 s):
 * every thread reads and checks every line, and the collector's helper threads already use the second
 * core. A machine with more cores than feed threads is where it may pay (not measured).
 * @example feedThreads(10) // 1 (unless COOP_LEDGER_FEED_THREADS asks for more)
 */
export const feedThreads = (events: number): number => {
  const asked = process.env.COOP_LEDGER_FEED_THREADS;
  const n =
    asked === "auto"
      ? events < THREADS_FROM_EVENTS
        ? 1
        : availableParallelism()
      : Number.isInteger(Number(asked)) && Number(asked) >= 1
        ? Number(asked)
        : 1;
  return n <= 1 || !existsSync(workerProgram()) ? 1 : Math.min(n, MAX_THREADS);
};

/**
 * The first build of a checked ledger fed on `parts` threads, each feeding the streams of its partition
 * (`PartitionFeed`, feed-worker.ts) while this thread merges their logs in position order into the
 * index's layout and the provenance tap (`FeedMerge`) and adopts their streams at the end: the index,
 * tap and facts are those of the sequential build (the same `.idx` and `.prov` bytes). Left: the bad
 * line with the lowest number any thread met (the one the sequential build stops at), as its error.
 * Undefined when a thread met a line its byte scan cannot tell apart safely (see `partitionFields`):
 * the caller then builds on one thread.
 * @example
 * // A ledger of `events` events checked with offsets, built on two threads.
 * const build = (ctx: CliContext, path: string, events: number, offsets: Float64Array, source: EventSource) =>
 *   feedInParallel(ctx, path, events, offsets, source, 2);
 */
export const feedInParallel = (
  ctx: CliContext,
  path: string,
  events: number,
  offsets: Float64Array,
  source: EventSource,
  parts: number,
): Promise<E.Either<CliError, { readonly fed: FedIndex; readonly read: number }> | undefined> => {
  const tap = new ProvenanceTap(events);
  const index = ProjectionIndex.holdingNoEvents(source, { tap });
  const { layout, adopt } = index.assembly();
  const merge = new FeedMerge(parts, layout, tap);
  const progress = ctx.progress(`indexing ${path} (${parts} threads)`);
  const ends: PartitionEnd[] = [];
  const facts: LedgerFactsData[] = [];
  const fed = new Array<number>(parts).fill(0);
  let issue: { line: number; error: CliError } | undefined;
  return new Promise((resolve, reject) => {
    let running = parts;
    let answered = 0;
    let fallback = false;
    const workers: Worker[] = [];
    const finish = () => {
      progress.done();
      if (issue !== undefined) return resolve(E.left(issue.error));
      adopt(ends);
      const read = fed.reduce((a, b) => a + b, 0);
      resolve(E.right({ fed: { index, facts: LedgerFacts.merge(facts), origin: "built", tap }, read }));
    };
    for (let part = 0; part < parts; part++) {
      const w = new Worker(workerProgram(), {
        workerData: { path, part, parts, offsets } satisfies FeedWorkerData,
        // A small young generation: the threads' decoded events die young either way, and with the
        // default one each thread's semi-spaces put the build's peak RSS ~50 MB above the sequential
        // build's (400k: 863-887 vs 808-832 MiB; with 8 MB 811 MiB, for ~1 s more CPU in collections).
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
      workers.push(w);
      w.on("message", (m: FeedWorkerMessage) => {
        progress.tick(m.fed - (fed[part] as number), events);
        fed[part] = m.fed;
        if (m.t === "batch") merge.add(part, { ops: m.ops, strings: m.strings });
        else if (m.t === "fallback") {
          fallback = true;
          for (const o of workers) void o.terminate();
        } else {
          answered++;
          if (m.t === "end") {
            ends.push(m.end);
            facts.push(m.facts);
          } else if (issue === undefined || m.line < issue.line) issue = { line: m.line, error: m.error };
          merge.end(part);
        }
        // After a bad line the logs are not replayed: the build fails.
        if (issue === undefined && !fallback) merge.drain();
      });
      w.on("error", (e) => {
        for (const o of workers) void o.terminate();
        reject(e);
      });
      w.on("exit", () => {
        if (--running > 0) return;
        if (fallback) {
          progress.done();
          resolve(undefined);
        } else if (answered < parts) reject(new Error(`${path}: a feed thread stopped without an answer`));
        else finish();
      });
    }
  });
};
