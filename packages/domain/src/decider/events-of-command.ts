import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import type { Command } from "../commands/command.js";
import type { DomainConfig } from "../config/domain-config.js";
import type { DomainEvent, EventData } from "../events/domain-event.js";
import { addMonths } from "../values/time.js";
import { ocopStarsFor, ratingFor } from "./derivations.js";
import type { DomainError } from "./domain-error.js";
import type { StreamState } from "./stream-state.js";

const ev = <T extends DomainEvent["type"]>(type: T, schemaVersion: number, data: EventData<T>): DomainEvent =>
  ({ type, schemaVersion, data }) as DomainEvent;

/**
 * Turns a command into the events it proposes, computing what the rules derive (origin, rating, OCOP
 * stars and validity, loan maturity). The events are then checked by `checkEvent` against the state;
 * the only refusal here is for a derivation that has no result (an OCOP score below 3★), and an
 * assessment of a stream that is not a co-op (the rating needs the co-op's sector).
 * @example
 * const found = makeCommand("FoundCoop", { coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative",
 *   sector: "agriculture", location: { gazetteer: "2008-08-01", provinceCode: "60" }, foundingMembers: 7 });
 * const events = E.isRight(found) ? eventsOfCommand(defaultDomainConfig, found.right, initialState) : found;
 * E.isRight(events) && events.right.map((e) => e.type).join() // "CoopFounded"
 */
export const eventsOfCommand = (
  config: DomainConfig,
  command: Command,
  state: StreamState,
): E.Either<DomainError, ReadonlyArray<DomainEvent>> =>
  match(command)
    .with({ type: "FoundCoop" }, ({ data }) =>
      E.right([ev("CoopFounded", 2, { ...data, origin: { kind: "new" } })]),
    )
    .with({ type: "RegisterExistingCoop" }, ({ data: { lawRegime, originallyFoundedOn, ...data } }) =>
      E.right([
        ev("CoopFounded", 2, {
          ...data,
          origin: {
            kind: "preExisting",
            lawRegime,
            ...(originallyFoundedOn === undefined ? {} : { originallyFoundedOn }),
          },
        }),
      ]),
    )
    .with({ type: "FoundCoopByConversion" }, ({ data: { fromCoopId, fromForm, ...data } }) =>
      E.right([ev("CoopFounded", 2, { ...data, origin: { kind: "conversion", fromCoopId, fromForm } })]),
    )
    .with({ type: "JoinAlliance" }, ({ data }) => E.right([ev("CoopJoinedAlliance", 1, data)]))
    .with({ type: "LeaveAlliance" }, ({ data }) => E.right([ev("CoopLeftAlliance", 1, data)]))
    .with({ type: "ConformToLaw" }, ({ data }) => E.right([ev("CoopConformedToLaw", 1, data)]))
    .with({ type: "ConvertCoop" }, ({ data }) => E.right([ev("CoopConverted", 1, data)]))
    .with({ type: "DecideReorganisation" }, ({ data }) => E.right([ev("ReorganisationDecided", 1, data)]))
    .with({ type: "SuspendCoop" }, ({ data }) => E.right([ev("CoopSuspended", 1, data)]))
    .with({ type: "ResumeCoop" }, ({ data }) => E.right([ev("CoopResumed", 1, data)]))
    .with({ type: "StartDissolution" }, ({ data }) => E.right([ev("DissolutionStarted", 1, data)]))
    .with({ type: "DissolveCoop" }, ({ data }) => E.right([ev("CoopDissolved", 1, data)]))
    .with({ type: "DisburseLoan" }, ({ data }) =>
      E.right([
        ev("LoanDisbursed", 1, {
          ...data,
          maturityDate: data.maturityDate ?? addMonths(data.effectiveDate, data.termMonths),
        }),
      ]),
    )
    .with({ type: "RepayLoan" }, ({ data }) => E.right([ev("LoanRepaid", 1, data)]))
    .with({ type: "RescheduleLoan" }, ({ data }) => E.right([ev("LoanRescheduled", 1, data)]))
    .with({ type: "ReportMembership" }, ({ data }) => E.right([ev("MembershipReported", 1, data)]))
    .with({ type: "AppointManager" }, ({ data }) => E.right([ev("ManagerAppointed", 1, data)]))
    .with({ type: "RecordManagerLeft" }, ({ data }) => E.right([ev("ManagerLeft", 1, data)]))
    .with({ type: "FileAnnualReport" }, ({ data }) => E.right([ev("AnnualReportFiled", 1, data)]))
    .with({ type: "AssessCoop" }, ({ data }) =>
      E.right([
        ev("CoopAssessed", 1, {
          ...data,
          // On a stream that is not a co-op the rating is a placeholder: checkEvent refuses the event.
          rating: ratingFor(config, { ...data, sector: state._tag === "Coop" ? state.sector : "other" }),
        }),
      ]),
    )
    .with({ type: "CertifyOcop" }, ({ data }) => {
      const stars = ocopStarsFor(config, data.score);
      if (stars === undefined) {
        return E.left<DomainError>({
          _tag: "OcopScoreTooLow",
          action: "CertifyOcop",
          score: data.score,
          minimum: config.ocopStarBands.three,
          message: `CertifyOcop: an OCOP score of ${data.score} is below ${config.ocopStarBands.three} points: no star rating, no certificate (Decision 1048/QĐ-TTg 2019; Decision 148/QĐ-TTg 2023 [verify: its bands])`,
        });
      }
      return E.right([
        ev("OcopCertified", 1, {
          ...data,
          stars,
          validUntil: addMonths(data.effectiveDate, config.ocopValidityMonths),
        }),
      ]);
    })
    .with({ type: "EndOcop" }, ({ data }) => E.right([ev("OcopEnded", 1, data)]))
    .with({ type: "MoveHeadOffice" }, ({ data }) => E.right([ev("HeadOfficeMoved", 1, data)]))
    .with({ type: "LinkValueChain" }, ({ data }) => E.right([ev("ValueChainLinked", 1, data)]))
    .with({ type: "UnlinkValueChain" }, ({ data }) => E.right([ev("ValueChainUnlinked", 1, data)]))
    .with({ type: "RetractEvent" }, ({ data: { streamId: _, ...data } }) =>
      E.right([ev("EventRetracted", 1, data)]),
    )
    .with({ type: "RecordAllianceActivity" }, ({ data }) =>
      E.right([ev("AllianceActivityRecorded", 1, data)]),
    )
    .with({ type: "EstablishFund" }, ({ data }) => E.right([ev("FundEstablished", 1, data)]))
    .with({ type: "ChangeFundCapital" }, ({ data }) => E.right([ev("FundCapitalChanged", 1, data)]))
    .with({ type: "ReceiveLoanApplication" }, ({ data }) => E.right([ev("LoanApplicationReceived", 1, data)]))
    .exhaustive();
