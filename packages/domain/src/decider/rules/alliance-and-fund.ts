import type { EventOf } from "../../events/domain-event.js";
import { checkProvinceRef } from "../location-rules.js";
import { type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { StreamState } from "../stream-state.js";

/**
 * Alliance activity: on `alliance-<province>`, a province of the gazetteer in force, the stream's own province.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "AllianceActivityRecorded" } as const;
 * const activity = (provinceCode: string) => AllianceActivityRecorded.decode({ type: "AllianceActivityRecorded", schemaVersion: 1, data: { effectiveDate: "2021-03-01", provinceCode, gazetteer: "2008-08-01", kind: "trainingClass", count: 2 } });
 * const inBinhThuan = activity("60");
 * const inHaNoi = activity("01");
 * if (E.isLeft(inBinhThuan) || E.isLeft(inHaNoi)) throw new Error("not an event");
 * const state = given([inBinhThuan.right]).state; // the stream of Bình Thuận's alliance (60)
 * checkAllianceActivity(ctx, state, inBinhThuan.right) // Right([])
 * const r = checkAllianceActivity(ctx, state, inHaNoi.right);
 * E.isLeft(r) && r.left._tag // "StreamMismatch" (Hà Nội's activity on Bình Thuận's stream)
 */
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

/**
 * Fund events: established once; later events on an established fund, not before it was established.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "FundCapitalChanged" } as const;
 * const established = FundEstablished.decode({ type: "FundEstablished", schemaVersion: 1, data: { fundId: "qht-60", effectiveDate: "2021-01-01", kind: "provincialSupportFund", name: "Quỹ hỗ trợ phát triển HTX tỉnh Bình Thuận", charterCapitalVnd: 20000000000 } });
 * const early = FundCapitalChanged.decode({ type: "FundCapitalChanged", schemaVersion: 1, data: { fundId: "qht-60", effectiveDate: "2020-06-01", charterCapitalVnd: 50000000000 } });
 * if (E.isLeft(established) || E.isLeft(early)) throw new Error("not an event");
 * const state = given([established.right]).state; // fund qht-60, established 2021-01-01
 * const r = checkFundEvent(ctx, state, early.right);
 * E.isLeft(r) && r.left._tag // "EffectiveDateBeforeStart"
 * const again = checkFundEvent(ctx, state, established.right);
 * E.isLeft(again) && again.left._tag // "FundAlreadyEstablished"
 */
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
