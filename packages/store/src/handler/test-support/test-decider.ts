import {
  addDays,
  type BusinessDate,
  type CoopId,
  coopStream,
  type Decider,
  type DomainEvent,
  type EventData,
  type ReorganisationId,
  reorganisationStream,
  type StreamId,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";

/** Commands of a small decider standing in for the domain's in handler tests. */
export type TestCommand =
  | { readonly type: "Note"; readonly coopId: CoopId; readonly count?: number }
  | { readonly type: "Refuse"; readonly coopId: CoopId }
  | { readonly type: "Retract"; readonly coopId: CoopId; readonly eventId: string }
  | { readonly type: "DecideReorganisation"; readonly decision: EventData<"ReorganisationDecided"> };

/** Its state: how many (unretracted) events the stream holds. */
export interface TestState {
  readonly events: number;
}

const base = "2021-01-01" as BusinessDate;

/**
 * `Note` appends `count` (default 1) `CoopSuspended` events whose effective date encodes how many events
 * the decision saw (base + n days): a lost update shows as a repeated date.
 */
export const testDecider: Decider<TestCommand, TestState, DomainEvent, { readonly _tag: "Refused" }> = {
  initialState: { events: 0 },
  evolve: (s) => ({ events: s.events + 1 }),
  decide: (c, s) => {
    switch (c.type) {
      case "Refuse":
        return E.left({ _tag: "Refused" });
      case "Retract":
        return E.right([
          {
            type: "EventRetracted",
            schemaVersion: 1,
            data: {
              effectiveDate: base,
              retractedEventId: c.eventId as never,
              reason: "Nhập trùng" as never,
            },
          },
        ]);
      case "DecideReorganisation":
        return E.right([{ type: "ReorganisationDecided", schemaVersion: 1, data: c.decision }]);
      case "Note":
        return E.right(
          Array.from({ length: c.count ?? 1 }, (_, i) => ({
            type: "CoopSuspended" as const,
            schemaVersion: 1 as const,
            data: { coopId: c.coopId, effectiveDate: addDays(base, s.events + i) },
          })),
        );
    }
  },
};

/** The stream of a test command. */
export const testStreamOf = (c: TestCommand): StreamId =>
  c.type === "DecideReorganisation"
    ? reorganisationStream(c.decision.reorganisationId as ReorganisationId)
    : coopStream(c.coopId);
