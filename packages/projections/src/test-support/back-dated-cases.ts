import type { RecordedEvent } from "@coop-ledger/domain";
import { expect } from "vitest";
import { provenanceChange } from "../audit/stream-provenance.js";
import type { DeltaSink } from "../bitemporal-index/column-layout.js";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import type { Deltas } from "../model/stream-sweep.js";

// What the laws of the events folded from their stream's fold (back-dated-*.prop.test.ts) compare.

/** A delta list netted per (series, cell, day): what every query at any knowledge instant sums. */
export const netted = (plus: Deltas, minus?: Deltas): Map<string, number> => {
  const m = new Map<string, number>();
  const add = (d: Deltas, sign: number): void => {
    for (let i = 0; i < d.keys.length; i++) {
      const id = `${d.keys[i]}|${d.cells[i]}|${d.days[i]}`;
      const v = (m.get(id) ?? 0) + sign * (d.amounts[i] as number);
      if (v === 0) m.delete(id);
      else m.set(id, v);
    }
  };
  add(plus, 1);
  if (minus !== undefined) add(minus, -1);
  return m;
};

/** An empty delta list to collect into. */
export const newDeltas = (): Deltas => ({ keys: [], cells: [], days: [], amounts: [], causes: [] });

/** Each stream's live events (valid-time order). */
export const liveListsOf = (events: ReadonlyArray<RecordedEvent>): TimedEvent[][] => {
  const byStream = new Map<string, TimedEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId) ?? [];
    list.push(timed(e));
    byStream.set(e.streamId, list);
  }
  return [...byStream.values()].map((list) => liveEvents(list));
};

/**
 * The provenance entries the events give when `te` joins `others` (making `live`), and the positions
 * whose marginal they change (a fold that taps only `te` must change only its own).
 */
export const provenanceOf = (
  others: ReadonlyArray<TimedEvent>,
  live: ReadonlyArray<TimedEvent>,
  te: TimedEvent,
): { entries: Deltas; positions: Set<number> } => {
  const entries = newDeltas();
  const positions = new Set<number>();
  provenanceChange(others, live, te.recordedMs, (position, key, cell, day, amount) => {
    positions.add(position);
    entries.keys.push(key);
    entries.cells.push(cell);
    entries.days.push(day);
    entries.amounts.push(amount);
  });
  return { entries, positions };
};

/** A sink that collects what is pushed into `into`, each delta recorded at `rec` (checked). */
export const collector = (into: Deltas, rec: number): DeltaSink => ({
  push: (key, cell, day, amount, at) => {
    expect(at).toBe(rec);
    into.keys.push(key);
    into.cells.push(cell);
    into.days.push(day);
    into.amounts.push(amount);
  },
});
