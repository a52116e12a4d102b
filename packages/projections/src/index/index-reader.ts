import type { ResolvedQuery } from "../evaluate/resolve-query.js";
import type { SeriesReader } from "../evaluate/series-reader.js";
import { type CellInfo, cellInPopulation, cellInScope, type Population } from "../model/cells.js";
import type { ProjectionIndex } from "./projection-index.js";

/**
 * A series reader over the index: sums the delta columns of the cells in scope. Province-level cells
 * answer unless the scope names a district or a sector (then the full-detail cells do), so an unscoped
 * or province query touches a few hundred columns at most. Scope membership is memoised per cell.
 *
 * @example snapshotFrom(q, indexReader(index, q))
 */
export const indexReader = (index: ProjectionIndex, q: ResolvedQuery): SeriesReader => {
  const level = q.scope.district !== undefined || q.scope.sector !== undefined ? "detail" : "province";
  const memo = new Map<number, boolean>();
  const inScope = (cellId: number, cell: CellInfo): boolean => {
    let m = memo.get(cellId);
    if (m === undefined) {
      m = cellInScope(cell, q.scope);
      memo.set(cellId, m);
    }
    return m;
  };
  return {
    value: (key: number, day: number, population: Population): number => {
      let sum = 0;
      for (const { cellId, column } of index.columnsOf(key, level)) {
        const cell = index.cell(cellId);
        if (inScope(cellId, cell) && cellInPopulation(cell, population))
          sum += column.sumAt(day, q.knownAtMs);
      }
      return sum;
    },
    positiveDistricts: (key: number, day: number, population: Population): number => {
      const byDistrict = new Map<string, number>();
      for (const { cellId, column } of index.columnsOf(key, "detail")) {
        const cell = index.cell(cellId);
        if (cell.district === "" || !inScope(cellId, cell) || !cellInPopulation(cell, population)) continue;
        byDistrict.set(cell.district, (byDistrict.get(cell.district) ?? 0) + column.sumAt(day, q.knownAtMs));
      }
      let n = 0;
      for (const v of byDistrict.values()) if (v > 0) n++;
      return n;
    },
  };
};
