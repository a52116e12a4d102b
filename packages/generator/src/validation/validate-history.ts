import {
  type DomainError,
  type DomainEvent,
  type DomainWarning,
  type EventId,
  type EventMetadata,
  evolve,
  initialState,
  type StreamId,
  type StreamState,
  validateEvent,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";

/** The least an event needs to be checked: its stream, id, domain event and recording instant. */
export interface HistoryEvent {
  readonly streamId: StreamId;
  readonly eventId: EventId;
  readonly event: DomainEvent;
  readonly metadata: Pick<EventMetadata, "recordedAt">;
}

/** An event the decider refuses, where it stands, and why. */
export interface HistoryViolation {
  readonly streamId: StreamId;
  /** 0-based position of the event in its stream. */
  readonly revision: number;
  readonly eventId: EventId;
  readonly type: DomainEvent["type"];
  readonly error: DomainError;
}

/** What {@link validateHistory} found. */
export interface HistoryReport {
  readonly events: number;
  readonly streams: number;
  readonly violations: ReadonlyArray<HistoryViolation>;
  readonly warnings: number;
  /** Warnings by tag (e.g. `LateConformance`): accepted events worth a look. */
  readonly warningsByTag: Readonly<Record<string, number>>;
}

/** Options of {@link validateHistory}. */
export interface ValidateHistoryOptions {
  /**
   * Check only the streams this returns `true` for (a national dataset has ~40 k streams; a sample keeps
   * memory small). Default: every stream.
   */
  readonly sample?: (streamId: StreamId) => boolean;
  /** Stop collecting after this many violations (default 100). */
  readonly maxViolations?: number;
  /** The check (default: the domain's `validateEvent` with the default configuration). */
  readonly check?: (
    state: StreamState,
    event: DomainEvent,
  ) => E.Either<DomainError, ReadonlyArray<DomainWarning>>;
}

/**
 * Runs a history through the decider's rules stream by stream, in order: each event is checked against
 * the state its stream's earlier events built (`validateEvent`), then folded in (`evolve`, with its id
 * and recording instant, so retractions find their targets). Used to prove generated ledgers valid; as
 * useful on an imported ledger.
 *
 * @example
 * const report = validateHistory(generateLedger({ preset: "province", seed: 1 }));
 * report.violations.length // 0
 */
export const validateHistory = (
  events: Iterable<HistoryEvent>,
  options: ValidateHistoryOptions = {},
): HistoryReport => {
  const check = options.check ?? validateEvent;
  const max = options.maxViolations ?? 100;
  const states = new Map<StreamId, { state: StreamState; revision: number }>();
  const violations: HistoryViolation[] = [];
  const warningsByTag: Record<string, number> = {};
  let warnings = 0;
  let n = 0;
  for (const e of events) {
    n++;
    if (options.sample !== undefined && !options.sample(e.streamId)) continue;
    const s = states.get(e.streamId) ?? { state: initialState, revision: 0 };
    const r = check(s.state, e.event);
    if (E.isLeft(r)) {
      if (violations.length < max) {
        violations.push({
          streamId: e.streamId,
          revision: s.revision,
          eventId: e.eventId,
          type: e.event.type,
          error: r.left,
        });
      }
    } else {
      for (const w of r.right) {
        warnings++;
        warningsByTag[w._tag] = (warningsByTag[w._tag] ?? 0) + 1;
      }
    }
    // Folded even when refused, as a store that had accepted it would have: later checks stay meaningful.
    states.set(e.streamId, {
      state: evolve(s.state, e.event, { eventId: e.eventId, recordedAt: e.metadata.recordedAt }),
      revision: s.revision + 1,
    });
  }
  return { events: n, streams: states.size, violations, warnings, warningsByTag };
};
