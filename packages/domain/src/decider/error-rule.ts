import type { DomainError, DomainErrorTag } from "./domain-error.js";

const LOANS =
  "loan bookkeeping: a loan is disbursed once, with a positive principal and a maturity after disbursement";
const RETRACTION = "a retraction names a live event on its own stream";
const FUND = "fund bookkeeping: established once; capital and applications after establishment";

/**
 * The rule (and legal basis, where the law sets it) behind each domain error tag. A record over every
 * tag, so a new error cannot be added without its rule; docs/events.md lists it.
 *
 * @example ERROR_RULES.RepaymentExceedsOutstanding // "principal repaid never exceeds outstanding"
 */
export const ERROR_RULES: { readonly [K in DomainErrorTag]: string } = {
  StreamMismatch: "a command goes to the stream of its own co-op, alliance, fund or decision",
  CoopAlreadyExists: "a co-op is founded once",
  CoopNotFound: "a co-op must be founded before anything else is recorded on its stream",
  CoopTerminated:
    "dissolution, reorganisation-away and conversion are terminal: nothing follows (Law 23/2012/QH13 art. 54; Law 17/2023/QH15 art. 97)",
  StatusForbids:
    "a suspended co-op, or one in dissolution, starts nothing new (no loan, alliance, OCOP, merger)",
  NotSuspended: "only a suspended co-op resumes",
  BelowMinimumFounders:
    "minimum founders by the law in force (Law 23/2012/QH13 art. 3: co-op 7, union 4; Law 17/2023/QH15 art. 4: co-op 5, union 3; group 2)",
  EffectiveDateBeforeFounding: "no event is effective before the co-op's founding",
  EffectiveDateBeforeStart:
    "no event is effective before what it refers to began (loan, appointment, fund, certificate)",
  BackdatedTermination:
    "a back-dated termination may not precede events already effective later on the stream",
  WrongGazetteer:
    "a location uses the gazetteer in force on its effective date (2025-07-01: Resolution 202/2025/QH15)",
  UnknownProvince: "a province code exists in its gazetteer version",
  UnknownDistrict: "a district belongs to its province (checked when the district list is supplied)",
  UnknownCommune:
    "a commune belongs to its province and district (checked when the commune lists are supplied)",
  AllianceProvinceMismatch: "a co-op joins the Cooperative Alliance of its own province",
  AlreadyAllianceMember: "alliance membership is joined once",
  NotAllianceMember: "only a member leaves the alliance",
  LawNotInForce:
    "a law applies from its effective date (Law 23/2012/QH13: 2013-07-01; Law 17/2023/QH15: 2024-07-01)",
  AlreadyUnderLaw:
    "conformance moves a co-op to a later law (Law 23/2012/QH13 art. 62; Law 17/2023/QH15 art. 115)",
  SameForm: "a conversion changes the form (chuyển đổi)",
  InvalidReorganisation:
    "reorganisation shapes: split 1→≥2, spin-off 1→≥1, consolidation ≥2→1, merger ≥1→absorbing (Law 23/2012/QH13 art. 53; Law 17/2023/QH15 art. 94–96)",
  ReorganisationAlreadyDecided: "a reorganisation is decided once",
  DuplicateLoan: LOANS,
  UnknownLoan: LOANS,
  LoanFullyRepaid: LOANS,
  InvalidMaturity: LOANS,
  ZeroAmount: LOANS,
  RepaymentExceedsOutstanding: "principal repaid never exceeds outstanding",
  LoanExceedsFundCap:
    "per-project fund caps (configuration; National Employment Fund ≤ 2 bn VND from 2019-11-08, Decree 74/2019/NĐ-CP art. 1(2))",
  TooYoungToRate:
    "co-ops under 12 months old are not rated (Circular 01/2020/TT-BKHĐT art. 8(3); 09/2017/TT-BNNPTNT)",
  StoppedTooLongToRate:
    "a co-op that stopped operating for more than three months in the year is not rated (Circular 01/2020/TT-BKHĐT art. 8(3), in force 2020-04-01; three months = 90 days, Civil Code 2015 art. 146(1)(c))",
  SchemeNotApplicable: "Circular 09/2017/TT-BNNPTNT rates agricultural co-ops only",
  InvalidFiscalYear: "a report or rating covers a year the co-op existed, not a future one",
  InconsistentDerivedField:
    "derived fields (rating, OCOP stars and validity) follow from the score and the configuration",
  OcopScoreTooLow:
    "OCOP certificates start at 3 stars, 50 points (Decision 1048/QĐ-TTg 2019; Decision 148/QĐ-TTg 2023 [verify: its bands])",
  UnknownOcopProduct: "only a current OCOP certificate can end",
  DuplicateLinkage: "a value-chain linkage is recorded once",
  UnknownLinkage: "only an active value-chain linkage ends",
  DuplicateManager: "a manager in office is not appointed again",
  UnknownManager: "only a manager in office leaves",
  MissingDissolutionGround:
    "a compulsory dissolution names its ground (Law 23/2012/QH13 art. 54(2); Law 17/2023/QH15 art. 97)",
  DissolutionAlreadyStarted: "dissolution proceedings start once",
  UnknownEventToRetract: RETRACTION,
  AlreadyRetracted: RETRACTION,
  CannotRetractRetraction: RETRACTION,
  FundAlreadyEstablished: FUND,
  FundNotFound: FUND,
  DuplicateApplication: FUND,
  IncompleteLocation: "a province goes with its gazetteer version",
};

/**
 * The rule behind a domain error, for reports and for grouping refusals.
 *
 * @example
 * import { decide, errorRule, initialState, makeCommand } from "@coop-ledger/domain";
 * const resume = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2021-06-01" });
 * if (resume._tag === "Left") throw new Error(resume.left.message);
 * const r = decide(resume.right, initialState); // no such co-op
 * if (r._tag === "Left") console.log(r.left._tag, "—", errorRule(r.left));
 * // CoopNotFound — a co-op must be founded before anything else is recorded on its stream
 */
export const errorRule = (e: DomainError): string => ERROR_RULES[e._tag];
