import {
  type Command,
  type DomainEvent,
  dayOf,
  decide,
  type EventId,
  evolve,
  type Instant,
  initialState,
  isoDate,
  type RecordedEvent,
  type StreamId,
  type StreamState,
  statusOn,
} from "@coop-ledger/domain";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { indicatorValue } from "../evaluate/snapshot.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";

/**
 * The decider and the projections read a suspension (tạm ngừng hoạt động) the same way: suspended from
 * its effective date through `until` (inclusive) when one is given, operating again the day after, or
 * until a CoopResumed. Commands reach the decider in valid-time order, so the decider's state for a
 * command effective on D is the fold of the events effective up to D; the law compares it with the
 * projections' `coops.suspended` on D, computed from the whole history.
 */
const FOUNDED = "2019-03-01";
const STREAM = "coop-htx-1" as StreamId;
const cmd = (type: string, data: Record<string, unknown>) =>
  ({ type, data: { coopId: "htx-1", ...data } }) as unknown as Command;
const day = (d: number) => isoDate(d);

interface Plan {
  readonly suspendOn: number;
  readonly until: number | undefined;
  readonly resumeOn: number | undefined;
}

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    suspendOn: fc.integer({ min: dayOf("2020-01-01"), max: dayOf("2022-12-31") }),
    untilAfter: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    resumeAfter: fc.option(fc.integer({ min: 1, max: 700 }), { nil: undefined }),
  })
  .map(({ suspendOn, untilAfter, resumeAfter }) => ({
    suspendOn,
    until: untilAfter === undefined ? undefined : suspendOn + untilAfter,
    resumeOn: resumeAfter === undefined ? undefined : suspendOn + resumeAfter,
  }));

const commandsOf = (p: Plan): Array<{ on: number; command: Command }> => [
  {
    on: dayOf(FOUNDED),
    command: cmd("FoundCoop", {
      effectiveDate: FOUNDED,
      name: "HTX Nông nghiệp Thanh Long",
      form: "cooperative",
      sector: "agriculture",
      location: { gazetteer: "2008-08-01", provinceCode: "60" },
      foundingMembers: 7,
      origin: { kind: "new" },
    }),
  },
  {
    on: p.suspendOn,
    command: cmd("SuspendCoop", {
      effectiveDate: day(p.suspendOn),
      ...(p.until === undefined ? {} : { until: day(p.until) }),
    }),
  },
  ...(p.resumeOn === undefined
    ? []
    : [{ on: p.resumeOn, command: cmd("ResumeCoop", { effectiveDate: day(p.resumeOn) }) }]),
];

/** Runs the commands effective on or before `upTo` through the decider, in order; returns state and events. */
const run = (p: Plan, upTo: number): { state: StreamState; recorded: RecordedEvent[] } => {
  let state: StreamState = initialState;
  const recorded: RecordedEvent[] = [];
  for (const { on, command } of commandsOf(p)) {
    if (on > upTo) break;
    const r = decide(command, state);
    if (E.isLeft(r)) throw new Error(`${command.type} refused: ${r.left.message}`);
    for (const event of r.right as ReadonlyArray<DomainEvent>) {
      const eventId = `00000000-0000-4000-8000-${String(recorded.length + 1).padStart(12, "0")}` as EventId;
      const recordedAt = new Date((on + 1) * 86_400_000).toISOString() as Instant;
      recorded.push({
        eventId,
        streamId: STREAM,
        revision: recorded.length,
        position: recorded.length,
        event,
        metadata: { recordedAt },
      } as RecordedEvent);
      state = evolve(state, event, { eventId, recordedAt });
    }
  }
  return { state, recorded };
};

const suspendedInProjection = (recorded: RecordedEvent[], on: number): boolean => {
  const s = snapshot(buildIndex(recorded), {
    validAt: day(on),
    scope: { province: "60" },
    geography: "2008-08-01",
    indicators: ["coops.suspended"],
  });
  if (s._tag === "Left") throw new Error(s.left.message);
  return indicatorValue(s.right, "coops.suspended")?.value === 1;
};

const loanOn = (on: number) =>
  cmd("DisburseLoan", {
    effectiveDate: day(on),
    loanId: `loan-${on}`,
    fundKind: "provincialSupportFund",
    principalVnd: 100_000_000,
    termMonths: 12,
  });

describe("suspension: decider and projections agree on every day", () => {
  it("law: the decider's status on D is 'suspended' iff coops.suspended counts the co-op on D, and a loan effective D is refused for it iff so", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: -30, max: 900 }), (plan, offset) => {
        const probe = plan.suspendOn + offset;
        const all = run(plan, Number.POSITIVE_INFINITY).recorded;
        const { state } = run(plan, probe);
        if (state._tag !== "Coop") throw new Error("no co-op");
        const projected = suspendedInProjection(all, probe);
        expect(statusOn(state, day(probe)) === "suspended").toBe(projected);
        const loan = decide(loanOn(probe), state);
        const refusedForSuspension =
          E.isLeft(loan) && loan.left._tag === "StatusForbids" && loan.left.status === "suspended";
        expect(refusedForSuspension).toBe(projected);
      }),
      { numRuns: 60 },
    );
  });
});
