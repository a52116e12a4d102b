import type { Instant } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import type { ProjectionIndex } from "../bitemporal-index/projection-index.js";
import type { Figure } from "../evaluate/figure.js";
import { resolveQuery } from "../evaluate/resolve-query.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { liveEvents, timed } from "../model/live-events.js";
import type { ProjectionError } from "../query/projection-error.js";
import type { QueryInput } from "../query/projection-query.js";
import { type Contribution, streamContributions } from "./explain.js";

/** An event recorded between the two knowledge instants that changed a figure, and its stream's change. */
export interface RestatingEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly position: number;
  readonly type: string;
  readonly effectiveDate: string;
  readonly recordedAt: Instant;
  /** The whole stream's contribution to the figure, as known at A and at B. */
  readonly streamBefore: Contribution;
  readonly streamAfter: Contribution;
}

/** One figure that changed between two knowledge instants. */
export interface Restatement {
  readonly id: Figure["id"];
  readonly before: Figure;
  readonly after: Figure;
  /** `after.value − before.value` (null when either is not available). */
  readonly change: number | null;
  readonly events: ReadonlyArray<RestatingEvent>;
}

/** The restatement of a snapshot between two knowledge instants. */
export interface Diff {
  readonly validAt: string;
  readonly knownAtA: string;
  readonly knownAtB: string;
  readonly changed: ReadonlyArray<Restatement>;
}

const total = (m: Map<unknown, Contribution>): Contribution => {
  let value = 0;
  let numerator = 0;
  let denominator = 0;
  for (const c of m.values()) {
    value += c.value ?? 0;
    numerator += c.numerator ?? 0;
    denominator += c.denominator ?? 0;
  }
  return { value, numerator, denominator };
};

/**
 * The restatement between two knowledge instants for the same valid date ("the 2022 figures as known on
 * 15/01/2023 and as known today"): which figures changed, by how much, and which events recorded in
 * between (late reports, back-dated events, retractions) did it, with their streams' contributions
 * before and after. `knownAtA` should be the earlier instant.
 *
 * @example
 * // Two generated years of Bình Thuận (province 60, 2021–2022), as any store would give it.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2021-01-01", to: "2022-12-31" }));
 * const index = buildIndex(events);
 * // The end of 2021 as known a month later, then a year later: membership reports are back-dated to
 * // the year end and recorded through the next year, so the member figures are restated.
 * const d = diff(index, { validAt: "2021-12-31" }, "2022-01-31T23:59:59.999Z", "2022-12-31T23:59:59.999Z");
 * if (E.isLeft(d)) throw new Error(d.left.message);
 * for (const r of d.right.changed) {
 *   // Every figure that changed names the late events that changed it.
 *   if (r.change !== 0 && r.events.length === 0) throw new Error(`${r.id} changed with no late event`);
 *   console.log(r.id, r.before.value, "→", r.after.value, `(${r.events.length} events recorded in between)`);
 * } // e.g. members.total 5923 → 6188 (94 events recorded in between)
 */
export const diff = (
  index: ProjectionIndex,
  query: QueryInput,
  knownAtA: string,
  knownAtB: string,
): E.Either<ProjectionError, Diff> => {
  const a = snapshot(index, { ...query, knownAt: knownAtA });
  if (E.isLeft(a)) return a;
  const b = snapshot(index, { ...query, knownAt: knownAtB });
  if (E.isLeft(b)) return b;
  const qa = resolveQuery({ ...query, knownAt: knownAtA });
  const qb = resolveQuery({ ...query, knownAt: knownAtB });
  if (E.isLeft(qa)) return qa;
  if (E.isLeft(qb)) return qb;
  const [ta, tb] = [qa.right.knownAtMs, qb.right.knownAtMs];
  const lo = Math.min(ta, tb);
  const hi = Math.max(ta, tb);
  // Streams with something recorded in between: only they can have restated anything.
  const touched: string[] = [];
  for (const id of index.streamIds()) {
    // A stream whose latest recording is before `lo` recorded nothing in between: not read at all.
    if (index.streamMaxRecorded(id) <= lo) continue;
    if (
      index.streamEvents(id).some((e) => {
        const t = Date.parse(e.metadata.recordedAt);
        return t > lo && t <= hi;
      })
    )
      touched.push(id);
  }
  const changed: Restatement[] = [];
  b.right.figures.forEach((after, i) => {
    const before = a.right.figures[i] as Figure;
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const events: RestatingEvent[] = [];
    for (const id of touched) {
      const timedEvents = index.streamEvents(id).map(timed);
      const streamBefore = total(streamContributions(after.id, qa.right, liveEvents(timedEvents, ta)));
      const streamAfter = total(streamContributions(after.id, qb.right, liveEvents(timedEvents, tb)));
      if (JSON.stringify(streamBefore) === JSON.stringify(streamAfter)) continue;
      for (const e of timedEvents) {
        if (e.recordedMs <= lo || e.recordedMs > hi) continue;
        const r = e.recorded;
        events.push({
          eventId: r.eventId,
          streamId: r.streamId,
          position: r.position,
          type: r.event.type,
          effectiveDate: r.event.data.effectiveDate,
          recordedAt: r.metadata.recordedAt,
          streamBefore,
          streamAfter,
        });
      }
    }
    changed.push({
      id: after.id,
      before,
      after,
      change: after.value === null || before.value === null ? null : after.value - before.value,
      events,
    });
  });
  return E.right({ validAt: b.right.validAt, knownAtA, knownAtB, changed });
};
