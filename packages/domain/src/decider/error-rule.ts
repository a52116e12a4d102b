import { match } from "ts-pattern";
import type { DomainError } from "./domain-error.js";

/**
 * The rule (and legal basis, where the law sets it) behind a domain error, for reports and for grouping
 * refusals. Exhaustive over every error tag, so a new error cannot be added without its rule.
 *
 * @example errorRule(e) // "Law 23/2012/QH13 art. 3; Law 17/2023/QH15 art. 4: minimum founders"
 */
export const errorRule = (e: DomainError): string =>
  match(e._tag)
    .with("StreamMismatch", () => "a command goes to the stream of its own co-op, alliance, fund or decision")
    .with("CoopAlreadyExists", () => "a co-op is founded once")
    .with("CoopNotFound", () => "a co-op must be founded before anything else is recorded")
    .with("CoopTerminated", () => "dissolution, reorganisation-away and conversion are terminal (Law 23/2012/QH13 art. 54; Law 17/2023/QH15 art. 97)")
    .with("StatusForbids", () => "a suspended co-op or one in dissolution starts nothing new")
    .with("NotSuspended", () => "only a suspended co-op resumes")
    .with("BelowMinimumFounders", () => "minimum founders (Law 23/2012/QH13 art. 3; Law 17/2023/QH15 art. 4)")
    .with("EffectiveDateBeforeFounding", () => "nothing is effective before the co-op's founding")
    .with("EffectiveDateBeforeStart", () => "nothing is effective before what it refers to began")
    .with("BackdatedTermination", () => "a back-dated termination may not precede events already effective later")
    .with("WrongGazetteer", () => "a location uses the gazetteer in force on its effective date (Resolution 202/2025/QH15)")
    .with("UnknownProvince", "UnknownDistrict", "UnknownCommune", () => "a location names units of its gazetteer")
    .with("AllianceProvinceMismatch", () => "a co-op joins the alliance of its own province")
    .with("AlreadyAllianceMember", "NotAllianceMember", () => "alliance membership is joined once and left once")
    .with("LawNotInForce", () => "a law applies from its effective date (Law 23/2012/QH13: 2013-07-01; Law 17/2023/QH15: 2024-07-01)")
    .with("AlreadyUnderLaw", () => "conformance moves a co-op to a later law (Law 23/2012/QH13 art. 62; Law 17/2023/QH15 art. 115)")
    .with("SameForm", () => "a conversion changes the form")
    .with("InvalidReorganisation", () => "reorganisation shapes (Law 23/2012/QH13 art. 53; Law 17/2023/QH15 art. 94–96)")
    .with("ReorganisationAlreadyDecided", () => "a reorganisation is decided once")
    .with("DuplicateLoan", "UnknownLoan", "LoanFullyRepaid", "InvalidMaturity", "ZeroAmount", () => "loan bookkeeping")
    .with("RepaymentExceedsOutstanding", () => "principal repaid never exceeds outstanding")
    .with("LoanExceedsFundCap", () => "fund caps per project (configuration; National Employment Fund: Decree 74/2019/NĐ-CP)")
    .with("TooYoungToRate", () => "co-ops under 12 months old are not rated (Circular 01/2020/TT-BKHĐT; 09/2017/TT-BNNPTNT)")
    .with("SchemeNotApplicable", () => "Circular 09/2017/TT-BNNPTNT rates agricultural co-ops")
    .with("InvalidFiscalYear", () => "a report or rating covers a year the co-op existed, not in the future")
    .with("InconsistentDerivedField", () => "derived fields (rating, OCOP stars and validity) follow from the score and the configuration")
    .with("OcopScoreTooLow", () => "OCOP certificates start at 3 stars, 50 points (Decision 148/QĐ-TTg)")
    .with("UnknownOcopProduct", () => "only a current OCOP certificate can end")
    .with("DuplicateLinkage", "UnknownLinkage", () => "value-chain linkages are opened once and closed once")
    .with("DuplicateManager", "UnknownManager", () => "a manager is appointed before leaving")
    .with("MissingDissolutionGround", () => "compulsory dissolution names its ground (Law 23/2012/QH13 art. 54(2))")
    .with("DissolutionAlreadyStarted", () => "dissolution proceedings start once")
    .with("UnknownEventToRetract", "AlreadyRetracted", "CannotRetractRetraction", () => "a retraction names a live event on its stream")
    .with("FundAlreadyEstablished", "FundNotFound", "DuplicateApplication", "IncompleteLocation", () => "fund bookkeeping")
    .exhaustive();
