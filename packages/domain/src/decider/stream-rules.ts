import type { EventOf } from "../events/domain-event.js";
import { regimeOn } from "../values/law.js";
import { checkFounders } from "./coop-rules.js";
import { checkLocation, checkProvinceRef } from "./location-rules.js";
import { all, type Check, fail, ok, type RuleContext } from "./rule-context.js";
import { historyEntries, type StreamState } from "./stream-state.js";

/**
 * A reorganisation decision's shape (Law 23/2012/QH13 art. 53; Law 17/2023/QH15 art. 94–96): split 1
 * source, ≥ 2 new; spin-off 1 source, ≥ 1 new; consolidation ≥ 2 sources, exactly 1 new; merger ≥ 1
 * source, no new, an absorbing co-op not among the sources. Ids never repeat; successors are founded
 * by the rules of the decision's date.
 */
export const checkReorganisation = (
  ctx: RuleContext,
  state: StreamState,
  e: EventOf<"ReorganisationDecided">,
): Check => {
  const d = e.data;
  if (state._tag !== "Empty") {
    return state._tag === "Reorganisation"
      ? fail(
          ctx,
          "ReorganisationAlreadyDecided",
          { reorganisationId: d.reorganisationId },
          `reorganisation ${d.reorganisationId} was already decided`,
        )
      : fail(
          ctx,
          "StreamMismatch",
          { expected: "an empty reorganisation stream", actual: state._tag },
          `a reorganisation decision cannot go on a ${state._tag} stream`,
        );
  }
  const bad = (problem: string) =>
    fail(
      ctx,
      "InvalidReorganisation",
      { kind: d.kind, problem },
      `invalid ${d.kind} (${lawArticle}): ${problem}`,
    );
  const lawArticle =
    regimeOn(d.effectiveDate) === "2023" ? "Law 17/2023/QH15 art. 94–96" : "Law 23/2012/QH13 art. 53";
  const s = d.sources.length;
  const n = d.newCoops.length;
  const shape =
    d.kind === "split"
      ? s === 1 && n >= 2
        ? undefined
        : `a split needs exactly 1 source and at least 2 new co-ops (has ${s} and ${n})`
      : d.kind === "spinOff"
        ? s === 1 && n >= 1
          ? undefined
          : `a spin-off needs exactly 1 source and at least 1 new co-op (has ${s} and ${n})`
        : d.kind === "consolidation"
          ? s >= 2 && n === 1
            ? undefined
            : `a consolidation needs at least 2 sources and exactly 1 new co-op (has ${s} and ${n})`
          : s >= 1 && n === 0 && d.absorbingCoopId !== undefined
            ? undefined
            : `a merger needs at least 1 source, no new co-op and an absorbing co-op (has ${s}, ${n}, ${d.absorbingCoopId ?? "none"})`;
  if (shape !== undefined) return bad(shape);
  if (d.kind !== "merger" && (d.absorbingCoopId !== undefined || d.absorbedMembers !== undefined)) {
    return bad("only a merger has an absorbing co-op");
  }
  const ids = [
    ...d.sources,
    ...d.newCoops.map((c) => c.coopId),
    ...(d.absorbingCoopId === undefined ? [] : [d.absorbingCoopId]),
  ];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      return bad(`co-op ${id} appears twice (sources, new co-ops and the absorbing co-op are distinct)`);
    seen.add(id);
  }
  return all(
    ...d.newCoops.flatMap((c, i) => [
      () => checkLocation(ctx, `newCoops[${i}].location`, c.location, d.effectiveDate),
      () => checkFounders(ctx, c.form, c.members, d.effectiveDate),
    ]),
  );
};

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

/** A retraction names an event on this stream that is not retracted and is not itself a retraction. */
export const checkRetraction = (
  ctx: RuleContext,
  state: StreamState,
  e: EventOf<"EventRetracted">,
  streamId?: string,
): Check => {
  const id = e.data.retractedEventId;
  const on = streamId ?? "this stream";
  const target = historyEntries(state.history).find((x) => x.eventId === id);
  if (target === undefined) {
    // a state folded without event ids (evolve with no context) cannot name its events: say so
    const hint = historyEntries(state.history).some((x) => x.eventId === undefined)
      ? " (this state was folded without event ids: fold the stream with stateFromHistory)"
      : "";
    return fail(
      ctx,
      "UnknownEventToRetract",
      { eventId: id, streamId: on },
      `event ${id} is not on ${on}${hint}`,
    );
  }
  if (target.event.type === "EventRetracted") {
    return fail(
      ctx,
      "CannotRetractRetraction",
      { eventId: id },
      `event ${id} is itself a retraction; record the retracted event again instead`,
    );
  }
  if (state.history.retracted.has(id))
    return fail(ctx, "AlreadyRetracted", { eventId: id }, `event ${id} is already retracted`);
  return ok;
};
