import type { RecordedEvent } from "@coop-ledger/domain";
import type { StoreError } from "@coop-ledger/store";
import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClientPackage } from "../client/client-package.js";
import { UNKNOWN_POSITION } from "../mapping/position.js";
import { BOTH_CLIENTS, type DoubleStore, doubleStore, until } from "../test-support/double-store.js";

const run = async <A>(te: TE.TaskEither<StoreError, A>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(`${r.left._tag}: ${r.left.message}`);
  return r.right;
};
const fail = async <A>(te: TE.TaskEither<StoreError, A>): Promise<StoreError> => {
  const r = await te();
  if (E.isRight(r)) throw new Error("expected Left");
  return r.left;
};

const open: DoubleStore[] = [];
// Every test below runs once per client, the double serving that client's own definitions.
let currentClient: ClientPackage = "@eventstore/db-client";
const start = async (...args: Parameters<typeof doubleStore>): Promise<DoubleStore> => {
  const [serverOptions, storeOptions] = args;
  const d = await doubleStore({ ...serverOptions, client: currentClient }, storeOptions);
  open.push(d);
  return d;
};
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

describe.each(BOTH_CLIENTS)("EventStoreDB adapter with %s on the gRPC test double", (client) => {
  beforeEach(() => {
    currentClient = client;
  });

  it("stores type = event type, data = event data, schemaVersion + metadata in ESDB metadata", async () => {
    const { store, server } = await start();
    const e = fixtureEvent("wire", 0);
    await run(store.append(e.streamId, [e.newEvent], { expectedRevision: "noStream" }));
    const rec = server.log.find((r) => r.streamId === e.streamId)!;
    expect(rec.id).toBe(e.newEvent.eventId);
    expect(rec.type).toBe("CoopSuspended");
    expect(rec.contentType).toBe("application/json");
    expect(JSON.parse(Buffer.from(rec.data).toString())).toEqual(e.newEvent.event.data);
    expect(JSON.parse(Buffer.from(rec.metadata).toString())).toMatchObject({
      schemaVersion: 1,
      recordedAt: e.newEvent.metadata.recordedAt,
    });
  });

  it("position = the commit position: increasing, not dense, the same in stream and $all reads and in the append result", async () => {
    const { store, server } = await start();
    const r = await run(
      store.append(fixtureEvent("p", 0).streamId, fixtureBatch("p", 3), { expectedRevision: "noStream" }),
    );
    const stream = await run(store.readStream(fixtureEvent("p", 0).streamId));
    const all = await run(store.readAll());
    const commits = server.log.filter((x) => x.streamId === "coop-htx-p").map((x) => Number(x.position));
    expect(stream.map((x) => x.position)).toEqual(commits);
    expect(all.events.map((x) => x.position)).toEqual(commits);
    expect(r.lastPosition).toBe(commits[2]);
    expect(commits[1]! - commits[0]!).toBeGreaterThan(1);
  });

  it("an idempotent repeat reports written: false and the original last position", async () => {
    const { store, server } = await start();
    const sid = fixtureEvent("i", 0).streamId;
    const first = await run(store.append(sid, fixtureBatch("i", 2), { expectedRevision: "noStream" }));
    const again = await run(store.append(sid, fixtureBatch("i", 2), { expectedRevision: "noStream" }));
    expect(again).toEqual({ ...first, written: false });
    expect(server.log.filter((x) => x.streamId === sid).length).toBe(2);
  });

  it("readAll pages with small pages over system and foreign events, and ends exactly", async () => {
    const { store, server } = await start({}, { readBatchSize: 3 });
    for (let i = 0; i < 7; i++) {
      await run(
        store.append(fixtureEvent(`s${i % 2}`, 0).streamId, [fixtureEvent(`s${i % 2}`, i).newEvent], {
          expectedRevision: "any",
        }),
      );
      server.appendRaw(`$stats-${i}`, [
        {
          id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, "0")}`,
          type: "$statsCollected",
          json: {},
        },
      ]);
      server.appendRaw("orders-1", [
        {
          id: `00000000-0000-4000-8000-0000000002${String(i).padStart(2, "0")}`,
          type: "OrderPlaced",
          json: {},
        },
      ]);
    }
    const seen: RecordedEvent[] = [];
    let after: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await run(store.readAll(after === undefined ? { maxCount: 2 } : { after, maxCount: 2 }));
      pages++;
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events);
      after = page.lastPosition;
      if (page.isEnd) break;
    }
    expect(pages).toBe(4);
    expect(seen.length).toBe(7);
    const ours = server.log.filter((x) => x.streamId.startsWith("coop-")).map((x) => Number(x.position));
    expect(seen.map((x) => x.position)).toEqual(ours);
  });

  it("filters $all reads on the server where the client can (Kurrent), on arrival otherwise (6.x)", async () => {
    const { store, server } = await start({}, { readBatchSize: 2 });
    const e = fixtureEvent("f", 0);
    await run(store.append(e.streamId, [e.newEvent], { expectedRevision: "noStream" }));
    const page = await run(store.readAll());
    expect(page.events.map((x) => x.eventId)).toEqual([e.newEvent.eventId]);
    const asked = server.readFilters.filter((f) => f !== "none");
    if (client === "@kurrent/kurrentdb-client") {
      expect(asked.length).toBeGreaterThan(0);
      expect(asked[0]).toEqual({
        on: "stream",
        prefixes: ["coop-", "alliance-", "fund-", "reorganisation-"],
      });
    } else expect(asked).toEqual([]);
  });

  it("appends through BatchAppend when the server offers it, through Append when credentials go per call", async () => {
    const plain = await start();
    const e = fixtureEvent("ba", 0);
    await run(plain.store.append(e.streamId, [e.newEvent], { expectedRevision: "noStream" }));
    expect(plain.server.calls).toMatchObject({ batchAppend: 1, append: 0 });
    expect(
      await fail(
        plain.store.append(e.streamId, [fixtureEvent("ba", 1).newEvent], { expectedRevision: "noStream" }),
      ),
    ).toMatchObject({
      _tag: "WrongExpectedRevision",
      actual: 0,
    });
    const withCreds = await start({}, { credentials: { username: "u", password: "p" } });
    await run(withCreds.store.append(e.streamId, [e.newEvent], { expectedRevision: "noStream" }));
    expect(withCreds.server.calls).toMatchObject({ batchAppend: 0, append: 1 });
  });

  it("an undecodable event in the ledger's streams is an UndecodableEvent, not a skip", async () => {
    const { store, server } = await start();
    server.appendRaw("coop-htx-bad", [
      {
        id: "00000000-0000-4000-8000-000000000abc",
        type: "CoopTeleported",
        json: {},
        metadata: { schemaVersion: 1, recordedAt: "2023-01-15T08:00:00.000Z" },
      },
    ]);
    expect(await fail(store.readAll())).toMatchObject({
      _tag: "UndecodableEvent",
      error: { _tag: "UnknownEventType" },
    });
    expect(await fail(store.readStream("coop-htx-bad" as never))).toMatchObject({ _tag: "UndecodableEvent" });
  });

  it("servers before 22.6 give no position in stream reads: UNKNOWN_POSITION, $all still has it", async () => {
    const { store } = await start({ streamReadPositions: false });
    const e = fixtureEvent("old", 0);
    await run(store.append(e.streamId, [e.newEvent], { expectedRevision: "any" }));
    expect((await run(store.readStream(e.streamId)))[0]!.position).toBe(UNKNOWN_POSITION);
    expect((await run(store.readAll())).events[0]!.position).toBeGreaterThanOrEqual(0);
  });

  it("maps access denied to AccessDenied naming the operation and stream, unavailable to StoreUnavailable, deadline to DeadlineExceeded, a follower to NotLeader", async () => {
    const { store, server } = await start();
    const e = fixtureEvent("denied", 0);
    server.deny(e.streamId);
    expect(await fail(store.append(e.streamId, [e.newEvent], { expectedRevision: "any" }))).toMatchObject({
      _tag: "AccessDenied",
      operation: "append",
      streamId: e.streamId,
      message: expect.stringContaining(`append on ${e.streamId}`),
    });
    expect(await fail(store.readStream(e.streamId))).toMatchObject({
      _tag: "AccessDenied",
      operation: "readStream",
      streamId: e.streamId,
    });
    server.injectFault({ method: "read", code: 7, exception: "access-denied" });
    expect(await fail(store.readAll())).toMatchObject({
      _tag: "AccessDenied",
      operation: "readAll",
      streamId: "$all",
    });
    server.injectFault({ method: "read", code: 14 });
    expect(await fail(store.readAll())).toMatchObject({ _tag: "StoreUnavailable" });
    server.injectFault({ method: "append", code: 4 });
    expect(
      await fail(
        store.append(fixtureEvent("x", 0).streamId, [fixtureEvent("x", 0).newEvent], {
          expectedRevision: "any",
        }),
      ),
    ).toMatchObject({
      _tag: "DeadlineExceeded",
      operation: "append",
      streamId: fixtureEvent("x", 0).streamId,
      message: expect.stringMatching(/may or may not have been written/),
    });
    // A follower's answer (the server's NotFound + LeaderInfo trailers), through the client's NotLeaderError.
    server.injectFault({
      method: "read",
      code: 5,
      exception: "not-leader",
      trailers: { "leader-endpoint-host": "node2.htx.vn", "leader-endpoint-port": "2113" },
    });
    expect(await fail(store.readStream(e.streamId))).toMatchObject({
      _tag: "NotLeader",
      operation: "readStream",
      leader: "node2.htx.vn:2113",
    });
  });

  describe("subscriptions", () => {
    it("ask the SERVER for a filter: the ledger's prefixes by default, event types as an anchored regex", async () => {
      const { store, server } = await start();
      const a = store.subscribe({ onEvent: () => undefined });
      const b = store.subscribe({ filter: { eventTypes: ["CoopResumed"] }, onEvent: () => undefined });
      await until(() => server.subscriptionFilters.length === 2);
      await a.stop();
      await b.stop();
      expect(server.subscriptionFilters).toContainEqual({
        on: "stream",
        prefixes: ["coop-", "alliance-", "fund-", "reorganisation-"],
        regex: "",
      });
      expect(server.subscriptionFilters).toContainEqual({
        on: "type",
        prefixes: [],
        regex: "^(?:CoopResumed)$",
      });
    });

    it("never deliver system or foreign events, and catch up then go live", async () => {
      const { store, server } = await start();
      await run(
        store.append(fixtureEvent("l", 0).streamId, fixtureBatch("l", 2), { expectedRevision: "noStream" }),
      );
      server.appendRaw("orders-1", [
        { id: "00000000-0000-4000-8000-000000000301", type: "OrderPlaced", json: {} },
      ]);
      const got: string[] = [];
      let caughtUpAt = -1;
      const sub = store.subscribe({
        onEvent: (e) => void got.push(e.streamId),
        onCaughtUp: () => {
          caughtUpAt = got.length;
        },
      });
      await until(() => caughtUpAt >= 0);
      await run(
        store.append(fixtureEvent("l", 0).streamId, fixtureBatch("l", 1, 2), { expectedRevision: 1 }),
      );
      server.appendRaw("$stats-x", [
        { id: "00000000-0000-4000-8000-000000000302", type: "$statsCollected", json: {} },
      ]);
      await until(() => got.length === 3);
      await sub.stop();
      expect(caughtUpAt).toBe(2);
      expect(got).toEqual(["coop-htx-l", "coop-htx-l", "coop-htx-l"]);
    });

    it("report caught-up on servers that never send caught_up (before 23.10), from the head of $all", async () => {
      const { store } = await start({ sendCaughtUp: false });
      await run(
        store.append(fixtureEvent("h", 0).streamId, fixtureBatch("h", 3), { expectedRevision: "noStream" }),
      );
      const got: number[] = [];
      let caughtUpAt = -1;
      const sub = store.subscribe({
        onEvent: (e) => void got.push(e.position),
        onCaughtUp: () => {
          caughtUpAt = got.length;
        },
      });
      await until(() => caughtUpAt >= 0);
      await sub.stop();
      expect(caughtUpAt).toBe(3);
    });

    it("report caught-up at once on an empty log without caught_up support", async () => {
      const { store } = await start({ sendCaughtUp: false, systemEvents: false });
      let caughtUp = 0;
      const sub = store.subscribe({ onEvent: () => undefined, onCaughtUp: () => void caughtUp++ });
      await until(() => caughtUp === 1);
      await sub.stop();
    });

    it("stop with StoreUnavailable when the server drops them, and with UndecodableEvent on a bad event", async () => {
      const { store, server } = await start();
      const errors: StoreError[] = [];
      const sub = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) });
      await until(() => server.liveSubscriptions === 1);
      server.dropSubscriptions();
      await until(() => errors.length === 1);
      expect(errors[0]!._tag).toBe("StoreUnavailable");
      await sub.stop();
      server.appendRaw("coop-htx-bad", [
        {
          id: "00000000-0000-4000-8000-000000000401",
          type: "CoopFounded",
          json: { nope: 1 },
          metadata: { schemaVersion: 2, recordedAt: "2023-01-15T08:00:00.000Z" },
        },
      ]);
      const sub2 = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) });
      await until(() => errors.length === 2);
      await sub2.stop();
      expect(errors[1]).toMatchObject({ _tag: "UndecodableEvent", error: { _tag: "InvalidEventData" } });
    });

    it("stop with AccessDenied (operation subscribe, stream $all) when the server refuses the user", async () => {
      const { store, server } = await start();
      server.injectFault({ method: "subscribe", code: 7, exception: "access-denied" });
      const errors: StoreError[] = [];
      const sub = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) });
      await until(() => errors.length === 1);
      await sub.stop();
      expect(errors).toEqual([
        {
          _tag: "AccessDenied",
          operation: "subscribe",
          streamId: "$all",
          message: expect.stringContaining("denied subscribe on $all"),
        },
      ]);
    });

    it("keep order and deliver everything under load with a slow handler (local buffer pauses the stream)", async () => {
      const { store } = await start();
      for (let i = 0; i < 3; i++) {
        await run(
          store.append(fixtureEvent(`b${i}`, 0).streamId, fixtureBatch(`b${i}`, 200), {
            expectedRevision: "noStream",
          }),
        );
      }
      const got: number[] = [];
      let caughtUpAt = -1;
      const sub = store.subscribe({
        onEvent: async (e) => {
          got.push(e.position);
          if (got.length % 100 === 0) await new Promise((r) => setTimeout(r, 1));
        },
        onCaughtUp: () => {
          caughtUpAt = got.length;
        },
      });
      await until(() => caughtUpAt >= 0, 20_000);
      await sub.stop();
      expect(caughtUpAt).toBe(600);
      expect([...got].sort((a, b) => a - b)).toEqual(got);
    });
  });
});
