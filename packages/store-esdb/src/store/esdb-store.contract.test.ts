import { storeContract } from "@coop-ledger/store/contract";
import { EventStoreDBClient } from "@eventstore/db-client";
import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { createEsdbClient, esdbSettingsFromEnv } from "../client/connect.js";
import { redactConnectionString } from "../client/redact.js";
import { positionNumber } from "../mapping/position.js";
import { EsdbServerDouble } from "../test-support/esdb-double.js";
import { rankedStore } from "../test-support/ranked-store.js";
import { makeEsdbStore } from "./esdb-store.js";
import { readHead } from "./read-head.js";

// The shared store contract, twice:
// 1. always: the real client talking gRPC to the loopback TEST DOUBLE of the server (not EventStoreDB);
// 2. when ESDB_URL is set: a REAL EventStoreDB server (each store in its own stream namespace, after
//    the head of $all, since a real server is shared and keeps earlier runs).
// Positions are renumbered as ranks in both (test-support/ranked-store.ts): the contract states them
// densely (0, 1, 2...), EventStoreDB's are byte offsets in its log.
let n = 0;
for (const batchAppend of [true, false]) {
  const how = batchAppend
    ? "BatchAppend, as servers ≥ 21.10"
    : "plain Append, as 20.x or with per-call credentials";
  storeContract(
    `EventStoreDB adapter, real client → gRPC test double, ${how} (positions as ranks)`,
    async () => {
      const server = await EsdbServerDouble.start({ batchAppend });
      const store = makeEsdbStore(EventStoreDBClient.connectionString(server.connectionString));
      return {
        store: rankedStore(store, { namespace: `t${++n}`, baseAfter: undefined }),
        cleanup: () => server.stop(),
      };
    },
  );
}

const settings = esdbSettingsFromEnv(process.env);
if (E.isRight(settings)) {
  const run = `r${Date.now().toString(36)}`;
  storeContract(
    `EventStoreDB adapter on a REAL server at ${redactConnectionString(settings.right.url)}`,
    async () => {
      const client = createEsdbClient(settings.right);
      if (E.isLeft(client)) throw new Error(client.left.message);
      const credentials = settings.right.credentials;
      const store = makeEsdbStore(client.right, credentials ? { credentials } : {});
      const head = await readHead(client.right, credentials);
      return { store: rankedStore(store, { namespace: `${run}-${++n}`, baseAfter: positionNumber(head) }) };
    },
  );
} else {
  console.warn(
    "\n*** store-esdb: the contract suite against a REAL EventStoreDB server was SKIPPED: ESDB_URL is not set " +
      "(e.g. ESDB_URL='esdb://localhost:2113?tls=false'). Only the gRPC test double was exercised. ***\n",
  );
  describe("EventStore contract against a REAL EventStoreDB server", () => {
    it.skip("SKIPPED: ESDB_URL is not set, no real EventStoreDB server was tested (only the gRPC test double)", () =>
      undefined);
  });
}
