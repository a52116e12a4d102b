import type { RecordedEvent, StreamId } from "@coop-ledger/domain";
import { afterEach, describe, expect, it } from "vitest";
import type { EventStore } from "../port/event-store.js";
import type { StoreError } from "../port/store-error.js";
import {
  expectRight,
  expectStrictlyIncreasing,
  fail,
  positionOf,
  readEverything,
  until,
} from "./contract-steps.js";
import { fixtureBatch, fixtureEvent } from "./fixtures.js";

/**
 * What a contract run needs from an implementation: a fresh, empty store per test, and its cleanup.
 * @example const make: MakeStore = async () => ({ store: makeInMemoryStore() });
 */
export type MakeStore = () => Promise<{ readonly store: EventStore; readonly cleanup?: () => Promise<void> }>;

/**
 * The store contract: one vitest suite every {@link EventStore} implementation runs (in-memory, file
 * ledger, EventStoreDB). It covers expected revisions (`noStream`, `any`, `streamExists`, exact),
 * idempotent repeats of the same event ids, global positions, stream reads, global reads with paging,
 * catch-up then live subscriptions (`after` exclusive, filters, at-least-once on resubscription) and
 * close.
 *
 * It asserts what the port promises of positions and no more: strictly increasing in global order,
 * one number per event whichever way it is read, `after: p` (p read back from the store) reading
 * exactly the later events. It never states a position as a literal, so a store with sparse positions
 * (EventStoreDB's byte offsets) runs it as it is.
 *
 * @example
 * // my-store.test.ts: a vitest test file (the suite registers describe/it blocks).
 * import { makeInMemoryStore } from "@coop-ledger/store";
 * import { storeContract } from "@coop-ledger/store/contract";
 * storeContract("in-memory", async () => ({ store: makeInMemoryStore() }));
 */
export const storeContract = (name: string, makeStore: MakeStore): void => {
  describe(`EventStore contract: ${name}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    const fresh = async (): Promise<EventStore> => {
      const { store, cleanup } = await makeStore();
      cleanups.push(async () => {
        await store.close();
        await cleanup?.();
      });
      return store;
    };
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });

    describe("expected revisions", () => {
      it("noStream succeeds on a new stream and then fails with the actual revision", async () => {
        const s = await fresh();
        const a = fixtureEvent("a", 0);
        const r = await expectRight(s.append(a.streamId, [a.newEvent], { expectedRevision: "noStream" }));
        expect(r).toMatchObject({ nextExpectedRevision: 0, written: true });
        const err = await fail(
          s.append(a.streamId, [fixtureEvent("a", 1).newEvent], { expectedRevision: "noStream" }),
        );
        expect(err).toMatchObject({ _tag: "WrongExpectedRevision", streamId: a.streamId, actual: 0 });
      });

      it("exact revision succeeds when it is the last revision and fails otherwise", async () => {
        const s = await fresh();
        const sid = fixtureEvent("b", 0).streamId;
        await expectRight(s.append(sid, fixtureBatch("b", 2), { expectedRevision: "noStream" }));
        const err = await fail(s.append(sid, fixtureBatch("b", 1, 2), { expectedRevision: 0 }));
        expect(err).toMatchObject({ _tag: "WrongExpectedRevision", expected: 0, actual: 1 });
        const ok = await expectRight(s.append(sid, fixtureBatch("b", 1, 2), { expectedRevision: 1 }));
        expect(ok.nextExpectedRevision).toBe(2);
      });

      it("streamExists fails on an absent stream (actual -1) and succeeds on an existing one", async () => {
        const s = await fresh();
        const sid = fixtureEvent("c", 0).streamId;
        const err = await fail(s.append(sid, fixtureBatch("c", 1), { expectedRevision: "streamExists" }));
        expect(err).toMatchObject({ _tag: "WrongExpectedRevision", actual: -1 });
        await expectRight(s.append(sid, fixtureBatch("c", 1), { expectedRevision: "any" }));
        const ok = await expectRight(
          s.append(sid, fixtureBatch("c", 1, 1), { expectedRevision: "streamExists" }),
        );
        expect(ok.nextExpectedRevision).toBe(1);
      });

      it("any never conflicts and revisions count from 0 per stream", async () => {
        const s = await fresh();
        const d = fixtureEvent("d", 0).streamId;
        const eSid = fixtureEvent("e", 0).streamId;
        await expectRight(s.append(d, fixtureBatch("d", 2), { expectedRevision: "any" }));
        await expectRight(s.append(eSid, fixtureBatch("e", 1), { expectedRevision: "any" }));
        const r = await expectRight(s.append(d, fixtureBatch("d", 1, 2), { expectedRevision: "any" }));
        expect(r).toMatchObject({ nextExpectedRevision: 2, written: true });
        const log = await expectRight(s.readAll());
        // The global order is the order of the appends: d/0, d/1, e/0, d/2.
        expect(log.events.map((x) => [x.streamId, x.revision])).toEqual([
          [d, 0],
          [d, 1],
          [eSid, 0],
          [d, 2],
        ]);
        expect(r.lastPosition).toBe(log.events[3]!.position);
        const e = await expectRight(s.readStream(eSid));
        expect(e.map((x) => [x.revision, x.position])).toEqual([[0, log.events[2]!.position]]);
      });

      it("an empty batch, duplicate ids in a batch and a bad stream id are refused", async () => {
        const s = await fresh();
        const a = fixtureEvent("f", 0);
        expect(await fail(s.append(a.streamId, [], { expectedRevision: "any" }))).toMatchObject({
          _tag: "InvalidAppend",
        });
        expect(
          await fail(s.append(a.streamId, [a.newEvent, a.newEvent], { expectedRevision: "any" })),
        ).toMatchObject({ _tag: "InvalidAppend" });
        expect(
          await fail(s.append("nope" as StreamId, [a.newEvent], { expectedRevision: "any" })),
        ).toMatchObject({ _tag: "InvalidAppend" });
        expect(await expectRight(s.readAll())).toMatchObject({ events: [], isEnd: true });
      });
    });

    describe("idempotence", () => {
      it("repeating the same ids at the same expected revision writes nothing", async () => {
        const s = await fresh();
        const sid = fixtureEvent("g", 0).streamId;
        const batch = fixtureBatch("g", 2);
        const first = await expectRight(s.append(sid, batch, { expectedRevision: "noStream" }));
        const again = await expectRight(s.append(sid, batch, { expectedRevision: "noStream" }));
        expect(again).toEqual({ ...first, written: false });
        const viaAny = await expectRight(s.append(sid, batch, { expectedRevision: "any" }));
        expect(viaAny.written).toBe(false);
        expect((await expectRight(s.readStream(sid))).length).toBe(2);
        expect((await expectRight(s.readAll())).events.length).toBe(2);
      });

      it("a batch that partly repeats the stream is refused and writes nothing", async () => {
        const s = await fresh();
        const sid = fixtureEvent("h", 0).streamId;
        await expectRight(s.append(sid, fixtureBatch("h", 2), { expectedRevision: "noStream" }));
        const partial = [fixtureEvent("h", 1).newEvent, fixtureEvent("h", 2).newEvent];
        const err = await fail(s.append(sid, partial, { expectedRevision: "any" }));
        expect(err._tag).toBe("InvalidAppend");
        expect((await expectRight(s.readStream(sid))).length).toBe(2);
      });
    });

    describe("global positions", () => {
      it("strictly increase in global order and agree between append results, readStream and readAll", async () => {
        const s = await fresh();
        const appended: Array<{ readonly ids: ReadonlyArray<string>; readonly lastPosition: number }> = [];
        const streams = ["u", "v", "w"];
        for (let i = 0; i < 6; i++) {
          const c = streams[i % 3]!;
          // Batches of 1, 2 and 3 events, so positions within one append are checked too.
          const batch = fixtureBatch(c, (i % 3) + 1, i);
          const r = await expectRight(
            s.append(fixtureEvent(c, 0).streamId, batch, { expectedRevision: "any" }),
          );
          appended.push({ ids: batch.map((e) => e.eventId), lastPosition: r.lastPosition });
        }
        const log = await readEverything(s);
        expect(log.map((e) => e.eventId)).toEqual(appended.flatMap((a) => a.ids));
        expectStrictlyIncreasing(log.map((e) => e.position));
        for (const a of appended) expect(a.lastPosition).toBe(positionOf(log, a.ids[a.ids.length - 1]!));
        expect(await expectRight(s.readAll())).toMatchObject({
          events: log,
          lastPosition: log[log.length - 1]!.position,
          isEnd: true,
        });
        for (const c of streams) {
          const stream = await expectRight(s.readStream(fixtureEvent(c, 0).streamId));
          expect(stream.length).toBeGreaterThan(0);
          expectStrictlyIncreasing(stream.map((e) => e.position));
          for (const e of stream) expect(e.position).toBe(positionOf(log, e.eventId));
        }
        // An idempotent repeat reports the position the batch was first written at.
        const first = appended[0]!;
        const again = await expectRight(
          s.append(fixtureEvent("u", 0).streamId, fixtureBatch("u", 1, 0), { expectedRevision: "any" }),
        );
        expect(again).toMatchObject({ written: false, lastPosition: first.lastPosition });
      });
    });

    describe("reads", () => {
      it("readStream returns what was appended, from a revision, and [] for no stream", async () => {
        const s = await fresh();
        const sid = fixtureEvent("i", 0).streamId;
        const batch = fixtureBatch("i", 3);
        await expectRight(s.append(sid, batch, { expectedRevision: "noStream" }));
        const all = await expectRight(s.readStream(sid));
        expect(all.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
        expect(all.map((e) => e.event)).toEqual(batch.map((e) => e.event));
        expect(all[0]!.metadata.recordedAt).toBe(batch[0]!.metadata.recordedAt);
        expect((await expectRight(s.readStream(sid, { fromRevision: 2 }))).map((e) => e.revision)).toEqual([
          2,
        ]);
        expect(await expectRight(s.readStream(fixtureEvent("none", 0).streamId))).toEqual([]);
      });

      it("readAll pages through the global log in order; `after` is exclusive", async () => {
        const s = await fresh();
        for (let i = 0; i < 7; i++) {
          const c = ["j", "k", "l"][i % 3]!;
          await expectRight(
            s.append(fixtureEvent(c, 0).streamId, [fixtureEvent(c, i).newEvent], { expectedRevision: "any" }),
          );
        }
        const seen: RecordedEvent[] = [];
        let after: number | undefined;
        let pages = 0;
        for (;;) {
          const page = await expectRight(
            s.readAll(after === undefined ? { maxCount: 3 } : { after, maxCount: 3 }),
          );
          expect(page.events.length).toBeLessThanOrEqual(3);
          if (!page.isEnd) expect(page.events.length).toBe(3);
          seen.push(...page.events);
          after = page.lastPosition;
          pages++;
          if (page.isEnd) break;
        }
        expect(pages).toBe(3);
        expect(seen.map((e) => e.eventId)).toEqual(
          Array.from({ length: 7 }, (_, i) => fixtureEvent(["j", "k", "l"][i % 3]!, i).newEvent.eventId),
        );
        expectStrictlyIncreasing(seen.map((e) => e.position));
        // `after: p` for every position read back: exactly the events after that one.
        for (let i = 0; i < seen.length; i++) {
          const rest = await expectRight(s.readAll({ after: seen[i]!.position }));
          expect(rest.events.map((e) => e.eventId)).toEqual(seen.slice(i + 1).map((e) => e.eventId));
          expect(rest.events.map((e) => e.position)).toEqual(seen.slice(i + 1).map((e) => e.position));
          expect(rest.isEnd).toBe(true);
        }
        const tail = await expectRight(s.readAll({ after: seen[5]!.position }));
        expect(tail.events.map((e) => e.position)).toEqual([seen[6]!.position]);
        expect(tail.isEnd).toBe(true);
        const past = await expectRight(s.readAll({ after: seen[6]!.position }));
        expect(past).toMatchObject({ events: [], isEnd: true });
      });
    });

    describe("subscriptions", () => {
      it("catches up, reports caught-up once, then delivers live events in order", async () => {
        const s = await fresh();
        const sid = fixtureEvent("m", 0).streamId;
        await expectRight(s.append(sid, fixtureBatch("m", 2), { expectedRevision: "noStream" }));
        const got: number[] = [];
        let caughtUp = 0;
        let gotAtCaughtUp = -1;
        const sub = s.subscribe({
          onEvent: (e) => {
            got.push(e.position);
          },
          onCaughtUp: () => {
            caughtUp++;
            gotAtCaughtUp = got.length;
          },
        });
        await until(() => caughtUp === 1);
        expect(gotAtCaughtUp).toBe(2);
        await expectRight(s.append(sid, fixtureBatch("m", 2, 2), { expectedRevision: 1 }));
        await until(() => got.length === 4);
        await sub.stop();
        const log = await expectRight(s.readAll());
        expect(log.events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
        expect(got).toEqual(log.events.map((e) => e.position));
        expect(caughtUp).toBe(1);
      });

      it("`after` is exclusive and filters select streams and types", async () => {
        const s = await fresh();
        await expectRight(
          s.append(fixtureEvent("n", 0).streamId, fixtureBatch("n", 3), { expectedRevision: "any" }),
        );
        await expectRight(
          s.append(fixtureEvent("o", 0).streamId, fixtureBatch("o", 2), { expectedRevision: "any" }),
        );
        // n/0, n/1, n/2, o/0, o/1 in global order; CoopResumed are the odd ones (n/1, o/1).
        const p = (await expectRight(s.readAll())).events.map((e) => e.position);
        expect(p.length).toBe(5);
        const byPrefix: number[] = [];
        const byType: number[] = [];
        const a = s.subscribe({
          after: p[0]!,
          filter: { streamPrefixes: ["coop-htx-n"] },
          onEvent: (e) => void byPrefix.push(e.position),
        });
        const b = s.subscribe({
          filter: { eventTypes: ["CoopResumed"] },
          onEvent: (e) => void byType.push(e.position),
        });
        await until(() => byPrefix.length === 2 && byType.length === 2);
        await a.stop();
        await b.stop();
        expect(byPrefix).toEqual([p[1], p[2]]);
        expect(byType).toEqual([p[1], p[4]]);
      });

      it("delivers at least once: a failing handler stops with onError, resubscribing from the checkpoint redelivers", async () => {
        const s = await fresh();
        await expectRight(
          s.append(fixtureEvent("p", 0).streamId, fixtureBatch("p", 3), { expectedRevision: "any" }),
        );
        const p = (await expectRight(s.readAll())).events.map((e) => e.position);
        expect(p.length).toBe(3);
        let checkpoint: number | undefined;
        const errors: StoreError[] = [];
        const first = s.subscribe({
          onEvent: (e) => {
            if (e.position === p[1]) throw new Error("projection crashed");
            checkpoint = e.position;
          },
          onError: (e) => errors.push(e),
        });
        await until(() => errors.length === 1);
        await first.stop();
        expect(checkpoint).toBe(p[0]);
        const again: number[] = [];
        const second = s.subscribe(
          checkpoint === undefined
            ? { onEvent: (e) => void again.push(e.position) }
            : { after: checkpoint, onEvent: (e) => void again.push(e.position) },
        );
        await until(() => again.length === 2);
        await second.stop();
        expect(again).toEqual([p[1], p[2]]);
      });

      it("stop() waits for the handler in flight and nothing is delivered after it", async () => {
        const s = await fresh();
        await expectRight(
          s.append(fixtureEvent("q", 0).streamId, fixtureBatch("q", 1), { expectedRevision: "any" }),
        );
        let inFlight = false;
        let afterStop = 0;
        let stopped = false;
        let started = false;
        const sub = s.subscribe({
          onEvent: async () => {
            if (stopped) afterStop++;
            started = true;
            inFlight = true;
            await new Promise((r) => setTimeout(r, 30));
            inFlight = false;
          },
        });
        await until(() => started);
        await sub.stop();
        stopped = true;
        expect(inFlight).toBe(false);
        await expectRight(
          s.append(fixtureEvent("q", 0).streamId, fixtureBatch("q", 1, 1), { expectedRevision: "any" }),
        );
        await new Promise((r) => setTimeout(r, 30));
        expect(afterStop).toBe(0);
      });
    });

    describe("close", () => {
      it("after close, operations fail with StoreClosed", async () => {
        const s = await fresh();
        await s.close();
        const a = fixtureEvent("r", 0);
        expect(await fail(s.append(a.streamId, [a.newEvent], { expectedRevision: "any" }))).toMatchObject({
          _tag: "StoreClosed",
        });
        expect(await fail(s.readAll())).toMatchObject({ _tag: "StoreClosed" });
        expect(await fail(s.readStream(a.streamId))).toMatchObject({ _tag: "StoreClosed" });
      });
    });
  });
};
