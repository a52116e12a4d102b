import {
  ageOn,
  type BusinessDate,
  type DomainEvent,
  dateParts,
  dayOf,
  isIntermediateOrHigher,
  makeDate,
  regimeOn,
} from "@coop-ledger/domain";
import { coopCell, parseCell, placeCell } from "./cells.js";
import { COMMUNE_ORIGINS } from "./commune-origins.js";
import { locationOrigin, placeOrigin } from "./origin.js";
import {
  ACTIVITY_KINDS,
  DISSOLUTION_MODES,
  FUND_KINDS,
  REORGANISATION_KINDS,
  SeriesCode,
  seriesKey,
} from "./series-keys.js";

interface ManagerFacts {
  /** First day the manager is 50 or older (no longer "under 50"). */
  readonly turns50Day: number;
  readonly qualified: boolean;
}

interface ProductFacts {
  /** Last day the certificate is valid (inclusive). */
  readonly validUntilDay: number;
  ended: boolean;
}

interface LoanFacts {
  readonly fund: number;
  outstanding: number;
  maturityDay: number;
}

interface ReportFacts {
  readonly finance: readonly [number, number, number, number];
  readonly highTech: boolean;
  readonly workerIncome: number | undefined;
  readonly workers: number | undefined;
  readonly memberIncome: number | undefined;
  /** Official members when the report took effect (the weight of `memberIncome` per member). */
  readonly members: number;
}

interface RatingFacts {
  readonly fairOrGood: boolean;
  readonly weak: boolean;
  readonly scoreFloor: number;
}

/**
 * The state of one stream folded over its events in valid-time order: a co-op (union, group), a fund
 * or an alliance. Mutable on purpose: it is rebuilt from scratch by each fold and never shared, and
 * the index folds a million events, so no per-event copies.
 */
export interface StreamState {
  exists: boolean;
  ended: boolean;
  cell: string | undefined;
  /**
   * Where the organisation has been: `cellHistory[i]` from valid day `cellDays[i]` on (ascending days;
   * one entry per founding or move). A fiscal year's facts are counted in the cell of its last day.
   */
  readonly cellDays: number[];
  readonly cellHistory: string[];
  sector: string;
  form: string;
  /** The law the co-op operates under ("2003", "2012", "2023"). */
  regime: string;
  members: number;
  farmHouseholds: number;
  /** Regular workers (lao động thường xuyên) of the latest membership report. */
  workers: number;
  /**
   * Suspended (tạm ngừng hoạt động): the first day it operates again — `Infinity` while suspended with
   * no end date, the day after `until` when one was given, and `-Infinity` when not suspended.
   */
  suspendedUntilDay: number;
  /** A member of the provincial Cooperative Alliance (joined, not left). */
  allianceMember: boolean;
  readonly managers: Map<string, ManagerFacts>;
  readonly products: Map<string, ProductFacts>;
  readonly linkages: Set<string>;
  readonly loans: Map<string, LoanFacts>;
  readonly ratings: Map<number, RatingFacts>;
  readonly reports: Map<number, ReportFacts>;
  fundCapital: number;
}

/**
 * A new, empty stream state.
 * @example
 * initialStreamState().exists // false
 */
export const initialStreamState = (): StreamState => ({
  exists: false,
  ended: false,
  cell: undefined,
  cellDays: [],
  cellHistory: [],
  sector: "",
  form: "",
  regime: "2012",
  members: 0,
  farmHouseholds: 0,
  workers: 0,
  suspendedUntilDay: Number.NEGATIVE_INFINITY,
  allianceMember: false,
  managers: new Map(),
  products: new Map(),
  linkages: new Set(),
  loans: new Map(),
  ratings: new Map(),
  reports: new Map(),
  fundCapital: 0,
});

/** Records that the organisation is in `s.cell` from the event's effective day on. */
const enterCell = (s: StreamState, effectiveDate: BusinessDate): void => {
  if (s.cell === undefined) return;
  const n = s.cellDays.length;
  if (n > 0 && s.cellHistory[n - 1] === s.cell) return;
  const day = dayOf(effectiveDate);
  // Folded in valid-time order, so `day` is never before the last entry; a second move on the same day
  // replaces the first.
  if (n > 0 && s.cellDays[n - 1] === day) s.cellHistory[n - 1] = s.cell;
  else {
    s.cellDays.push(day);
    s.cellHistory.push(s.cell);
  }
};

/**
 * The cell an organisation was in on valid day `day`: the last place entered on or before it, or the
 * first place it was recorded in when `day` is before its founding (a pre-existing co-op whose first
 * event in the ledger comes after the year its report is about).
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded");
 * if (founding === undefined) throw new Error("no founding");
 * const state = initialStreamState();
 * applyEvent(state, founding.event, () => undefined);
 * // The cell the co-op was in: gazetteer, province, district, sector, form.
 * console.log(cellOnDay(state, dayOf("2022-12-31"))?.startsWith("2008-08-01|60|")); // true
 */
export const cellOnDay = (s: StreamState, day: number): string | undefined => {
  const days = s.cellDays;
  let i = days.length - 1;
  while (i > 0 && (days[i] as number) > day) i--;
  return i < 0 ? s.cell : s.cellHistory[i];
};

/** Receives the flows (period quantities) an event produces, in the cell where it happened. */
export type FlowSink = (key: number, cell: string, amount: number) => void;

/**
 * The first day on which a person born on `birth` is 50 or older (a 29 February birthday counts from
 * 1 March in common years, as {@link ageOn} does).
 * @example turns50("1975-06-01" as BusinessDate) // dayOf("2025-06-01")
 */
export const turns50 = (birth: BusinessDate): number => {
  const { year, month, day } = dateParts(birth);
  const candidate = makeDate(year + 50, month, day);
  const d = dayOf(candidate);
  return ageOn(birth, candidate) >= 50 ? d : d + 1;
};

/**
 * Whether an event changes the annual (per fiscal year) quantities. @example affectsAnnual(e)
 * @example
 * // Two years: the reports of 2022 are filed in 2023.
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2023-12-31" }));
 * events.some((e) => e.event.type === "AnnualReportFiled" && affectsAnnual(e.event)) // true
 * events.some((e) => e.event.type === "CoopFounded" && affectsAnnual(e.event)) // false
 */
export const affectsAnnual = (e: DomainEvent): boolean =>
  e.type === "CoopAssessed" || e.type === "AnnualReportFiled";

/**
 * Folds one event into a stream state (the valid-time fold shared by the index and the replay), and
 * reports the flows it produces. Rules: a co-op exists from its founding until it is dissolved,
 * reorganised away or converted (terminal events; suspension does not end it); a later report,
 * assessment or certificate for the same year/product replaces the earlier one.
 *
 * @example
 * const events = asRecorded(generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" }));
 * const founding = events.find((e) => e.event.type === "CoopFounded" && e.event.data.origin.kind === "new");
 * if (founding === undefined) throw new Error("no founding");
 * const state = initialStreamState();
 * const flows: Array<[number, string, number]> = [];
 * applyEvent(state, founding.event, (key, cell, amount) => flows.push([key, cell, amount]));
 * console.log(state.exists, flows.length > 0); // true true: a new founding is a flow (coops.founded) and makes the co-op exist
 */
export const applyEvent = (s: StreamState, e: DomainEvent, flows: FlowSink): void => {
  switch (e.type) {
    case "CoopFounded": {
      const d = e.data;
      s.exists = true;
      s.ended = false;
      s.sector = d.sector;
      s.form = d.form;
      s.cell = coopCell(d.location, d.sector, d.form, locationOrigin(d.location, undefined, COMMUNE_ORIGINS));
      enterCell(s, d.effectiveDate);
      s.members = d.foundingMembers;
      s.regime = String(d.origin.kind === "preExisting" ? d.origin.lawRegime : regimeOn(d.effectiveDate));
      if (d.origin.kind === "new") {
        flows(seriesKey(SeriesCode.founded), s.cell, 1);
        if (d.advisedByAlliance === true) flows(seriesKey(SeriesCode.foundedAdvised), s.cell, 1);
      }
      return;
    }
    case "HeadOfficeMoved":
      if (s.exists) {
        // The earlier place lets a head office re-recorded in the 2025 gazetteer keep its old province.
        const before = s.cell === undefined ? undefined : parseCell(s.cell);
        s.cell = coopCell(
          e.data.location,
          s.sector as never,
          s.form as never,
          locationOrigin(e.data.location, before, COMMUNE_ORIGINS),
        );
        enterCell(s, e.data.effectiveDate);
      }
      return;
    case "CoopConformedToLaw":
      s.regime = String(e.data.law);
      return;
    case "CoopConverted":
    case "CoopReorganisedAway":
      s.ended = true;
      if (s.cell !== undefined) {
        const kind = e.type === "CoopConverted" ? "conversion" : e.data.kind;
        flows(seriesKey(SeriesCode.reorganised, REORGANISATION_KINDS.indexOf(kind)), s.cell, 1);
      }
      return;
    case "CoopDissolved":
      s.ended = true;
      if (s.cell !== undefined) {
        flows(seriesKey(SeriesCode.dissolved, DISSOLUTION_MODES.indexOf(e.data.mode)), s.cell, 1);
      }
      return;
    case "CoopSpunOff":
      s.members = Math.max(0, s.members - e.data.membersTransferred);
      if (s.cell !== undefined) {
        flows(seriesKey(SeriesCode.reorganised, REORGANISATION_KINDS.indexOf("spinOff")), s.cell, 1);
      }
      return;
    case "CoopMergerReceived":
      s.members += e.data.membersReceived;
      return;
    case "MembershipReported":
      s.members = e.data.officialMembers;
      s.farmHouseholds = e.data.farmHouseholds ?? 0;
      s.workers = e.data.regularWorkers ?? 0;
      return;
    case "ManagerAppointed":
      s.managers.set(e.data.managerId, {
        turns50Day: turns50(e.data.birthDate),
        qualified: isIntermediateOrHigher(e.data.qualification),
      });
      return;
    case "ManagerLeft":
      s.managers.delete(e.data.managerId);
      return;
    case "AnnualReportFiled": {
      const d = e.data;
      s.reports.set(d.fiscalYear, {
        finance: [d.charterCapitalVnd, d.totalAssetsVnd, d.revenueVnd, d.profitVnd],
        highTech: d.highTechnology === true,
        workerIncome: d.workerMonthlyIncomeVnd,
        workers: d.regularWorkers,
        memberIncome: d.memberMonthlyIncomeVnd,
        members: s.members,
      });
      return;
    }
    case "CoopAssessed":
      s.ratings.set(e.data.year, {
        fairOrGood: e.data.rating === "good" || e.data.rating === "fair",
        weak: e.data.rating === "weak",
        scoreFloor: Math.floor(e.data.score),
      });
      return;
    case "OcopCertified":
      s.products.set(e.data.productId, { validUntilDay: dayOf(e.data.validUntil), ended: false });
      return;
    case "OcopEnded": {
      const p = s.products.get(e.data.productId);
      if (p !== undefined) p.ended = true;
      return;
    }
    case "ValueChainLinked":
      s.linkages.add(e.data.linkageId);
      return;
    case "ValueChainUnlinked":
      s.linkages.delete(e.data.linkageId);
      return;
    case "LoanDisbursed": {
      const fund = FUND_KINDS.indexOf(e.data.fundKind);
      s.loans.set(e.data.loanId, {
        fund,
        outstanding: e.data.principalVnd,
        maturityDay: dayOf(e.data.maturityDate),
      });
      if (s.cell !== undefined) {
        flows(seriesKey(SeriesCode.disbursedCount, fund), s.cell, 1);
        flows(seriesKey(SeriesCode.disbursedVnd, fund), s.cell, e.data.principalVnd);
      }
      return;
    }
    case "LoanRepaid": {
      const l = s.loans.get(e.data.loanId);
      if (l !== undefined) l.outstanding = Math.max(0, l.outstanding - e.data.principalVnd);
      return;
    }
    case "LoanRescheduled": {
      const l = s.loans.get(e.data.loanId);
      if (l !== undefined) l.maturityDay = dayOf(e.data.newMaturityDate);
      return;
    }
    case "CoopJoinedAlliance":
      s.allianceMember = true;
      if (s.cell !== undefined) flows(seriesKey(SeriesCode.allianceJoins), s.cell, 1);
      return;
    case "CoopLeftAlliance":
      s.allianceMember = false;
      return;
    case "CoopSuspended":
      // Suspended through `until` (inclusive), operating again the day after; with no end date, until
      // it resumes.
      s.suspendedUntilDay = e.data.until === undefined ? Number.POSITIVE_INFINITY : dayOf(e.data.until) + 1;
      return;
    case "CoopResumed":
      s.suspendedUntilDay = Number.NEGATIVE_INFINITY;
      return;
    case "FundEstablished":
      s.exists = true;
      s.cell = placeCell(
        e.data.gazetteer,
        e.data.provinceCode,
        placeOrigin(e.data.gazetteer, e.data.provinceCode),
      );
      enterCell(s, e.data.effectiveDate);
      s.fundCapital = e.data.charterCapitalVnd;
      return;
    case "FundCapitalChanged":
      s.fundCapital = e.data.charterCapitalVnd;
      return;
    case "LoanApplicationReceived":
      // A fund stream: the application is counted where the fund is (a fund without a province is
      // counted only in unscoped figures).
      flows(seriesKey(SeriesCode.applications), s.cell ?? placeCell(undefined, undefined), 1);
      return;
    case "AllianceActivityRecorded": {
      const kind = ACTIVITY_KINDS.indexOf(e.data.kind);
      const cell = placeCell(
        e.data.gazetteer,
        e.data.provinceCode,
        placeOrigin(e.data.gazetteer, e.data.provinceCode),
      );
      flows(seriesKey(SeriesCode.activity, kind), cell, e.data.count);
      if (e.data.participants !== undefined) {
        flows(seriesKey(SeriesCode.participants, kind), cell, e.data.participants);
      }
      return;
    }
    case "DissolutionStarted":
    case "ReorganisationDecided":
    case "EventRetracted":
      return;
  }
};
