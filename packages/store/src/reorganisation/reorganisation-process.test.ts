import {
  type EventData,
  type Instant,
  type ReorganisationId,
  reorganisationStream,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { makeCommandHandler } from "../handler/command-handler.js";
import { testDecider, testStreamOf } from "../handler/test-support/test-decider.js";
import { makeInMemoryStore } from "../memory/in-memory-store.js";
import type { EventStore } from "../port/event-store.js";
import { recordReorganisation } from "./record-reorganisation.js";
import { completeReorganisation } from "./reorganisation-process.js";

const clock = () => "2024-05-06T07:08:09.000Z" as Instant;
const loc = { gazetteer: "2008-08-01", provinceCode: "60" };
const decision = {
  reorganisationId: "r-1",
  effectiveDate: "2022-01-01",
  kind: "split",
  sources: ["htx-1"],
  newCoops: [
    {
      coopId: "htx-2",
      name: "HTX Hai",
      form: "cooperative",
      sector: "agriculture",
      location: loc,
      members: 7,
    },
    {
      coopId: "htx-3",
      name: "HTX Ba",
      form: "cooperative",
      sector: "agriculture",
      location: loc,
      members: 8,
    },
  ],
} as unknown as EventData<"ReorganisationDecided">;
const rid = "r-1" as ReorganisationId;

/** A store whose appends to one stream fail once (a crash half-way through the process). */
const failingOnce = (store: EventStore, streamId: string): EventStore => {
  let failed = false;
  return {
    ...store,
    append: (sid, events, options) =>
      sid === streamId && !failed
        ? async () => {
            failed = true;
            return E.left({ _tag: "StoreUnavailable", message: "injected crash" });
          }
        : store.append(sid, events, options),
  };
};

describe("reorganisation process", () => {
  it("records the decision once, then appends each co-op stream's effects; a re-run appends nothing", async () => {
    const store = makeInMemoryStore();
    const h = makeCommandHandler({ store, decider: testDecider, streamOf: testStreamOf, clock });
    // Decide and complete in one call (the handler records the decision, idempotent by command id).
    const done = await recordReorganisation({ handler: h, store, clock })({
      commandId: "reorg-cmd",
      command: { type: "DecideReorganisation", decision },
    })();
    expect(done).toEqual(
      E.right(
        expect.objectContaining({ applied: ["coop-htx-1", "coop-htx-2", "coop-htx-3"], alreadyApplied: [] }),
      ),
    );
    const again = await completeReorganisation({ store, clock })(rid)();
    expect(again).toEqual(
      E.right(
        expect.objectContaining({ applied: [], alreadyApplied: ["coop-htx-1", "coop-htx-2", "coop-htx-3"] }),
      ),
    );
    const all = await store.readAll()();
    if (E.isLeft(all)) throw new Error(all.left.message);
    expect(all.right.events.map((e) => [e.streamId, e.event.type])).toEqual([
      ["reorganisation-r-1", "ReorganisationDecided"],
      ["coop-htx-1", "CoopReorganisedAway"],
      ["coop-htx-2", "CoopFounded"],
      ["coop-htx-3", "CoopFounded"],
    ]);
    const decisionId = h.eventIdFor("reorg-cmd", reorganisationStream(rid), 0);
    expect(all.right.events.slice(1).every((e) => e.metadata.causationId === decisionId)).toBe(true);
  });

  it("a failure after the first stream is completed by re-running, never duplicated", async () => {
    const store = makeInMemoryStore();
    const h = makeCommandHandler({ store, decider: testDecider, streamOf: testStreamOf, clock });
    await h.handle({ commandId: "reorg-cmd", command: { type: "DecideReorganisation", decision } })();
    const crashed = await completeReorganisation({ store: failingOnce(store, "coop-htx-2"), clock })(rid)();
    expect(crashed).toEqual(E.left(expect.objectContaining({ _tag: "StoreFailed" })));
    const mid = await store.readAll()();
    expect(E.isRight(mid) && mid.right.events.map((e) => e.streamId)).toEqual([
      "reorganisation-r-1",
      "coop-htx-1",
    ]);
    const resumed = await completeReorganisation({ store, clock })(rid)();
    expect(resumed).toEqual(
      E.right(
        expect.objectContaining({ applied: ["coop-htx-2", "coop-htx-3"], alreadyApplied: ["coop-htx-1"] }),
      ),
    );
    const all = await store.readAll()();
    if (E.isLeft(all)) throw new Error(all.left.message);
    expect(all.right.events.map((e) => e.streamId)).toEqual([
      "reorganisation-r-1",
      "coop-htx-1",
      "coop-htx-2",
      "coop-htx-3",
    ]);
    expect(new Set(all.right.events.map((e) => e.eventId)).size).toBe(4);
  });

  it("a reorganisation with no recorded decision is DecisionNotFound", async () => {
    const r = await completeReorganisation({ store: makeInMemoryStore(), clock })(
      "r-9" as ReorganisationId,
    )();
    expect(r).toEqual(E.left(expect.objectContaining({ _tag: "DecisionNotFound" })));
  });
});
