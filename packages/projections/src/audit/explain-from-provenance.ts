import type { RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { NON_ADDITIVE } from "../catalogue/provenance.js";
import { evaluateIndicator } from "../evaluate/evaluate-indicators.js";
import type { Figure } from "../evaluate/figure.js";
import { type ResolvedQuery, resolveQuery } from "../evaluate/resolve-query.js";
import type { SeriesReader } from "../evaluate/series-reader.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import {
  type CellInfo,
  cellInfosOf,
  cellInPopulation,
  cellInScope,
  type Population,
} from "../model/cells.js";
import { liveEvents, timed } from "../model/live-events.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";
import { daysBefore, daysReadOf } from "./days-read.js";
import { byEvent, eachEvent } from "./entries-by-event.js";
import { type ExplainedEvent, type Explanation, explainedEvent, streamContributions } from "./explain.js";
import { type Contribution, difference, NO_PARTS, type Parts, partsOf } from "./figure-parts.js";
import type { ProvenanceTable } from "./provenance-table.js";

/** Where {@link explainFromProvenance} reads the events it shows, and how far the ledger goes now. */
export interface ProvenanceReads {
  /** The events at these global positions (ascending), decoded (the ledger, by byte offset). */
  readonly eventsAt: (positions: ReadonlyArray<number>) => ReadonlyArray<RecordedEvent>;
  /** Number of ledger positions now (more than the table covers when the index was extended since). */
  readonly positions: number;
  /**
   * List only the events recorded after this instant (ms; a restatement's late events), and at most
   * `limit` of them (the first by position): only those are read from the ledger. `total` then says
   * how many there are. For a view that shows a page; the CLI lists them all.
   */
  readonly recordedAfterMs?: number;
  readonly limit?: number;
}

/** An explanation that may list only some of the events (see {@link ProvenanceReads.limit}). */
export interface PartialExplanation extends Explanation {
  /** How many events (recorded after `recordedAfterMs`, when given) make up the figure. */
  readonly total: number;
}

/**
 * The series an indicator reads under a query (its arithmetic does not depend on the values read).
 * @example
 * import { resolveQuery } from "@coop-ledger/projections";
 * const q = resolveQuery({ validAt: "2022-12-31" });
 * // one series: the active co-ops'
 * if (E.isLeft(q) || seriesRead("coops.active", q.right).length !== 1) throw new Error("expected one series");
 */
export const seriesRead = (id: IndicatorId, q: ResolvedQuery): number[] => {
  const keys = new Set<number>();
  evaluateIndicator(id, q, {
    value: (key) => {
      keys.add(key);
      return 0;
    },
    positiveDistricts: (key) => {
      keys.add(key);
      return 0;
    },
  });
  return [...keys];
};

/** One event's entries that a query counts (its series, cell, day and amount). */
interface Credited {
  readonly keys: number[];
  readonly cells: number[];
  readonly days: number[];
  readonly amounts: number[];
}

/** A series reader over some credited entries (already in scope): linear, as `deltasReader`. */
const creditedReader = (
  parts: ReadonlyArray<Credited>,
  info: (cell: number) => CellInfo,
  inPopulation: (cell: number, p: Population) => boolean,
): SeriesReader => {
  const sum = (key: number, day: number, population: Population, district?: string): number => {
    let s = 0;
    for (const c of parts)
      for (let i = 0; i < c.keys.length; i++) {
        if (c.keys[i] !== key || (c.days[i] as number) > day) continue;
        const cell = c.cells[i] as number;
        if (!inPopulation(cell, population)) continue;
        if (district !== undefined && info(cell).district !== district) continue;
        s += c.amounts[i] as number;
      }
    return s;
  };
  return {
    value: (key, day, population) => sum(key, day, population),
    positiveDistricts: (key, day, population) => {
      const districts = new Set<string>();
      for (const c of parts)
        for (let i = 0; i < c.keys.length; i++)
          if (c.keys[i] === key) districts.add(info(c.cells[i] as number).district);
      let n = 0;
      for (const d of districts) if (d !== "" && sum(key, day, population, d) > 0) n++;
      return n;
    },
  };
};

/**
 * `explain` answered from a {@link ProvenanceTable} (persisted with the index) instead of re-folding
 * every stream: the entries of the series the indicator reads, valid by the query's date, recorded by
 * its knowledge instant and in its scope, summed per event, give each event's marginal contribution —
 * the same attribution as `explain` (see `streamContributions`), so the same events with the same
 * contributions (a property test checks it against `explain` over the events). Only the events listed
 * are read from the ledger (`reads.eventsAt`, by byte offset). Streams that received events after the
 * table was built are explained from their events, as `explain` does.
 *
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const table = ProvenanceTable.build(index.size, index.streamIds(), (id) => index.streamEvents(id));
 * // The ledger read by position (here the events in memory; the CLI reads them by byte offset).
 * const eventsAt = (positions: ReadonlyArray<number>) => positions.map((p) => events[p] as RecordedEvent);
 * const x = explainFromProvenance(index, table, "coops.active", { validAt: "2022-12-31" }, { eventsAt, positions: events.length });
 * const y = explain(index, "coops.active", { validAt: "2022-12-31" });
 * if (E.isLeft(x) || E.isLeft(y)) throw new Error("unexpected");
 * console.log(x.right.figure.value === y.right.figure.value); // true: the same figure as the fold gives
 */
export const explainFromProvenance = (
  index: ProjectionIndex,
  table: ProvenanceTable,
  indicatorId: IndicatorId,
  query: QueryInput,
  reads: ProvenanceReads,
): E.Either<ProjectionError, PartialExplanation> => {
  const input = { ...query, indicators: [indicatorId] };
  const resolved = resolveQuery(input);
  if (E.isLeft(resolved)) return resolved;
  const figure = snapshot(index, input);
  if (E.isLeft(figure)) return figure;
  const q0 = resolved.right;
  // As explain: the inputs that are not events are left out of the parts.
  const q: ResolvedQuery = {
    ...q0,
    options: { ...q0.options, farmHouseholds: undefined, districtCount: undefined },
  };

  // Streams the table does not describe whole: those with events after the positions it covers.
  const dirty = new Set<string>();
  if (reads.positions > table.covered) {
    const later: number[] = [];
    for (let p = table.covered; p < reads.positions; p++) later.push(p);
    for (const e of reads.eventsAt(later)) dirty.add(e.streamId);
  }
  const dirtyNumbers = new Set<number>();
  if (dirty.size > 0)
    table.streamIds().forEach((id, i) => {
      if (dirty.has(id)) dirtyNumbers.add(i);
    });

  const cellKeys = table.cellKeys();
  const info = cellInfosOf(cellKeys);
  const scoped = new Int8Array(cellKeys.length);
  const inScope = (c: number): boolean => {
    let s = scoped[c] as number;
    if (s === 0) {
      s = cellInScope(info(c), q.scope) ? 1 : -1;
      scoped[c] = s;
    }
    return s === 1;
  };
  const populations = new Map<string, Int8Array>();
  const inPopulation = (c: number, p: Population): boolean => {
    const k = `${p.forms}|${p.excludePeoplesCreditFunds}`;
    let m = populations.get(k);
    if (m === undefined) {
      m = new Int8Array(cellKeys.length);
      populations.set(k, m);
    }
    let s = m[c] as number;
    if (s === 0) {
      s = cellInPopulation(info(c), p) ? 1 : -1;
      m[c] = s;
    }
    return s === 1;
  };

  // Gather each entry the query counts into typed columns, then group them by event: an object per
  // event (~75,000 for an unscoped stock at national) and the collector's time on them were most of an
  // unscoped explain. A sum over streams gathers only the events recorded after `recordedAfterMs` (each
  // event's contribution is its own): the others are not even gathered.
  const streams = table.eventStreams();
  const gatherAfter = NON_ADDITIVE.has(indicatorId)
    ? Number.NEGATIVE_INFINITY
    : (reads.recordedAfterMs ?? Number.NEGATIVE_INFINITY);
  const eventRecs = table.eventRecs();
  const keys = seriesRead(indicatorId, q);
  const read = keys.map((key) => table.entriesOf(key));
  let bound = 0;
  for (const en of read) bound += en.positions.length;
  const g = {
    positions: new Int32Array(bound),
    keys: new Float64Array(bound),
    cells: new Int32Array(bound),
    days: new Int32Array(bound),
    amounts: new Float64Array(bound),
  };
  let n = 0;
  read.forEach((en, k) => {
    const key = keys[k] as number;
    for (let i = 0; i < en.positions.length; i++) {
      if ((en.days[i] as number) > q.validDay || (en.recs[i] as number) > q.knownAtMs) continue;
      const p = en.positions[i] as number;
      if (!((eventRecs[p] as number) > gatherAfter)) continue;
      const cell = en.cells[i] as number;
      if (!inScope(cell)) continue;
      if (dirtyNumbers.size > 0 && dirtyNumbers.has(streams[p] as number)) continue;
      g.positions[n] = p;
      g.keys[n] = key;
      g.cells[n] = cell;
      g.days[n] = en.days[i] as number;
      g.amounts[n] = en.amounts[i] as number;
      n++;
    }
  });
  const order = byEvent(g.positions, n);
  /** The entries `order[from … to)` (one event's, in the order gathered) as the reader sums them. */
  const creditedOf = (from: number, to: number): Credited => {
    const c: Credited = { keys: [], cells: [], days: [], amounts: [] };
    for (let j = from; j < to; j++) {
      const e = order[j] as number;
      c.keys.push(g.keys[e] as number);
      c.cells.push(g.cells[e] as number);
      c.days.push(g.days[e] as number);
      c.amounts.push(g.amounts[e] as number);
    }
    return c;
  };

  const evaluate = (parts: ReadonlyArray<Credited>): Parts | undefined => {
    const f = evaluateIndicator(indicatorId, q, creditedReader(parts, info, inPopulation));
    return E.isLeft(f) ? undefined : partsOf(f.right);
  };
  // The events that contribute, ascending, with what each contributes (shared between look-alikes).
  let positions: number[] = [];
  let contributed: Contribution[] = [];
  if (NON_ADDITIVE.has(indicatorId)) {
    // Not a sum over streams: each stream's events in valid-time order, the figure of each prefix.
    const credited = new Map<number, Credited>();
    eachEvent(g.positions, order, n, (p, from, to) => credited.set(p, creditedOf(from, to)));
    const contributions = new Map<number, Contribution>();
    const days = table.eventDays();
    const byStream = new Map<number, number[]>();
    for (const p of credited.keys()) {
      const s = streams[p] as number;
      const list = byStream.get(s);
      if (list === undefined) byStream.set(s, [p]);
      else list.push(p);
    }
    for (const ps of byStream.values()) {
      ps.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
      const prefix: Credited[] = [];
      let before = NO_PARTS;
      for (const p of ps) {
        prefix.push(credited.get(p) as Credited);
        const after = evaluate(prefix);
        if (after === undefined) continue;
        const c = difference(after, before);
        if (c !== undefined) contributions.set(p, c);
        before = after;
      }
    }
    positions = [...contributions.keys()].sort((a, b) => a - b);
    contributed = positions.map((p) => contributions.get(p) as Contribution);
  } else {
    // Indicator arithmetic is linear in series sums: an event's contribution is the figure of its own
    // marginal deltas. Events with the same deltas (series, the cell's form and fund kind — all a population asks of
    // a cell — valid day, amount) contribute the same: on a national ledger most foundings look alike.
    // Of a valid day only what the arithmetic can see counts: which of the days it reads the series at
    // (the same whatever the values) come before it. So foundings on any day of a period look alike too.
    const kindIds = new Map<string, number>();
    const kinds = new Int32Array(cellKeys.length).fill(-1);
    const kindOf = (cell: number): number => {
      let k = kinds[cell] as number;
      if (k < 0) {
        const i = info(cell);
        const text = `${i.form}|${i.sector === "peoplesCreditFund"}`;
        k = kindIds.get(text) ?? kindIds.size;
        kindIds.set(text, k);
        kinds[cell] = k;
      }
      return k;
    };
    const daysRead = daysReadOf(indicatorId, q);
    const seen = new Map<string, Contribution | null>();
    eachEvent(g.positions, order, n, (p, from, to) => {
      let signature = "";
      for (let j = from; j < to; j++) {
        const e = order[j] as number;
        const key = g.keys[e] as number;
        signature += `${key}|${kindOf(g.cells[e] as number)}|${daysBefore(daysRead.get(key), g.days[e] as number)}|${g.amounts[e]};`;
      }
      let d = seen.get(signature);
      if (d === undefined) {
        const parts = evaluate([creditedOf(from, to)]);
        d = parts === undefined ? null : (difference(parts, NO_PARTS) ?? null);
        seen.set(signature, d);
      }
      if (d !== null) {
        positions.push(p);
        contributed.push(d);
      }
    });
  }

  const after = reads.recordedAfterMs ?? Number.NEGATIVE_INFINITY;
  const recs = table.eventRecs();
  if (after > Number.NEGATIVE_INFINITY) {
    let k = 0;
    for (let i = 0; i < positions.length; i++)
      if ((recs[positions[i] as number] as number) > after) {
        positions[k] = positions[i] as number;
        contributed[k] = contributed[i] as Contribution;
        k++;
      }
    positions.length = k;
    contributed.length = k;
  }
  const fromStreams: ExplainedEvent[] = [];
  for (const id of dirty) {
    const live = liveEvents(index.streamEvents(id).map(timed), q.knownAtMs);
    for (const [e, c] of streamContributions(indicatorId, q, live))
      if (e.recordedMs > after) fromStreams.push(explainedEvent(e.recorded, c));
  }
  const total = positions.length + fromStreams.length;
  const limit = reads.limit ?? Number.POSITIVE_INFINITY;
  if (fromStreams.length === 0 && positions.length > limit) positions = positions.slice(0, limit);
  const events: ExplainedEvent[] = [];
  const listed = positions.length === 0 ? [] : reads.eventsAt(positions);
  listed.forEach((r, i) => {
    events.push(explainedEvent(r, contributed[i] as Contribution));
  });
  events.push(...fromStreams);
  if (fromStreams.length > 0) events.sort((a, b) => a.position - b.position);
  return E.right({
    figure: figure.right.figures[0] as Figure,
    events: events.length > limit ? events.slice(0, limit) : events,
    total,
  });
};
