import * as E from "fp-ts/lib/Either.js";
import type { DomainEvent, EventOf } from "../events/domain-event.js";
import { remapProvince } from "../geography/provinces.js";
import { LAW_2012_EFFECTIVE, LAW_2023_EFFECTIVE, type LawRegime, lawName, regimeOn } from "../values/law.js";
import { addMonths, type BusinessDate, dateParts, endOfYear, monthsBetween } from "../values/time.js";
import { foundersArticle, minimumFounders, ocopStarsFor, ratingFor } from "./derivations.js";
import type { CoopStatus, EventRef } from "./domain-error.js";
import type { DomainWarning } from "./domain-warning.js";
import { checkLocation, checkProvinceRef } from "./location-rules.js";
import { all, type Check, fail, ok, type RuleContext } from "./rule-context.js";
import { type CoopState, effectiveEntries, type StreamState } from "./stream-state.js";

/** The events that live on a co-op stream (everything but alliance, fund, reorganisation decisions, retractions). */
export type CoopEvent = Exclude<
  DomainEvent,
  EventOf<
    | "ReorganisationDecided"
    | "AllianceActivityRecorded"
    | "FundEstablished"
    | "FundCapitalChanged"
    | "LoanApplicationReceived"
    | "EventRetracted"
  >
>;

const TERMINAL: ReadonlyArray<CoopStatus> = ["dissolved", "reorganisedAway", "converted"];
const REGIME_ORDER: Record<LawRegime, number> = { "2003": 0, "2012": 1, "2023": 2 };

/** What a suspended co-op may not do (it is not operating): borrow, join, certify, grow by merger. */
const FORBIDDEN_WHEN_SUSPENDED: ReadonlySet<CoopEvent["type"]> = new Set([
  "CoopSuspended",
  "LoanDisbursed",
  "CoopJoinedAlliance",
  "OcopCertified",
  "CoopMergerReceived",
  "CoopSpunOff",
  "ValueChainLinked",
]);
/** What a co-op in dissolution proceedings may not do: anything that starts something new. */
const FORBIDDEN_WHEN_DISSOLVING: ReadonlySet<CoopEvent["type"]> = new Set([
  ...FORBIDDEN_WHEN_SUSPENDED,
  "CoopResumed",
  "CoopConformedToLaw",
  "CoopConverted",
  "CoopReorganisedAway",
]);

/**
 * What may still be recorded on a terminated co-op's stream: facts effective on or before the
 * termination date that the ledger learnt late (a loan repaid, a report filed, a rating given before the
 * dissolution). Valid time decides: nothing effective after the termination is accepted, and nothing
 * that changes the co-op's status or existence (suspension, dissolution, reorganisation...) at all.
 */
const LATE_FACTS: ReadonlySet<CoopEvent["type"]> = new Set([
  "CoopJoinedAlliance",
  "CoopLeftAlliance",
  "CoopConformedToLaw",
  "LoanDisbursed",
  "LoanRepaid",
  "LoanRescheduled",
  "MembershipReported",
  "ManagerAppointed",
  "ManagerLeft",
  "AnnualReportFiled",
  "CoopAssessed",
  "OcopCertified",
  "OcopEnded",
  "HeadOfficeMoved",
  "ValueChainLinked",
  "ValueChainUnlinked",
]);

const TERMINATING: ReadonlySet<CoopEvent["type"]> = new Set([
  "CoopDissolved",
  "CoopReorganisedAway",
  "CoopConverted",
]);

const founding = (ctx: RuleContext, state: StreamState, e: EventOf<"CoopFounded">): Check => {
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
 */
export const checkFounders = (
  ctx: RuleContext,
  form: EventOf<"CoopFounded">["data"]["form"],
  members: number,
  effectiveDate: BusinessDate,
): Check => {
  const regime = regimeOn(effectiveDate);
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

/** Events already effective after `date` on the stream (retracted ones left out), for back-dating checks. */
const effectiveAfter = (c: CoopState, date: BusinessDate): ReadonlyArray<EventRef> =>
  effectiveEntries(c.history)
    .filter((x) => x.event.data.effectiveDate > date)
    .map((x) => ({
      ...(x.eventId === undefined ? {} : { eventId: x.eventId }),
      type: x.event.type,
      effectiveDate: x.event.data.effectiveDate,
    }));

const terminationNotBackdated = (ctx: RuleContext, c: CoopState, date: BusinessDate): Check => {
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

const loanOf = (ctx: RuleContext, c: CoopState, loanId: string) =>
  c.loans.get(loanId) ??
  fail(ctx, "UnknownLoan", { loanId }, `loan ${loanId} was never disbursed to co-op ${c.coopId}`);

const notBefore = (
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

const derived = (
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

/** The event-specific rules, after the common ones passed (a `switch`, exhaustive by `never`: hot path). */
const specific = (
  ctx: RuleContext,
  c: CoopState,
  event: Exclude<CoopEvent, EventOf<"CoopFounded">>,
): Check => {
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
    case "CoopReorganisedAway": {
      const d = event.data;
      return terminationNotBackdated(ctx, c, d.effectiveDate);
    }
    case "CoopSpunOff":
    case "CoopMergerReceived": {
      return ok;
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
    case "LoanDisbursed": {
      const d = event.data;
      return all(
        () =>
          c.loans.has(d.loanId)
            ? fail(ctx, "DuplicateLoan", { loanId: d.loanId }, `loan ${d.loanId} was already disbursed`)
            : ok,
        () =>
          d.principalVnd === 0
            ? fail(ctx, "ZeroAmount", { field: "principalVnd" }, "a loan needs a positive principal")
            : ok,
        () =>
          d.maturityDate <= d.effectiveDate
            ? fail(
                ctx,
                "InvalidMaturity",
                { loanId: d.loanId, maturityDate: d.maturityDate, after: d.effectiveDate },
                `maturity ${d.maturityDate} is not after disbursement ${d.effectiveDate}`,
              )
            : ok,
        () => {
          const warnings: DomainWarning[] = [];
          for (const cap of ctx.config.fundCaps) {
            if (cap.fundKind !== d.fundKind || d.principalVnd <= cap.maxPrincipalVnd) continue;
            const basis = cap.basis ?? "configured fund cap";
            if (d.effectiveDate >= cap.from) {
              return fail(
                ctx,
                "LoanExceedsFundCap",
                {
                  fundKind: d.fundKind,
                  principalVnd: d.principalVnd,
                  capVnd: cap.maxPrincipalVnd,
                  since: cap.from,
                },
                `${d.principalVnd} VND exceeds the ${d.fundKind} cap of ${cap.maxPrincipalVnd} VND per project in force since ${cap.from} (${basis})`,
              );
            }
            warnings.push({
              _tag: "LaterRuleNotApplied",
              action: ctx.action,
              rule: `${d.fundKind} cap ${cap.maxPrincipalVnd} VND per project (${basis})`,
              inForceFrom: cap.from,
              effectiveDate: d.effectiveDate,
              message: `${ctx.action}: ${d.principalVnd} VND exceeds the ${d.fundKind} cap of ${cap.maxPrincipalVnd} VND in force from ${cap.from}; accepted, as it was disbursed on ${d.effectiveDate}`,
            });
          }
          return E.right(warnings);
        },
      );
    }
    case "LoanRepaid": {
      const d = event.data;
      const loan = loanOf(ctx, c, d.loanId);
      if ("_tag" in loan) return loan;
      return all(
        () => notBefore(ctx, `disbursement of loan ${d.loanId}`, d.effectiveDate, loan.disbursedOn),
        () =>
          d.principalVnd === 0 && (d.interestVnd ?? 0) === 0
            ? fail(
                ctx,
                "ZeroAmount",
                { field: "principalVnd" },
                "a repayment must repay principal or interest",
              )
            : ok,
        () =>
          d.principalVnd > loan.outstandingVnd
            ? fail(
                ctx,
                "RepaymentExceedsOutstanding",
                { loanId: d.loanId, repaidVnd: d.principalVnd, outstandingVnd: loan.outstandingVnd },
                `repaying ${d.principalVnd} VND of loan ${d.loanId}, but only ${loan.outstandingVnd} VND is outstanding (principal repaid never exceeds outstanding)`,
              )
            : ok,
      );
    }
    case "LoanRescheduled": {
      const d = event.data;
      const loan = loanOf(ctx, c, d.loanId);
      if ("_tag" in loan) return loan;
      return all(
        () => notBefore(ctx, `disbursement of loan ${d.loanId}`, d.effectiveDate, loan.disbursedOn),
        () =>
          loan.outstandingVnd === 0
            ? fail(
                ctx,
                "LoanFullyRepaid",
                { loanId: d.loanId },
                `loan ${d.loanId} is fully repaid; nothing to reschedule`,
              )
            : ok,
        () =>
          d.newMaturityDate <= loan.disbursedOn
            ? fail(
                ctx,
                "InvalidMaturity",
                { loanId: d.loanId, maturityDate: d.newMaturityDate, after: loan.disbursedOn },
                `new maturity ${d.newMaturityDate} is not after disbursement ${loan.disbursedOn}`,
              )
            : ok,
      );
    }
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
                `co-op ${c.coopId} (since ${c.existsSince}) is ${age} months old at the end of ${d.year}; co-ops under ${min} months are not rated (Circular 01/2020/TT-BKHĐT; 09/2017/TT-BNNPTNT [verify])`,
              )
            : ok;
        },
        () => derived(ctx, "rating", d.rating, ratingFor(ctx.config, { ...d, sector: c.sector })),
      );
    }
    case "OcopCertified": {
      const d = event.data;
      const stars = ocopStarsFor(ctx.config, d.score);
      if (stars === undefined) {
        return fail(
          ctx,
          "OcopScoreTooLow",
          { score: d.score, minimum: ctx.config.ocopStarBands.three },
          `an OCOP score of ${d.score} is below ${ctx.config.ocopStarBands.three} points: no star rating, no certificate (Decision 148/QĐ-TTg [verify])`,
        );
      }
      return all(
        () => derived(ctx, "stars", d.stars, stars),
        () =>
          derived(ctx, "validUntil", d.validUntil, addMonths(d.effectiveDate, ctx.config.ocopValidityMonths)),
      );
    }
    case "OcopEnded": {
      const d = event.data;
      const cert = c.ocop.get(d.productId);
      return cert === undefined || cert.ended
        ? fail(
            ctx,
            "UnknownOcopProduct",
            { productId: d.productId },
            `product ${d.productId} holds no current OCOP certificate`,
          )
        : notBefore(ctx, `OCOP certification of ${d.productId}`, d.effectiveDate, cert.certifiedOn);
    }
    case "HeadOfficeMoved": {
      const d = event.data;
      return checkLocation(ctx, "location", d.location, d.effectiveDate);
    }
    case "ValueChainLinked": {
      const d = event.data;
      return c.linkages.has(d.linkageId)
        ? fail(
            ctx,
            "DuplicateLinkage",
            { linkageId: d.linkageId },
            `linkage ${d.linkageId} was already recorded`,
          )
        : ok;
    }
    case "ValueChainUnlinked": {
      const d = event.data;
      const l = c.linkages.get(d.linkageId);
      return l === undefined || !l.active
        ? fail(ctx, "UnknownLinkage", { linkageId: d.linkageId }, `linkage ${d.linkageId} is not active`)
        : notBefore(ctx, `linkage ${d.linkageId}`, d.effectiveDate, l.since);
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};

const fiscalYear = (ctx: RuleContext, c: CoopState, year: number, effectiveDate: BusinessDate): Check => {
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

/**
 * Checks an event that lives on a co-op stream against the stream's state: the common rules (the
 * stream holds this co-op; not terminated; effective date not before founding; status allows it), then
 * the event's own.
 */
export const checkCoopEvent = (ctx: RuleContext, state: StreamState, event: CoopEvent): Check => {
  if (event.type === "CoopFounded") return founding(ctx, state, event);
  const d = event.data;
  if (state._tag === "Empty") {
    return fail(
      ctx,
      "CoopNotFound",
      { coopId: d.coopId },
      `co-op ${d.coopId} has not been founded (its stream is empty)`,
    );
  }
  if (state._tag !== "Coop") {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: "a co-op stream", actual: state._tag },
      `a co-op event cannot go on a ${state._tag} stream`,
    );
  }
  if (state.coopId !== d.coopId) {
    return fail(
      ctx,
      "StreamMismatch",
      { expected: `co-op ${d.coopId}`, actual: `co-op ${state.coopId}` },
      `the event names co-op ${d.coopId}, but the stream holds ${state.coopId}`,
    );
  }
  if (
    TERMINAL.includes(state.status) &&
    (!LATE_FACTS.has(event.type) || d.effectiveDate > state.statusSince)
  ) {
    return fail(
      ctx,
      "CoopTerminated",
      { coopId: state.coopId, status: state.status, since: state.statusSince },
      `co-op ${state.coopId} is ${state.status} since ${state.statusSince}; nothing may follow${LATE_FACTS.has(event.type) ? ` (this ${event.type} is effective ${d.effectiveDate}, after that)` : ""} (Law 23/2012/QH13 art. 54; Law 17/2023/QH15 art. 97)`,
    );
  }
  if (d.effectiveDate < state.foundedOn) {
    return fail(
      ctx,
      "EffectiveDateBeforeFounding",
      { effectiveDate: d.effectiveDate, foundedOn: state.foundedOn },
      `effective ${d.effectiveDate}, before co-op ${state.coopId} was founded (${state.foundedOn})`,
    );
  }
  const forbidden =
    state.status === "suspended"
      ? FORBIDDEN_WHEN_SUSPENDED
      : state.status === "dissolving"
        ? FORBIDDEN_WHEN_DISSOLVING
        : undefined;
  if (forbidden?.has(event.type)) {
    if (event.type === "DissolutionStarted") {
      return fail(
        ctx,
        "DissolutionAlreadyStarted",
        { coopId: state.coopId, since: state.statusSince },
        `dissolution of ${state.coopId} already started on ${state.statusSince}`,
      );
    }
    return fail(
      ctx,
      "StatusForbids",
      { coopId: state.coopId, status: state.status },
      `co-op ${state.coopId} is ${state.status} since ${state.statusSince}; ${event.type} is not allowed`,
    );
  }
  if (event.type === "DissolutionStarted" && state.status === "dissolving") {
    return fail(
      ctx,
      "DissolutionAlreadyStarted",
      { coopId: state.coopId, since: state.statusSince },
      `dissolution of ${state.coopId} already started on ${state.statusSince}`,
    );
  }
  return specific(ctx, state, event);
};

/**
 * The event types that may still be recorded on a terminated co-op's stream, when effective on or before
 * the termination date (late-recorded facts).
 * @example LATE_FACT_TYPES.includes("LoanRepaid") // true
 */
export const LATE_FACT_TYPES: ReadonlyArray<string> = [...LATE_FACTS];

/** Whether a status ends the co-op (dissolved, reorganised away, converted). @example isTerminal("dissolved") // true */
export const isTerminal = (status: CoopStatus): boolean => TERMINAL.includes(status);

/** Whether an event type ends a co-op. @example isTerminating("CoopDissolved") // true */
export const isTerminating = (type: string): boolean => TERMINATING.has(type as CoopEvent["type"]);
