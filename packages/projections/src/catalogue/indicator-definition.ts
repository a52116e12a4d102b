import type { CoopForm } from "@coop-ledger/domain";
import type { IndicatorId } from "./indicator-id.js";
import type { ProjectionOptions } from "./indicator-options.js";

/**
 * How an indicator relates to time:
 * - `instant`: evaluated on `validAt` (a stock);
 * - `period`: a flow over a period ending on `validAt` (default from 1 January of its year);
 * - `annual`: about one fiscal year (default the year before `validAt`'s), from reports and ratings
 *   recorded with an effective date up to `validAt`.
 * @example
 * const kind: IndicatorKind = "period";
 */
export type IndicatorKind = "instant" | "period" | "annual";

/**
 * The unit of a figure's value.
 * @example
 * const unit: IndicatorUnit = "vnd";
 */
export type IndicatorUnit = "count" | "vnd" | "share" | "average" | "vndPerMonth" | "growth";

/** One indicator of the catalogue: what it means, in English and Vietnamese, and how it is built. */
export interface IndicatorDefinition {
  readonly id: IndicatorId;
  readonly label: { readonly en: string; readonly vi: string };
  readonly kind: IndicatorKind;
  readonly unit: IndicatorUnit;
  readonly definition: string;
  /** For ratios and averages: what is counted above and below the line. */
  readonly numerator?: string;
  readonly denominator?: string;
  /** The organisations counted (`[]`: not about organisations: alliance and fund figures). */
  readonly forms: ReadonlyArray<CoopForm>;
  /** The options that change it. */
  readonly options: ReadonlyArray<keyof ProjectionOptions>;
  /** Where the sources track it (brief §5). */
  readonly seenIn: string;
}

/**
 * The forms of an indicator about co-ops only (most of the catalogue).
 * @example COOP // ["cooperative"]
 */
export const COOP: ReadonlyArray<CoopForm> = ["cooperative"];
