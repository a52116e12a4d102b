import * as t from "io-ts";

/** Brand of {@link Count}. */
export interface CountBrand {
  readonly Count: unique symbol;
}

/** Brand of {@link PositiveInt}. */
export interface PositiveIntBrand {
  readonly PositiveInt: unique symbol;
}

/** Brand of {@link BasisPoints}. */
export interface BasisPointsBrand {
  readonly BasisPoints: unique symbol;
}

/** Brand of {@link Score}. */
export interface ScoreBrand {
  readonly Score: unique symbol;
}

/** Brand of {@link FiscalYear}. */
export interface FiscalYearBrand {
  readonly FiscalYear: unique symbol;
}

/** Brand of {@link Text}. */
export interface TextBrand {
  readonly Text: unique symbol;
}

/**
 * A count of people, co-ops or items: a non-negative safe integer.
 * @example Count.decode(7) // Right
 */
export const Count = t.brand(
  t.number,
  (n): n is t.Branded<number, CountBrand> => Number.isSafeInteger(n) && n >= 0,
  "Count",
);
/** @see Count */
export type Count = t.TypeOf<typeof Count>;

/**
 * A positive whole number (a term in months, a fiscal year's count of something that cannot be zero).
 * @example PositiveInt.decode(36) // Right
 */
export const PositiveInt = t.brand(
  t.number,
  (n): n is t.Branded<number, PositiveIntBrand> => Number.isSafeInteger(n) && n > 0,
  "PositiveInt",
);
/** @see PositiveInt */
export type PositiveInt = t.TypeOf<typeof PositiveInt>;

/**
 * A share in basis points (1/100 of a percent), 0–10 000: exact, so 71.4 % is 7140.
 * @example BasisPoints.decode(7140) // Right: 71.40 %
 */
export const BasisPoints = t.brand(
  t.number,
  (n): n is t.Branded<number, BasisPointsBrand> => Number.isSafeInteger(n) && n >= 0 && n <= 10_000,
  "BasisPoints",
);
/** @see BasisPoints */
export type BasisPoints = t.TypeOf<typeof BasisPoints>;

/**
 * A score on a 0–100 scale (assessment, OCOP), with at most two decimals (scoring sheets use halves).
 * @example Score.decode(72.5) // Right
 */
export const Score = t.brand(
  t.number,
  (n): n is t.Branded<number, ScoreBrand> =>
    // k/100 rebuilt from the rounded hundredths: `n * 100` is inexact (36.23 * 100 = 3622.9999999999995)
    Number.isFinite(n) && n >= 0 && n <= 100 && Math.round(n * 100) / 100 === n,
  "Score",
);
/** @see Score */
export type Score = t.TypeOf<typeof Score>;

/**
 * A fiscal (calendar) year, 1990–2100: Vietnamese co-ops report on the calendar year.
 * @example FiscalYear.decode(2022) // Right
 */
export const FiscalYear = t.brand(
  t.number,
  (n): n is t.Branded<number, FiscalYearBrand> => Number.isInteger(n) && n >= 1990 && n <= 2100,
  "FiscalYear",
);
/** @see FiscalYear */
export type FiscalYear = t.TypeOf<typeof FiscalYear>;

/**
 * A text of 1–500 characters (names, reasons, descriptions).
 * @example Text.decode("HTX Nông nghiệp Hàm Thuận") // Right
 */
export const Text = t.brand(
  t.string,
  (s): s is t.Branded<string, TextBrand> => s.trim().length > 0 && s.length <= 500,
  "Text",
);
/** @see Text */
export type Text = t.TypeOf<typeof Text>;
