import type { BusinessDate, Instant } from "@coop-ledger/domain";
import type { Comparator } from "./comparator.js";
import type { FigureScope, IndicatorFigure, OptionValue, ProvinceRef } from "./figure-source.js";
import type { TargetStatus } from "./status.js";
import type { Bilingual, Citation, TargetRole } from "./target.js";
import type { Threshold } from "./threshold.js";

/**
 * A targets query: the valid date, optionally the knowledge instant ("as we knew it then"), and when
 * a year's annual figures are taken as final (default 31 March of the next year).
 *
 * @example const q: TargetsQuery = { validAt: "2025-12-31" as BusinessDate };
 */
export interface TargetsQuery {
  readonly validAt: BusinessDate;
  readonly knownAt?: Instant;
  readonly annualFiguresFinalOn?: (year: number) => BusinessDate;
  /**
   * Inputs the ledger does not hold, passed to every indicator (e.g. `{ farmHouseholds: 41_000 }`);
   * a target's own options win over them.
   */
  readonly inputs?: Readonly<Record<string, OptionValue>>;
  /**
   * A what-if: evaluate the resolution on another province than its own (the report is labelled
   * with it). Used by `targets` (the evaluator itself takes the resolution as given).
   */
  readonly whatIf?: { readonly province: ProvinceRef };
}

/** A figure the engine gave (not `Unavailable`). @example const f: KnownFigure = { _tag: "Value", value: 234 }; */
export type KnownFigure = Exclude<IndicatorFigure, { readonly _tag: "Unavailable" }>;

/**
 * One evaluated row: a target (or a reported baseline figure), its figure, threshold, the date from
 * which it is final, and its status. A "mỗi năm" target's row carries one row per year as `detail`
 * (and `yearsMet`); a "bình quân" growth target's row carries the year-on-year links it averages as
 * `detail` (and `average`).
 *
 * @example
 * const source: FigureSource = () => ({ _tag: "Value", value: 300 }); // 300 of everything, every year
 * const report = evaluateTargets(source, resolution000, { validAt: "2025-12-31" as BusinessDate });
 * const row: TargetRow | undefined = report.targets.find((r) => r.targetId === "000.newCoops");
 * row?.status._tag // "met" (≥ 15 co-ops founded a year)
 * row?.yearsMet // { met: 5, of: 5 }
 */
export interface TargetRow {
  readonly targetId: string;
  /** The seed's numbered target this row belongs to ("(5)"), when the seed numbers its targets. */
  readonly number?: string;
  readonly role: TargetRole;
  readonly label: Bilingual;
  readonly source: Citation;
  readonly note?: string;
  readonly indicatorId?: string;
  readonly scope?: FigureScope;
  readonly comparator?: Comparator;
  readonly threshold?: Threshold;
  /** The valid date the figure is read at. */
  readonly asOf?: BusinessDate;
  readonly period?: { readonly from: BusinessDate; readonly to: BusinessDate };
  /** The calendar year of a per-year row, or the fiscal year of an annual figure. */
  readonly year?: number;
  readonly figure?: KnownFigure;
  /** The figure in the threshold's unit (for display; the status is decided exactly). */
  readonly value?: number;
  /** The date from which this row can no longer change status by the passing of time. */
  readonly finalFrom?: BusinessDate;
  readonly final: boolean;
  readonly status: TargetStatus;
  /** A per-year target: the years met, of the years in its range. */
  readonly yearsMet?: { readonly met: number; readonly of: number };
  /** A term-average growth: the years averaged (compound, chained year on year). */
  readonly average?: { readonly fromYear: number; readonly toYear: number; readonly method: "compound" };
  /** The rows under this one: the years of a per-year target, the links of an average. */
  readonly detail?: ReadonlyArray<TargetRow>;
}

/**
 * Counts of rows by status.
 * @example const c: StatusCounts = { met: 3, notMet: 1, pending: 2, notYetDue: 0, notMeasurable: 1, total: 7 };
 */
export interface StatusCounts {
  readonly met: number;
  readonly notMet: number;
  readonly pending: number;
  readonly notYetDue: number;
  readonly notMeasurable: number;
  readonly total: number;
}

/**
 * The counts behind "k of n met", counting targets as the seeds do: one per target (a "mỗi năm"
 * target is one target, its years are detail), including those not measurable or pending, as the
 * resolutions' own reviews count ("12/14 chỉ tiêu đạt"). When the resolution numbers its targets, the
 * counts are of numbered targets (a numbered target is met when all its sub-targets are) and
 * `subTargets` gives the same counts over the sub-targets.
 *
 * @example
 * const source: FigureSource = () => ({ _tag: "Value", value: 300 }); // 300 of everything, every year
 * const report = evaluateTargets(source, resolution000, { validAt: "2025-12-31" as BusinessDate });
 * const summary: TargetsSummary = report.summary;
 * summary.label // "7 of 12 targets met (9 of 18 sub-targets)"
 */
export interface TargetsSummary extends StatusCounts {
  readonly label: string;
  readonly subTargets?: StatusCounts;
}

/**
 * The evaluation of a resolution on a date: baseline reconciliation, target rows and the summary.
 * @example
 * const source: FigureSource = () => ({ _tag: "Value", value: 300 });
 * const report: TargetsReport = evaluateTargets(source, resolution004(), { validAt: "2025-12-31" as BusinessDate });
 * report.summary.label // "4 of 7 met"
 */
export interface TargetsReport {
  readonly resolutionId: string;
  readonly title: Bilingual;
  readonly province: ProvinceRef;
  /** Set when the resolution was evaluated on another province than its own (a what-if). */
  readonly whatIf?: { readonly province: ProvinceRef; readonly resolutionProvince: ProvinceRef };
  readonly validAt: BusinessDate;
  readonly knownAt?: Instant;
  readonly baseline: ReadonlyArray<TargetRow>;
  readonly targets: ReadonlyArray<TargetRow>;
  readonly summary: TargetsSummary;
}
