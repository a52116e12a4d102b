import type {
  EsdbAppendResult,
  EsdbBaseOptions,
  EsdbClient,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbReadCalls,
} from "./esdb-client.js";
import type { HasAppendOption } from "./option-check.js";

/**
 * The append options the adapter sends to `@eventstore/db-client` 6.x: the expected revision under
 * `expectedRevision` (6.2.1 `dist/streams/appendToStream/index.d.ts`: `expectedRevision?:
 * AppendExpectedRevision`, destructured with default `ANY` in `index.js`).
 */
export interface EventStoreDbAppendOptions extends EsdbBaseOptions {
  expectedRevision: EsdbExpectedRevision;
}

/**
 * The calls of `EventStoreDBClient` (`@eventstore/db-client` 6.x) the adapter makes, as function-typed
 * properties (checked strictly against the real class in `client-fit.test.ts`).
 *
 * @example
 * import { EventStoreDBClient } from "@eventstore/db-client";
 * import { type EventStoreDbClientShape, eventStoreDbClient } from "@coop-ledger/store-esdb";
 * const url = "esdb://localhost:2113?tls=false";
 * const shape: EventStoreDbClientShape = EventStoreDBClient.connectionString(url); // no connection yet
 * const client = eventStoreDbClient(shape);
 * console.log(client.package); // "@eventstore/db-client"
 * await client.dispose();
 */
export interface EventStoreDbClientShape extends EsdbReadCalls {
  readonly appendToStream: (
    streamName: string,
    events: EsdbEventData[],
    options: EventStoreDbAppendOptions,
  ) => Promise<EsdbAppendResult>;
}

/**
 * Binds an `EventStoreDBClient` from `@eventstore/db-client` 6.x for the adapter.
 *
 * @example
 * import { EventStoreDBClient } from "@eventstore/db-client";
 * const store = makeEsdbStore(eventStoreDbClient(EventStoreDBClient.connectionString("esdb://localhost:2113?tls=false")));
 */
export const eventStoreDbClient = <C extends EventStoreDbClientShape>(
  // Binding a client whose append options lack `expectedRevision` (the other client) does not compile: it
  // would silently append with `any` (use `kurrentDbClient` for it).
  client: C & HasAppendOption<C, "expectedRevision">,
): EsdbClient => ({
  package: "@eventstore/db-client",
  filtersReads: false,
  append: (streamName, events, expected, options) =>
    client.appendToStream(streamName, events, { ...options, expectedRevision: expected }),
  // Bound so the client's `this` survives (its calls are prototype methods).
  readStream: (streamName, options) => client.readStream(streamName, options),
  readAll: (options) => {
    // 6.x has no filter on reads: never hand it one (it would be ignored, silently).
    const { filter: _ignored, ...rest } = options;
    return client.readAll(rest);
  },
  subscribeToAll: (options) => client.subscribeToAll(options),
  dispose: () => client.dispose(),
});
