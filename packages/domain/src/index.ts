/**
 * `@coop-ledger/domain`: the pure model of a Vietnamese cooperative's life — value objects, event and
 * command codecs (io-ts), the decider and the rules by legal regime. No I/O, no clock.
 *
 * @packageDocumentation
 */

// The public API, by name (internals: `@coop-ledger/domain/internal`). The list is snapshotted in
// ../exports.txt (see public-api.test.ts): a change here is a deliberate change of the API.
export { COMMAND_CATALOGUE, type CommandEntry } from "./catalogue/command-catalogue.js";
export { EVENT_CATALOGUE, type EventEntry } from "./catalogue/event-catalogue.js";
export { renderEventsDoc } from "./catalogue/render-events-doc.js";
export {
  ChangeFundCapital,
  EstablishFund,
  ReceiveLoanApplication,
  RecordAllianceActivity,
} from "./commands/alliance-and-fund.js";
export {
  COMMAND_TYPES,
  Command,
  type CommandOf,
  type CommandOutput,
  type CommandType,
  commandCodecs,
  streamOf,
} from "./commands/command.js";
export { commandCodec } from "./commands/command-codec.js";
export { FoundCoop, FoundCoopByConversion, RegisterExistingCoop } from "./commands/founding.js";
export {
  ConformToLaw,
  ConvertCoop,
  DissolveCoop,
  JoinAlliance,
  LeaveAlliance,
  MoveHeadOffice,
  ResumeCoop,
  StartDissolution,
  SuspendCoop,
} from "./commands/lifecycle.js";
export { DisburseLoan, RepayLoan, RescheduleLoan } from "./commands/loans.js";
export { type CommandBuildError, type CommandInput, commands, makeCommand } from "./commands/make-command.js";
export { DecideReorganisation } from "./commands/reorganisation.js";
export {
  AppointManager,
  AssessCoop,
  CertifyOcop,
  EndOcop,
  FileAnnualReport,
  LinkValueChain,
  RecordManagerLeft,
  ReportMembership,
  UnlinkValueChain,
} from "./commands/reporting.js";
export { RetractEvent } from "./commands/retraction.js";
export {
  DomainConfig,
  defaultDomainConfig,
  FundCap,
  GroupFoundersRule,
  StoppedOperatingRule,
} from "./config/domain-config.js";
export type { Decider, EvolveContext } from "./decider/decider.js";
export type {
  Action,
  CoopStatus,
  DomainError,
  DomainErrorOf,
  DomainErrorTag,
  EventRef,
} from "./decider/domain-error.js";
export type { DomainWarning } from "./decider/domain-warning.js";
export { errorRule } from "./decider/error-rule.js";
export { evolve, stateFromHistory } from "./decider/evolve.js";
export {
  canApplyEffect,
  type Decision,
  decide,
  decideWithWarnings,
  type LedgerDecider,
  type LedgerDeciderOptions,
  ledgerDecider,
  makeLedgerDecider,
  validateEvent,
} from "./decider/ledger-decider.js";
export { deriveReorganisationEffects, type StreamEffect } from "./decider/reorganisation-effects.js";
export type { GeographyData } from "./decider/rule-context.js";
export {
  type AllianceState,
  type CoopState,
  type EmptyState,
  type FundState,
  type HistoryNode,
  initialState,
  type LoanState,
  type LoggedEvent,
  type OcopState,
  type ReorganisationState,
  type StreamHistory,
  type StreamState,
  type SuspensionPeriod,
  statusOn,
} from "./decider/stream-state.js";
export { daysStoppedIn, endSuspension } from "./decider/suspensions.js";
export {
  AllianceActivityRecorded,
  FundCapitalChanged,
  FundEstablished,
  LoanApplicationReceived,
} from "./events/alliance-and-fund.js";
export { ConformanceMethod, CoopFounded, CoopFoundedV1Data, FoundingOrigin } from "./events/coop-founded.js";
export { decodeEvent, encodeEvent, type RawEvent } from "./events/decode.js";
export { type EventDecodeError, formatValidationErrors } from "./events/decode-error.js";
export {
  CURRENT_SCHEMA_VERSION,
  DomainEvent,
  type DomainEventOutput,
  EVENT_TYPES,
  type EventData,
  type EventOf,
  type EventType,
  eventCodecs,
  isEventType,
} from "./events/domain-event.js";
export { eventCodec } from "./events/event-codec.js";
export {
  CoopConformedToLaw,
  CoopConverted,
  CoopDissolved,
  CoopJoinedAlliance,
  CoopLeftAlliance,
  CoopResumed,
  CoopSuspended,
  DissolutionMode,
  DissolutionStarted,
  HeadOfficeMoved,
} from "./events/lifecycle.js";
export { LoanDisbursed, LoanRepaid, LoanRescheduled } from "./events/loans.js";
export {
  OcopCertified,
  OcopEnded,
  OcopEndReason,
  OcopLevel,
  OcopStars,
  ValueChainLinked,
  ValueChainUnlinked,
} from "./events/products-and-links.js";
export { EventMetadata, type RecordedEvent } from "./events/recorded-event.js";
export {
  CoopMergerReceived,
  CoopReorganisedAway,
  CoopSpunOff,
  ReorganisationDecided,
  SuccessorCoop,
} from "./events/reorganisation.js";
export {
  AnnualReportFiled,
  CoopAssessed,
  ManagerAppointed,
  ManagerLeft,
  MembershipReported,
} from "./events/reporting.js";
export { EventRetracted } from "./events/retraction.js";
export { type Upcaster, upcasters } from "./events/upcasting.js";
export {
  type CommuneOrigin,
  type CommuneOrigins,
  communeOriginsOf,
  noCommuneOrigins,
  splitCommuneRule,
} from "./geography/commune-origin.js";
export {
  type CommuneTransfer,
  type CommuneTransfers,
  communeTransfersOf,
  type NewCommune,
  parseCommuneTransfers,
} from "./geography/commune-transfers.js";
export {
  COMMUNE_KINDS,
  type Commune,
  type CommuneGazetteer,
  type CommuneKind,
  communeGazetteerOf,
  parseCommunes,
} from "./geography/communes.js";
export {
  DISTRICT_KINDS,
  type District,
  type DistrictGazetteer,
  type DistrictKind,
  districtGazetteerOf,
  parseDistrictGazetteer,
} from "./geography/district-gazetteer.js";
export {
  communeGazetteer,
  communeTransfers,
  districtGazetteer,
  provinceOn,
  shippedCommuneOrigins,
  shippedGeography,
} from "./geography/gazetteer.js";
export { GAZETTEER_SOURCES } from "./geography/gazetteer-data.generated.js";
export type { GeoFileKind, GeoParseError } from "./geography/geo-parse-error.js";
export {
  isProvince,
  type Province,
  type Province2008Code,
  type Province2025Code,
  type ProvinceCodeOf,
  type ProvinceKind,
  predecessorProvinces,
  province,
  provinceName,
  provinces,
  remapProvince,
  successorProvince,
} from "./geography/provinces.js";
export {
  DeciderSpecFailure,
  type Given,
  type GivenEvent,
  givenEventId,
  specFor,
  type WhenResult,
} from "./spec/decider-spec.js";
export { given } from "./spec/given.js";
export {
  AgricultureKind,
  AllianceActivityKind,
  AssessmentScheme,
  CompulsoryDissolutionGround,
  CoopForm,
  FundKind,
  isIntermediateOrHigher,
  ManagerRole,
  Qualification,
  Rating,
  ReorganisationKind,
  Sector,
} from "./values/classification.js";
export { literals, struct } from "./values/codec-helpers.js";
export { BusinessDateFromText, type DateTextError, parseBusinessDate } from "./values/date-text.js";
export {
  addMonthsDay,
  civilOfDay,
  DAY_MS,
  type DayNumber,
  dayOf,
  dayOfYmd,
  instantMs,
  isoDate,
  isoInstant,
  yearOf,
} from "./values/day-number.js";
export { COOP_LEDGER_NAMESPACE, deriveEventId, eventIdName, uuidV5 } from "./values/event-id-scheme.js";
export {
  ApplicationId,
  type ApplicationIdBrand,
  CoopId,
  type CoopIdBrand,
  EventId,
  type EventIdBrand,
  FundId,
  type FundIdBrand,
  LinkageId,
  type LinkageIdBrand,
  LoanId,
  type LoanIdBrand,
  ManagerId,
  type ManagerIdBrand,
  ProductId,
  type ProductIdBrand,
  ReorganisationId,
  type ReorganisationIdBrand,
} from "./values/ids.js";
export { LAW_2012_EFFECTIVE, LAW_2023_EFFECTIVE, LawRegime, lawName, regimeOn } from "./values/law.js";
export {
  CommuneCode,
  type CommuneCodeBrand,
  DistrictCode,
  type DistrictCodeBrand,
  GAZETTEER_2025_EFFECTIVE,
  GazetteerVersion,
  gazetteerOn,
  Location,
  type LocationBrand,
  ProvinceCode,
  type ProvinceCodeBrand,
} from "./values/location.js";
export { SignedVnd, type SignedVndBrand, Vnd, type VndBrand, vnd } from "./values/money.js";
export {
  BasisPoints,
  type BasisPointsBrand,
  Count,
  type CountBrand,
  FiscalYear,
  type FiscalYearBrand,
  PositiveInt,
  type PositiveIntBrand,
  Score,
  type ScoreBrand,
  Text,
  type TextBrand,
} from "./values/quantity.js";
export { RegistrationCode, type RegistrationCodeBrand } from "./values/registration-code.js";
export { SourceDocument, SourceDocumentKind } from "./values/source-document.js";
export {
  allianceStream,
  coopStream,
  fundStream,
  reorganisationStream,
  StreamId,
  type StreamIdBrand,
  type StreamKind,
  streamKind,
} from "./values/stream-id.js";
export {
  addDays,
  addMonths,
  ageOn,
  BusinessDate,
  type BusinessDateBrand,
  compareDates,
  dateOfInstant,
  dateParts,
  daysInMonth,
  endOfYear,
  Instant,
  type InstantBrand,
  makeDate,
  monthsBetween,
  parseInstant,
  startOfYear,
} from "./values/time.js";
