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
 * The append options the adapter sends to `@kurrent/kurrentdb-client` 1.x: the expected revision
 * under `streamState` (1.3.1 `dist/streams/appendToStream/index.d.ts`: `streamState?:
 * AppendStreamState`; `index.js` destructures `{ streamState = ANY, batchAppendSize, ...baseOptions }`,
 * so the 6.x name `expectedRevision` lands in `baseOptions` and is IGNORED: the append then runs
 * with `any` and optimistic concurrency is silently gone. Hence one binding per client.)
 */
export interface KurrentDbAppendOptions extends EsdbBaseOptions {
  streamState: EsdbExpectedRevision;
}

/**
 * The calls of `KurrentDBClient` (`@kurrent/kurrentdb-client` 1.x) the adapter makes, as
 * function-typed properties (checked strictly against the real class in `client-fit.test.ts`).
 * Reads (`readStream`, `readAll`) go through the client's native bridge (`@kurrent/bridge`), appends
 * and subscriptions through gRPC, as in 6.x.
 *
 * @example
 * import { KurrentDBClient } from "@kurrent/kurrentdb-client";
 * import { type KurrentDbClientShape, kurrentDbClient } from "@coop-ledger/store-esdb";
 * const url = "kurrentdb://localhost:2113?tls=false";
 * const shape: KurrentDbClientShape = KurrentDBClient.connectionString(url); // no connection yet
 * const client = kurrentDbClient(shape);
 * console.log(client.package); // "@kurrent/kurrentdb-client"
 * await client.dispose();
 */
export interface KurrentDbClientShape extends EsdbReadCalls {
  readonly appendToStream: (
    streamName: string,
    events: EsdbEventData[],
    options: KurrentDbAppendOptions,
  ) => Promise<EsdbAppendResult>;
}

/**
 * Binds a `KurrentDBClient` from `@kurrent/kurrentdb-client` 1.x for the adapter.
 *
 * @example
 * import { KurrentDBClient } from "@kurrent/kurrentdb-client";
 * const store = makeEsdbStore(kurrentDbClient(KurrentDBClient.connectionString("kurrentdb://localhost:2113?tls=false")));
 */
export const kurrentDbClient = <C extends KurrentDbClientShape>(
  // Binding a client whose append options lack `streamState` (the other client) does not compile: it
  // would silently append with `any` (use `eventStoreDbClient` for it).
  client: C & HasAppendOption<C, "streamState">,
): EsdbClient => ({
  package: "@kurrent/kurrentdb-client",
  // 1.3.1 `dist/streams/readAll.d.ts`: `filter?: Filter`, applied by the server.
  filtersReads: true,
  append: (streamName, events, expected, options) =>
    client.appendToStream(streamName, events, { ...options, streamState: expected }),
  readStream: (streamName, options) => client.readStream(streamName, options),
  readAll: (options) => client.readAll(options),
  subscribeToAll: (options) => client.subscribeToAll(options),
  dispose: () => client.dispose(),
});
