import type { DomainEvent } from "../events/domain-event.js";
import type { Check, RuleContext } from "./rule-context.js";
import { checkAllianceActivity, checkFundEvent } from "./rules/alliance-and-fund.js";
import { checkCoopEvent } from "./rules/coop-stream.js";
import { checkReorganisation } from "./rules/reorganisation.js";
import { checkRetraction } from "./rules/retraction.js";
import type { StreamState } from "./stream-state.js";

/**
 * Checks one event against the state of the stream it is to be appended to, by the rules in force on
 * its effective date. This is the heart of the decider (commands are turned into events, then checked
 * here) and also what checks events that do not come from commands: reorganisation effects, imports,
 * generated histories. (A `switch` rather than ts-pattern: it runs for every validated event.)
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "CoopFounded" } as const;
 * const founded = CoopFounded.decode({ type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } });
 * E.isRight(founded) && checkEvent(ctx, initialState, founded.right)._tag // "Right"
 */
export const checkEvent = (
  ctx: RuleContext,
  state: StreamState,
  event: DomainEvent,
  streamId?: string,
): Check => {
  switch (event.type) {
    case "ReorganisationDecided":
      return checkReorganisation(ctx, state, event);
    case "AllianceActivityRecorded":
      return checkAllianceActivity(ctx, state, event);
    case "FundEstablished":
    case "FundCapitalChanged":
    case "LoanApplicationReceived":
      return checkFundEvent(ctx, state, event);
    case "EventRetracted":
      return checkRetraction(ctx, state, event, streamId);
    default:
      return checkCoopEvent(ctx, state, event);
  }
};
