/**
 * The wire vocabulary both clients share (positions, events, results, read and subscription
 * options), and {@link EsdbClient}: the client as the adapter drives it, bound to ONE of the two
 * client packages (`eventStoreDbClient(...)` or `kurrentDbClient(...)`), which differ in option and
 * error-field names (see those modules and docs/eventstoredb.md).
 *
 * Function-typed properties, not method syntax, throughout: TypeScript checks method parameters
 * bivariantly, which let a client whose options no longer match still "fit" (the old
 * `client-fit.test.ts` passed for a client whose `expectedRevision` option had been renamed).
 * `client-fit.test.ts` now checks each real client against its shape strictly, and that the options
 * the adapter sends exist in that client's option types.
 */

import type { ClientPackage } from "./client-package.js";

/** A position in `$all`: the commit and prepare positions of an event in the transaction log. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/**
 * What an append expects of the stream, in the clients' shared vocabulary: 6.x calls the option
 * `expectedRevision` (`AppendExpectedRevision`), Kurrent 1.x `streamState` (`AppendStreamState`), with
 * the same values (`"any" | "no_stream" | "stream_exists" | bigint`).
 */
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
  checkpointReached?: (subscription: EsdbSubscription, position: EsdbPosition) => Promise<void> | void;
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
  /** Server-side filter: only honoured when the binding says `filtersReads` (the Kurrent client). */
  filter?: EsdbFilterSpec;
}

/** Options of a catch-up subscription to `$all`. */
export interface EsdbSubscribeToAllOptions extends EsdbBaseOptions {
  fromPosition?: "start" | "end" | EsdbPosition;
  resolveLinkTos?: boolean;
  filter?: EsdbFilter;
}

/**
 * A running catch-up subscription: a readable stream of events (object mode) that also emits
 * `caughtUp` (servers from 23.10) and can be stopped. Both clients' `AllStreamSubscription` fit it.
 */
export interface EsdbSubscription extends AsyncIterable<EsdbResolvedEvent> {
  readonly on: {
    (event: "data", listener: (event: EsdbResolvedEvent) => void): unknown;
    (event: "caughtUp", listener: () => void): unknown;
    (event: "error", listener: (err: Error) => void): unknown;
    (event: "end", listener: () => void): unknown;
  };
  readonly pause: () => unknown;
  readonly resume: () => unknown;
  readonly readableLength: number;
  readonly unsubscribe: () => Promise<void>;
}

/** The read and subscribe calls, the same in both clients. */
export interface EsdbReadCalls {
  readonly readStream: (
    streamName: string,
    options: EsdbReadStreamOptions,
  ) => AsyncIterable<EsdbResolvedEvent>;
  readonly readAll: (options: EsdbReadAllOptions) => AsyncIterable<EsdbResolvedEvent>;
  readonly subscribeToAll: (options: EsdbSubscribeToAllOptions) => EsdbSubscription;
  readonly dispose: () => Promise<void>;
}

/**
 * A client bound for the adapter: which package it is, an `append` that takes the expected
 * revision in the shared vocabulary (each binding puts it under its client's own option name), and
 * the read calls. Build it with `eventStoreDbClient(c)`, `kurrentDbClient(c)` or `createEsdbClient`.
 *
 * @example
 * import { KurrentDBClient } from "@kurrent/kurrentdb-client";
 * import { kurrentDbClient, makeEsdbStore } from "@coop-ledger/store-esdb";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * // A KurrentDB server, e.g. ESDB_URL=kurrentdb://localhost:2113?tls=false.
 * const client = kurrentDbClient(KurrentDBClient.connectionString(process.env.ESDB_URL ?? "kurrentdb://localhost:2113?tls=false"));
 * const store = makeEsdbStore(client); // closes the client with the store
 * const { streamId } = fixtureEvent(`a-${Date.now()}`, 0);
 * const r = await store.append(streamId, fixtureBatch(`a-${Date.now()}`, 1), { expectedRevision: "any" })();
 * console.log(client.package, r._tag); // "@kurrent/kurrentdb-client" "Right"
 * await store.close();
 */
export interface EsdbClient extends EsdbReadCalls {
  /** The client package this binding drives (its option and error-field names). */
  readonly package: ClientPackage;
  readonly append: (
    streamName: string,
    events: EsdbEventData[],
    expected: EsdbExpectedRevision,
    options: EsdbBaseOptions,
  ) => Promise<EsdbAppendResult>;
  /**
   * Whether `readAll` applies `filter` on the server (the Kurrent client does; 6.x has no filter on
   * reads, the adapter then filters what it receives).
   */
  readonly filtersReads: boolean;
}
