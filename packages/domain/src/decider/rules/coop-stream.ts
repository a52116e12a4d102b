import type { DomainEvent, EventOf } from "../../events/domain-event.js";
import type { CoopStatus } from "../domain-error.js";
import { type Check, fail, type RuleContext } from "../rule-context.js";
import { type StreamState, statusOn } from "../stream-state.js";
import { checkFounding } from "./founding.js";
import { checkLifecycleEvent } from "./lifecycle.js";
import { checkLoanEvent } from "./loans.js";
import { checkProductOrLinkEvent } from "./products-and-links.js";
import { checkReorganisationEffect } from "./reorganisation.js";
import { checkReportingEvent } from "./reporting.js";

/** The events that live on a co-op stream (everything but alliance, fund, reorganisation decisions, retractions). */
export type CoopEvent = Exclude<
  DomainEvent,
  EventOf<
    | "ReorganisationDecided"
    | "AllianceActivityRecorded"
    | "FundEstablished"
    | "FundCapitalChanged"
    | "LoanApplicationReceived"
    | "EventRetracted"
  >
>;

const TERMINAL: ReadonlyArray<CoopStatus> = ["dissolved", "reorganisedAway", "converted"];

/** What a suspended co-op may not do (it is not operating): borrow, join, certify, grow by merger. */
const FORBIDDEN_WHEN_SUSPENDED: ReadonlySet<CoopEvent["type"]> = new Set([
  "CoopSuspended",
  "LoanDisbursed",
  "CoopJoinedAlliance",
  "OcopCertified",
  "CoopMergerReceived",
  "CoopSpunOff",
  "ValueChainLinked",
]);
/** What a co-op in dissolution proceedings may not do: anything that starts something new. */
const FORBIDDEN_WHEN_DISSOLVING: ReadonlySet<CoopEvent["type"]> = new Set([
  ...FORBIDDEN_WHEN_SUSPENDED,
  "CoopResumed",
  "CoopConformedToLaw",
  "CoopConverted",
  "CoopReorganisedAway",
]);

/**
 * What may still be recorded on a terminated co-op's stream: facts effective on or before the
 * termination date that the ledger learnt late (a loan repaid, a report filed, a rating given before the
 * dissolution). Valid time decides: nothing effective after the termination is accepted, and nothing
 * that changes the co-op's status or existence (suspension, dissolution, reorganisation...) at all.
 */
const LATE_FACTS: ReadonlySet<CoopEvent["type"]> = new Set([
  "CoopJoinedAlliance",
  "CoopLeftAlliance",
  "CoopConformedToLaw",
  "LoanDisbursed",
  "LoanRepaid",
  "LoanRescheduled",
  "MembershipReported",
  "ManagerAppointed",
  "ManagerLeft",
  "AnnualReportFiled",
  "CoopAssessed",
  "OcopCertified",
  "OcopEnded",
  "HeadOfficeMoved",
  "ValueChainLinked",
  "ValueChainUnlinked",
]);

/**
 * Checks an event that lives on a co-op stream against the stream's state: the common rules (the
 * stream holds this co-op; not terminated; effective date not before founding; status allows it), then
 * the event's own.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "CoopFounded" } as const;
 * const founded = CoopFounded.decode({ type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } });
 * E.isRight(founded) && checkCoopEvent(ctx, initialState, founded.right)._tag // "Right"
 */
export const checkCoopEvent = (ctx: RuleContext, state: StreamState, event: CoopEvent): Check => {
  if (event.type === "CoopFounded") return checkFounding(ctx, state, event);
  const d = event.data;
  if (state._tag === "Empty") {
    return fail(
      ctx,
      "CoopNotFound",
      { coopId: d.coopId },
      `co-op ${d.coopId} has not been founded (its stream is empty)`,
    );
  }
  if (state._tag !== "Coop") {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: "a co-op stream", actual: state._tag },
      `a co-op event cannot go on a ${state._tag} stream`,
    );
  }
  if (state.coopId !== d.coopId) {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: `co-op ${d.coopId}`, actual: `co-op ${state.coopId}` },
      `the event names co-op ${d.coopId}, but the stream holds ${state.coopId}`,
    );
  }
  if (
    TERMINAL.includes(state.status) &&
    (!LATE_FACTS.has(event.type) || d.effectiveDate > state.statusSince)
  ) {
    return fail(
      ctx,
      "CoopTerminated",
      { coopId: state.coopId, status: state.status, since: state.statusSince },
      `co-op ${state.coopId} is ${state.status} since ${state.statusSince}; nothing may follow${LATE_FACTS.has(event.type) ? ` (this ${event.type} is effective ${d.effectiveDate}, after that)` : ""} (Law 23/2012/QH13 art. 54; Law 17/2023/QH15 art. 97)`,
    );
  }
  if (d.effectiveDate < state.foundedOn) {
    return fail(
      ctx,
      "EffectiveDateBeforeFounding",
      { effectiveDate: d.effectiveDate, foundedOn: state.foundedOn },
      `effective ${d.effectiveDate}, before co-op ${state.coopId} was founded (${state.foundedOn})`,
    );
  }
  // Judged as of the event's effective date: a suspension whose `until` has passed is over.
  const status = statusOn(state, d.effectiveDate);
  const forbidden =
    status === "suspended"
      ? FORBIDDEN_WHEN_SUSPENDED
      : state.status === "dissolving"
        ? FORBIDDEN_WHEN_DISSOLVING
        : undefined;
  if (forbidden?.has(event.type)) {
    if (event.type === "DissolutionStarted") {
      return fail(
        ctx,
        "DissolutionAlreadyStarted",
        { coopId: state.coopId, since: state.statusSince },
        `dissolution of ${state.coopId} already started on ${state.statusSince}`,
      );
    }
    return fail(
      ctx,
      "StatusForbids",
      { coopId: state.coopId, status: state.status },
      `co-op ${state.coopId} is ${state.status} since ${state.statusSince}${status === "suspended" && state.suspendedUntil !== undefined ? ` until ${state.suspendedUntil}` : ""}; ${event.type} is not allowed`,
    );
  }
  if (event.type === "DissolutionStarted" && state.status === "dissolving") {
    return fail(
      ctx,
      "DissolutionAlreadyStarted",
      { coopId: state.coopId, since: state.statusSince },
      `dissolution of ${state.coopId} already started on ${state.statusSince}`,
    );
  }
  // the event's own rules, by family as in events/ (a `switch`, exhaustive by `never`: hot path)
  switch (event.type) {
    case "CoopJoinedAlliance":
    case "CoopLeftAlliance":
    case "CoopConformedToLaw":
    case "CoopConverted":
    case "CoopSuspended":
    case "CoopResumed":
    case "DissolutionStarted":
    case "CoopDissolved":
    case "HeadOfficeMoved":
      return checkLifecycleEvent(ctx, state, event);
    case "CoopReorganisedAway":
    case "CoopSpunOff":
    case "CoopMergerReceived":
      return checkReorganisationEffect(ctx, state, event);
    case "LoanDisbursed":
    case "LoanRepaid":
    case "LoanRescheduled":
      return checkLoanEvent(ctx, state, event);
    case "MembershipReported":
    case "ManagerAppointed":
    case "ManagerLeft":
    case "AnnualReportFiled":
    case "CoopAssessed":
      return checkReportingEvent(ctx, state, event);
    case "OcopCertified":
    case "OcopEnded":
    case "ValueChainLinked":
    case "ValueChainUnlinked":
      return checkProductOrLinkEvent(ctx, state, event);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

/**
 * The event types that may still be recorded on a terminated co-op's stream, when effective on or before
 * the termination date (late-recorded facts).
 * @example LATE_FACT_TYPES.includes("LoanRepaid") // true
 */
export const LATE_FACT_TYPES: ReadonlyArray<string> = [...LATE_FACTS];

/**
 * Whether a status ends the co-op (dissolved, reorganised away, converted).
 * @example
 * isTerminal("dissolved") // true
 */
export const isTerminal = (status: CoopStatus): boolean => TERMINAL.includes(status);
