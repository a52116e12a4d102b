import type { RecordedEvent } from "@coop-ledger/domain";
import { type CellInfo, ledgerLevelCell, parseCell, provinceLevelCell } from "../model/cells.js";
import { liveEvents, type TimedEvent, timed } from "../model/live-events.js";
import { applyEvent, type StreamState } from "../model/stream-state.js";
import { type Deltas, emptyDeltas, sweepFrom, sweepStream } from "../model/stream-sweep.js";
import { DeltaColumn } from "./delta-column.js";

/** What happened to an event fed to the index. */
export type FeedResult = "added" | "duplicate";

interface StreamEntry {
  /** Every event of the stream, in arrival order. */
  readonly events: TimedEvent[];
  /** The live events as known now, in valid-time order. */
  live: TimedEvent[];
  /** The stream's current contribution, in day order. */
  contribution: Deltas;
  maxRecorded: number;
  /** The fold of every live event (to resume from when the next event comes later in valid time). */
  state: StreamState | undefined;
}

/** A column of the index with the cell it counts. */
export interface CellColumn {
  readonly cellId: number;
  readonly column: DeltaColumn;
}

/**
 * Cell levels: whole-ledger roll-ups (form × people's credit fund or not) answer unscoped queries,
 * province-level roll-ups province queries, full detail district and sector scopes.
 */
export type CellLevel = "ledger" | "province" | "detail";

/**
 * The bitemporal index: fed events in transaction-time order (any order is accepted, see below), it
 * keeps each stream's live events and current contribution, and turns every change into compensating
 * step deltas on valid time, tagged with the recording instant of the event that caused them. A query
 * (validAt D, knownAt T) is then a sum, per series and cell, of the deltas with day ≤ D and recorded ≤ T
 * ({@link DeltaColumn}), never a re-fold of the history.
 *
 * Feeding an event costs a fold of its own stream (streams are small: tens of events) plus the deltas
 * that changed, which in the usual case (an event later in valid time than the stream's others) are a
 * handful. An event recorded earlier than events already fed for its stream (out of transaction-time
 * order) makes the index re-derive that stream's whole history (rare, correct, slower). A repeated
 * event id is ignored (at-least-once delivery).
 *
 * @example
 * const index = new ProjectionIndex();
 * for (const e of events) index.add(e);
 * snapshot(index, { validAt: "2022-12-31" });
 */
export class ProjectionIndex {
  private readonly streams = new Map<string, StreamEntry>();
  private readonly eventIds = new Set<string>();
  private readonly cellIds = new Map<string, number>();
  private readonly cellInfos: CellInfo[] = [];
  private readonly cellLevels: CellLevel[] = [];
  private readonly provinceCellOf: number[] = [];
  private readonly ledgerCellOf: number[] = [];
  /** Columns by series key (a small integer) and cell id. */
  private readonly columns = new Map<number, Array<DeltaColumn | undefined>>();
  private readonly bySeries = new Map<number, Record<CellLevel, CellColumn[]>>();
  /** Full-detail columns holding deltas their province-level roll-up has not received yet. */
  private readonly pendingRollups: DeltaColumn[] = [];
  private latest = Number.NEGATIVE_INFINITY;
  private eventCount = 0;
  private deltaCount = 0;

  /** Number of distinct events fed. */
  get size(): number {
    return this.eventCount;
  }

  /**
   * Number of deltas fed, each counted twice (full detail and province level, as the figure has always
   * been reported; the roll-ups are filled lazily and the whole-ledger level is not counted).
   */
  get deltas(): number {
    return this.deltaCount;
  }

  /** The latest recording instant fed (ms since the epoch), −∞ when empty. */
  get latestRecordedMs(): number {
    return this.latest;
  }

  /** Feeds one event. @example index.add(recordedEvent) // "added" */
  add(event: RecordedEvent): FeedResult {
    if (this.eventIds.has(event.eventId)) return "duplicate";
    this.eventIds.add(event.eventId);
    this.eventCount++;
    const te = timed(event);
    if (te.recordedMs > this.latest) this.latest = te.recordedMs;
    let entry = this.streams.get(event.streamId);
    if (entry === undefined) {
      entry = {
        events: [],
        live: [],
        contribution: emptyDeltas(),
        maxRecorded: Number.NEGATIVE_INFINITY,
        state: undefined,
      };
      this.streams.set(event.streamId, entry);
    }
    if (te.recordedMs < entry.maxRecorded) {
      this.rederive(entry, te);
      return "added";
    }
    entry.events.push(te);
    entry.maxRecorded = te.recordedMs;
    let fromDay: number;
    let live: TimedEvent[];
    const first = entry.live[0];
    const independent =
      te.recorded.event.type === "AllianceActivityRecorded" ||
      (te.recorded.event.type === "LoanApplicationReceived" &&
        first !== undefined &&
        first.recorded.event.type === "FundEstablished" &&
        first.day <= te.day);
    if (independent && entry.state !== undefined) {
      // An alliance activity (its cell is in the event) or a fund's loan application (counted where the
      // fund, established earlier, is) is a flow that does not depend on the stream's other events: a
      // back-dated one needs no re-fold of a stream that holds thousands of them.
      insertByValidTime(entry.live, te);
      const own = emptyDeltas();
      applyEvent(entry.state, te.recorded.event, (key, cell, amount) => {
        own.keys.push(key);
        own.cells.push(cell);
        own.days.push(te.day);
        own.amounts.push(amount);
        own.causes.push(-1);
      });
      this.emitDifference(own, own.keys.length, own, te.recordedMs);
      insertDeltas(entry.contribution, own);
      return "added";
    }
    const last = entry.live[entry.live.length - 1];
    const continuing =
      last !== undefined && last.day === te.day && last.recorded.revision < te.recorded.revision;
    if (
      te.recorded.event.type !== "EventRetracted" &&
      entry.state !== undefined &&
      (last === undefined || last.day < te.day || continuing)
    ) {
      // The usual case: the event comes after all the stream's others in valid time. Resume the fold
      // from the stored state: the deltas before its day cannot change (nor, on its own day, those
      // already there: its own are increments on top of them).
      entry.live.push(te);
      const suffix = sweepFrom(entry.state, entry.live, entry.live.length - 1, te.day, continuing);
      const old = entry.contribution;
      const cut = firstIndexAtOrAfter(old.days, continuing ? te.day + 1 : te.day);
      this.emitDifference(old, cut, suffix, te.recordedMs);
      entry.contribution = concatDeltas(old, cut, suffix);
      return "added";
    }
    if (te.recorded.event.type === "EventRetracted") {
      live = liveEvents(entry.events);
      fromDay = firstChangedDay(entry.live, live);
      if (fromDay === Number.POSITIVE_INFINITY) {
        entry.live = live;
        return "added";
      }
    } else {
      live = insertByValidTime(entry.live, te);
      fromDay = te.day;
    }
    entry.live = live;
    const { deltas: suffix, state } = sweepStream(live, fromDay);
    entry.state = state;
    const old = entry.contribution;
    const cut = firstIndexAtOrAfter(old.days, fromDay);
    this.emitDifference(old, cut, suffix, te.recordedMs);
    entry.contribution = concatDeltas(old, cut, suffix);
    return "added";
  }

  /** Feeds many events in order. @example index.addAll(events) */
  addAll(events: Iterable<RecordedEvent>): this {
    for (const e of events) this.add(e);
    return this;
  }

  /** The events of every stream (arrival order within a stream), for audits (explain, diff). */
  *events(): Iterable<RecordedEvent> {
    for (const s of this.streams.values()) for (const e of s.events) yield e.recorded;
  }

  /** The events of one stream as fed, in arrival order. */
  streamEvents(streamId: string): ReadonlyArray<RecordedEvent> {
    return (this.streams.get(streamId)?.events ?? []).map((e) => e.recorded);
  }

  /** The stream ids known. */
  streamIds(): Iterable<string> {
    return this.streams.keys();
  }

  /** The columns of a series at a level (for query evaluation). */
  columnsOf(key: number, level: CellLevel): ReadonlyArray<CellColumn> {
    if (level !== "detail" && this.pendingRollups.length > 0) this.flushRollups();
    const s = this.bySeries.get(key);
    return s === undefined ? [] : s[level];
  }

  /** The parsed cell of a cell id. */
  cell(cellId: number): CellInfo {
    return this.cellInfos[cellId] as CellInfo;
  }

  /** Number of cells (both levels). */
  get cellCount(): number {
    return this.cellInfos.length;
  }

  private rederive(entry: StreamEntry, te: TimedEvent): void {
    // The stream's knowledge history changes before instants already indexed: withdraw the history it
    // contributed and add the one it contributes now. Other streams are unaffected (law 4).
    const before = streamHistory(entry.events);
    entry.events.push(te);
    const after = streamHistory(entry.events);
    for (const h of before) this.push(h.key, h.cell, h.day, -h.amount, h.rec);
    for (const h of after) this.push(h.key, h.cell, h.day, h.amount, h.rec);
    entry.live = liveEvents(entry.events);
    const full = sweepStream(entry.live, Number.NEGATIVE_INFINITY);
    entry.contribution = full.deltas;
    entry.state = full.state;
  }

  private emitDifference(old: Deltas, cut: number, suffix: Deltas, rec: number): void {
    if (cut === old.keys.length) {
      for (let i = 0; i < suffix.keys.length; i++) {
        this.push(
          suffix.keys[i] as number,
          suffix.cells[i] as string,
          suffix.days[i] as number,
          suffix.amounts[i] as number,
          rec,
        );
      }
      return;
    }
    const oldCount = old.keys.length - cut;
    if (oldCount * suffix.keys.length <= 4096) {
      // Small suffixes (the usual case: a few scheduled changes): pair equal (key, day, cell) entries by
      // scanning, which allocates nothing.
      const netNew = suffix.amounts.slice();
      for (let j = cut; j < old.keys.length; j++) {
        let amount = -(old.amounts[j] as number);
        const key = old.keys[j] as number;
        const day = old.days[j] as number;
        const cell = old.cells[j] as string;
        for (let i = 0; i < suffix.keys.length && amount !== 0; i++) {
          if (
            suffix.keys[i] === key &&
            suffix.days[i] === day &&
            suffix.cells[i] === cell &&
            netNew[i] !== 0
          ) {
            amount += netNew[i] as number;
            netNew[i] = 0;
          }
        }
        if (amount !== 0) this.push(key, cell, day, amount, rec);
      }
      for (let i = 0; i < suffix.keys.length; i++) {
        const amount = netNew[i] as number;
        if (amount !== 0)
          this.push(
            suffix.keys[i] as number,
            suffix.cells[i] as string,
            suffix.days[i] as number,
            amount,
            rec,
          );
      }
      return;
    }
    const net = new Map<string, { key: number; cell: string; day: number; amount: number }>();
    const add = (key: number, cell: string, day: number, amount: number): void => {
      const id = `${key}|${day}|${cell}`;
      const cur = net.get(id);
      if (cur === undefined) net.set(id, { key, cell, day, amount });
      else cur.amount += amount;
    };
    for (let i = cut; i < old.keys.length; i++) {
      add(old.keys[i] as number, old.cells[i] as string, old.days[i] as number, -(old.amounts[i] as number));
    }
    for (let i = 0; i < suffix.keys.length; i++) {
      add(
        suffix.keys[i] as number,
        suffix.cells[i] as string,
        suffix.days[i] as number,
        suffix.amounts[i] as number,
      );
    }
    for (const d of net.values()) if (d.amount !== 0) this.push(d.key, d.cell, d.day, d.amount, rec);
  }

  private push(key: number, cell: string, day: number, amount: number, rec: number): void {
    const detail = this.intern(cell, "detail");
    let province = this.provinceCellOf[detail] as number;
    if (province === -1) {
      province = this.intern(provinceLevelCell(cell), "province");
      this.provinceCellOf[detail] = province;
      this.ledgerCellOf[detail] = this.intern(ledgerLevelCell(cell), "ledger");
    }
    let column = this.columns.get(key)?.[detail];
    if (column === undefined) {
      column = this.column(key, detail);
      // The roll-up columns are created with their first detail column so that the roll-up column
      // lists keep the order in which cells were first seen.
      column.rollups = [this.column(key, province), this.column(key, this.ledgerCellOf[detail] as number)];
    }
    // Only the full-detail column is written while feeding; its roll-ups are brought up to date when a
    // query first reads a roll-up level (see `flushRollups`): writing every delta to each level was a
    // large share of the build time and of the columns' memory during the build.
    if (column.pendingRollup === 0) this.pendingRollups.push(column);
    column.push(day, rec, amount);
    this.deltaCount += 2;
  }

  /** Appends the deltas the province-level roll-ups have not seen yet. */
  private flushRollups(): void {
    const pending = this.pendingRollups;
    for (let i = 0; i < pending.length; i++) (pending[i] as DeltaColumn).flushRollup();
    pending.length = 0;
  }

  private intern(cell: string, level: CellLevel): number {
    const k = level === "province" ? `P${cell}` : level === "ledger" ? `L${cell}` : cell;
    let id = this.cellIds.get(k);
    if (id === undefined) {
      id = this.cellInfos.length;
      this.cellIds.set(k, id);
      this.cellInfos.push(parseCell(cell));
      this.cellLevels.push(level);
      this.provinceCellOf.push(-1);
      this.ledgerCellOf.push(-1);
    }
    return id;
  }

  private column(key: number, cellId: number): DeltaColumn {
    let byCell = this.columns.get(key);
    if (byCell === undefined) {
      byCell = [];
      this.columns.set(key, byCell);
    }
    let c = byCell[cellId];
    if (c === undefined) {
      c = new DeltaColumn();
      byCell[cellId] = c;
      let s = this.bySeries.get(key);
      if (s === undefined) {
        s = { ledger: [], province: [], detail: [] };
        this.bySeries.set(key, s);
      }
      s[this.cellLevels[cellId] as CellLevel].push({ cellId, column: c });
    }
    return c;
  }
}

/**
 * Builds an index from events in bulk (the same as feeding them one by one).
 * @example const index = buildIndex(events);
 */
export const buildIndex = (events: Iterable<RecordedEvent>): ProjectionIndex =>
  new ProjectionIndex().addAll(events);

const insertByValidTime = (live: TimedEvent[], te: TimedEvent): TimedEvent[] => {
  let i = live.length;
  while (
    i > 0 &&
    ((live[i - 1] as TimedEvent).day > te.day ||
      ((live[i - 1] as TimedEvent).day === te.day &&
        (live[i - 1] as TimedEvent).recorded.revision > te.recorded.revision))
  ) {
    i--;
  }
  live.splice(i, 0, te);
  return live;
};

const firstChangedDay = (before: ReadonlyArray<TimedEvent>, after: ReadonlyArray<TimedEvent>): number => {
  const a = new Set(before.map((e) => e.recorded.eventId));
  const b = new Set(after.map((e) => e.recorded.eventId));
  let min = Number.POSITIVE_INFINITY;
  for (const e of before) if (!b.has(e.recorded.eventId) && e.day < min) min = e.day;
  for (const e of after) if (!a.has(e.recorded.eventId) && e.day < min) min = e.day;
  return min;
};

/** Inserts deltas (all on one day) into a day-ordered contribution, after the entries of that day. */
const insertDeltas = (into: Deltas, add: Deltas): void => {
  for (let j = 0; j < add.keys.length; j++) {
    const day = add.days[j] as number;
    let i = into.days.length;
    while (i > 0 && (into.days[i - 1] as number) > day) i--;
    into.keys.splice(i, 0, add.keys[j] as number);
    into.cells.splice(i, 0, add.cells[j] as string);
    into.days.splice(i, 0, day);
    into.amounts.splice(i, 0, add.amounts[j] as number);
    into.causes.splice(i, 0, add.causes[j] as number);
  }
};

const firstIndexAtOrAfter = (days: ReadonlyArray<number>, day: number): number => {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const concatDeltas = (old: Deltas, cut: number, suffix: Deltas): Deltas => {
  if (cut === old.keys.length) {
    // A loop, not push(...spread): spreading allocates an arguments list per array per event.
    for (let i = 0; i < suffix.keys.length; i++) {
      old.keys.push(suffix.keys[i] as number);
      old.cells.push(suffix.cells[i] as string);
      old.days.push(suffix.days[i] as number);
      old.amounts.push(suffix.amounts[i] as number);
      old.causes.push(suffix.causes[i] as number);
    }
    return old;
  }
  old.keys.length = cut;
  old.cells.length = cut;
  old.days.length = cut;
  old.amounts.length = cut;
  old.causes.length = cut;
  return concatDeltas(old, cut, suffix);
};

interface HistoryDelta {
  readonly key: number;
  readonly cell: string;
  readonly day: number;
  readonly amount: number;
  readonly rec: number;
}

/**
 * A stream's whole contribution over transaction time: at each distinct recording instant, the change
 * of its contribution. Used when events arrive out of recording order.
 */
const streamHistory = (events: ReadonlyArray<TimedEvent>): HistoryDelta[] => {
  const ordered = [...events].sort(
    (a, b) => a.recordedMs - b.recordedMs || a.recorded.position - b.recorded.position,
  );
  const out: HistoryDelta[] = [];
  let previous = new Map<string, HistoryDelta>();
  let i = 0;
  while (i < ordered.length) {
    const rec = (ordered[i] as TimedEvent).recordedMs;
    while (i < ordered.length && (ordered[i] as TimedEvent).recordedMs === rec) i++;
    const d = sweepStream(liveEvents(ordered.slice(0, i)), Number.NEGATIVE_INFINITY).deltas;
    const current = new Map<string, HistoryDelta>();
    for (let j = 0; j < d.keys.length; j++) {
      const id = `${d.keys[j]}|${d.days[j]}|${d.cells[j]}`;
      const c = current.get(id);
      const amount = (c?.amount ?? 0) + (d.amounts[j] as number);
      current.set(id, {
        key: d.keys[j] as number,
        cell: d.cells[j] as string,
        day: d.days[j] as number,
        amount,
        rec,
      });
    }
    for (const [id, c] of current) {
      const diff = c.amount - (previous.get(id)?.amount ?? 0);
      if (diff !== 0) out.push({ ...c, amount: diff });
    }
    for (const [id, p] of previous) if (!current.has(id)) out.push({ ...p, amount: -p.amount, rec });
    previous = current;
  }
  return out;
};
