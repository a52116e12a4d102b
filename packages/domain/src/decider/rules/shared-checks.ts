import type { LawRegime } from "../../values/law.js";
import { type BusinessDate, dateParts } from "../../values/time.js";
import type { EventRef } from "../domain-error.js";
import { type Check, fail, ok, type RuleContext } from "../rule-context.js";
import { type CoopState, effectiveEntries } from "../stream-state.js";

/**
 * The laws in the order they came into force, to compare a co-op's regime with another.
 * @example
 * REGIME_ORDER["2012"] < REGIME_ORDER["2023"] // true
 */
export const REGIME_ORDER: Record<LawRegime, number> = { "2003": 0, "2012": 1, "2023": 2 };

/** Events already effective after `date` on the stream (retracted ones left out), for back-dating checks. */
const effectiveAfter = (c: CoopState, date: BusinessDate): ReadonlyArray<EventRef> =>
  effectiveEntries(c.history)
    .filter((x) => x.event.data.effectiveDate > date)
    .map((x) => ({
      ...(x.eventId === undefined ? {} : { eventId: x.eventId }),
      type: x.event.type,
      effectiveDate: x.event.data.effectiveDate,
    }));

/**
 * A termination may not be back-dated before events already effective later on the stream.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "CoopDissolved" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * state._tag === "Coop" && terminationNotBackdated(ctx, state, "2020-01-01" as BusinessDate)._tag // "Right": nothing later on the stream
 */
export const terminationNotBackdated = (ctx: RuleContext, c: CoopState, date: BusinessDate): Check => {
  const later = effectiveAfter(c, date);
  if (later.length === 0) return ok;
  const named = later
    .slice(0, 5)
    .map((r) => `${r.type} effective ${r.effectiveDate}${r.eventId === undefined ? "" : ` (${r.eventId})`}`)
    .join(", ");
  return fail(
    ctx,
    "BackdatedTermination",
    { effectiveDate: date, laterEvents: later },
    `a termination effective ${date} would precede ${later.length} event(s) already effective later on this stream: ${named}${later.length > 5 ? ", ..." : ""}; retract them first (nothing may follow a dissolution or reorganisation: Law 23/2012/QH13 art. 54; Law 17/2023/QH15 art. 97)`,
  );
};

/**
 * An event about something (a loan, a manager, a certificate...) may not take effect before it began.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "RepayLoan" } as const;
 * const r = notBefore(ctx, "loan", "2021-01-01" as BusinessDate, "2021-06-01" as BusinessDate);
 * E.isLeft(r) && r.left._tag // "EffectiveDateBeforeStart"
 */
export const notBefore = (
  ctx: RuleContext,
  what: string,
  effectiveDate: BusinessDate,
  startDate: BusinessDate,
): Check =>
  effectiveDate < startDate
    ? fail(
        ctx,
        "EffectiveDateBeforeStart",
        { what, effectiveDate, startDate },
        `effective ${effectiveDate}, before the ${what} on ${startDate}`,
      )
    : ok;

/**
 * A field the rules derive (a rating, stars, a validity date) must be what the rules give.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "OcopCertified" } as const;
 * E.isRight(derived(ctx, "stars", 4, 4)) // true
 * E.isLeft(derived(ctx, "stars", 5, 4)) // true (InconsistentDerivedField)
 */
export const derived = (
  ctx: RuleContext,
  field: string,
  given: string | number,
  expected: string | number,
): Check =>
  given === expected
    ? ok
    : fail(
        ctx,
        "InconsistentDerivedField",
        { field, given: String(given), expected: String(expected) },
        `${field} is ${given}, but the rules give ${expected}`,
      );

/**
 * A fiscal year is not after the effective date nor before the co-op existed.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "AnnualReportFiled" } as const;
 * const founded = { type: "CoopFounded", schemaVersion: 2, data: { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7, origin: { kind: "new" } } } as unknown as DomainEvent;
 * const state = given([founded]).state; // an active co-op, founded 2019-03-01
 * const r = state._tag === "Coop" ? fiscalYear(ctx, state, 2018, "2019-04-01" as BusinessDate) : undefined;
 * r !== undefined && E.isLeft(r) && r.left._tag // "InvalidFiscalYear" (before the co-op existed)
 */
export const fiscalYear = (
  ctx: RuleContext,
  c: CoopState,
  year: number,
  effectiveDate: BusinessDate,
): Check => {
  if (year > dateParts(effectiveDate).year) {
    return fail(
      ctx,
      "InvalidFiscalYear",
      { year, problem: "after the effective date" },
      `year ${year} is after the effective date ${effectiveDate}`,
    );
  }
  if (year < dateParts(c.existsSince).year) {
    return fail(
      ctx,
      "InvalidFiscalYear",
      { year, problem: "before the co-op existed" },
      `year ${year} is before co-op ${c.coopId} existed (${c.existsSince})`,
    );
  }
  return ok;
};
