import type { ScenarioSpec, YearCount } from "./scenario-spec.js";

/** The seeds that have a calibrated scenario (`generate --preset 000|001|002|003|004`). */
export type ScenarioId = "000" | "001" | "002" | "003" | "004";

/** A calibrated scenario: its spec, the province it is of, and what it assumes beyond the seed. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  readonly spec: ScenarioSpec;
  /** What the scenario assumes that its seed does not say (each is a modelling choice, not a statistic). */
  readonly assumptions: ReadonlyArray<string>;
}

/**
 * Yearly counts from consecutive years, starting at `from`.
 * @example years(2020, [1, 2]) // [{ year: 2020, count: 1 }, { year: 2021, count: 2 }]
 */
export const years = (from: number, counts: ReadonlyArray<number>): YearCount[] =>
  counts.map((count, i) => ({ year: from + i, count }));
