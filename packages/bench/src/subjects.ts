import type { RecordedEvent } from "@coop-ledger/domain";
import type { EventStore, NewEvent } from "@coop-ledger/store";

/** How events are decoded on read: `codec` (every event validated) or `trusted` (see `readLedger`). */
export type Validation = "codec" | "trusted";

/** What the generator wrote. */
export interface GeneratedDataset {
  readonly events: number;
  readonly streams: number;
  readonly bytes: number;
}

/** A point-in-time index fed event by event. */
export interface LiveIndex<Q> {
  readonly apply: (event: RecordedEvent) => void;
  /**
   * Finishes the work fed events left for later (laying deltas out into columns), which the first
   * query would otherwise pay: a build is timed up to and including it.
   */
  readonly ready?: () => void;
  /** Answers a query; throws when the projection refuses it (a benchmark must not time errors). */
  readonly query: (query: Q) => unknown;
}

/** What the random queries may range over, learnt while loading a dataset. */
export interface DatasetFacts {
  readonly firstDate: string;
  readonly lastDate: string;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
  /** Province codes seen in co-op locations, by the gazetteer version they belong to. */
  readonly provincesByGazetteer: Readonly<Record<string, ReadonlyArray<string>>>;
  readonly sectors: ReadonlyArray<string>;
}

/** A fold over one stream's domain events: the decider's `evolve` and `initialState`. */
export interface StreamFold<S> {
  readonly evolve: (state: S, event: RecordedEvent["event"]) => S;
  readonly initialState: S;
  /** The streams the fold applies to (e.g. co-op streams only). */
  readonly appliesTo: (streamId: string) => boolean;
}

/**
 * The code under test, behind one seam: the measurements only see this interface, and
 * `subjects-live.ts` wires it to the workspace packages. A member that is `undefined` (its package has
 * not landed) makes the measurements that need it report "not available" instead of failing.
 */
export interface Subjects<Q = unknown, S = unknown> {
  /** Generates a history at a fixed seed and writes it as a file ledger with the store's import. */
  readonly generate?: (
    preset: "province" | "national",
    seed: number,
    maxEvents: number | undefined,
    path: string,
  ) => Promise<GeneratedDataset>;
  /**
   * Streams decoded (upcast) events from a file ledger. `trusted`: the store's fast path for a verified
   * ledger (types and versions checked, old versions upcast, current-version data not re-validated);
   * default: every event through the io-ts codecs.
   */
  readonly readLedger?: (path: string, validation?: Validation) => AsyncIterable<RecordedEvent>;
  /**
   * Full replay of a file ledger: read + parse + decode + upcast + every projection (a rebuild of the
   * point-in-time index, which holds every indicator's series).
   */
  readonly replayLedger?: (path: string, validation?: Validation) => Promise<unknown>;
  /**
   * The plain fold alternative: read + decode, then every indicator at one date by the projections'
   * reference `replay` (no index). Reported beside {@link replayLedger}.
   */
  readonly replayLedgerFold?: (path: string) => Promise<unknown>;
  /** A new, empty point-in-time index. */
  readonly newIndex?: () => LiveIndex<Q>;
  /** Answers a query by folding all the events again (what the index must beat). */
  readonly queryByReplay?: (events: ReadonlyArray<RecordedEvent>, query: Q) => unknown;
  /** A random query over a dataset. */
  readonly randomQuery?: (random: () => number, facts: DatasetFacts) => Q;
  /** The domain's fold, for the Emmett comparison. */
  readonly fold?: StreamFold<S>;
  /** A fresh in-memory store. */
  readonly inMemoryStore?: () => EventStore;
  /** Opens (creating if needed) a file ledger for appends. */
  readonly openFileLedger?: (path: string) => Promise<EventStore>;
  /** Imports many events (any streams) into a file ledger in one batch (one fsync). */
  readonly importBatch?: (store: EventStore, events: ReadonlyArray<NewEventOnStream>) => Promise<void>;
}

/** An event to append with the stream it goes to. */
export interface NewEventOnStream extends NewEvent {
  readonly streamId: RecordedEvent["streamId"];
}
