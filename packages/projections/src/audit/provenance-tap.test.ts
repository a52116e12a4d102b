import type { RecordedEvent } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import { ev, Ledger } from "../test-support/history.js";
import { ProvenanceTap } from "./provenance-tap.js";
import { streamProvenance } from "./stream-provenance.js";

const activity = (effectiveDate: string, count: number) =>
  ev("AllianceActivityRecorded", {
    effectiveDate,
    provinceCode: "60",
    gazetteer: "2008-08-01",
    kind: "trainingClass",
    count,
  });

/** An alliance's activities, the last one recorded late and dated before the others (as reports often are). */
const history = (): RecordedEvent[] => {
  const l = new Ledger();
  l.record(activity("2020-02-01", 1), "2020-02-03");
  l.record(activity("2020-05-01", 2), "2020-05-03");
  l.record(activity("2020-09-01", 3), "2020-09-03");
  l.record(activity("2020-03-15", 4), "2020-12-20");
  return l.events;
};

const entriesOf = (events: ReadonlyArray<RecordedEvent>) => {
  const out: Array<{ position: number; day: number; amount: number; rec: number }> = [];
  streamProvenance(events, (position, _key, _cell, day, amount, rec) =>
    out.push({ position, day, amount, rec }),
  );
  return out;
};

describe("a back-dated flow (issue #12: the national first build re-folded every alliance and fund stream)", () => {
  it("is tapped as it is fed: its stream is not re-derived from its events", () => {
    const events = history();
    const tap = new ProvenanceTap(events.length);
    const index = ProjectionIndex.holdingNoEvents(
      { eventsAt: (ps) => ps.map((p) => events[p] as RecordedEvent) },
      { tap },
    );
    for (const e of events) index.add(e);
    expect(tap.dirtyCount).toBe(0);
  });

  it("changes no other event's provenance: the table built from the events records only its own entries when it arrives", () => {
    const events = history();
    const late = Date.parse("2020-12-20T12:00:00.000Z");
    const atArrival = entriesOf(events).filter((x) => x.rec === late);
    expect(atArrival.length).toBeGreaterThan(0);
    expect(new Set(atArrival.map((x) => x.position))).toEqual(new Set([3]));
  });
});
