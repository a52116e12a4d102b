import { type CoopId, deriveEventId, type Instant } from "@coop-ledger/domain";
import { mulberry32 } from "@coop-ledger/generator/internal";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { makeInMemoryStore } from "../memory/in-memory-store.js";
import type { EventStore } from "../port/event-store.js";
import { backoffDelay, makeCommandHandler } from "./command-handler.js";
import { type TestCommand, testDecider, testStreamOf } from "./test-support/test-decider.js";

const coopId = "htx-1" as CoopId;
const clock = () => "2024-05-06T07:08:09.000Z" as Instant;
const stream = testStreamOf({ type: "Note", coopId });
const handlerOn = (store: EventStore, maxRetries = 3) =>
  makeCommandHandler({ store, decider: testDecider, streamOf: testStreamOf, clock, maxRetries });

describe("command handler", () => {
  it("appends the decided events with derived ids, the clock's recordedAt and the envelope's metadata", async () => {
    const store = makeInMemoryStore();
    const h = handlerOn(store);
    const r = await h.handle({
      commandId: "cmd-1",
      command: { type: "Note", coopId, count: 2 },
      metadata: { recordedBy: "clerk-2" as never, correlationId: "corr-9", source: { kind: "decision" } },
    })();
    expect(r).toEqual(
      E.right(
        expect.objectContaining({
          eventIds: [h.eventIdFor("cmd-1", stream, 0), h.eventIdFor("cmd-1", stream, 1)],
          nextExpectedRevision: 1,
          alreadyHandled: false,
        }),
      ),
    );
    const stored = await store.readStream(testStreamOf({ type: "Note", coopId }))();
    if (E.isLeft(stored)) throw new Error(stored.left.message);
    expect(stored.right.map((e) => e.metadata)).toEqual(
      [0, 1].map(() => ({
        recordedAt: "2024-05-06T07:08:09.000Z",
        recordedBy: "clerk-2",
        correlationId: "corr-9",
        causationId: "cmd-1",
        source: { kind: "decision" },
      })),
    );
  });

  it("handling the same command twice appends nothing and returns the original result", async () => {
    const store = makeInMemoryStore();
    const h = handlerOn(store);
    const first = await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId, count: 2 } })();
    // The stream moves on: a re-decision would now see 3 events and produce other dates.
    await h.handle({ commandId: "cmd-2", command: { type: "Note", coopId } })();
    const again = await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId, count: 2 } })();
    if (E.isLeft(first) || E.isLeft(again)) throw new Error("handle failed");
    expect(again.right).toEqual({ ...first.right, alreadyHandled: true });
    const all = await store.readAll()();
    expect(E.isRight(all) && all.right.events.length).toBe(3);
  });

  it("a refused command is a typed Rejected and appends nothing", async () => {
    const store = makeInMemoryStore();
    const r = await handlerOn(store).handle({ commandId: "c", command: { type: "Refuse", coopId } })();
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: "Rejected", error: { _tag: "Refused" } })));
  });

  it("folds retraction-aware: a retracted event no longer counts in the state", async () => {
    const store = makeInMemoryStore();
    const h = handlerOn(store);
    await h.handle({ commandId: "a", command: { type: "Note", coopId } })();
    await h.handle({
      commandId: "r",
      command: { type: "Retract", coopId, eventId: h.eventIdFor("a", stream, 0) },
    })();
    await h.handle({ commandId: "b", command: { type: "Note", coopId } })();
    const s = await store.readStream(testStreamOf({ type: "Note", coopId }))();
    if (E.isLeft(s)) throw new Error(s.left.message);
    // state before "b": "a" is retracted, the retraction counts: 1 event → base + 1 day.
    expect(s.right[2]!.event.data.effectiveDate).toBe("2021-01-02");
  });

  it("a store failure is a typed StoreFailed", async () => {
    const store = makeInMemoryStore();
    await store.close();
    const r = await handlerOn(store).handle({ commandId: "c", command: { type: "Note", coopId } })();
    expect(r).toEqual(
      E.left(
        expect.objectContaining({
          _tag: "StoreFailed",
          error: expect.objectContaining({ _tag: "StoreClosed" }),
        }),
      ),
    );
  });
});

describe("command ids (ids = UUID v5 of <commandId>/<streamId>/<index>)", () => {
  const other = "htx-2" as CoopId;

  it("derives the documented ids: deriveEventId(commandId, stream, index) under the default namespace", async () => {
    const store = makeInMemoryStore();
    const h = handlerOn(store);
    const r = await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId, count: 2 } })();
    expect(r).toEqual(
      E.right(
        expect.objectContaining({
          eventIds: [deriveEventId("cmd-1", stream, 0), deriveEventId("cmd-1", stream, 1)],
        }),
      ),
    );
  });

  it("a command id reused on another stream is a typed CommandIdReused and appends nothing", async () => {
    const store = makeInMemoryStore();
    await handlerOn(store).handle({ commandId: "cmd-1", command: { type: "Note", coopId } })();
    // A fresh handler (e.g. after a restart) learns the id's stream from the global log.
    const r = await handlerOn(store).handle({
      commandId: "cmd-1",
      command: { type: "Note", coopId: other },
    })();
    expect(r).toEqual(
      E.left(
        expect.objectContaining({
          _tag: "CommandIdReused",
          commandId: "cmd-1",
          streamId: testStreamOf({ type: "Note", coopId: other }),
          usedOn: stream,
          reason: "otherStream",
        }),
      ),
    );
    const all = await store.readAll()();
    expect(E.isRight(all) && all.right.events.length).toBe(1);
  });

  it("two concurrent commands with one id on two streams: exactly one lands", async () => {
    const store = makeInMemoryStore();
    const h = handlerOn(store);
    const [a, b] = await Promise.all([
      h.handle({ commandId: "cmd-1", command: { type: "Note", coopId } })(),
      h.handle({ commandId: "cmd-1", command: { type: "Note", coopId: other } })(),
    ]);
    expect([a, b].filter(E.isRight)).toHaveLength(1);
    expect([a, b].flatMap((x) => (E.isLeft(x) ? [x.left._tag] : []))).toEqual(["CommandIdReused"]);
    const all = await store.readAll()();
    expect(E.isRight(all) && all.right.events.length).toBe(1);
  });

  it("a command id reused on the same stream for other content is CommandIdReused (otherContent)", async () => {
    const store = makeInMemoryStore();
    const h = handlerOn(store);
    await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId, count: 1 } })();
    const r = await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId, count: 2 } })();
    expect(r).toEqual(
      E.left(expect.objectContaining({ _tag: "CommandIdReused", usedOn: stream, reason: "otherContent" })),
    );
    const all = await store.readAll()();
    expect(E.isRight(all) && all.right.events.length).toBe(1);
  });

  it("with the cross-stream check off, the same id on another stream still gets distinct event ids", async () => {
    const store = makeInMemoryStore();
    const h = makeCommandHandler({
      store,
      decider: testDecider,
      streamOf: testStreamOf,
      clock,
      checkCommandIdsAcrossStreams: false,
    });
    await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId } })();
    await h.handle({ commandId: "cmd-1", command: { type: "Note", coopId: other } })();
    const all = await store.readAll()();
    if (E.isLeft(all)) throw new Error(all.left.message);
    expect(new Set(all.right.events.map((e) => e.eventId)).size).toBe(2);
  });
});

describe("concurrent command handlers on one stream", () => {
  const concurrent = async (store: EventStore, n: number, maxRetries: number) => {
    const handlers = Array.from({ length: n }, () => handlerOn(store, maxRetries));
    const results = await Promise.all(
      handlers.map((h, i) =>
        h.handle({ commandId: `c-${i}`, command: { type: "Note", coopId } as TestCommand })(),
      ),
    );
    const stream = await store.readStream(testStreamOf({ type: "Note", coopId }))();
    if (E.isLeft(stream)) throw new Error(stream.left.message);
    return { results, dates: stream.right.map((e) => e.event.data.effectiveDate) };
  };

  it("with retries every command lands once and no update is lost (each decision saw the one before)", async () => {
    const { results, dates } = await concurrent(makeInMemoryStore(), 8, 8);
    expect(results.every(E.isRight)).toBe(true);
    expect(dates).toHaveLength(8);
    expect(new Set(dates).size).toBe(8);
    expect([...dates].sort()).toEqual(dates);
  });

  it("without retries exactly one wins per revision and the losers get a typed Conflict", async () => {
    const { results, dates } = await concurrent(makeInMemoryStore(), 5, 0);
    const wins = results.filter(E.isRight);
    const losses = results.flatMap((r) => (E.isLeft(r) ? [r.left] : []));
    expect(wins.length).toBe(dates.length);
    expect(wins.length).toBe(1);
    expect(losses.every((l) => l._tag === "Conflict")).toBe(true);
    expect(wins.length + losses.length).toBe(5);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe("retry back-off on concurrency conflicts", () => {
  /** A store whose first `n` appends fail with WrongExpectedRevision (as if another writer won). */
  const conflicting = (store: EventStore, n: number): EventStore => {
    let left = n;
    return {
      ...store,
      append: (streamId, events, options) =>
        left-- > 0
          ? async () =>
              E.left({
                _tag: "WrongExpectedRevision",
                streamId,
                expected: options.expectedRevision,
                actual: 0,
                message: "another writer won",
              })
          : store.append(streamId, events, options),
    };
  };

  it("waits a jittered, exponentially growing, capped delay before each retry (injected random and sleep)", async () => {
    const waits: number[] = [];
    const h = makeCommandHandler({
      store: conflicting(makeInMemoryStore(), 6),
      decider: testDecider,
      streamOf: testStreamOf,
      clock,
      maxRetries: 8,
      backoff: { baseMs: 10, capMs: 100, budgetMs: 10_000 },
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const r = await h.handle({ commandId: "c", command: { type: "Note", coopId } })();
    expect(E.isRight(r)).toBe(true);
    expect(waits).toEqual([0.5 * 10, 0.5 * 20, 0.5 * 40, 0.5 * 80, 0.5 * 100, 0.5 * 100]);
    expect(backoffDelay({ baseMs: 10, capMs: 100, budgetMs: 0 }, 1, 0.999)).toBeLessThan(10);
  });

  it("stops within the time budget with a typed Conflict naming the attempts made", async () => {
    const waits: number[] = [];
    const h = makeCommandHandler({
      store: conflicting(makeInMemoryStore(), 100),
      decider: testDecider,
      streamOf: testStreamOf,
      clock,
      maxRetries: 50,
      backoff: { baseMs: 10, capMs: 100, budgetMs: 250 },
      random: () => 0.99,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const r = await h.handle({ commandId: "c", command: { type: "Note", coopId } })();
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: "Conflict", attempts: waits.length + 1 })));
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(250);
    // the next wait would have passed the budget
    expect(
      total + backoffDelay({ baseMs: 10, capMs: 100, budgetMs: 250 }, waits.length + 1, 0.99),
    ).toBeGreaterThan(250);
  });

  it("150 concurrent writes to one co-op: with the default back-off every one lands, none lost", async () => {
    // A seeded generator keeps the jitter reproducible; the waits are real timers.
    const random = mulberry32(13);
    const store = makeInMemoryStore();
    const h = makeCommandHandler({ store, decider: testDecider, streamOf: testStreamOf, clock, random });
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        h.handle({ commandId: `w-${i}`, command: { type: "Note", coopId } as TestCommand })(),
      ),
    );
    const conflicts = results.filter((r) => E.isLeft(r) && r.left._tag === "Conflict").length;
    const s = await store.readStream(stream)();
    if (E.isLeft(s)) throw new Error(s.left.message);
    expect({ conflicts, landed: s.right.length }).toEqual({ conflicts: 0, landed: 150 });
    const dates = s.right.map((e) => e.event.data.effectiveDate);
    expect(new Set(dates).size).toBe(150);
  });
});
