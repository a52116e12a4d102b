import type { Figure } from "@coop-ledger/projections";
import {
  formatDecimal,
  formatPercent,
  formatVnd,
  groupDigits,
  type NumberFormat,
} from "../output/numbers.js";

/**
 * A figure's value for people, by its unit: counts grouped, VND with ₫, shares and growth as
 * percentages, averages with two decimals; `–` when there is no value (the note says why). `nf` picks
 * the separators (see {@link NumberFormat}).
 *
 * @example showFigure({ unit: "share", value: 0.714 } as Figure) // "71.4 %"
 * @example showFigure({ unit: "vnd", value: 42556000000 } as Figure, "vi") // "42.556.000.000 ₫"
 */
export const showFigure = (f: Pick<Figure, "unit" | "value">, nf: NumberFormat = "en"): string => {
  if (f.value === null) return "–";
  switch (f.unit) {
    case "count":
      return groupDigits(f.value, nf);
    case "vnd":
      return formatVnd(Math.round(f.value), nf);
    case "vndPerMonth":
      return `${formatVnd(Math.round(f.value), nf)}/${nf === "vi" ? "tháng" : "month"}`;
    case "share":
      return formatPercent(f.value, nf);
    case "growth":
      return `${f.value >= 0 ? "+" : ""}${formatPercent(f.value, nf)}`;
    case "average":
      return formatDecimal(f.value, 2, nf);
  }
};

/**
 * The numerator/denominator of a ratio figure, for a table (`""` for plain counts and amounts).
 * @example showRatioParts({ numerator: 167, denominator: 234 } as Figure) // "167 / 234"
 */
export const showRatioParts = (
  f: Pick<Figure, "numerator" | "denominator">,
  nf: NumberFormat = "en",
): string =>
  f.numerator !== undefined && f.denominator !== undefined
    ? `${groupDigits(f.numerator, nf)} / ${groupDigits(f.denominator, nf)}`
    : "";

/**
 * The period a figure covers: one date for an instant, `from → to` for a flow, `FY yyyy` for annual.
 * @example showPeriod({ period: { from: "2022-01-01", to: "2022-12-31" } } as Figure) // "2022-01-01 → 2022-12-31"
 */
export const showPeriod = (f: Pick<Figure, "period" | "fiscalYear">): string =>
  f.fiscalYear !== undefined
    ? `FY ${f.fiscalYear}`
    : f.period.from === f.period.to
      ? f.period.to
      : `${f.period.from} → ${f.period.to}`;
