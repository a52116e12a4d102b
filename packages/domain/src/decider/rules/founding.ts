import * as E from "fp-ts/lib/Either.js";
import type { EventOf } from "../../events/domain-event.js";
import { LAW_2012_EFFECTIVE, LAW_2023_EFFECTIVE, lawName, regimeOn } from "../../values/law.js";
import type { BusinessDate } from "../../values/time.js";
import { foundersArticle, groupFoundersRule, minimumFounders } from "../derivations.js";
import type { DomainWarning } from "../domain-warning.js";
import { checkLocation } from "../location-rules.js";
import { all, type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { StreamState } from "../stream-state.js";
import { REGIME_ORDER } from "./shared-checks.js";

/**
 * A founding's rules: on an empty co-op stream, at a valid location, by the law in force on its date
 * (a pre-existing co-op under a law already in force; a conversion changes the form; enough founders).
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "CoopFounded" } as const;
 * const founded = CoopFounded.decode({ type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } });
 * E.isRight(founded) && checkFounding(ctx, initialState, founded.right)._tag // "Right"
 */
export const checkFounding = (ctx: RuleContext, state: StreamState, e: EventOf<"CoopFounded">): Check => {
  const d = e.data;
  if (state._tag === "Coop") {
    return fail(
      ctx,
      "CoopAlreadyExists",
      { coopId: d.coopId },
      `co-op ${d.coopId} already exists on this stream (founded ${state.foundedOn})`,
    );
  }
  if (state._tag !== "Empty") {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: "an empty co-op stream", actual: state._tag },
      `a founding needs an empty co-op stream, not a ${state._tag} stream`,
    );
  }
  return all(
    () => checkLocation(ctx, "location", d.location, d.effectiveDate),
    () => {
      const o = d.origin;
      if (o.kind === "preExisting") {
        const inForce = regimeOn(d.effectiveDate);
        if (REGIME_ORDER[o.lawRegime] > REGIME_ORDER[inForce]) {
          return fail(
            ctx,
            "LawNotInForce",
            {
              law: o.lawRegime,
              effectiveDate: d.effectiveDate,
              inForceFrom: o.lawRegime === "2012" ? LAW_2012_EFFECTIVE : LAW_2023_EFFECTIVE,
            },
            `a co-op cannot operate under ${lawName(o.lawRegime)} on ${d.effectiveDate}: that law was not yet in force`,
          );
        }
        if (o.originallyFoundedOn !== undefined && o.originallyFoundedOn > d.effectiveDate) {
          return fail(
            ctx,
            "EffectiveDateBeforeStart",
            {
              what: "original founding (originallyFoundedOn)",
              effectiveDate: d.effectiveDate,
              startDate: o.originallyFoundedOn,
            },
            `registered as existing on ${d.effectiveDate}, before its original founding on ${o.originallyFoundedOn}`,
          );
        }
        return ok; // a pre-existing co-op's founders were judged when it was founded
      }
      if (o.kind === "conversion" && o.fromForm === d.form) {
        return fail(
          ctx,
          "SameForm",
          { form: d.form },
          `a conversion must change the form, but ${o.fromCoopId} is already a ${d.form}`,
        );
      }
      return checkFounders(ctx, d.form, d.foundingMembers, d.effectiveDate);
    },
  );
};

/**
 * Minimum founders by the law in force on the effective date; a 2003-era founding below the 2012 minimum
 * is accepted with a warning (the rule came later).
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "FoundCoop" } as const;
 * const r = checkFounders(ctx, "cooperative", 3, "2019-03-01" as BusinessDate);
 * E.isLeft(r) && r.left._tag // "BelowMinimumFounders" (7 under Law 23/2012/QH13)
 */
export const checkFounders = (
  ctx: RuleContext,
  form: EventOf<"CoopFounded">["data"]["form"],
  members: number,
  effectiveDate: BusinessDate,
): Check => {
  const regime = regimeOn(effectiveDate);
  // A cooperative group's minimum came from the Civil Code and its decree until the co-op laws took it over.
  const civil = form === "group" ? groupFoundersRule(ctx.config, effectiveDate) : undefined;
  if (civil !== undefined) {
    return members < civil.minimum
      ? fail(
          ctx,
          "BelowMinimumFounders",
          { form, regime, required: civil.minimum, actual: members },
          `a group founded on ${effectiveDate} needs at least ${civil.minimum} members (${civil.basis ?? "groupFounders rule"}); it has ${members}`,
        )
      : ok;
  }
  const required = minimumFounders(ctx.config, regime, form);
  if (members < required) {
    return fail(
      ctx,
      "BelowMinimumFounders",
      { form, regime, required, actual: members },
      `a ${form} founded on ${effectiveDate} needs at least ${required} founding ${form === "union" ? "member co-ops" : "official members"} under ${lawName(regime)} (${foundersArticle(regime, form)}); it has ${members}`,
    );
  }
  const later = minimumFounders(ctx.config, "2012", form);
  if (regime === "2003" && members < later) {
    const w: DomainWarning = {
      _tag: "LaterRuleNotApplied",
      action: ctx.action,
      rule: `minimum ${later} founders for a ${form} (${foundersArticle("2012", form)})`,
      inForceFrom: LAW_2012_EFFECTIVE,
      effectiveDate,
      message: `${ctx.action}: ${members} founders is below the later minimum of ${later} (${foundersArticle("2012", form)}, from ${LAW_2012_EFFECTIVE}); accepted, as ${lawName("2003")} was in force on ${effectiveDate}`,
    };
    return E.right([w]);
  }
  return ok;
};
