import { match } from "ts-pattern";
import type { DomainEvent } from "../events/domain-event.js";
import { checkCoopEvent } from "./coop-rules.js";
import type { Check, RuleContext } from "./rule-context.js";
import { checkAllianceActivity, checkFundEvent, checkReorganisation, checkRetraction } from "./stream-rules.js";
import type { StreamState } from "./stream-state.js";

/**
 * Checks one event against the state of the stream it is to be appended to, by the rules in force on
 * its effective date. This is the heart of the decider (commands are turned into events, then checked
 * here) and also what checks events that do not come from commands: reorganisation effects, imports,
 * generated histories.
 */
export const checkEvent = (ctx: RuleContext, state: StreamState, event: DomainEvent, streamId?: string): Check =>
  match(event)
    .with({ type: "ReorganisationDecided" }, (e) => checkReorganisation(ctx, state, e))
    .with({ type: "AllianceActivityRecorded" }, (e) => checkAllianceActivity(ctx, state, e))
    .with({ type: "FundEstablished" }, { type: "FundCapitalChanged" }, { type: "LoanApplicationReceived" }, (e) =>
      checkFundEvent(ctx, state, e),
    )
    .with({ type: "EventRetracted" }, (e) => checkRetraction(ctx, state, e, streamId))
    .otherwise((e) => checkCoopEvent(ctx, state, e));
