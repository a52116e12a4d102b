import type { SeriesReader } from "../evaluate/series-reader.js";
import {
  type CellInfo,
  cellInPopulation,
  cellInScope,
  parseCell,
  type ResolvedScope,
} from "../model/cells.js";
import type { Deltas } from "../model/stream-sweep.js";

/**
 * A series reader over some deltas of one stream (those of one event, or all of them): indicator
 * arithmetic is linear in series sums, so evaluating an indicator on a part of the deltas gives that
 * part's contribution to the numerator and denominator.
 */
export const deltasReader = (
  deltas: Deltas,
  include: (i: number) => boolean,
  scope: ResolvedScope,
): SeriesReader => {
  const cells = new Map<string, { info: CellInfo; inScope: boolean }>();
  const cellOf = (key: string) => {
    let c = cells.get(key);
    if (c === undefined) {
      const info = parseCell(key);
      c = { info, inScope: cellInScope(info, scope) };
      cells.set(key, c);
    }
    return c;
  };
  const sum = (
    key: number,
    day: number,
    population: Parameters<SeriesReader["value"]>[2],
    district?: string,
  ): number => {
    let s = 0;
    for (let i = 0; i < deltas.keys.length; i++) {
      if (deltas.keys[i] !== key || (deltas.days[i] as number) > day || !include(i)) continue;
      const c = cellOf(deltas.cells[i] as string);
      if (!c.inScope || !cellInPopulation(c.info, population)) continue;
      if (district !== undefined && c.info.district !== district) continue;
      s += deltas.amounts[i] as number;
    }
    return s;
  };
  return {
    value: (key, day, population) => sum(key, day, population),
    positiveDistricts: (key, day, population) => {
      const districts = new Set<string>();
      for (let i = 0; i < deltas.keys.length; i++) {
        if (deltas.keys[i] === key && include(i))
          districts.add(cellOf(deltas.cells[i] as string).info.district);
      }
      let n = 0;
      for (const d of districts) if (d !== "" && sum(key, day, population, d) > 0) n++;
      return n;
    },
  };
};
