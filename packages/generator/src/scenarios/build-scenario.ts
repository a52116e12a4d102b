import type { DistrictGazetteer } from "@coop-ledger/domain";
import type { GeneratedEvent } from "../recorder.js";
import { scheduleCoopLives } from "./coop-timeline.js";
import { recordingInstants } from "./recording-instants.js";
import { scheduleReformMoves } from "./reform-moves.js";
import type { ScenarioSpec } from "./scenario-spec.js";
import { scenarioWorld } from "./scenario-world.js";
import { scheduleSupport } from "./support-timeline.js";

/**
 * Builds a calibrated scenario's events (see {@link ScenarioSpec}), in recording order: each event is
 * recorded 1–20 days after it took effect, at 09:00 Vietnam time (02:00 UTC), never before its stream's
 * previous event; events recorded after `until` are left out, as in `generateLedger`. Deterministic: the
 * same spec (and district gazetteer) gives the same events, ids and instants.
 *
 * The co-ops' own draws (members, sectors, which co-op is dissolved, which is certified) come from one
 * seeded stream, in world order; groups, farm households, the fund, loans and the alliance's activities
 * use another, so adding them does not move the co-op figures a calibration was tuned on.
 *
 * @example
 * const events = buildScenario(SCENARIOS["004"].spec);
 * events.length // 7380
 * events[0]?.event.type // "CoopFounded"
 */
export const buildScenario = (
  spec: ScenarioSpec,
  districts?: DistrictGazetteer,
): ReadonlyArray<GeneratedEvent> => {
  const w = scenarioWorld(spec, districts);
  // The order of scheduling matters: happenings of one day and order run in the order scheduled.
  scheduleCoopLives(w);
  scheduleSupport(w);
  const moveDue = scheduleReformMoves(w);

  w.happenings.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  for (const h of w.happenings) {
    if (h.on > spec.until) break;
    moveDue(h.on);
    h.run();
  }
  moveDue(spec.until);

  return recordingInstants(spec, w.pending);
};
