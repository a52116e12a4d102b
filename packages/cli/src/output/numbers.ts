/**
 * Groups the digits of an integer in threes with a thin separator-free comma, the form English-speaking
 * readers and spreadsheets both parse back (Vietnamese documents use dots; the label says VND).
 * @example groupDigits(250000000) // "250,000,000"
 */
export const groupDigits = (n: number | bigint): string => {
  const s = typeof n === "bigint" ? n.toString() : Math.trunc(n).toString();
  const neg = s.startsWith("-");
  const digits = neg ? s.slice(1) : s;
  return (neg ? "-" : "") + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
};

/**
 * A fraction as a percentage with one decimal, rounded half away from zero on the exact tenth.
 * @example formatPercent(0.714) // "71.4 %"
 */
export const formatPercent = (fraction: number): string =>
  `${(Math.round(fraction * 1000) / 10).toFixed(1)} %`;

/**
 * VND with separators and the unit.
 * @example formatVnd(250000000) // "250,000,000 ₫"
 */
export const formatVnd = (n: number | bigint): string => `${groupDigits(n)} ₫`;
