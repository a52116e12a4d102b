import type { Population } from "../model/cells.js";

/**
 * What indicator arithmetic needs from a projection: the sum of one series, over the cells of the
 * query's scope that belong to a population, on a valid day, as known at the query's knowledge
 * instant. The index answers it from its delta columns; the replay from a fold of the events.
 */
export interface SeriesReader {
  /** Sum of series `key` on `day` over the cells in scope and in the population. */
  readonly value: (key: number, day: number, population: Population) => number;
  /** Number of distinct districts (2008 gazetteer) in scope where the series is positive on `day`. */
  readonly positiveDistricts: (key: number, day: number, population: Population) => number;
}
