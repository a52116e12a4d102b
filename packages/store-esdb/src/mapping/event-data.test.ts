import { fixtureEvent } from "@coop-ledger/store/contract";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { EsdbRecordedEvent } from "../client/esdb-client.js";
import { fromEsdbEvent, isLedgerEvent, toEsdbEvent } from "./event-data.js";
import { UNKNOWN_POSITION } from "./position.js";

const recorded = (over: Partial<EsdbRecordedEvent> = {}): EsdbRecordedEvent => {
  const { streamId, newEvent } = fixtureEvent("map", 0);
  const wire = toEsdbEvent({ ...newEvent, metadata: { ...newEvent.metadata, correlationId: "c-1" } });
  return {
    streamId,
    id: wire.id,
    revision: 4n,
    type: wire.type,
    data: wire.data,
    metadata: wire.metadata,
    isJson: true,
    position: { commit: 1234n, prepare: 1234n },
    ...over,
  };
};

describe("event mapping", () => {
  it("writes type = event type, data = the event's data, schemaVersion and our metadata in ESDB metadata", () => {
    const { newEvent } = fixtureEvent("map", 0);
    const wire = toEsdbEvent({
      ...newEvent,
      metadata: { ...newEvent.metadata, correlationId: "c-1", causationId: "k-1" },
    });
    expect(wire).toEqual({
      id: newEvent.eventId,
      contentType: "application/json",
      type: "CoopSuspended",
      data: newEvent.event.data,
      metadata: {
        recordedAt: newEvent.metadata.recordedAt,
        recordedBy: "contract",
        correlationId: "c-1",
        causationId: "k-1",
        $correlationId: "c-1",
        $causationId: "k-1",
        schemaVersion: 1,
      },
    });
  });

  it("reads back what it wrote, with revision and commit position", () => {
    const { streamId, newEvent } = fixtureEvent("map", 0);
    const r = fromEsdbEvent(recorded());
    expect(r).toEqual(
      E.right({
        eventId: newEvent.eventId,
        streamId,
        revision: 4,
        position: 1234,
        event: newEvent.event,
        metadata: { ...newEvent.metadata, correlationId: "c-1" },
      }),
    );
  });

  it("a record without a usable position reads as UNKNOWN_POSITION (old servers' stream reads)", () => {
    const r = fromEsdbEvent(recorded({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } }));
    expect(E.isRight(r) && r.right.position).toBe(UNKNOWN_POSITION);
  });

  it.each([
    ["an unknown type", { type: "CoopTeleported" }, "UnknownEventType"],
    [
      "a newer schema version",
      { metadata: { schemaVersion: 99, recordedAt: "2023-01-15T08:00:00.000Z" } },
      "UnsupportedSchemaVersion",
    ],
    ["bad data", { data: { coopId: 5 } }, "InvalidEventData"],
    ["no metadata", { metadata: undefined }, "MalformedEvent"],
    ["metadata without recordedAt", { metadata: { schemaVersion: 1 } }, "MalformedEvent"],
    ["a binary event", { isJson: false, data: new Uint8Array([1]) }, "MalformedEvent"],
    ["an upper-case or bad id", { id: "not-a-uuid" }, "MalformedEvent"],
  ] as const)("%s is an UndecodableEvent naming where it is", (_name, over, tag) => {
    const r = fromEsdbEvent(recorded(over as Partial<EsdbRecordedEvent>));
    expect(E.isLeft(r)).toBe(true);
    if (E.isLeft(r) && r.left._tag === "UndecodableEvent") {
      expect(r.left.error._tag).toBe(tag);
      expect(r.left.where).toContain("coop-htx-map@4");
    } else throw new Error("expected UndecodableEvent");
  });

  it("accepts an upper-case UUID as the same id", () => {
    const base = recorded();
    const r = fromEsdbEvent({ ...base, id: base.id.toUpperCase() });
    expect(E.isRight(r) && r.right.eventId).toBe(base.id);
  });

  it("system and foreign events are not ledger events", () => {
    expect(isLedgerEvent({ streamId: "$stats-127.0.0.1:2113", type: "$statsCollected" })).toBe(false);
    expect(isLedgerEvent({ streamId: "coop-htx-1", type: "$metadata" })).toBe(false);
    expect(isLedgerEvent({ streamId: "orders-1", type: "OrderPlaced" })).toBe(false);
    expect(isLedgerEvent({ streamId: "coop-htx-1", type: "CoopFounded" })).toBe(true);
  });
});
