import type { BusinessDate, EventType, Instant } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { IndicatorId } from "../catalogue/indicator-id.js";
import { evaluateIndicator } from "../evaluate/evaluate-indicators.js";
import type { Figure } from "../evaluate/figure.js";
import { type ResolvedQuery, resolveQuery } from "../evaluate/resolve-query.js";
import { snapshotFrom } from "../evaluate/snapshot.js";
import { liveEvents, type TimedEvent } from "../model/live-events.js";
import { sweepStream } from "../model/stream-sweep.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";
import { replayReader } from "../replay/replay.js";
import { deltasReader } from "./deltas-reader.js";
import { type AuditSource, streamsOf } from "./stream-source.js";

/** What one event contributes to a figure (to its value, or to its numerator and denominator). */
export interface Contribution {
  readonly value?: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

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

/** A figure and the events that make it up. */
export interface Explanation {
  readonly figure: Figure;
  readonly events: ReadonlyArray<ExplainedEvent>;
}

const contributionOf = (f: Figure): Contribution | undefined => {
  if (f.numerator !== undefined || f.denominator !== undefined) {
    const numerator = f.numerator ?? 0;
    const denominator = f.denominator ?? 0;
    // A constant input denominator (farm households, districts) is not any event's doing.
    return numerator === 0 && denominator === 0 ? undefined : { numerator, denominator };
  }
  return f.value === null || f.value === 0 ? undefined : { value: f.value };
};

/** The contribution of each event of one stream to an indicator, under a query. */
export const streamContributions = (
  id: IndicatorId,
  q: ResolvedQuery,
  live: ReadonlyArray<TimedEvent>,
): Map<TimedEvent, Contribution> => {
  const out = new Map<TimedEvent, Contribution>();
  const { deltas } = sweepStream(live, Number.NEGATIVE_INFINITY);
  const causes = new Set(deltas.causes);
  const inputs = { ...q.options, farmHouseholds: undefined, districtCount: undefined };
  for (const cause of causes) {
    const reader = deltasReader(deltas, (i) => deltas.causes[i] === cause, q.scope);
    const f = evaluateIndicator(id, { ...q, options: inputs }, reader);
    if (E.isLeft(f)) continue;
    const c = contributionOf(f.right);
    const e = live[cause];
    if (c !== undefined && e !== undefined) out.set(e, c);
  }
  return out;
};

/**
 * The events that make up a figure (eventId, stream, position, effective date, recorded-at, type) and
 * what each contributed to its value or to its numerator and denominator. Works on an index (which
 * keeps every event) or on the events. A change that happens by itself on a date (a manager turning 50,
 * a certificate lapsing, a loan falling overdue) is attributed to the latest event before it in its
 * stream. Inputs that are not events (farm households, district counts) are in the figure, not here.
 *
 * @example explain(index, "coops.active", { validAt: "2022-12-31" }) // Right({ figure: { value: 234, ... }, events: [...] })
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
  const figure = evaluateAll(source, q, indicatorId, events);
  return E.map((f: Figure) => ({ figure: f, events: events.sort((a, b) => a.position - b.position) }))(
    figure,
  );
};

const evaluateAll = (
  source: AuditSource,
  q: ResolvedQuery,
  id: IndicatorId,
  out: ExplainedEvent[],
): E.Either<ProjectionError, Figure> => {
  const streams = [...streamsOf(source).values()].map((s) => liveEvents(s, q.knownAtMs));
  for (const live of streams) {
    for (const [e, contribution] of streamContributions(id, q, live)) {
      const r = e.recorded;
      out.push({
        eventId: r.eventId,
        streamId: r.streamId,
        position: r.position,
        revision: r.revision,
        type: r.event.type,
        effectiveDate: r.event.data.effectiveDate,
        recordedAt: r.metadata.recordedAt,
        contribution,
      });
    }
  }
  // The figure itself, from the same fold (the replay's reader).
  return E.map((s: { figures: ReadonlyArray<Figure> }) => s.figures[0] as Figure)(
    snapshotOfStreams(streams, q),
  );
};

const snapshotOfStreams = (streams: ReadonlyArray<ReadonlyArray<TimedEvent>>, q: ResolvedQuery) =>
  snapshotFrom(q, replayReader(streams, q));
