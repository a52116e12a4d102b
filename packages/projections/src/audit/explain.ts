import type { BusinessDate, EventType, Instant, RecordedEvent } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { evaluateIndicator } from "../evaluate/evaluate-indicators.js";
import type { Figure } from "../evaluate/figure.js";
import { type ResolvedQuery, resolveQuery } from "../evaluate/resolve-query.js";
import { snapshotFrom } from "../evaluate/snapshot.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { liveEvents, type TimedEvent } from "../model/live-events.js";
import { initialStreamState } from "../model/stream-state.js";
import { appendDeltas, type Deltas, emptyDeltas, sweepFrom, truncateDeltas } from "../model/stream-sweep.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";
import { replayReader } from "../replay/replay.js";
import { deltasReader } from "./deltas-reader.js";
import { type Contribution, difference, NO_PARTS, partsOf } from "./figure-parts.js";
import { type AuditSource, eachStream } from "./stream-source.js";

export type { Contribution } from "./figure-parts.js";

/** One event that makes up a figure, with what it contributed. */
export interface ExplainedEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly position: number;
  readonly revision: number;
  readonly type: EventType;
  readonly effectiveDate: BusinessDate;
  readonly recordedAt: Instant;
  readonly contribution: Contribution;
}

/**
 * A recorded event as an explanation lists it, with what it contributed (the one mapping `explain`
 * and `explainFromProvenance` share, so both list the same fields).
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const first = events[0] as RecordedEvent;
 * console.log(explainedEvent(first, { value: 1 }).type); // "CoopFounded"
 */
export const explainedEvent = (r: RecordedEvent, contribution: Contribution): ExplainedEvent => ({
  eventId: r.eventId,
  streamId: r.streamId,
  position: r.position,
  revision: r.revision,
  type: r.event.type,
  effectiveDate: r.event.data.effectiveDate,
  recordedAt: r.metadata.recordedAt,
  contribution,
});

/** A figure and the events that make it up. */
export interface Explanation {
  readonly figure: Figure;
  readonly events: ReadonlyArray<ExplainedEvent>;
}

/**
 * The contribution of each event of one stream to an indicator, under a query: the **marginal**
 * contribution — the stream's part of the figure with the event's valid-time prefix folded, minus the
 * part with the prefix before it. So, by construction:
 * - the contributions of a stream add up to its part of the figure (the differences telescope), and
 *   the figure is the sum of the streams' parts (indicator arithmetic is linear in series sums);
 * - removing a stream's last event (in valid time) changes the figure by exactly that event's
 *   contribution, and removing any valid-time suffix of a stream by the sum of the suffix's
 *   contributions (the fold is causal in valid time, so the prefix before it is untouched);
 * - a change that happens by itself later (a manager turning 50, a certificate lapsing, a loan falling
 *   overdue) is credited to the event that brought the fact it follows from (the appointment, the
 *   certification, the disbursement), not to whichever event happened to come before it.
 *
 * Events effective after the valid date change no figure at that date (causality) and are skipped.
 * Inputs that are not events (farm households, district counts) are left out of the parts.
 *
 * @example
 * import { liveEvents, timed } from "../src/model/live-events.js";
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const q = resolveQuery({ validAt: "2022-12-31" });
 * if (E.isLeft(q)) throw new Error(q.left.message);
 * const [streamId] = index.streamIds();
 * const live = liveEvents(index.streamEvents(streamId ?? "").map(timed));
 * const parts = streamContributions("coops.active", q.right, live);
 * // An active co-op's founding contributes 1; a co-op that is not active on the date, 0 in all.
 * console.log([...parts.values()].reduce((n, c) => n + (c.value ?? 0), 0)); // 1 or 0
 */
export const streamContributions = (
  id: IndicatorId,
  q: ResolvedQuery,
  live: ReadonlyArray<TimedEvent>,
): Map<TimedEvent, Contribution> => {
  const out = new Map<TimedEvent, Contribution>();
  const inputs = { ...q.options, farmHouseholds: undefined, districtCount: undefined };
  const query = { ...q, options: inputs };
  let before = NO_PARTS;
  // The prefix's fold, kept from one event to the next (the index's way of feeding a stream in valid
  // order): the state holds events [0..k), `all` the prefix's deltas. Event k resumes the fold from the
  // state; the deltas before its day cannot change (nor, on a day it shares with the previous event,
  // those already emitted: its own are increments on top of them), so only the old tail from its day on
  // is replaced by the new sweep. One event's fold per event instead of the whole prefix's.
  const state = initialStreamState();
  const prefix: TimedEvent[] = [];
  let all = emptyDeltas();
  for (let k = 0; k < live.length; k++) {
    const e = live[k] as TimedEvent;
    if (e.day > q.validDay) break;
    const previous = prefix[prefix.length - 1];
    const continuing = previous !== undefined && previous.day === e.day;
    prefix.push(e);
    const suffix = sweepFrom(state, prefix, k, e.day, continuing);
    all = spliceTail(all, continuing ? e.day : e.day - 1, suffix, q.validDay);
    const f = evaluateIndicator(
      id,
      query,
      deltasReader(all, () => true, q.scope),
    );
    if (E.isLeft(f)) continue;
    const after = partsOf(f.right);
    const c = difference(after, before);
    if (c !== undefined) out.set(e, c);
    before = after;
  }
  return out;
};

/**
 * The deltas of `d` on days `<= keepTo` followed by those of `suffix` on days `<= lastDay` (later ones
 * change no figure at the valid date, and dropping them keeps each evaluation's reading short). `d`'s
 * days are ascending.
 */
const spliceTail = (d: Deltas, keepTo: number, suffix: Deltas, lastDay: number): Deltas => {
  let cut = d.days.length;
  while (cut > 0 && (d.days[cut - 1] as number) > keepTo) cut--;
  let end = 0;
  while (end < suffix.keys.length && (suffix.days[end] as number) <= lastDay) end++;
  return appendDeltas(truncateDeltas(d, cut), suffix, 0, end);
};

/**
 * The events that make up a figure (eventId, stream, position, effective date, recorded-at, type) and
 * what each contributed to its value or to its numerator and denominator (see
 * {@link streamContributions} for the attribution and its laws, docs/indicators.md for which event types
 * make up each indicator). Works on an index (which keeps every event) or on the events. Inputs that are
 * not events (farm households, district counts) are in the figure, not here.
 *
 * @example
 * // A generated year of Bình Thuận (province 60, 2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * const x = explain(index, "coops.active", { validAt: "2022-12-31" });
 * if (E.isLeft(x)) throw new Error(x.left.message);
 * // The events' contributions add up to the figure.
 * const sum = x.right.events.reduce((n, e) => n + (e.contribution.value ?? 0), 0);
 * if (sum !== x.right.figure.value) throw new Error(`${sum} ≠ ${x.right.figure.value}`);
 * console.log(x.right.figure.value, x.right.events[0]?.type); // 128 "CoopFounded"
 */
export const explain = (
  source: AuditSource,
  indicatorId: IndicatorId,
  query: QueryInput,
): E.Either<ProjectionError, Explanation> => {
  const resolved = resolveQuery({ ...query, indicators: [indicatorId] });
  if (E.isLeft(resolved)) return resolved;
  const q = resolved.right;
  const events: ExplainedEvent[] = [];
  const figure = evaluateAll(source, q, indicatorId, events, { ...query, indicators: [indicatorId] });
  return E.map((f: Figure) => ({ figure: f, events: events.sort((a, b) => a.position - b.position) }))(
    figure,
  );
};

const evaluateAll = (
  source: AuditSource,
  q: ResolvedQuery,
  id: IndicatorId,
  out: ExplainedEvent[],
  query: QueryInput,
): E.Either<ProjectionError, Figure> => {
  // One stream at a time (an index that keeps no events reads each back when it is reached).
  const streams: Array<ReadonlyArray<TimedEvent>> = [];
  const fromIndex = source instanceof ProjectionIndex;
  for (const [, events] of eachStream(source)) {
    const live = liveEvents(events, q.knownAtMs);
    if (!fromIndex) streams.push(live);
    for (const [e, contribution] of streamContributions(id, q, live))
      out.push(explainedEvent(e.recorded, contribution));
  }
  // The figure itself: from the index (which answers like the replay: law 2), else from the same fold
  // (the replay's reader).
  return E.map((s: { figures: ReadonlyArray<Figure> }) => s.figures[0] as Figure)(
    fromIndex ? snapshot(source, query) : snapshotOfStreams(streams, q),
  );
};

const snapshotOfStreams = (streams: ReadonlyArray<ReadonlyArray<TimedEvent>>, q: ResolvedQuery) =>
  snapshotFrom(q, replayReader(streams, q));
