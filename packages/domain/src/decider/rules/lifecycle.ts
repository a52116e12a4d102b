import * as E from "fp-ts/lib/Either.js";
import type { EventOf } from "../../events/domain-event.js";
import { remapProvince } from "../../geography/provinces.js";
import { LAW_2012_EFFECTIVE, LAW_2023_EFFECTIVE, lawName } from "../../values/law.js";
import type { DomainWarning } from "../domain-warning.js";
import { checkLocation, checkProvinceRef } from "../location-rules.js";
import { all, type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { CoopState } from "../stream-state.js";
import { REGIME_ORDER, terminationNotBackdated } from "./shared-checks.js";

/** The lifecycle events on a co-op stream (as in `events/lifecycle.ts`). */
export type LifecycleEvent = EventOf<
  | "CoopJoinedAlliance"
  | "CoopLeftAlliance"
  | "CoopConformedToLaw"
  | "CoopConverted"
  | "CoopSuspended"
  | "CoopResumed"
  | "DissolutionStarted"
  | "CoopDissolved"
  | "HeadOfficeMoved"
>;

/**
 * A lifecycle event's own rules, after the common co-op stream rules passed: alliance membership of the
 * co-op's own province, conformance to a later law, conversion, suspension, dissolution, head-office moves.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "CoopResumed" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const resumed = CoopResumed.decode({ type: "CoopResumed", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-06-01" } });
 * const r = state._tag === "Coop" && E.isRight(resumed) ? checkLifecycleEvent(ctx, state, resumed.right) : undefined;
 * r !== undefined && E.isLeft(r) && r.left._tag // "NotSuspended"
 */
export const checkLifecycleEvent = (ctx: RuleContext, c: CoopState, event: LifecycleEvent): Check => {
  switch (event.type) {
    case "CoopJoinedAlliance": {
      const d = event.data;
      return all(
        () =>
          checkProvinceRef(
            ctx,
            "allianceProvinceCode",
            d.allianceGazetteer,
            d.allianceProvinceCode,
            d.effectiveDate,
          ),
        () =>
          c.alliance !== undefined
            ? fail(
                ctx,
                "AlreadyAllianceMember",
                { provinceCode: c.alliance.provinceCode, since: c.alliance.since },
                `co-op ${c.coopId} is already a member of alliance ${c.alliance.provinceCode} since ${c.alliance.since}`,
              )
            : ok,
        () => {
          const own = remapProvince(c.location.provinceCode, c.location.gazetteer, d.allianceGazetteer);
          return own.includes(d.allianceProvinceCode)
            ? ok
            : fail(
                ctx,
                "AllianceProvinceMismatch",
                { coopProvinces: own, allianceProvinceCode: d.allianceProvinceCode },
                `a co-op joins the alliance of its own province: head office in ${c.location.provinceCode} (${c.location.gazetteer}) is province ${own.join("/") || "?"} in ${d.allianceGazetteer}, not ${d.allianceProvinceCode}`,
              );
        },
      );
    }
    case "CoopLeftAlliance": {
      return c.alliance === undefined
        ? fail(ctx, "NotAllianceMember", { coopId: c.coopId }, `co-op ${c.coopId} is not an alliance member`)
        : ok;
    }
    case "CoopConformedToLaw": {
      const d = event.data;
      const inForceFrom = d.law === "2012" ? LAW_2012_EFFECTIVE : LAW_2023_EFFECTIVE;
      if (d.effectiveDate < inForceFrom) {
        return fail(
          ctx,
          "LawNotInForce",
          { law: d.law, effectiveDate: d.effectiveDate, inForceFrom },
          `cannot conform on ${d.effectiveDate} to ${lawName(d.law)}, in force from ${inForceFrom}`,
        );
      }
      if (REGIME_ORDER[c.lawRegime] >= REGIME_ORDER[d.law]) {
        return fail(
          ctx,
          "AlreadyUnderLaw",
          { law: d.law, current: c.lawRegime },
          `co-op ${c.coopId} already operates under ${lawName(c.lawRegime)}`,
        );
      }
      const deadline = ctx.config.conformanceDeadlines[d.law];
      if (d.effectiveDate > deadline) {
        const w: DomainWarning = {
          _tag: "LateConformance",
          action: ctx.action,
          law: d.law,
          deadline,
          effectiveDate: d.effectiveDate,
          message: `${ctx.action}: conformed to ${lawName(d.law)} on ${d.effectiveDate}, after the deadline ${deadline} (${d.law === "2012" ? "Law 23/2012/QH13 art. 62 [verify]" : "Law 17/2023/QH15 art. 115"}); accepted`,
        };
        return E.right([w]);
      }
      return ok;
    }
    case "CoopConverted": {
      const d = event.data;
      return all(
        () =>
          d.toForm === c.form
            ? fail(ctx, "SameForm", { form: d.toForm }, `co-op ${c.coopId} is already a ${c.form}`)
            : ok,
        () => terminationNotBackdated(ctx, c, d.effectiveDate),
      );
    }
    case "CoopSuspended": {
      const d = event.data;
      return d.until !== undefined && d.until <= d.effectiveDate
        ? fail(
            ctx,
            "EffectiveDateBeforeStart",
            { what: "suspension", effectiveDate: d.until, startDate: d.effectiveDate },
            `suspension until ${d.until} ends before it starts (${d.effectiveDate})`,
          )
        : ok;
    }
    case "CoopResumed": {
      return c.status !== "suspended"
        ? fail(
            ctx,
            "NotSuspended",
            { coopId: c.coopId, status: c.status },
            `co-op ${c.coopId} is ${c.status}, not suspended`,
          )
        : ok;
    }
    case "DissolutionStarted": {
      const d = event.data;
      return d.mode === "compulsory" && d.ground === undefined
        ? fail(
            ctx,
            "MissingDissolutionGround",
            { coopId: c.coopId },
            "a compulsory dissolution must name its ground (Law 23/2012/QH13 art. 54(2); Law 17/2023/QH15 art. 97)",
          )
        : ok;
    }
    case "CoopDissolved": {
      const d = event.data;
      return all(
        () =>
          d.mode === "compulsory" && d.ground === undefined
            ? fail(
                ctx,
                "MissingDissolutionGround",
                { coopId: c.coopId },
                "a compulsory dissolution must name its ground (Law 23/2012/QH13 art. 54(2); Law 17/2023/QH15 art. 97)",
              )
            : ok,
        () => terminationNotBackdated(ctx, c, d.effectiveDate),
      );
    }
    case "HeadOfficeMoved": {
      const d = event.data;
      return checkLocation(ctx, "location", d.location, d.effectiveDate);
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
