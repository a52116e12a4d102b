import { asRecorded, buildScenario, SCENARIOS, type ScenarioId } from "@coop-ledger/generator";
import { buildIndex, type ProjectionIndex } from "../../bitemporal-index/projection-index.js";

const cache = new Map<ScenarioId, ProjectionIndex>();

/** The projection index of a calibrated scenario of `@coop-ledger/generator` (built once per test file). */
export const scenarioIndex = (id: ScenarioId): ProjectionIndex => {
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const index = buildIndex(asRecorded(buildScenario(SCENARIOS[id].spec)));
  cache.set(id, index);
  return index;
};
