/**
 * The narrow, structural view of an EventStoreDB gRPC client that the adapter needs: only the four calls
 * it makes, typed by shape, not by class. `EventStoreDBClient` from `@eventstore/db-client` 6.x satisfies
 * it (checked at build time by `connect.ts`), and so does `KurrentDBClient` from
 * `@kurrent/kurrentdb-client`, its successor, whose calls have the same names and shapes (see
 * docs/eventstoredb.md). Tests can also pass a hand-written fake.
 *
 * Method syntax (not property syntax) on purpose: the clients' overloaded, generic methods are then
 * checked bivariantly, which is what lets two client versions fit one interface.
 */

/** A position in `$all`: the commit and prepare positions of an event in the transaction log. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** What an append expects of the stream, in the client's vocabulary. */
export type EsdbExpectedRevision = "any" | "no_stream" | "stream_exists" | bigint;

/** Per-call credentials (used when the connection string carries none: see `connectEsdb`). */
export interface EsdbCredentials {
  readonly username: string;
  readonly password: string;
}

/** Options every call accepts. */
export interface EsdbBaseOptions {
  credentials?: EsdbCredentials;
  deadline?: number;
  requiresLeader?: boolean;
}

/** An event to append: a JSON event with our deterministic id (the client's `jsonEvent` shape). */
export interface EsdbEventData {
  id: string;
  contentType: "application/json";
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: the client types this as its own JSONType; any keeps both clients assignable
  data: any;
  // biome-ignore lint/suspicious/noExplicitAny: same as data
  metadata: any;
}

/** The result of an append. */
export interface EsdbAppendResult {
  success: boolean;
  nextExpectedRevision: bigint;
  position?: EsdbPosition;
}

/** An event as the client hands it out. */
export interface EsdbRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  isJson: boolean;
  position?: EsdbPosition;
}

/** A resolved event: the event itself, a link when reading links, and its commit position in `$all`. */
export interface EsdbResolvedEvent {
  event?: EsdbRecordedEvent;
  link?: EsdbRecordedEvent;
  commitPosition?: bigint;
}

/** What a server-side filter selects: one field, by prefixes or by a regex. */
export type EsdbFilterSpec = {
  filterOn: "streamName" | "eventType";
  checkpointInterval: number;
  maxSearchWindow?: number;
} & ({ prefixes: string[] } | { regex: string });

/** A server-side filter of a subscription to `$all` (the client's `Filter`). */
export type EsdbFilter = EsdbFilterSpec & {
  // biome-ignore lint/suspicious/noExplicitAny: the client passes its own subscription type here
  checkpointReached?: (subscription: any, position: EsdbPosition) => Promise<void> | void;
};

/** Options of a read of one stream. */
export interface EsdbReadStreamOptions extends EsdbBaseOptions {
  fromRevision?: "start" | "end" | bigint;
  maxCount?: number | bigint;
  direction?: "forwards" | "backwards";
  resolveLinkTos?: boolean;
}

/** Options of a read of `$all`. */
export interface EsdbReadAllOptions extends EsdbBaseOptions {
  fromPosition?: "start" | "end" | EsdbPosition;
  maxCount?: number | bigint;
  direction?: "forwards" | "backwards";
  resolveLinkTos?: boolean;
}

/** Options of a catch-up subscription to `$all`. */
export interface EsdbSubscribeToAllOptions extends EsdbBaseOptions {
  fromPosition?: "start" | "end" | EsdbPosition;
  resolveLinkTos?: boolean;
  filter?: EsdbFilter;
}

/**
 * A running catch-up subscription: a readable stream of events (object mode) that also emits
 * `caughtUp` (servers from 23.10) and can be stopped.
 */
export interface EsdbSubscription extends AsyncIterable<EsdbResolvedEvent> {
  on(event: "data", listener: (event: EsdbResolvedEvent) => void): unknown;
  on(event: "caughtUp", listener: () => void): unknown;
  on(event: "error", listener: (err: Error) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
}

/**
 * The client calls the adapter makes.
 *
 * @example
 * import { EventStoreDBClient } from "@eventstore/db-client";
 * const client: EsdbClient = EventStoreDBClient.connectionString("esdb://localhost:2113?tls=false");
 */
export interface EsdbClient {
  appendToStream(
    streamName: string,
    events: EsdbEventData | EsdbEventData[],
    options?: EsdbBaseOptions & { expectedRevision?: EsdbExpectedRevision },
  ): Promise<EsdbAppendResult>;
  readStream(streamName: string, options?: EsdbReadStreamOptions): AsyncIterable<EsdbResolvedEvent>;
  readAll(options?: EsdbReadAllOptions): AsyncIterable<EsdbResolvedEvent>;
  subscribeToAll(options?: EsdbSubscribeToAllOptions): EsdbSubscription;
  dispose(): Promise<void>;
}
