import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import { generateLedger } from "@coop-ledger/generator";
import { buildIndex, encodeIndexImage, type ProjectionIndex, snapshot } from "@coop-ledger/projections";
import type { EventStore } from "@coop-ledger/store";
import * as grpc from "@grpc/grpc-js";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import {
  allEvents,
  appendInOrder,
  BOTH_CLIENTS,
  type DoubleStore,
  doubleStore,
} from "../test-support/double-store.js";
import { fileCheckpointStore } from "./file-checkpoint-store.js";
import { imageIndexSerializer } from "./image-index-serializer.js";
import { eventsIndexSerializer } from "./index-serializer.js";
import type { CatchUpProjection } from "./run-catch-up-projection.js";
import { indexStateCodec, runIndexProjection } from "./run-index-projection.js";
import { storeEventSource } from "./store-event-source.js";

const open: DoubleStore[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

/** Caught up, or the run's failure as the test's (a failed run never catches up). */
const settled = async (run: CatchUpProjection<ProjectionIndex>): Promise<void> => {
  const outcome = await Promise.race([run.caughtUp.then(() => undefined), run.done]);
  if (outcome !== undefined) throw new Error(`the run ended: ${JSON.stringify(outcome)}`);
};

/** Figures at several valid dates, and as known at an earlier instant (the bitemporal half). */
const figures = (index: ProjectionIndex, knownAt: string) =>
  ["2013-01-31", "2013-03-31", "2013-06-30"].flatMap((validAt) =>
    [undefined, knownAt].map((k) => {
      const s = snapshot(index, k === undefined ? { validAt } : { validAt, knownAt: k });
      if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
      return s.right;
    }),
  );

/** A readStream that counts the streams read (the preloads of cold streams). */
const counting = (store: EventStore) => {
  const reads: string[] = [];
  return {
    reads,
    store: {
      readStream: (id: StreamId, o?: { readonly fromRevision?: number }) => {
        reads.push(id);
        return store.readStream(id, o);
      },
    },
  };
};

const serverOptions = [
  ...BOTH_CLIENTS.map((client) => ({ client, streamReadPositions: true })),
  // Servers before 22.6 report no $all positions in stream reads: events are matched by order.
  { client: "@eventstore/db-client" as const, streamReadPositions: false },
];

describe.each(serverOptions)("imageIndexSerializer, %o", (options) => {
  it("a restarted runner loads the image (no refold, no events), resumes after the checkpoint and answers like a full replay", async () => {
    const d = await doubleStore(options);
    open.push(d);
    const revisions = new Map<string, number>();
    const generated = [...generateLedger({ preset: "province", seed: 7, to: "2013-06-30" })];
    const cut1 = Math.floor(generated.length / 3);
    const cut2 = Math.floor((2 * generated.length) / 3);
    const knownAt = `${String(generated[cut1]?.metadata.recordedAt).slice(0, 10)}T00:00:00.000Z`;
    const path = join(mkdtempSync(join(tmpdir(), "coop-image-")), "index.checkpoint");

    await appendInOrder(d.store, revisions, generated.slice(0, cut1));
    const counted = counting(d.store);
    const source = storeEventSource(counted.store);
    const checkpointStore = fileCheckpointStore(path, indexStateCodec(imageIndexSerializer(source)));
    const first = runIndexProjection({ client: d.client, checkpointStore, eventSource: source });
    await settled(first);
    await first.stop();
    expect(first.state().size).toBe(cut1);
    expect(counted.reads).toEqual([]);

    for (const [from, to] of [
      [cut1, cut2],
      [cut2, generated.length],
    ] as const) {
      const saved = await checkpointStore.load()();
      if (E.isLeft(saved) || saved.right === undefined) throw new Error("no checkpoint");
      // The checkpoint is the image: it loads with every stream cold (no event decoded or refolded).
      expect(saved.right.state.holdsEvents).toBe(false);
      expect(saved.right.state.size).toBe(from);
      const known = new Set(saved.right.state.streamIds());

      await appendInOrder(d.store, revisions, generated.slice(from, to));
      counted.reads.length = 0;
      const run = runIndexProjection({ client: d.client, checkpointStore, eventSource: source });
      await settled(run);
      // Only what follows the saved position was asked for.
      expect(d.server.subscriptionStarts.at(-1)).toBe(saved.right.position.commit);
      // Each stream the image knew and that received events was read back once, no other stream.
      const touched = new Set(generated.slice(from, to).map((e) => e.streamId));
      expect(counted.reads.slice().sort()).toEqual([...touched].filter((s) => known.has(s)).sort());
      expect(run.state().size).toBe(to);
      const log = await allEvents(d.store);
      expect(figures(run.state(), knownAt)).toEqual(figures(buildIndex(log), knownAt));
      await run.stop();
    }

    // Audits on a reopened index: once its streams are preloaded, it lists the events as fed.
    const last = await checkpointStore.load()();
    if (E.isLeft(last) || last.right === undefined) throw new Error("no checkpoint");
    const reopened = last.right.state;
    const ids = [...reopened.streamIds()];
    expect(E.isRight(await source.preload(reopened, ids)())).toBe(true);
    const log = await allEvents(d.store);
    for (const id of ids.slice(0, 20))
      expect(reopened.streamEvents(id).map((e) => [e.eventId, e.position])).toEqual(
        log.filter((e) => e.streamId === id).map((e) => [e.eventId, e.position]),
      );
    source.forget(reopened, ids);
  });
});

describe("imageIndexSerializer with a failing server", () => {
  it("a stream read that fails during a preload is StoreUnavailable, retried from the checkpoint", async () => {
    const d = await doubleStore({ client: "@kurrent/kurrentdb-client" });
    open.push(d);
    const revisions = new Map<string, number>();
    const generated = [...generateLedger({ preset: "province", seed: 3, to: "2013-04-30" })];
    const half = Math.floor(generated.length / 2);
    await appendInOrder(d.store, revisions, generated.slice(0, half));
    const source = storeEventSource(d.store);
    const path = join(mkdtempSync(join(tmpdir(), "coop-image-")), "index.checkpoint");
    const checkpointStore = fileCheckpointStore(path, indexStateCodec(imageIndexSerializer(source)));
    const first = runIndexProjection({ client: d.client, checkpointStore, eventSource: source });
    await first.caughtUp;
    await first.stop();

    await appendInOrder(d.store, revisions, generated.slice(half));
    d.server.injectFault({ method: "read", code: grpc.status.UNAVAILABLE, details: "node restarting" });
    const errors: string[] = [];
    const run = runIndexProjection({
      client: d.client,
      checkpointStore,
      eventSource: source,
      retryDelayMs: () => 1,
      onError: (e, attempt) => {
        errors.push(e._tag);
        return attempt <= 2 ? "retry" : "stop";
      },
    });
    await run.caughtUp;
    expect(errors).toEqual(["StoreUnavailable"]);
    expect(figures(run.state(), "2013-02-01T00:00:00.000Z")).toEqual(
      figures(buildIndex(await allEvents(d.store)), "2013-02-01T00:00:00.000Z"),
    );
    await run.stop();
  });
});

describe("imageIndexSerializer refuses what is not its checkpoint", () => {
  const events = [...generateLedger({ preset: "province", seed: 1, to: "2013-03-31" })].map(
    (e, i): RecordedEvent => ({
      eventId: e.eventId,
      streamId: e.streamId as StreamId,
      revision: 0,
      position: i,
      event: e.event,
      metadata: e.metadata,
    }),
  );
  const source = storeEventSource({ readStream: () => async () => E.right([]) });
  const serializer = imageIndexSerializer(source);

  it("round-trips an index's figures", () => {
    const index = buildIndex(events);
    const back = serializer.deserialize(serializer.serialize(index));
    if (E.isLeft(back)) throw new Error(back.left);
    expect(back.right.holdsEvents).toBe(false);
    expect(figures(back.right, "2013-02-15T00:00:00.000Z")).toEqual(
      figures(index, "2013-02-15T00:00:00.000Z"),
    );
  });

  it("a flipped byte, a truncated image, the events serializer's bytes and a CLI index file are Left, naming why", () => {
    const bytes = serializer.serialize(buildIndex(events));
    const flipped = bytes.slice();
    flipped[bytes.length - 3] = (flipped[bytes.length - 3] as number) ^ 1;
    expect(serializer.deserialize(flipped)).toEqual(E.left(expect.stringContaining("checksum")));
    expect(serializer.deserialize(bytes.subarray(0, bytes.length - 8))).toEqual(
      E.left(expect.stringContaining("length")),
    );
    expect(serializer.deserialize(eventsIndexSerializer.serialize(buildIndex(events)))).toEqual(
      E.left(expect.stringContaining("not a coop-ledger index")),
    );
    const cliImage = Buffer.concat(encodeIndexImage(buildIndex(events).toImage(), { ledger: "x.jsonl" }));
    expect(serializer.deserialize(cliImage)).toEqual(
      E.left(expect.stringContaining("not written as a projection checkpoint")),
    );
  });

  it("a stream whose indexed events are gone from the server is a Left naming it; an unloaded stream throws naming the position", async () => {
    const index = serializer.deserialize(serializer.serialize(buildIndex(events)));
    if (E.isLeft(index)) throw new Error(index.left);
    const id = events[0]!.streamId;
    const mine = events.filter((e) => e.streamId === id);
    // The server lost the stream's first event (truncated, scavenged).
    const lossy = storeEventSource({ readStream: () => async () => E.right(mine.slice(1)) });
    const r = await lossy.preload(index.right, [id])();
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: "IndexedEventsGone", streamId: id })));
    expect(() => lossy.eventsAt([mine[0]!.position])).toThrow(`position ${mine[0]!.position}`);
    const gone = storeEventSource({ readStream: () => async () => E.right([]) });
    expect(await gone.preload(index.right, [id])()).toEqual(
      E.left(expect.objectContaining({ message: expect.stringContaining("reads as empty") })),
    );
  });
});
