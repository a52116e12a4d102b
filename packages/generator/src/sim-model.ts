import type {
  AgricultureKind,
  CompulsoryDissolutionGround,
  CoopForm,
  CoopId,
  DayNumber,
  DomainConfig,
  FundId,
  LoanId,
  ManagerId,
  ManagerRole,
  ProductId,
  Sector,
  SourceDocument,
  StreamId,
} from "@coop-ledger/domain";
import type { GenDistrict, GenProvince } from "./geography.js";
import type { Prng } from "./prng.js";
import type { Recorder, StreamClock } from "./recorder.js";

/** The generator's knobs for one province (per-month rates are Poisson means). */
export interface ProvinceParams {
  /** Co-ops already existing when the ledger starts (recorded with origin `preExisting`). */
  readonly initialCoops: number;
  /** New foundings a month (brief §7: 1–2 a month in a province). */
  readonly foundingsPerMonth: number;
  /** Support-fund loans a year (brief §7: 10–60). */
  readonly loansPerYear: number;
  /** Whether the province has its own support fund (Quỹ hỗ trợ phát triển HTX tỉnh). */
  readonly hasFund: boolean;
  /** Whether this province records the alliance activities of its 2025 successor province. */
  readonly recordsSuccessorAlliance: boolean;
}

/** A loan being repaid: outstanding principal and the remaining instalment days. */
export interface SimLoan {
  readonly id: LoanId;
  outstanding: number;
  /** Remaining instalment days, ascending; the last one pays everything left. */
  readonly dueDays: DayNumber[];
  /** A day to record a rescheduling on, and the new maturity, if the loan is rescheduled. */
  reschedule: { readonly onDay: DayNumber; readonly newMaturity: DayNumber } | undefined;
}

/** A manager in office. */
export interface SimManager {
  readonly id: ManagerId;
  readonly role: ManagerRole;
  readonly birthDay: DayNumber;
  /** The day the manager reaches 62 and retires. */
  readonly retireDay: DayNumber;
}

/** An OCOP product of a co-op and its certificate. */
export interface SimProduct {
  readonly id: ProductId;
  readonly name: string;
  /** Day of first certification (planned), then `validUntil` of the current certificate. */
  nextDay: DayNumber;
  certified: boolean;
  /** Effective day of the current certificate. */
  certifiedOn: DayNumber;
}

/** Lifecycle of a simulated co-op. */
export type SimStatus = "active" | "suspended" | "dissolving" | "gone";

/** A simulated co-op, union or group: what the generator needs to keep its history valid. */
export interface SimCoop {
  readonly id: CoopId;
  readonly clock: StreamClock;
  readonly province: GenProvince;
  district: GenDistrict;
  readonly form: CoopForm;
  readonly sector: Sector;
  readonly agricultureKind: AgricultureKind | undefined;
  readonly name: string;
  readonly foundedDay: DayNumber;
  status: SimStatus;
  statusSince: DayNumber;
  /** Day a started dissolution completes. */
  dissolveOn: DayNumber | undefined;
  dissolveMode: "voluntary" | "compulsory" | undefined;
  dissolveGround: CompulsoryDissolutionGround | undefined;
  /** The law the co-op operates under (founded under or conformed to). */
  law: "2003" | "2012" | "2023";
  conform2012On: DayNumber | undefined;
  conform2023On: DayNumber | undefined;
  members: number;
  associates: number;
  workers: number;
  capital: number;
  assets: number;
  revenue: number;
  workerIncome: number;
  memberIncome: number;
  /** Latent quality in [-1, 1]: shifts ratings and growth. */
  readonly quality: number;
  /**
   * The first fiscal year whose annual report says the co-op applies high technology in production
   * (`AnnualReportFiled.highTechnology`), or `Infinity` (see `planHighTechnology`).
   */
  highTechFrom: number;
  readonly managers: SimManager[];
  readonly loans: SimLoan[];
  readonly products: SimProduct[];
  /** Active value-chain linkages and the day each was made. */
  readonly linkages: Array<{ readonly id: string; readonly since: DayNumber }>;
  allianceMember: boolean;
  reRecordedIn2025: boolean;
  /** The current suspension's first day and its recorded last day (`CoopSuspended.until`). */
  suspendedSpan: { readonly from: DayNumber; readonly until: DayNumber } | undefined;
  /**
   * Days suspended per calendar year, counted when each suspension ends: a scheme that does not rate a
   * co-op which stopped operating too long in the year reads it (`notRatedWhenStopped` in the domain's
   * configuration).
   */
  readonly stoppedDays: Map<number, number>;
  /** How and when a suspension ends. */
  suspensionEndsBy: "resumption" | "dissolution";
  suspensionEndsOn: DayNumber;
  /** The next day a random happening (manager turnover, suspension, ...) is due. */
  hazardOn: DayNumber;
  /** The next day anything is due; the co-op is skipped until then (except in report months). */
  wake: DayNumber;
  /** A group's planned conversion into a co-op. */
  convertOn: DayNumber | undefined;
}

/** Everything a province's simulation shares: randomness, recorder, bounds and counters. */
export interface SimContext {
  readonly rng: Prng;
  /**
   * A second random stream for what later generator versions added (the optional fields
   * `CoopFounded.advisedByAlliance`, `AnnualReportFiled.highTechnology`,
   * `AllianceActivityRecorded.participants`, and the `awarenessClass` activities): drawing them from
   * `rng` would move every later draw, so every ledger already generated would change beyond the
   * additions.
   */
  readonly extra: Prng;
  readonly rec: Recorder;
  readonly province: GenProvince;
  readonly params: ProvinceParams;
  readonly startDay: DayNumber;
  readonly endDay: DayNumber;
  /** The domain's configuration the ledger must satisfy (the decider's thresholds and exclusions). */
  readonly config: DomainConfig;
  readonly coops: SimCoop[];
  readonly fund?: {
    readonly id: FundId;
    readonly clock: StreamClock;
    establishedOn: DayNumber;
    capital: number;
    live: boolean;
  };
  readonly allianceOld: StreamClock;
  readonly allianceNew: StreamClock;
  readonly reorgClocks: Map<string, StreamClock>;
  /** Counters for ids. */
  readonly seq: {
    coop: number;
    loan: number;
    app: number;
    manager: number;
    product: number;
    link: number;
    reorg: number;
  };
  /** Who records registrations and other events in this province. */
  readonly by: { readonly registry: string; readonly alliance: string; readonly fund: string };
  /** Streams of every co-op by id (for reorganisation targets). */
  readonly byStream: Map<StreamId, SimCoop>;
  /** The registration issuer's name for a district. */
  readonly issuer: (district: GenDistrict) => string;
}

/**
 * A source document helper.
 * @example
 * doc("decision", "12/QĐ-UBND", "2021-05-04", "UBND tỉnh Bình Thuận")
 */
export const doc = (
  kind: SourceDocument["kind"],
  number: string,
  date: string,
  issuer: string,
): SourceDocument => ({ kind, number, date, issuer }) as SourceDocument;
