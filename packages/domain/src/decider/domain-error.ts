import type { CommandType } from "../commands/command.js";
import type { EventType } from "../events/domain-event.js";
import type { CoopForm, Sector } from "../values/classification.js";
import type { LawRegime } from "../values/law.js";
import type { GazetteerVersion } from "../values/location.js";
import type { BusinessDate } from "../values/time.js";

/** An event on a stream named in an error: its id when known, type and effective date. */
export interface EventRef {
  readonly eventId?: string;
  readonly type: EventType;
  readonly effectiveDate: BusinessDate;
}

/**
 * What a command (or an event checked by `validateEvent` (ledger-decider.ts)) is judged by: the command type, or the
 * event type when an event is validated directly (imports, reorganisation effects).
 */
export type Action = CommandType | EventType;

/** The status of a co-op (see `CoopState`). */
export type CoopStatus =
  | "active"
  | "suspended"
  | "dissolving"
  | "dissolved"
  | "reorganisedAway"
  | "converted";

/**
 * Why the decider refused a command: a tagged union, matched exhaustively (see `errorRule` (error-rule.ts)). Every
 * error carries `action` (the command or event judged) and a `message` naming the rule and, where it
 * comes from the law, the article.
 *
 * @example
 * import { decide, type DomainError, initialState, makeCommand } from "@coop-ledger/domain";
 * import { match } from "ts-pattern";
 * const tooFew = makeCommand("FoundCoop", {
 *   coopId: "htx-1",
 *   effectiveDate: "2019-03-01",
 *   name: "HTX Thanh Long",
 *   form: "cooperative",
 *   sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60" },
 *   foundingMembers: 3,
 * });
 * if (tooFew._tag === "Left") throw new Error(tooFew.left.message);
 * const r = decide(tooFew.right, initialState);
 * const required = (e: DomainError): number =>
 *   match(e)
 *     .with({ _tag: "BelowMinimumFounders" }, (x) => x.required)
 *     .otherwise(() => 0);
 * if (r._tag === "Left") console.log(r.left._tag, required(r.left)); // "BelowMinimumFounders" 7
 */
export type DomainError =
  | Tagged<"StreamMismatch", { expected: string; actual: string }>
  | Tagged<"CoopAlreadyExists", { coopId: string }>
  | Tagged<"CoopNotFound", { coopId: string }>
  | Tagged<"CoopTerminated", { coopId: string; status: CoopStatus; since: BusinessDate }>
  | Tagged<"StatusForbids", { coopId: string; status: CoopStatus }>
  | Tagged<"NotSuspended", { coopId: string; status: CoopStatus }>
  | Tagged<"BelowMinimumFounders", { form: CoopForm; regime: LawRegime; required: number; actual: number }>
  | Tagged<"EffectiveDateBeforeFounding", { effectiveDate: BusinessDate; foundedOn: BusinessDate }>
  | Tagged<"EffectiveDateBeforeStart", { what: string; effectiveDate: BusinessDate; startDate: BusinessDate }>
  | Tagged<"BackdatedTermination", { effectiveDate: BusinessDate; laterEvents: ReadonlyArray<EventRef> }>
  | Tagged<
      "WrongGazetteer",
      { field: string; gazetteer: GazetteerVersion; expected: GazetteerVersion; effectiveDate: BusinessDate }
    >
  | Tagged<"UnknownProvince", { field: string; gazetteer: GazetteerVersion; provinceCode: string }>
  | Tagged<"UnknownDistrict", { field: string; provinceCode: string; districtCode: string }>
  | Tagged<
      "UnknownCommune",
      { field: string; gazetteer: GazetteerVersion; provinceCode: string; communeCode: string }
    >
  | Tagged<"AllianceProvinceMismatch", { coopProvinces: ReadonlyArray<string>; allianceProvinceCode: string }>
  | Tagged<"AlreadyAllianceMember", { provinceCode: string; since: BusinessDate }>
  | Tagged<"NotAllianceMember", { coopId: string }>
  | Tagged<"LawNotInForce", { law: LawRegime; effectiveDate: BusinessDate; inForceFrom: BusinessDate }>
  | Tagged<"AlreadyUnderLaw", { law: LawRegime; current: LawRegime }>
  | Tagged<"SameForm", { form: CoopForm }>
  | Tagged<"InvalidReorganisation", { kind: string; problem: string }>
  | Tagged<"ReorganisationAlreadyDecided", { reorganisationId: string }>
  | Tagged<"DuplicateLoan", { loanId: string }>
  | Tagged<"UnknownLoan", { loanId: string }>
  | Tagged<"RepaymentExceedsOutstanding", { loanId: string; repaidVnd: number; outstandingVnd: number }>
  | Tagged<"LoanFullyRepaid", { loanId: string }>
  | Tagged<
      "LoanExceedsFundCap",
      { fundKind: string; principalVnd: number; capVnd: number; since: BusinessDate }
    >
  | Tagged<"InvalidMaturity", { loanId: string; maturityDate: BusinessDate; after: BusinessDate }>
  | Tagged<"ZeroAmount", { field: string }>
  | Tagged<
      "TooYoungToRate",
      { year: number; foundedOn: BusinessDate; ageMonths: number; minimumMonths: number }
    >
  | Tagged<"StoppedTooLongToRate", { year: number; scheme: string; daysStopped: number; maximumDays: number }>
  | Tagged<"SchemeNotApplicable", { scheme: string; sector: Sector }>
  | Tagged<"InvalidFiscalYear", { year: number; problem: string }>
  | Tagged<"InconsistentDerivedField", { field: string; given: string; expected: string }>
  | Tagged<"OcopScoreTooLow", { score: number; minimum: number }>
  | Tagged<"UnknownOcopProduct", { productId: string }>
  | Tagged<"DuplicateLinkage", { linkageId: string }>
  | Tagged<"UnknownLinkage", { linkageId: string }>
  | Tagged<"DuplicateManager", { managerId: string }>
  | Tagged<"UnknownManager", { managerId: string }>
  | Tagged<"MissingDissolutionGround", { coopId: string }>
  | Tagged<"DissolutionAlreadyStarted", { coopId: string; since: BusinessDate }>
  | Tagged<"UnknownEventToRetract", { eventId: string; streamId: string }>
  | Tagged<"AlreadyRetracted", { eventId: string }>
  | Tagged<"CannotRetractRetraction", { eventId: string }>
  | Tagged<"FundAlreadyEstablished", { fundId: string }>
  | Tagged<"FundNotFound", { fundId: string }>
  | Tagged<"DuplicateApplication", { applicationId: string }>
  | Tagged<"IncompleteLocation", { field: string; problem: string }>;

type Tagged<T extends string, F> = { readonly _tag: T; readonly action: Action; readonly message: string } & {
  readonly [K in keyof F]: F[K];
};

/** The tag of a domain error. @example const t: DomainErrorTag = "UnknownLoan"; */
export type DomainErrorTag = DomainError["_tag"];

/** The error with a given tag. @example type E = DomainErrorOf<"UnknownLoan">; */
export type DomainErrorOf<T extends DomainErrorTag> = Extract<DomainError, { _tag: T }>;
