/** Test helper: a double server, a real client connected to it, and the adapter on that client. */
import { EventStoreDBClient } from "@eventstore/db-client";
import type { EsdbClient } from "../client/esdb-client.js";
import { type EsdbStore, type EsdbStoreOptions, makeEsdbStore } from "../store/esdb-store.js";
import { EsdbServerDouble, type EsdbServerDoubleOptions } from "./esdb-double.js";

/** A running double with a store on it; `close()` closes both. */
export interface DoubleStore {
  readonly server: EsdbServerDouble;
  readonly client: EsdbClient;
  readonly store: EsdbStore;
  readonly close: () => Promise<void>;
}

/** @example const { store, server, close } = await doubleStore(); */
export const doubleStore = async (
  serverOptions: EsdbServerDoubleOptions = {},
  storeOptions: EsdbStoreOptions = {},
): Promise<DoubleStore> => {
  const server = await EsdbServerDouble.start(serverOptions);
  const client: EsdbClient = EventStoreDBClient.connectionString(server.connectionString);
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
