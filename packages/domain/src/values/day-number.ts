import type { BusinessDate, Instant } from "./time.js";

// Day numbers are the one place dates are computed on as integers: the projections' index (its
// valid-time axis), the generator's simulation and the testing arbitraries all use these functions, so
// that a date means the same day everywhere. `time.ts` holds the string forms events carry.

/**
 * Milliseconds in a day (UTC days have no leap seconds in ECMAScript time).
 * @example DAY_MS // 86400000
 */
export const DAY_MS = 86_400_000;

/**
 * A day as a whole number of days since 1970-01-01 (UTC; negative before). Integers are cheap to
 * compare, search and add to; events carry `YYYY-MM-DD` strings, turned into day numbers once.
 *
 * @example const d: DayNumber = dayOf("2024-07-01") // 19905
 */
export type DayNumber = number;

/**
 * The day number of a `YYYY-MM-DD` date (or of the date part of a canonical instant).
 *
 * @example dayOf("1970-01-02") // 1
 * @example dayOf("2023-01-15T08:00:00.000Z") // 19372
 */
export const dayOf = (d: BusinessDate | Instant | string): DayNumber => {
  // Parsing by hand is several times faster than Date.parse, and this runs once per event.
  const y =
    (d.charCodeAt(0) - 48) * 1000 +
    (d.charCodeAt(1) - 48) * 100 +
    (d.charCodeAt(2) - 48) * 10 +
    (d.charCodeAt(3) - 48);
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const day = (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
  return daysFromCivil(y, m, day);
};

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

// A memo of formatted dates: a national run formats the same few thousand days millions of times.
// Only what is asked for is kept (at most one entry a day, a few hundred thousand over 1900–2999).
const isoCache = new Map<DayNumber, BusinessDate>();

/**
 * The business date (`YYYY-MM-DD`) of a day number; the inverse of {@link dayOf}.
 *
 * @example isoDate(1) // "1970-01-02"
 * @example isoDate(dayOf("2024-02-29") + 1) // "2024-03-01"
 */
export const isoDate = (day: DayNumber): BusinessDate => {
  let s = isoCache.get(day);
  if (s === undefined) {
    const c = civilOfDay(day);
    s = `${String(c.year).padStart(4, "0")}-${PAD2[c.month]}-${PAD2[c.day]}` as BusinessDate;
    isoCache.set(day, s);
  }
  return s;
};

// Pure-arithmetic civil calendar (Howard Hinnant's days_from_civil / civil_from_days): going through
// `Date` for every date computation was the largest single cost of a national generator run.
const daysFromCivil = (y0: number, m: number, d: number): DayNumber => {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/**
 * Year, month (1–12) and day of a day number.
 * @example civilOfDay(0) // { year: 1970, month: 1, day: 1 }
 */
export const civilOfDay = (z0: DayNumber): { year: number; month: number; day: number } => {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/**
 * The day number of year/month/day; the month may run past 12 or below 1 (it carries into the year)
 * and the day is clamped to the month's length.
 *
 * @example isoDate(dayOfYmd(2024, 2, 31)) // "2024-02-29"
 * @example isoDate(dayOfYmd(2024, 13, 1)) // "2025-01-01"
 */
export const dayOfYmd = (year: number, month: number, day: number): DayNumber => {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return daysFromCivil(y, mo, Math.min(day, monthLength(y, mo)));
};

/**
 * The calendar year of a day number.
 * @example yearOf(dayOf("2021-05-04")) // 2021
 */
export const yearOf = (day: DayNumber): number => civilOfDay(day).year;

/**
 * Adds whole months to a day number, clamping to the month's end (as `addMonths` does on dates).
 * @example isoDate(addMonthsDay(dayOf("2024-01-31"), 1)) // "2024-02-29"
 */
export const addMonthsDay = (day: DayNumber, months: number): DayNumber => {
  const c = civilOfDay(day);
  return dayOfYmd(c.year, c.month + months, c.day);
};

/**
 * A canonical instant as milliseconds since the epoch: the transaction-time axis as a number. Pure
 * (parses the string; never reads the clock).
 *
 * @example instantMs("1970-01-01T00:00:01.000Z") // 1000
 */
export const instantMs = (i: Instant | string): number => Date.parse(i);

/**
 * The canonical instant (`Date#toISOString` form) of a millisecond timestamp, built from cached
 * parts: formatting through `Date` costs more than the rest of generating an event.
 *
 * @example isoInstant(0) // "1970-01-01T00:00:00.000Z"
 * @example isoInstant(instantMs("2023-01-15T08:00:00.000Z")) // "2023-01-15T08:00:00.000Z"
 */
export const isoInstant = (ms: number): Instant => {
  const day = Math.floor(ms / DAY_MS);
  let r = ms - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  return `${isoDate(day)}T${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[r - s * 1000]}Z` as Instant;
};
