import { literals } from "@coop-ledger/domain";
import type * as t from "io-ts";

/**
 * How numbers read for people: `en` (`42,556,000,000 ₫`, `97.2 %`, the default, which spreadsheets
 * parse back) or `vi` (`42.556.000.000 ₫`, `97,2 %`: dots group thousands and the comma marks decimals,
 * as Vietnamese administrative documents write them — e.g. the provincial Alliance reports
 * and resolutions cited in docs/resolutions.md). Only text for people changes: JSON and CSV keep raw numbers.
 *
 * @example NumberFormat.is("vi") // true
 */
export const NumberFormat = literals(["en", "vi"], "NumberFormat");
/** @see NumberFormat */
export type NumberFormat = t.TypeOf<typeof NumberFormat>;

/** The two separators of a number format. */
const SEPARATORS: Record<NumberFormat, { readonly group: string; readonly decimal: string }> = {
  en: { group: ",", decimal: "." },
  vi: { group: ".", decimal: "," },
};

/**
 * Groups the digits of an integer in threes: commas in `en` (the form English-speaking readers and
 * spreadsheets both parse back), dots in `vi`.
 * @example groupDigits(250000000) // "250,000,000"
 * @example groupDigits(250000000, "vi") // "250.000.000"
 */
export const groupDigits = (n: number | bigint, nf: NumberFormat = "en"): string => {
  const s = typeof n === "bigint" ? n.toString() : Math.trunc(n).toString();
  const neg = s.startsWith("-");
  const digits = neg ? s.slice(1) : s;
  return (neg ? "-" : "") + digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[nf].group);
};

/**
 * A decimal number with a fixed number of fraction digits, its integer part grouped, in the format's
 * separators.
 * @example formatDecimal(1234.5, 2, "vi") // "1.234,50"
 */
export const formatDecimal = (x: number, fractionDigits: number, nf: NumberFormat = "en"): string => {
  const fixed = Math.abs(x).toFixed(fractionDigits);
  const [int = "0", frac] = fixed.split(".");
  const sign = x < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${groupDigits(Number(int), nf)}${frac !== undefined ? SEPARATORS[nf].decimal + frac : ""}`;
};

/**
 * A fraction as a percentage with one decimal, rounded half away from zero on the exact tenth.
 * @example formatPercent(0.714) // "71.4 %"
 * @example formatPercent(0.972, "vi") // "97,2 %"
 */
export const formatPercent = (fraction: number, nf: NumberFormat = "en"): string =>
  `${formatDecimal(Math.round(fraction * 1000) / 10, 1, nf)} %`;

/**
 * VND with separators and the unit.
 * @example formatVnd(250000000) // "250,000,000 ₫"
 * @example formatVnd(42556000000, "vi") // "42.556.000.000 ₫"
 */
export const formatVnd = (n: number | bigint, nf: NumberFormat = "en"): string => `${groupDigits(n, nf)} ₫`;
