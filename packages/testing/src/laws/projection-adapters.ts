import type { RecordedEvent } from "@coop-ledger/domain";
import { buildIndex, ProjectionIndex, replay, type Snapshot, snapshot } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { LawProjection } from "./projection-laws.js";

/**
 * The figures of a snapshot that must agree (value, ratio parts, period, breakdown), or the error tag.
 * @example
 * comparableSnapshot(E.left({ _tag: "UnknownIndicator" })) // { error: "UnknownIndicator" }
 */
export const comparableSnapshot = (r: E.Either<{ readonly _tag: string }, Snapshot>): unknown =>
  E.isLeft(r)
    ? { error: r.left._tag }
    : r.right.figures.map((f) => [
        f.id,
        f.value,
        f.numerator,
        f.denominator,
        f.period,
        f.fiscalYear,
        f.breakdown,
      ]);

/**
 * Our point-in-time index (`@coop-ledger/projections`), as a {@link LawProjection}.
 * @example checkProjectionLaws(indexLawProjection)
 */
export const indexLawProjection: LawProjection<ProjectionIndex> = {
  name: "ProjectionIndex",
  build: (events) => buildIndex(events),
  start: () => new ProjectionIndex(),
  feed: (index, event) => {
    index.add(event);
    return index;
  },
  query: (index, q) => comparableSnapshot(snapshot(index, q)),
};

/**
 * Our replay (a full fold per query), as a {@link LawProjection}: the reference the index must match.
 * @example checkProjectionLaws(replayLawProjection)
 */
export const replayLawProjection: LawProjection<ReadonlyArray<RecordedEvent>> = {
  name: "replay",
  build: (events) => [...events],
  start: () => [],
  feed: (events, event) => (events.some((e) => e.eventId === event.eventId) ? events : [...events, event]),
  query: (events, q) => comparableSnapshot(replay(events, q)),
};
