/** Test helper: a double server, a real client connected to it, and the adapter on that client. */
import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import type { NewEvent } from "@coop-ledger/store";
import * as E from "fp-ts/lib/Either.js";
import type { ClientPackage } from "../client/client-package.js";
import { createEsdbClient } from "../client/connect.js";
import type { EsdbClient } from "../client/esdb-client.js";
import { type EsdbStore, type EsdbStoreOptions, makeEsdbStore } from "../store/esdb-store.js";
import { EsdbServerDouble, type EsdbServerDoubleOptions } from "./esdb-double.js";

/** Both client packages, for suites that run once per client. */
export const BOTH_CLIENTS: ReadonlyArray<ClientPackage> = [
  "@eventstore/db-client",
  "@kurrent/kurrentdb-client",
];

/**
 * A real client of the given package on a connection string, loaded through the adapter's own loader
 * (each client in its own protobuf namespace) and bound for the adapter. Throws on failure (tests).
 *
 * @example
 * // Test support of this repository (not in the package).
 * const { server, close } = await doubleStore();
 * const client = testClient("@kurrent/kurrentdb-client", server.connectionString);
 * console.log(client.package); // "@kurrent/kurrentdb-client"
 * await client.dispose();
 * await close();
 */
export const testClient = (pkg: ClientPackage, url: string): EsdbClient => {
  const c = createEsdbClient({ url, client: pkg });
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

/** A running double with a store on it; `close()` closes both. */
export interface DoubleStore {
  readonly server: EsdbServerDouble;
  readonly client: EsdbClient;
  readonly store: EsdbStore;
  readonly close: () => Promise<void>;
}

/**
 * A double serving `serverOptions.client`'s definitions (default 6.x) and that client on it.
 *
 * @example const { store, server, close } = await doubleStore({ client: "@kurrent/kurrentdb-client" });
 */
export const doubleStore = async (
  serverOptions: EsdbServerDoubleOptions = {},
  storeOptions: EsdbStoreOptions = {},
): Promise<DoubleStore> => {
  const server = await EsdbServerDouble.start(serverOptions);
  const client = testClient(server.client, server.connectionString);
  const store = makeEsdbStore(client, storeOptions);
  return {
    server,
    client,
    store,
    close: async () => {
      await store.close();
      await server.stop();
    },
  };
};

/** Polls until a condition holds (subscriptions deliver asynchronously). */
export const until = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
};

/**
 * Appends events one at a time, each at its stream's exact expected revision (kept in `revisions`
 * across calls, so that a test can append a ledger in slices). Throws on a refused append (tests).
 *
 * @example
 * // Test support of this repository (not in the package).
 * const { store, close } = await doubleStore();
 * const revisions = new Map<string, number>();
 * const events = Array.from(generateLedger({ preset: "province", seed: 5, to: "2013-01-31" })).slice(0, 40); // one call each: a few
 * await appendInOrder(store, revisions, events.slice(0, 3));
 * await appendInOrder(store, revisions, events.slice(3));
 * console.log((await allEvents(store)).length === events.length); // true
 * await close();
 */
export const appendInOrder = async (
  store: EsdbStore,
  revisions: Map<string, number>,
  events: ReadonlyArray<NewEvent & { readonly streamId: string }>,
): Promise<void> => {
  for (const e of events) {
    const rev = revisions.get(e.streamId);
    const r = await store.append(e.streamId as StreamId, [e], { expectedRevision: rev ?? "noStream" })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    revisions.set(e.streamId, r.right.nextExpectedRevision);
  }
};

/**
 * Every event of the store's `$all`, in its order (one read: test ledgers are small). Throws on failure.
 *
 * @example
 * // Test support of this repository (not in the package).
 * const { store, close } = await doubleStore();
 * console.log((await allEvents(store)).length); // 0
 * await close();
 */
export const allEvents = async (store: EsdbStore): Promise<RecordedEvent[]> => {
  const page = await store.readAll({ maxCount: 1_000_000 })();
  if (E.isLeft(page)) throw new Error(page.left.message);
  return [...page.right.events];
};
