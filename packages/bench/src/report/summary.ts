import type { Spread } from "../harness/stats.js";

/** One printed figure: a metric of a measurement on a dataset, with its spread over repetitions. */
export interface Row {
  readonly section: string;
  readonly dataset: string;
  readonly metric: string;
  readonly value: Spread;
  readonly unit: string;
}

/** A budget from ARCHITECTURE.md checked against the median of a figure. */
export interface BudgetCheck {
  readonly budget: string;
  readonly dataset: string;
  /** The figure as printed, e.g. "62% of bare parse". */
  readonly figure: string;
  /** `undefined` when the figure could not be measured (a dependency is missing or failed). */
  readonly met: boolean | undefined;
}

/**
 * A row from a spread.
 *
 * @example row("replay", "province", "events/s", spread([1, 2, 3]), "ev/s")
 */
export const row = (section: string, dataset: string, metric: string, value: Spread, unit: string): Row => ({
  section,
  dataset,
  metric,
  value,
  unit,
});
