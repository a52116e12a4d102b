import * as E from "fp-ts/lib/Either.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { resolveQuery } from "../evaluate/resolve-query.js";
import { type CellInfo, parseCell, provinceIn, type ResolvedScope } from "../model/cells.js";
import type { QueryInput } from "../query/projection-query.js";
import { seriesRead } from "./explain-from-provenance.js";
import type { ProvenanceTable } from "./provenance-table.js";

/**
 * Whether a cell may count in a scope, leaning to yes: a cell without a sector or form (a fund's, an
 * alliance's, a province-level roll-up `*`) or whose province cannot be re-mapped to the scope's
 * geography is taken to be in every sector, form or province of that axis.
 */
const mayCountIn = (cell: CellInfo, scope: ResolvedScope): boolean => {
  if (scope.province !== undefined && cell.gazetteer !== "") {
    const p = provinceIn(cell, scope.reportIn);
    if (p !== undefined && p !== scope.province) return false;
  }
  if (scope.district !== undefined && cell.gazetteer === "2008-08-01" && cell.district !== "")
    if (cell.district !== scope.district) return false;
  if (scope.sector !== undefined && cell.sector !== "" && cell.sector !== "*" && cell.sector !== scope.sector)
    return false;
  if (scope.form !== undefined && cell.form !== "" && cell.form !== scope.form) return false;
  return true;
};

/**
 * Which of some queries (one valid date, each its own scope) can answer differently as known at `a`
 * and as known at `b`, read from a {@link ProvenanceTable} alone: a figure valid at D reads its series
 * at days ≤ D, and a series' value in a cell as known at K is the sum of the table's entries for that
 * cell with valid day ≤ D recorded by K — so between `a` and `b` it can move only where an entry valid
 * by D was recorded in (a, b]. A query is `false` (cannot have moved) only when no such entry, of any
 * series its indicators read, lies in a cell it may count; every doubt answers `true`: a query that
 * does not resolve, a cell it may count (see the lenient scope test above), and any ledger position
 * the table does not cover (events appended after it was built).
 *
 * `diff` uses it to skip the breakdown cells (provinces, sectors, forms) nothing late touched: two
 * snapshots each, a few hundred on a national ledger, most of them for nothing.
 *
 * @example
 * import type { RecordedEvent } from "@coop-ledger/domain";
 * import { buildIndex, mayHaveMoved, ProvenanceTable } from "@coop-ledger/projections";
 * // A co-op founded in 2022 in Bình Thuận (60), recorded late, in March 2023.
 * const founded = {
 *   eventId: "00000000-0000-4000-8000-000000000001",
 *   streamId: "coop-c1",
 *   revision: 0,
 *   position: 0,
 *   event: {
 *     type: "CoopFounded",
 *     schemaVersion: 2,
 *     data: {
 *       coopId: "c1",
 *       effectiveDate: "2022-06-01",
 *       name: "HTX c1",
 *       form: "cooperative",
 *       sector: "transport",
 *       location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" },
 *       foundingMembers: 12,
 *       origin: { kind: "new" },
 *       advisedByAlliance: false,
 *     },
 *   },
 *   metadata: { recordedAt: "2023-03-01T00:00:00.000Z" },
 * } as unknown as RecordedEvent;
 * const index = buildIndex([founded]);
 * const table = ProvenanceTable.build(1, index.streamIds(), (id) => index.streamEvents(id));
 * const inProvince = (province: string) => ({ validAt: "2022-12-31", scope: { province } });
 * const moved = mayHaveMoved(table, 1, [inProvince("60"), inProvince("01")], "2023-01-15T23:59:59.999Z", "2023-06-30T23:59:59.999Z");
 * // moved → [true, false]: the late founding counts in 60; nothing recorded in between counts in Hà Nội (01)
 * if (moved[0] !== true || moved[1] !== false) throw new Error(`unexpected ${JSON.stringify(moved)}`);
 */
export const mayHaveMoved = (
  table: ProvenanceTable,
  positions: number,
  queries: ReadonlyArray<QueryInput>,
  a: string,
  b: string,
): ReadonlyArray<boolean> => {
  if (positions > table.covered) return queries.map(() => true);
  const resolved = queries.map((q) => resolveQuery(q));
  const lo = Math.min(Date.parse(a), Date.parse(b));
  const hi = Math.max(Date.parse(a), Date.parse(b));
  // The series every query's indicators read, and the latest valid day any query reads.
  const keys = new Set<number>();
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const r of resolved) {
    if (E.isLeft(r)) continue;
    lastDay = Math.max(lastDay, r.right.validDay);
    for (const id of r.right.indicators as ReadonlyArray<IndicatorId>)
      for (const k of seriesRead(id, r.right)) keys.add(k);
  }
  // The cells with an entry valid by then and recorded in between.
  const touched = new Set<number>();
  for (const key of keys) {
    const en = table.entriesOf(key);
    for (let i = 0; i < en.recs.length; i++) {
      const rec = en.recs[i] as number;
      if (rec > lo && rec <= hi && (en.days[i] as number) <= lastDay) touched.add(en.cells[i] as number);
    }
  }
  const cellKeys = table.cellKeys();
  const cells = [...touched].map((c) => parseCell(cellKeys[c] as string));
  return resolved.map((r) => E.isLeft(r) || cells.some((c) => mayCountIn(c, r.right.scope)));
};
