import * as E from "fp-ts/lib/Either.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { NON_ADDITIVE } from "../catalogue/provenance.js";
import { evaluateIndicator } from "../evaluate/evaluate-indicators.js";
import { type ResolvedQuery, resolveQuery } from "../evaluate/resolve-query.js";
import {
  type CellInfo,
  cellInfosOf,
  cellInPopulation,
  cellInScope,
  type Population,
  provinceIn,
  type ResolvedScope,
} from "../model/cells.js";
import type { QueryInput } from "../query/projection-query.js";
import { seriesRead } from "./explain-from-provenance.js";
import { difference, NO_PARTS, partsOf } from "./figure-parts.js";
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
 * by D was recorded in (a, b]. A query is `false` (cannot have moved) when no such entry, of any
 * series its indicators read, lies in a cell it may count, or when those that do sum to zero in every
 * value its indicators read (a back-dated founding shifts a period's start and end alike; a late event
 * and its retraction cancel). Every doubt answers `true`: a query that does not resolve, a cell it may
 * count (see the lenient scope test above), an indicator that is not a sum over cells, and any ledger
 * position the table does not cover (events appended after it was built).
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
  // The entries valid by then and recorded in between, per series (each series' entries read once:
  // on a national ledger they are millions), and the cells they lie in.
  const touched = new Set<number>();
  const late = new Map<number, LateEntries>();
  for (const key of keys) {
    const en = table.entriesOf(key);
    const picked: LateEntries = { cells: [], days: [], amounts: [] };
    for (let i = 0; i < en.recs.length; i++) {
      const rec = en.recs[i] as number;
      if (rec > lo && rec <= hi && (en.days[i] as number) <= lastDay) {
        touched.add(en.cells[i] as number);
        picked.cells.push(en.cells[i] as number);
        picked.days.push(en.days[i] as number);
        picked.amounts.push(en.amounts[i] as number);
      }
    }
    late.set(key, picked);
  }
  const cellKeys = table.cellKeys();
  const info = cellInfosOf(cellKeys);
  const cells = [...touched].map((c) => info(c));
  const lenient = resolved.map((r) => E.isLeft(r) || cells.some((c) => mayCountIn(c, r.right.scope)));
  if (!lenient.some((m) => m)) return lenient;
  // Entries recorded in between that the lenient test let through: do they change any sum a figure
  // reads? (A founding dated years back shifts a period's start and end alike; a late event and its
  // retraction cancel.) Only those can move a figure.
  return resolved.map((r, k) => lenient[k] === true && (E.isLeft(r) || readsMoved(r.right, late, info)));
};

/** The entries of one series recorded between the two instants (parallel columns). */
interface LateEntries {
  readonly cells: number[];
  readonly days: number[];
  readonly amounts: number[];
}

/**
 * Whether a query's figures can differ between the two instants. A series' value as known at B is its
 * value as known at A plus the entries recorded in between (in the cells the query counts, valid by the
 * day read), and an indicator's parts (value, or numerator and denominator, and its breakdown) are
 * linear in the series' values — the rule `explainFromProvenance` credits events by, property-tested
 * there — so the figure of the in-between entries alone is the change: zero parts, no change. Every
 * doubt answers yes: an indicator that is not a sum over cells (`NON_ADDITIVE`: it counts districts), a
 * district count asked, an evaluation that fails or gives no value.
 */
const readsMoved = (
  q: ResolvedQuery,
  late: ReadonlyMap<number, LateEntries>,
  info: (cell: number) => CellInfo,
): boolean => {
  const scoped = new Map<number, LateEntries>();
  const inScope = new Map<number, boolean>();
  const inPopulation = new Map<string, boolean>();
  const scopedOf = (key: number): LateEntries => {
    let s = scoped.get(key);
    if (s === undefined) {
      const all = late.get(key);
      s = { cells: [], days: [], amounts: [] };
      if (all !== undefined)
        for (let i = 0; i < all.cells.length; i++) {
          const c = all.cells[i] as number;
          let yes = inScope.get(c);
          if (yes === undefined) {
            yes = cellInScope(info(c), q.scope);
            inScope.set(c, yes);
          }
          if (!yes) continue;
          s.cells.push(c);
          s.days.push(all.days[i] as number);
          s.amounts.push(all.amounts[i] as number);
        }
      scoped.set(key, s);
    }
    return s;
  };
  let doubt = false;
  const reader = {
    value: (key: number, day: number, p: Population): number => {
      const s = scopedOf(key);
      let sum = 0;
      for (let i = 0; i < s.cells.length; i++) {
        if ((s.days[i] as number) > day) continue;
        const c = s.cells[i] as number;
        const pk = `${c}|${p.forms}|${p.excludePeoplesCreditFunds}`;
        let yes = inPopulation.get(pk);
        if (yes === undefined) {
          yes = cellInPopulation(info(c), p);
          inPopulation.set(pk, yes);
        }
        if (yes) sum += s.amounts[i] as number;
      }
      return sum;
    },
    positiveDistricts: () => {
      doubt = true;
      return 0;
    },
  };
  for (const id of q.indicators as ReadonlyArray<IndicatorId>) {
    // Nothing recorded in between in the series it reads, in the cells counted: it cannot move.
    if (seriesRead(id, q).every((key) => scopedOf(key).cells.length === 0)) continue;
    if (NON_ADDITIVE.has(id)) return true;
    const f = evaluateIndicator(id, q, reader);
    if (E.isLeft(f) || doubt) return true;
    const d = f.right;
    // No value (a missing input, nothing to divide by): whether A and B both lack one is not known here.
    if (d.value === null && d.numerator === undefined && d.denominator === undefined) return true;
    if (difference(partsOf(d), NO_PARTS) !== undefined) return true;
    if (Object.values(d.breakdown ?? {}).some((v) => v !== 0)) return true;
  }
  return false;
};
