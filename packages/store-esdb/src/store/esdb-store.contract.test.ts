import { storeContract } from "@coop-ledger/store/contract";
import { EventStoreDBClient } from "@eventstore/db-client";
import { EsdbServerDouble } from "../test-support/esdb-double.js";
import { rankedStore } from "../test-support/ranked-store.js";
import { makeEsdbStore } from "./esdb-store.js";

// The shared contract, against the real client talking gRPC to the loopback test double of the server.
// Positions are renumbered as ranks (see test-support/ranked-store.ts): the contract states them densely.
let n = 0;
storeContract("EventStoreDB adapter, real client → gRPC test double (positions as ranks)", async () => {
  const server = await EsdbServerDouble.start();
  const store = makeEsdbStore(EventStoreDBClient.connectionString(server.connectionString));
  return {
    store: rankedStore(store, { namespace: `t${++n}`, baseAfter: undefined }),
    cleanup: () => server.stop(),
  };
});
