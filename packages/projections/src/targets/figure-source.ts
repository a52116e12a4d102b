import type {
  BusinessDate,
  CoopForm,
  GazetteerVersion,
  Instant,
  ProvinceCode,
  Sector,
} from "@coop-ledger/domain";

/**
 * A province as a target names it: a GSO code together with the gazetteer version the code belongs to
 * (codes were reused in 2025, so a code alone is ambiguous).
 *
 * @example const binhThuan: ProvinceRef = { code: "60" as ProvinceCode, gazetteer: "2008-08-01" };
 */
export interface ProvinceRef {
  readonly code: ProvinceCode;
  readonly gazetteer: GazetteerVersion;
}

/**
 * What a target counts over: a province, and optionally one form (co-op, union, group) or sector.
 *
 * @example const unions: FigureScope = { province: { code: "06" as ProvinceCode, gazetteer: "2008-08-01" }, form: "union" };
 */
export interface FigureScope {
  readonly province?: ProvinceRef;
  readonly form?: CoopForm;
  readonly sector?: Sector;
}

/** The value of an option passed through to an indicator. @example const o: OptionValue = "provincialSupportFund"; */
export type OptionValue = string | number | boolean;

/**
 * One question put to the projection engine for a target: an indicator, at a valid date (`validAt`),
 * optionally as known at an instant (`knownAt`), over a period (for flow indicators) or for a fiscal
 * year (for annual indicators), within a scope.
 *
 * @example
 * const q: FigureQuery = { indicatorId: "coops.active", validAt: "2021-04-22" as BusinessDate,
 *   scope: { province: { code: "06" as ProvinceCode, gazetteer: "2008-08-01" }, form: "cooperative" } };
 */
export interface FigureQuery {
  readonly indicatorId: string;
  readonly validAt: BusinessDate;
  readonly knownAt?: Instant;
  readonly period?: { readonly from: BusinessDate; readonly to: BusinessDate };
  readonly year?: number;
  readonly scope: FigureScope;
  readonly options?: Readonly<Record<string, OptionValue>>;
}

/**
 * The engine's answer for one indicator, as the evaluator needs it:
 * - `Value` — a count or an amount (integer: co-ops, VND);
 * - `Ratio` — a share or an average, kept as numerator / denominator so comparisons stay exact;
 * - `Unavailable` — the engine cannot give the figure (unknown indicator, missing input such as the
 *   province's farm households, nothing reported for that year), with why.
 *
 * @example const f: IndicatorFigure = { _tag: "Ratio", numerator: 140, denominator: 196 };
 */
export type IndicatorFigure =
  | { readonly _tag: "Value"; readonly value: number }
  | { readonly _tag: "Ratio"; readonly numerator: number; readonly denominator: number }
  | { readonly _tag: "Unavailable"; readonly reason: string };

/**
 * The small interface the evaluator is written against: "what is indicator X for this query?". The
 * projection engine's index is adapted to it (see `figureSourceOf`), and tests may supply a table.
 * Must be pure: the same query gives the same figure.
 *
 * @example const zero: FigureSource = () => ({ _tag: "Value", value: 0 });
 */
export type FigureSource = (query: FigureQuery) => IndicatorFigure;
