import type { EventOf } from "../../events/domain-event.js";
import { checkProvinceRef } from "../location-rules.js";
import { type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { StreamState } from "../stream-state.js";

/** Alliance activity: on `alliance-<province>`, a province of the gazetteer in force, the stream's own province. */
export const checkAllianceActivity = (
  ctx: RuleContext,
  state: StreamState,
  e: EventOf<"AllianceActivityRecorded">,
): Check => {
  const d = e.data;
  if (state._tag !== "Empty" && state._tag !== "Alliance") {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: "an alliance stream", actual: state._tag },
      `alliance activity cannot go on a ${state._tag} stream`,
    );
  }
  if (state._tag === "Alliance" && state.provinceCode !== d.provinceCode) {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: `alliance ${state.provinceCode}`, actual: `alliance ${d.provinceCode}` },
      `activity of alliance ${d.provinceCode} on the stream of alliance ${state.provinceCode}`,
    );
  }
  return checkProvinceRef(ctx, "provinceCode", d.gazetteer, d.provinceCode, d.effectiveDate);
};

/** Fund events: established once; later events on an established fund, not before it was established. */
export const checkFundEvent = (
  ctx: RuleContext,
  state: StreamState,
  e: EventOf<"FundEstablished" | "FundCapitalChanged" | "LoanApplicationReceived">,
): Check => {
  if (e.type === "FundEstablished") {
    const d = e.data;
    if (state._tag === "Fund")
      return fail(
        ctx,
        "FundAlreadyEstablished",
        { fundId: d.fundId },
        `fund ${d.fundId} was already established on ${state.establishedOn}`,
      );
    if (state._tag !== "Empty")
      return fail(
        ctx,
        "StreamMismatch",
        { expected: "an empty fund stream", actual: state._tag },
        `a fund cannot be established on a ${state._tag} stream`,
      );
    if ((d.provinceCode === undefined) !== (d.gazetteer === undefined)) {
      return fail(
        ctx,
        "IncompleteLocation",
        { field: "provinceCode", problem: "provinceCode and gazetteer go together" },
        "a fund's province needs its gazetteer version (and the other way round)",
      );
    }
    return d.provinceCode !== undefined && d.gazetteer !== undefined
      ? checkProvinceRef(ctx, "provinceCode", d.gazetteer, d.provinceCode, d.effectiveDate)
      : ok;
  }
  const d = e.data;
  if (state._tag === "Empty")
    return fail(ctx, "FundNotFound", { fundId: d.fundId }, `fund ${d.fundId} has not been established`);
  if (state._tag !== "Fund")
    return fail(
      ctx,
      "StreamMismatch",
      { expected: "a fund stream", actual: state._tag },
      `a fund event cannot go on a ${state._tag} stream`,
    );
  if (state.fundId !== d.fundId)
    return fail(
      ctx,
      "StreamMismatch",
      { expected: `fund ${d.fundId}`, actual: `fund ${state.fundId}` },
      `the event names fund ${d.fundId}, but the stream holds ${state.fundId}`,
    );
  if (d.effectiveDate < state.establishedOn) {
    return fail(
      ctx,
      "EffectiveDateBeforeStart",
      {
        what: `establishment of fund ${state.fundId}`,
        effectiveDate: d.effectiveDate,
        startDate: state.establishedOn,
      },
      `effective ${d.effectiveDate}, before fund ${state.fundId} was established (${state.establishedOn})`,
    );
  }
  if (e.type === "LoanApplicationReceived" && state.applications.has(e.data.applicationId)) {
    return fail(
      ctx,
      "DuplicateApplication",
      { applicationId: e.data.applicationId },
      `application ${e.data.applicationId} was already received`,
    );
  }
  return ok;
};
