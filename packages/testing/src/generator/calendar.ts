import type { BusinessDate, Instant } from "@coop-ledger/domain";

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * A day as a whole number of days since 1970-01-01 (UTC). The generator does its date arithmetic on
 * these numbers and turns them into `YYYY-MM-DD` strings only when it writes an event, through a cache:
 * string dates are what events carry, integers are what a million-event run can afford to compute with.
 */
export type DayNumber = number;

const isoCache = new Map<DayNumber, BusinessDate>();

/** The business date of a day number. @example isoDate(dayOf("2024-07-01")) // "2024-07-01" */
export const isoDate = (day: DayNumber): BusinessDate => {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10) as BusinessDate;
    isoCache.set(day, s);
  }
  return s;
};

/** The day number of a `YYYY-MM-DD` date. @example dayOf("1970-01-02") // 1 */
export const dayOf = (date: string): DayNumber => Math.floor(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);

/** The day number of year/month/day (month 1–12, day clamped to the month). @example dayOfYmd(2024, 2, 31) // 2024-02-29 */
export const dayOfYmd = (year: number, month: number, day: number): DayNumber => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, month - 1, Math.min(day, last)) / DAY_MS);
};

/** The calendar year of a day number. @example yearOf(dayOf("2021-05-04")) // 2021 */
export const yearOf = (day: DayNumber): number => new Date(day * DAY_MS).getUTCFullYear();

/** Adds whole months, clamping to the month's end (as the domain's `addMonths`). @example addMonthsDay(dayOf("2024-01-31"), 1) */
export const addMonthsDay = (day: DayNumber, months: number): DayNumber => {
  const d = new Date(day * DAY_MS);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  return dayOfYmd(Math.floor(index / 12), (index % 12) + 1, d.getUTCDate());
};

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/**
 * The canonical instant of a millisecond timestamp (`Date#toISOString` form), built from cached parts:
 * formatting through `Date` costs more than the rest of generating an event.
 * @example isoInstant(0) // "1970-01-01T00:00:00.000Z"
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

/** A month of the simulation: its first day and the first day of the next month. */
export interface Month {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly firstDay: DayNumber;
  readonly nextFirstDay: DayNumber;
}

/** The month containing a day. @example monthOf(dayOf("2024-07-15")).month // 7 */
export const monthOf = (day: DayNumber): Month => {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  return { year, month, firstDay: dayOfYmd(year, month, 1), nextFirstDay: dayOfYmd(year, month + 1, 1) };
};
