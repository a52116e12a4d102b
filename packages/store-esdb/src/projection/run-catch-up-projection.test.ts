import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedEvent } from "@coop-ledger/domain";
import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClientPackage } from "../client/client-package.js";
import { BOTH_CLIENTS, type DoubleStore, doubleStore, until } from "../test-support/double-store.js";
import { inMemoryCheckpointStore } from "./in-memory-checkpoint-store.js";
import { jsonFileCheckpointStore } from "./json-file-checkpoint-store.js";
import {
  type CatchUpProjectionError,
  type ErrorDecision,
  runCatchUpProjection,
} from "./run-catch-up-projection.js";

/** The read model of these tests: event ids per stream, in order (a duplicate would show). */
type Seen = Readonly<Record<string, ReadonlyArray<string>>>;
const fold = (s: Seen, e: RecordedEvent): Seen => ({
  ...s,
  [e.streamId]: [...(s[e.streamId] ?? []), e.eventId],
});

const open: DoubleStore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
// Every test runs once per client (the double serving that client's own definitions).
let currentClient: ClientPackage = "@eventstore/db-client";
const start = async (...args: Parameters<typeof doubleStore>) => {
  const [serverOptions, storeOptions] = args;
  const d = await doubleStore({ ...serverOptions, client: currentClient }, storeOptions);
  open.push(d);
  return d;
};
/** A projection counting $all's events from no checkpoint, retrying at once (`onError`: the policy). */
const countingRun = (
  d: DoubleStore,
  onError?: (error: CatchUpProjectionError, attempt: number) => ErrorDecision,
) =>
  runCatchUpProjection<number>({
    client: d.client,
    checkpointStore: inMemoryCheckpointStore<number>(),
    initialState: 0,
    retryDelayMs: () => 1,
    handle: (n) => n + 1,
    ...(onError === undefined ? {} : { onError }),
  });
/** `countingRun` until caught up, then stopped. */
const countToEnd = async (
  d: DoubleStore,
  onError?: (error: CatchUpProjectionError, attempt: number) => ErrorDecision,
) => {
  const run = countingRun(d, onError);
  await run.caughtUp;
  await run.stop();
  return run;
};
const append = async (d: DoubleStore, coop: string, count: number, from = 0) => {
  const r = await d.store.append(fixtureEvent(coop, 0).streamId, fixtureBatch(coop, count, from), {
    expectedRevision: "any",
  })();
  if (E.isLeft(r)) throw new Error(r.left.message);
};

describe.each(BOTH_CLIENTS)("runCatchUpProjection with %s", (client) => {
  beforeEach(() => {
    currentClient = client;
  });

  it("folds every ledger event once, saves the FULL position of the last one with the state when caught up", async () => {
    const d = await start();
    await append(d, "a", 3);
    await append(d, "b", 2);
    const cps = inMemoryCheckpointStore<Seen>();
    const run = runCatchUpProjection({
      client: d.client,
      checkpointStore: cps,
      initialState: {},
      handle: fold,
    });
    await run.caughtUp;
    const last = d.server.log.filter((r) => r.streamId.startsWith("coop-")).at(-1)!;
    expect(cps.current()).toEqual({
      position: { commit: last.position, prepare: last.position },
      state: {
        "coop-htx-a": fixtureBatch("a", 3).map((e) => e.eventId),
        "coop-htx-b": fixtureBatch("b", 2).map((e) => e.eventId),
      },
    });
    await append(d, "a", 1, 3);
    await until(() => (run.state()["coop-htx-a"] ?? []).length === 4);
    await run.stop();
    expect(await run.done).toEqual({ reason: "stopped" });
    expect(cps.current()!.state["coop-htx-a"]!.length).toBe(4);
  });

  it("resumes from a JSON-file checkpoint after a restart, folding only what is new", async () => {
    const d = await start();
    const dir = await mkdtemp(join(tmpdir(), "esdb-cp-"));
    dirs.push(dir);
    const file = join(dir, "cp.json");
    await append(d, "r", 4);
    let handled = 0;
    const handle = (s: Seen, e: RecordedEvent) => {
      handled++;
      return fold(s, e);
    };
    // One process's run: from the checkpoint file, to the end of $all, then stopped.
    const runOnce = async () => {
      const run = runCatchUpProjection({
        client: d.client,
        checkpointStore: jsonFileCheckpointStore<Seen>(file),
        initialState: {},
        handle,
      });
      await run.caughtUp;
      await run.stop();
      return run;
    };
    await runOnce();
    expect(handled).toBe(4);
    await append(d, "r", 2, 4);
    const second = await runOnce();
    expect(handled).toBe(6);
    expect(second.state()["coop-htx-r"]).toEqual(fixtureBatch("r", 6).map((e) => e.eventId));
  });

  it("after the server drops the subscription it retries from the last SAVED checkpoint and folds nothing twice", async () => {
    const d = await start();
    await append(d, "x", 5);
    const cps = inMemoryCheckpointStore<Seen>();
    const errors: CatchUpProjectionError[] = [];
    const run = runCatchUpProjection({
      client: d.client,
      checkpointStore: cps,
      initialState: {},
      handle: fold,
      saveEvery: 2,
      retryDelayMs: () => 10,
      onError: (e) => {
        errors.push(e);
        return "retry";
      },
    });
    await run.caughtUp;
    await append(d, "x", 1, 5); // folded, not saved yet (saveEvery 2 → saved at 6? 5 → caught-up save, 6 unsaved)
    await until(() => (run.state()["coop-htx-x"] ?? []).length === 6);
    d.server.dropSubscriptions();
    await until(() => errors.length === 1);
    await append(d, "x", 2, 6);
    await until(() => (run.state()["coop-htx-x"] ?? []).length === 8);
    await run.stop();
    expect(errors[0]!._tag).toBe("StoreUnavailable");
    expect(run.state()["coop-htx-x"]).toEqual(fixtureBatch("x", 8).map((e) => e.eventId));
    expect(cps.current()!.state).toEqual(run.state());
  });

  it("a failing handler stops the run (by default) with HandlerFailed naming the event; the checkpoint stays before it", async () => {
    const d = await start();
    await append(d, "f", 3);
    const cps = inMemoryCheckpointStore<number>();
    const run = runCatchUpProjection<number>({
      client: d.client,
      checkpointStore: cps,
      initialState: 0,
      saveEvery: 1,
      handle: (n, e) => {
        if (e.revision === 2) throw new Error("bad fold");
        return n + 1;
      },
    });
    const outcome = await run.done;
    expect(outcome).toMatchObject({
      reason: "failed",
      error: { _tag: "HandlerFailed", eventWhere: expect.stringContaining("coop-htx-f@2") },
    });
    expect(cps.current()!.state).toBe(2);
  });

  it("access denied stops the run (by default) at once with AccessDenied: no retry, it would not fix itself", async () => {
    const d = await start();
    await append(d, "z", 2);
    // Every subscription is refused, as a server refuses a user without read rights on $all.
    d.server.injectFault({ method: "subscribe", code: 7, exception: "access-denied", times: 100 });
    const run = countingRun(d);
    const outcome = await run.done;
    expect(outcome).toMatchObject({
      reason: "failed",
      error: { _tag: "AccessDenied", operation: "subscribe", streamId: "$all" },
    });
    expect(d.server.calls.subscribe).toBe(1);
    expect(run.state()).toBe(0);
  });

  it("an unavailable server is retried by default (the counterpart of the test above)", async () => {
    const d = await start();
    await append(d, "y", 2);
    d.server.injectFault({ method: "subscribe", code: 14, times: 2 });
    const run = await countToEnd(d);
    expect(d.server.calls.subscribe).toBe(3);
    expect(run.state()).toBe(2);
  });

  it("a follower's answer (NotLeader) and a passed deadline (DeadlineExceeded) are retried by default", async () => {
    const d = await start();
    await append(d, "l", 2);
    // The client reconnects to the leader named in the trailers: name the double itself.
    const { hostname, port } = new URL(d.server.connectionString.replace(/^[a-z+]+:/, "http:"));
    const faults = () => {
      d.server.injectFault({
        method: "subscribe",
        code: 5,
        exception: "not-leader",
        trailers: { "leader-endpoint-host": hostname, "leader-endpoint-port": port },
      });
      d.server.injectFault({ method: "subscribe", code: 4 });
    };
    // What the subscription reports for each.
    faults();
    const seen: CatchUpProjectionError[] = [];
    await countToEnd(d, (e) => {
      seen.push(e);
      return "retry";
    });
    expect(seen).toMatchObject([
      { _tag: "NotLeader", operation: "subscribe", leader: `${hostname}:${port}` },
      { _tag: "DeadlineExceeded", operation: "subscribe" },
    ]);
    // The default policy retries both.
    faults();
    const before = d.server.calls.subscribe;
    const run = await countToEnd(d);
    expect(d.server.calls.subscribe - before).toBe(3);
    expect(run.state()).toBe(2);
  });

  it("server checkpoints advance the saved position when the filter matches nothing", async () => {
    const d = await start({}, {});
    for (let i = 0; i < 3; i++) await append(d, `n${i}`, 30);
    const cps = inMemoryCheckpointStore<number>();
    const run = runCatchUpProjection<number>({
      client: d.client,
      checkpointStore: cps,
      initialState: 0,
      filter: { streamPrefixes: ["fund-"] },
      handle: (n) => n + 1,
    });
    await run.caughtUp;
    await run.stop();
    expect(run.state()).toBe(0);
    // 90 ledger events + 2 system events scanned: checkpoints every 32 → the last at the 64th record.
    expect(cps.current()!.position.commit).toBe(d.server.log[63]!.position);
  });
});
