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

// Pure-arithmetic civil calendar (Howard Hinnant's days_from_civil / civil_from_days): going through
// `Date` for every date computation was the largest single cost of a national run.
const daysFromCivil = (y0: number, m: number, d: number): DayNumber => {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** Year, month (1–12) and day of a day number. @example civil(0) // { year: 1970, month: 1, day: 1 } */
export const civil = (z0: DayNumber): { year: number; month: number; day: number } => {
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

/** The day number of year/month/day (month may run past 12; day clamped to the month). @example dayOfYmd(2024, 2, 31) // 2024-02-29 */
export const dayOfYmd = (year: number, month: number, day: number): DayNumber => {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return daysFromCivil(y, mo, Math.min(day, monthLength(y, mo)));
};

/** The calendar year of a day number. @example yearOf(dayOf("2021-05-04")) // 2021 */
export const yearOf = (day: DayNumber): number => civil(day).year;

/** Adds whole months, clamping to the month's end (as the domain's `addMonths`). @example addMonthsDay(dayOf("2024-01-31"), 1) */
export const addMonthsDay = (day: DayNumber, months: number): DayNumber => {
  const c = civil(day);
  return dayOfYmd(c.year, c.month + months, c.day);
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
  const { year, month } = civil(day);
  return { year, month, firstDay: dayOfYmd(year, month, 1), nextFirstDay: dayOfYmd(year, month + 1, 1) };
};
