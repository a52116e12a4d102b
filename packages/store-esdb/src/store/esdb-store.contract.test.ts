import { fixtureBatch, fixtureEvent, storeContract } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createEsdbClient, esdbSettingsFromEnv } from "../client/connect.js";
import { redactConnectionString } from "../client/redact.js";
import { positionNumber } from "../mapping/position.js";
import { BOTH_CLIENTS, testClient } from "../test-support/double-store.js";
import { EsdbServerDouble } from "../test-support/esdb-double.js";
import { namespacedStore } from "../test-support/namespaced-store.js";
import { makeEsdbStore } from "./esdb-store.js";
import { readHead } from "./read-head.js";

// The shared store contract, twice:
// 1. always: the real client talking gRPC to the loopback TEST DOUBLE of the server (not EventStoreDB);
// 2. when ESDB_URL is set: a REAL EventStoreDB server (each store in its own stream namespace, after
//    the head of $all, since a real server is shared and keeps earlier runs).
// Positions are the adapter's own, sparse commit positions (byte offsets in the log) in both: the
// contract asserts only what the port promises of them (strictly increasing, one per event, `after`
// exclusive). The namespace view (test-support/namespaced-store.ts) renames streams and nothing else.
let n = 0;
// Each client × append path × how the server answers an idempotent repeat (no position, or the
// stored events' position: see `repeatPosition` in the double and docs/eventstoredb.md).
const modes = [
  { batchAppend: true, repeatPosition: "none" },
  { batchAppend: false, repeatPosition: "none" },
  { batchAppend: true, repeatPosition: "original" },
] as const;
for (const client of BOTH_CLIENTS) {
  for (const { batchAppend, repeatPosition } of modes) {
    const how = `${batchAppend ? "BatchAppend, as servers ≥ 21.10" : "plain Append, as 20.x or with per-call credentials"}; repeats answered with ${repeatPosition === "none" ? "no position" : "the stored position"}`;
    storeContract(
      `EventStoreDB adapter, real ${client} → gRPC test double serving its definitions, ${how} (sparse positions)`,
      async () => {
        const server = await EsdbServerDouble.start({ batchAppend, client, repeatPosition });
        const store = makeEsdbStore(testClient(client, server.connectionString));
        return {
          store: namespacedStore(store, { namespace: `t${++n}`, baseAfter: undefined }),
          cleanup: () => server.stop(),
        };
      },
    );
  }
}

// Guards the point of the above: the contract really sees the adapter's sparse positions.
describe("the contract runs on EventStoreDB's own positions", () => {
  it("the namespaced view passes sparse commit positions through, as the server gave them", async () => {
    const server = await EsdbServerDouble.start();
    const view = namespacedStore(makeEsdbStore(testClient(server.client, server.connectionString)), {
      namespace: "sparse",
      baseAfter: undefined,
    });
    try {
      const a = fixtureEvent("s", 0);
      const r = await view.append(a.streamId, fixtureBatch("s", 3), { expectedRevision: "noStream" })();
      const page = await view.readAll()();
      if (E.isLeft(r) || E.isLeft(page)) throw new Error("the double refused");
      const positions = page.right.events.map((e) => e.position);
      const onServer = server.log
        .filter((x) => x.streamId === "coop-sparse.htx-s")
        .map((x) => Number(x.position));
      expect(positions).toEqual(onServer);
      expect(r.right.lastPosition).toBe(onServer[2]);
      // Not 0, 1, 2: system events come first and each position is a byte offset.
      expect(positions.some((p, i) => p !== i)).toBe(true);
    } finally {
      await view.close();
      await server.stop();
    }
  });
});

// The REAL-server suites, one per client, each gated on its own variable (the same server may serve
// both: scripts/test-real-server.sh starts KurrentDB in Docker and sets both).
const realServers = [
  { variable: "ESDB_URL", client: "@eventstore/db-client", example: "esdb://localhost:2113?tls=false" },
  {
    variable: "KURRENT_URL",
    client: "@kurrent/kurrentdb-client",
    example: "kurrentdb://localhost:2113?tls=false",
  },
] as const;
for (const { variable, client, example } of realServers) {
  const settings = esdbSettingsFromEnv(process.env, variable);
  if (E.isRight(settings)) {
    const run = `r${Date.now().toString(36)}`;
    storeContract(
      `EventStoreDB adapter with ${client} on a REAL server at ${redactConnectionString(settings.right.url)}`,
      async () => {
        const c = createEsdbClient({ ...settings.right, client });
        if (E.isLeft(c)) throw new Error(c.left.message);
        const credentials = settings.right.credentials;
        const store = makeEsdbStore(c.right, credentials ? { credentials } : {});
        const head = await readHead(c.right, credentials);
        return {
          store: namespacedStore(store, { namespace: `${run}-${++n}`, baseAfter: positionNumber(head) }),
        };
      },
    );
  } else {
    console.warn(
      `\n*** store-esdb: the contract suite with ${client} against a REAL server was SKIPPED: ${variable} is not set ` +
        `(e.g. ${variable}='${example}', or run packages/store-esdb/scripts/test-real-server.sh with Docker). Only the gRPC test double was exercised. ***\n`,
    );
    describe(`EventStore contract with ${client} against a REAL server`, () => {
      it.skip(`SKIPPED: ${variable} is not set, no real server was tested with ${client} (only the gRPC test double)`, () =>
        undefined);
    });
  }
}
