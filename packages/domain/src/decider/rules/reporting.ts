import type { EventOf } from "../../events/domain-event.js";
import { endOfYear, monthsBetween } from "../../values/time.js";
import { ratingFor } from "../derivations.js";
import { all, type Check, fail, ok, type RuleContext } from "../rule-context.js";
import type { CoopState } from "../stream-state.js";
import { daysStoppedIn } from "../suspensions.js";
import { derived, fiscalYear, notBefore } from "./shared-checks.js";

/** The reporting events on a co-op stream (as in `events/reporting.ts`). */
export type ReportingEvent = EventOf<
  "MembershipReported" | "ManagerAppointed" | "ManagerLeft" | "AnnualReportFiled" | "CoopAssessed"
>;

/**
 * A reporting event's own rules, after the common co-op stream rules passed: managers appointed once and
 * leaving after their appointment, fiscal years within the co-op's life, assessments by the scheme that
 * applies to the sector, of co-ops old enough and not stopped too long in the year, with the rating the
 * rules give.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "MembershipReported" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const reported = MembershipReported.decode({ type: "MembershipReported", schemaVersion: 1, data: { coopId: "htx-1", effectiveDate: "2021-12-31", officialMembers: 42 } });
 * state._tag === "Coop" && E.isRight(reported) && checkReportingEvent(ctx, state, reported.right)._tag // "Right"
 */
export const checkReportingEvent = (ctx: RuleContext, c: CoopState, event: ReportingEvent): Check => {
  switch (event.type) {
    case "MembershipReported": {
      return ok;
    }
    case "ManagerAppointed": {
      const d = event.data;
      return all(
        () =>
          c.managers.has(d.managerId)
            ? fail(
                ctx,
                "DuplicateManager",
                { managerId: d.managerId },
                `manager ${d.managerId} is already in office`,
              )
            : ok,
        () =>
          d.birthDate >= d.effectiveDate
            ? fail(
                ctx,
                "EffectiveDateBeforeStart",
                { what: "manager's birth", effectiveDate: d.effectiveDate, startDate: d.birthDate },
                `appointed on ${d.effectiveDate}, not after the birth date ${d.birthDate}`,
              )
            : ok,
      );
    }
    case "ManagerLeft": {
      const d = event.data;
      const m = c.managers.get(d.managerId);
      if (m === undefined)
        return fail(
          ctx,
          "UnknownManager",
          { managerId: d.managerId },
          `manager ${d.managerId} is not in office`,
        );
      return notBefore(ctx, `appointment of manager ${d.managerId}`, d.effectiveDate, m.since);
    }
    case "AnnualReportFiled": {
      const d = event.data;
      return fiscalYear(ctx, c, d.fiscalYear, d.effectiveDate);
    }
    case "CoopAssessed": {
      const d = event.data;
      return all(
        () =>
          d.scheme === "circular-09-2017-TT-BNNPTNT" && c.sector !== "agriculture"
            ? fail(
                ctx,
                "SchemeNotApplicable",
                { scheme: d.scheme, sector: c.sector },
                `Circular 09/2017/TT-BNNPTNT rates agricultural co-ops; co-op ${c.coopId} is in ${c.sector}`,
              )
            : ok,
        () => fiscalYear(ctx, c, d.year, d.effectiveDate),
        () => {
          const age = monthsBetween(c.existsSince, endOfYear(d.year));
          const min = ctx.config.minimumAgeToRateMonths;
          return age < min
            ? fail(
                ctx,
                "TooYoungToRate",
                { year: d.year, foundedOn: c.existsSince, ageMonths: age, minimumMonths: min },
                `co-op ${c.coopId} (since ${c.existsSince}) is ${age} months old at the end of ${d.year}; co-ops under ${min} months are not rated (Circular 01/2020/TT-BKHĐT art. 8(3); 09/2017/TT-BNNPTNT)`,
              )
            : ok;
        },
        () => {
          // The scheme's rule in force at the end of the rated year decides (a rating is about that year).
          const rule = (ctx.config.notRatedWhenStopped ?? []).find(
            (r) => r.scheme === d.scheme && r.from <= endOfYear(d.year),
          );
          if (rule === undefined) return ok;
          const days = daysStoppedIn(c.suspensions, d.year);
          return days > rule.maximumDays
            ? fail(
                ctx,
                "StoppedTooLongToRate",
                { year: d.year, scheme: d.scheme, daysStopped: days, maximumDays: rule.maximumDays },
                `co-op ${c.coopId} was suspended on ${days} days of ${d.year}; a co-op that stopped operating for more than ${rule.maximumDays} days (three months) in the year is not rated (${rule.basis ?? d.scheme})`,
              )
            : ok;
        },
        () => derived(ctx, "rating", d.rating, ratingFor(ctx.config, { ...d, sector: c.sector })),
      );
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
