import type { GazetteerVersion } from "@coop-ledger/domain";
import type { ResolvedQuery } from "../evaluate/resolve-query.js";
import type { SeriesReader } from "../evaluate/series-reader.js";
import { type CellInfo, cellInPopulation, cellInScope, type Population, provinceIn } from "../model/cells.js";
import type { CellColumn } from "./column-layout.js";
import type { ProjectionIndex } from "./projection-index.js";

/**
 * A series' province-level columns grouped by the province their cell counts in (per reporting
 * gazetteer), kept beside the list they were grouped from (and grouped again once it grew: a fed
 * index appends to it): a province query walks its province's few columns, not the series' hundreds
 * (474 for active co-ops at national) with a membership test and a memo entry each, every query.
 */
const groupedLists = new WeakMap<
  ReadonlyArray<CellColumn>,
  Map<GazetteerVersion, { readonly length: number; readonly groups: Map<string | undefined, CellColumn[]> }>
>();

/** The columns of `list` whose cell counts in `province` when reported in `reportIn`, in list order. */
const provinceColumns = (
  index: ProjectionIndex,
  list: ReadonlyArray<CellColumn>,
  reportIn: GazetteerVersion,
  province: string,
): ReadonlyArray<CellColumn> => {
  let byGazetteer = groupedLists.get(list);
  if (byGazetteer === undefined) {
    byGazetteer = new Map();
    groupedLists.set(list, byGazetteer);
  }
  let grouped = byGazetteer.get(reportIn);
  if (grouped === undefined || grouped.length !== list.length) {
    const groups = new Map<string | undefined, CellColumn[]>();
    for (const c of list) {
      const p = provinceIn(index.cell(c.cellId), reportIn);
      const g = groups.get(p);
      if (g === undefined) groups.set(p, [c]);
      else g.push(c);
    }
    grouped = { length: list.length, groups };
    byGazetteer.set(reportIn, grouped);
  }
  return grouped.groups.get(province) ?? [];
};

/**
 * A series reader over the index: sums the delta columns of the cells in scope. Whole-ledger cells
 * answer a query without a place (a handful of columns per series), province-level cells a province
 * scope, full-detail cells a district or sector scope, so an unscoped or province query touches a few
 * hundred columns at most. Scope membership is memoised per cell.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const q = resolveQuery({ validAt: "2022-12-31", province: "Bắc Kạn" });
 * if (E.isLeft(q)) throw new Error(q.left.message);
 * const s = snapshotFrom(q.right, indexReader(buildIndex(events), q.right)); // province cells only
 * console.log(E.isRight(s) && s.right.validAt); // "2022-12-31"
 */
export const indexReader = (index: ProjectionIndex, q: ResolvedQuery): SeriesReader => {
  // No place in scope: the whole-ledger cells (they keep the form, so a form scope is answered too), also
  // for an earlier knowledge instant (a column's knowledge checkpoints cost at most 8 bytes a delta).
  const level =
    q.scope.district !== undefined || q.scope.sector !== undefined
      ? "detail"
      : q.scope.province !== undefined
        ? "province"
        : "ledger";
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
      const all = index.columnsOf(key, level, q.scope.sector, q.scope.district);
      // A province scope: its province's columns only (each still tested: the scope may name a form).
      const province = q.scope.province;
      const columns =
        level === "province" && province !== undefined
          ? provinceColumns(index, all, q.scope.reportIn, province)
          : all;
      for (const { cellId, column } of columns) {
        const cell = index.cell(cellId);
        if (inScope(cellId, cell) && cellInPopulation(cell, population))
          sum += index.sumAt(level, column, day, q.knownAtMs);
      }
      return sum;
    },
    positiveDistricts: (key: number, day: number, population: Population): number => {
      const byDistrict = new Map<string, number>();
      for (const { cellId, column } of index.columnsOf(key, "detail", q.scope.sector, q.scope.district)) {
        const cell = index.cell(cellId);
        if (cell.district === "" || !inScope(cellId, cell) || !cellInPopulation(cell, population)) continue;
        byDistrict.set(
          cell.district,
          (byDistrict.get(cell.district) ?? 0) + index.sumAt("detail", column, day, q.knownAtMs),
        );
      }
      let n = 0;
      for (const v of byDistrict.values()) if (v > 0) n++;
      return n;
    },
  };
};
