import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { type EventStoreDbClientShape, eventStoreDbClient } from "../client/eventstore-binding.js";
import { loadClientPackage } from "../client/load-client-package.js";
import { BOTH_CLIENTS, type DoubleStore, doubleStore } from "../test-support/double-store.js";
import { EsdbServerDouble } from "../test-support/esdb-double.js";
import { makeEsdbStore } from "./esdb-store.js";

const open: Array<{ close: () => Promise<void> }> = [];
const start = async (client: (typeof BOTH_CLIENTS)[number]): Promise<DoubleStore> => {
  const d = await doubleStore({ client });
  open.push(d);
  return d;
};
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

// Optimistic concurrency through each real client, on the double serving that client's own
// definitions (the issue: with Kurrent the adapter's option was dropped and both appends were written).
describe.each(BOTH_CLIENTS)("optimistic concurrency with %s", (client) => {
  it("noStream twice is a conflict, and the second batch is not written", async () => {
    const { store, server } = await start(client);
    const sid = fixtureEvent("c", 0).streamId;
    const first = await store.append(sid, fixtureBatch("c", 2), { expectedRevision: "noStream" })();
    expect(E.isRight(first)).toBe(true);
    const second = await store.append(sid, [fixtureEvent("c", 9).newEvent], {
      expectedRevision: "noStream",
    })();
    expect(E.isLeft(second) && second.left).toMatchObject({
      _tag: "WrongExpectedRevision",
      expected: "noStream",
      actual: 1,
    });
    expect(server.log.filter((r) => r.streamId === sid)).toHaveLength(2);
  });

  it("an exact expected revision that is not the stream's is a conflict naming the actual revision", async () => {
    const { store, server } = await start(client);
    const sid = fixtureEvent("r", 0).streamId;
    await store.append(sid, [fixtureEvent("r", 0).newEvent], { expectedRevision: "noStream" })();
    const r = await store.append(sid, [fixtureEvent("r", 1).newEvent], { expectedRevision: 7 })();
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: "WrongExpectedRevision", expected: 7, actual: 0 });
    const exists = await store.append(fixtureEvent("none", 0).streamId, [fixtureEvent("none", 0).newEvent], {
      expectedRevision: "streamExists",
    })();
    expect(E.isLeft(exists) && exists.left).toMatchObject({ _tag: "WrongExpectedRevision", actual: -1 });
    expect(server.log.filter((r) => r.streamId === sid)).toHaveLength(1);
  });

  it("an idempotent repeat is written: false, with the original position", async () => {
    const { store, server } = await start(client);
    const sid = fixtureEvent("i", 0).streamId;
    const first = await store.append(sid, fixtureBatch("i", 2), { expectedRevision: "noStream" })();
    const again = await store.append(sid, fixtureBatch("i", 2), { expectedRevision: "noStream" })();
    if (E.isLeft(first) || E.isLeft(again)) throw new Error("refused");
    expect(again.right).toEqual({ ...first.right, written: false });
    expect(server.log.filter((r) => r.streamId === sid)).toHaveLength(2);
  });
});

describe.each(BOTH_CLIENTS)("a deleted (tombstoned) stream with %s", (client) => {
  it("an append and a read are StreamDeleted, nothing is written", async () => {
    for (const batchAppend of [true, false]) {
      const d = await doubleStore({ client, batchAppend });
      open.push(d);
      const sid = fixtureEvent("t", 0).streamId;
      await d.store.append(sid, [fixtureEvent("t", 0).newEvent], { expectedRevision: "noStream" })();
      d.server.tombstone(sid);
      const r = await d.store.append(sid, [fixtureEvent("t", 1).newEvent], { expectedRevision: "any" })();
      expect(E.isLeft(r) && r.left, `batchAppend: ${batchAppend}`).toMatchObject({
        _tag: "StreamDeleted",
        operation: "append",
        streamId: sid,
      });
      const read = await d.store.readStream(sid)();
      expect(E.isLeft(read) && read.left).toMatchObject({
        _tag: "StreamDeleted",
        operation: "readStream",
        streamId: sid,
      });
      expect(d.server.log.filter((x) => x.streamId === sid)).toHaveLength(1);
    }
  });
});

describe("why one binding per client", () => {
  it("a Kurrent client driven with 6.x options (what the adapter used to do) writes noStream twice", async () => {
    const server = await EsdbServerDouble.start({ client: "@kurrent/kurrentdb-client" });
    const mod = loadClientPackage("@kurrent/kurrentdb-client");
    if (E.isLeft(mod)) throw new Error(mod.left.message);
    const { KurrentDBClient } = mod.right as {
      KurrentDBClient: { connectionString(url: string): EventStoreDbClientShape };
    };
    // Forced past the compile-time guard on purpose (see client-fit.test.ts): 6.x's option name.
    const store = makeEsdbStore(
      eventStoreDbClient(KurrentDBClient.connectionString(server.connectionString) as never),
    );
    open.push({
      close: async () => {
        await store.close();
        await server.stop();
      },
    });
    const sid = fixtureEvent("w", 0).streamId;
    await store.append(sid, [fixtureEvent("w", 0).newEvent], { expectedRevision: "noStream" })();
    const second = await store.append(sid, [fixtureEvent("w", 1).newEvent], {
      expectedRevision: "noStream",
    })();
    expect(E.isRight(second)).toBe(true);
    expect(server.log.filter((r) => r.streamId === sid)).toHaveLength(2);
  });
});
