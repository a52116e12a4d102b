import type { EventOf } from "../../events/domain-event.js";
import { regimeOn } from "../../values/law.js";
import { checkLocation } from "../location-rules.js";
import { all, type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { CoopState, StreamState } from "../stream-state.js";
import { checkFounders } from "./founding.js";
import { terminationNotBackdated } from "./shared-checks.js";

/**
 * A reorganisation decision's shape (Law 23/2012/QH13 art. 53; Law 17/2023/QH15 art. 94–96): split 1
 * source, ≥ 2 new; spin-off 1 source, ≥ 1 new; consolidation ≥ 2 sources, exactly 1 new; merger ≥ 1
 * source, no new, an absorbing co-op not among the sources. Ids never repeat; successors are founded
 * by the rules of the decision's date.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "ReorganisationDecided" } as const;
 * const merger = ReorganisationDecided.decode({ type: "ReorganisationDecided", schemaVersion: 1, data: { reorganisationId: "r-1", effectiveDate: "2022-01-01", kind: "merger", sources: ["htx-2"], newCoops: [], absorbingCoopId: "htx-1" } });
 * if (E.isLeft(merger)) throw new Error("not an event");
 * checkReorganisation(ctx, given([]).state, merger.right) // Right([])
 * const again = checkReorganisation(ctx, given([merger.right]).state, merger.right); // on the stream of r-1, decided
 * E.isLeft(again) && again.left._tag // "ReorganisationAlreadyDecided"
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

/** The reorganisation effects recorded on a co-op's own stream (the decision has its own stream). */
export type ReorganisationEffect = EventOf<"CoopReorganisedAway" | "CoopSpunOff" | "CoopMergerReceived">;

/**
 * A reorganisation effect's own rules on the co-op's stream, after the common rules passed: a co-op
 * reorganised away cannot be back-dated before events already effective on its stream; a spin-off or a
 * merger received needs nothing more (the decision was checked on its own stream).
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "CoopReorganisedAway" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const away = CoopReorganisedAway.decode({ type: "CoopReorganisedAway", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2018-12-01", reorganisationId: "r-1", kind: "merger", successors: ["htx-9"] } });
 * if (state._tag !== "Coop" || E.isLeft(away)) throw new Error("not a co-op");
 * const r = checkReorganisationEffect(ctx, state, away.right);
 * E.isLeft(r) && r.left._tag // "BackdatedTermination" (before its own founding)
 */
export const checkReorganisationEffect = (
  ctx: RuleContext,
  c: CoopState,
  event: ReorganisationEffect,
): Check => {
  switch (event.type) {
    case "CoopReorganisedAway": {
      const d = event.data;
      return terminationNotBackdated(ctx, c, d.effectiveDate);
    }
    case "CoopSpunOff":
    case "CoopMergerReceived": {
      return ok;
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
