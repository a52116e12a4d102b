import * as t from "io-ts";
import { dayOf, isoDate } from "./day-number.js";

/** Brand of {@link BusinessDate}. */
export interface BusinessDateBrand {
  readonly BusinessDate: unique symbol;
}

/** Brand of {@link Instant}. */
export interface InstantBrand {
  readonly Instant: unique symbol;
}

// Shapes only (no capture groups): `test` makes no match array, and the digits are then read by their
// character codes. Every event's dates and instant go through these checks when a ledger is decoded:
// with `exec`'s match arrays they were ~280 MB of garbage for 400,000 events.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The number written by the ASCII digits of `s` from `from` (inclusive) to `to` (exclusive). */
const digitsAt = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Days in a month of the Gregorian calendar.
 * @example daysInMonth(2024, 2) // 29
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? isLeap(year)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

const isRealDate = (y: number, m: number, d: number): boolean =>
  y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/**
 * A business date (valid time): the day something happened in the world, as `YYYY-MM-DD`, checked to
 * be a real calendar date between 1900 and 2999. Strings in this form sort chronologically.
 *
 * @example BusinessDate.decode("2024-02-29") // Right
 * @example BusinessDate.decode("2023-02-29") // Left: not a real date
 */
export const BusinessDate = t.brand(
  t.string,
  (s): s is t.Branded<string, BusinessDateBrand> =>
    DATE.test(s) && isRealDate(digitsAt(s, 0, 4), digitsAt(s, 5, 7), digitsAt(s, 8, 10)),
  "BusinessDate",
);
/** @see BusinessDate */
export type BusinessDate = t.TypeOf<typeof BusinessDate>;

/**
 * A recording instant (transaction time), in the canonical UTC form `YYYY-MM-DDTHH:mm:ss.sssZ` that
 * `Date#toISOString` produces, so that instants sort chronologically as strings. Use
 * {@link parseInstant} to accept looser input (offsets, no milliseconds, a bare date).
 *
 * @example Instant.decode("2023-01-15T08:00:00.000Z") // Right
 */
export const Instant = t.brand(
  t.string,
  (s): s is t.Branded<string, InstantBrand> =>
    INSTANT.test(s) &&
    isRealDate(digitsAt(s, 0, 4), digitsAt(s, 5, 7), digitsAt(s, 8, 10)) &&
    digitsAt(s, 11, 13) < 24 &&
    digitsAt(s, 14, 16) < 60 &&
    digitsAt(s, 17, 19) < 60,
  "Instant",
);
/** @see Instant */
export type Instant = t.TypeOf<typeof Instant>;

/**
 * Parses a user-typed instant: an ISO 8601 date-time with `Z` or an offset, or a bare date
 * (`YYYY-MM-DD` or `DD/MM/YYYY`, taken as
 * the end of that day, 23:59:59.999 UTC, since "as known on 15/01/2023" means by the end of that day).
 * Returns `undefined` when the text is not a valid instant, including a date or time that does not exist
 * as written (30 February, 24:00, second 60, offset +24:00): never rolled over. Pure: it never reads the
 * clock.
 *
 * @example parseInstant("2023-01-15") // "2023-01-15T23:59:59.999Z"
 * @example parseInstant("15/01/2023") // "2023-01-15T23:59:59.999Z"
 * @example parseInstant("2023-01-15T08:00:00+07:00") // "2023-01-15T01:00:00.000Z"
 */
export const parseInstant = (text: string): Instant | undefined => {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  // DD/MM/YYYY (ngày/tháng/năm) is a bare date too, as parseBusinessDate reads it.
  const s = dmy === null ? text.trim() : `${dmy[3]}-${dmy[2]?.padStart(2, "0")}-${dmy[1]?.padStart(2, "0")}`;
  if (BusinessDate.is(s)) return `${s}T23:59:59.999Z` as Instant;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(s);
  // Every part must be real as written: Date.parse rolls 30 February over to 2 March and 24:00 to the
  // next day, which would silently answer for another instant than the one typed.
  if (
    m === null ||
    !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ||
    Number(m[4]) > 23 ||
    Number(m[5]) > 59 ||
    Number(m[6] ?? 0) > 59 ||
    Number(m[7] ?? 0) > 23 ||
    Number(m[8] ?? 0) > 59
  )
    return undefined;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return Instant.is(iso) ? iso : undefined;
};

/**
 * The parts of a business date as numbers.
 * @example
 * dateParts("2024-07-01" as BusinessDate) // { year: 2024, month: 7, day: 1 }
 */
export const dateParts = (d: BusinessDate): { year: number; month: number; day: number } => ({
  year: Number(d.slice(0, 4)),
  month: Number(d.slice(5, 7)),
  day: Number(d.slice(8, 10)),
});

/**
 * Builds a business date from numbers (clamping the day to the month's end).
 * @example
 * makeDate(2023, 2, 31) // "2023-02-28"
 */
export const makeDate = (year: number, month: number, day: number): BusinessDate => {
  const d = Math.min(day, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}` as BusinessDate;
};

/**
 * Adds whole months, clamping to the end of the month (2024-01-31 + 1 month = 2024-02-29).
 * @example addMonths("2021-03-15" as BusinessDate, 36) // "2024-03-15"
 */
export const addMonths = (d: BusinessDate, months: number): BusinessDate => {
  const { year, month, day } = dateParts(d);
  const index = year * 12 + (month - 1) + months;
  return makeDate(Math.floor(index / 12), (index % 12) + 1, day);
};

/**
 * Adds days (negative to go back).
 * @example
 * addDays("2024-12-31" as BusinessDate, 1) // "2025-01-01"
 */
export const addDays = (d: BusinessDate, days: number): BusinessDate => isoDate(dayOf(d) + days);

/**
 * Whole months from `from` to `to` (negative if `to` is earlier): the count of completed months, so a
 * co-op founded on 2023-03-15 is 12 months old on 2024-03-15 and 11 on 2024-03-14.
 * @example monthsBetween("2023-03-15" as BusinessDate, "2024-03-15" as BusinessDate) // 12
 */
export const monthsBetween = (from: BusinessDate, to: BusinessDate): number => {
  const a = dateParts(from);
  const b = dateParts(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && b.day < a.day && b.day < daysInMonth(b.year, b.month)) months -= 1;
  if (months < 0 && b.day > a.day) months += 1;
  return months;
};

/**
 * Whole years of age on a date (birthdays on 29 February count from 1 March in common years).
 * @example
 * ageOn("1975-06-01" as BusinessDate, "2025-05-31" as BusinessDate) // 49
 */
export const ageOn = (birthDate: BusinessDate, on: BusinessDate): number => {
  const b = dateParts(birthDate);
  const d = dateParts(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
};

/**
 * Compares dates (or canonical instants): negative, zero or positive.
 * @example
 * compareDates("2022-12-31", "2023-01-01") < 0 // true
 */
export const compareDates = <S extends string>(a: S, b: S): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The last day of a year.
 * @example
 * endOfYear(2022) // "2022-12-31"
 */
export const endOfYear = (year: number): BusinessDate => makeDate(year, 12, 31);

/**
 * The first day of a year.
 * @example
 * startOfYear(2022) // "2022-01-01"
 */
export const startOfYear = (year: number): BusinessDate => makeDate(year, 1, 1);

/**
 * The business date (UTC day) of an instant.
 * @example
 * dateOfInstant("2023-01-15T08:00:00.000Z" as Instant) // "2023-01-15"
 */
export const dateOfInstant = (i: Instant): BusinessDate => i.slice(0, 10) as BusinessDate;
