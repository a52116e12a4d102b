import { coopStream, dayOf, isoDate } from "@coop-ledger/domain";
import { mk } from "../recorder.js";
import type { ScenarioWorld, Unit } from "./scenario-world.js";

/** Where the 2025-07-01 reform starts: locations recorded from then on are in the new gazetteer. */
const REFORM = "2025-07-01";

/**
 * Schedules the 2025 re-recording: on 2025-07-01 a share of the organisations (`reRecordedAfter2025`)
 * is picked to move its head office into the 2025-07-01 gazetteer on a day of the following year.
 * Returns `moveDue(day)`, which records the moves due by a day: the builder calls it as the timeline
 * reaches each day, so that the moves fall in order among the other happenings.
 *
 * @example
 * import { scenarioWorld } from "../src/scenarios/scenario-world.js";
 * const w = scenarioWorld(SCENARIOS["004"].spec);
 * const moveDue = scheduleReformMoves(w);
 * moveDue("2020-01-01"); // nothing is due before the reform
 * w.pending.length // 0
 */
export const scheduleReformMoves = (w: ScenarioWorld): ((until: string) => void) => {
  const { spec, at, push, activeOn, coopsActiveOn, xr, xint, province } = w;
  const { registry } = w.by;
  // Moves decided on 2025-07-01 take effect later in the year: held here until the timeline reaches them.
  const deferred: Array<{ on: string; unit: Unit }> = [];
  if (spec.reRecordedAfter2025 > 0 && spec.until >= REFORM)
    at(REFORM, 8, () => {
      const horizon = Math.min(dayOf(spec.until), dayOf(REFORM) + 364);
      for (const unit of [...coopsActiveOn(REFORM), ...activeOn(REFORM, "group")])
        if (xr() < spec.reRecordedAfter2025)
          deferred.push({ on: isoDate(xint(dayOf(REFORM), horizon)), unit });
      deferred.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    });
  const moveDue = (until: string) => {
    while (deferred.length > 0 && (deferred[0] as { on: string }).on <= until) {
      const { on, unit } = deferred.shift() as { on: string; unit: Unit };
      if (unit.dissolvedOn !== undefined && unit.dissolvedOn <= on) continue;
      push(
        coopStream(unit.id),
        on,
        mk("HeadOfficeMoved", {
          coopId: unit.id,
          effectiveDate: on,
          location: { gazetteer: "2025-07-01", provinceCode: province.successorCode },
        } as never),
        registry,
      );
    }
  };
  return moveDue;
};
