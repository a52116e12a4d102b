import { DAY_MS, dayOf, type EventMetadata, type StreamId } from "@coop-ledger/domain";
import { mulberry32 } from "../mulberry32.js";
import type { GeneratedEvent } from "../recorder.js";
import { generatedEventId } from "../uuid.js";
import type { ScenarioSpec } from "./scenario-spec.js";
import type { Pending } from "./scenario-world.js";

/**
 * The decided events with their recording instants, in recording order: each is recorded 1–20 days
 * after it took effect, at 09:00 Vietnam time (02:00 UTC), never before its stream's previous event;
 * events recorded after `spec.until` are left out.
 *
 * @example
 * import { scenarioWorld } from "../src/scenarios/scenario-world.js";
 * const w = scenarioWorld(SCENARIOS["004"].spec);
 * w.found("2020-01-15", "cooperative", false, 12);
 * recordingInstants(w.spec, w.pending)[0]?.metadata.recordedAt.endsWith("T02:00:00.000Z") // true
 */
export const recordingInstants = (
  spec: ScenarioSpec,
  pending: ReadonlyArray<Pending>,
): ReadonlyArray<GeneratedEvent> => {
  const lagRng = mulberry32(spec.seed ^ 0x68e31da4);
  const cutoff = (dayOf(spec.until) + 1) * DAY_MS - 7 * 3_600_000 - 1;
  const lastRecorded = new Map<StreamId, number>();
  const timed = pending
    .filter((p) => p.effective <= spec.until)
    .map((p, i) => {
      const lag = 1 + Math.floor(lagRng() * 20);
      const candidate = (dayOf(p.effective) + lag) * DAY_MS + 2 * 3_600_000;
      const prev = lastRecorded.get(p.stream);
      const ms = prev !== undefined && prev >= candidate ? prev + 1000 : candidate;
      lastRecorded.set(p.stream, ms);
      return { p, ms, i };
    })
    // Per stream, instants only grow: an event cut off is followed by none of its stream.
    .filter((t) => t.ms <= cutoff)
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  return timed.map(({ p, ms }, position) => ({
    streamId: p.stream,
    eventId: generatedEventId(spec.seed, p.stream, position),
    event: p.event,
    metadata: { recordedAt: new Date(ms).toISOString(), recordedBy: p.by } as EventMetadata,
  }));
};
