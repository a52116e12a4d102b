import { civilOfDay, type DayNumber, dayOfYmd } from "@coop-ledger/domain";

// The day arithmetic itself (day numbers, civil dates, instants) is the domain's (`values/day-number.ts`);
// what is the generator's own is the simulation's month.

/** A month of the simulation: its first day and the first day of the next month. */
export interface Month {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly firstDay: DayNumber;
  readonly nextFirstDay: DayNumber;
}

/**
 * The month containing a day.
 * @example
 * monthOf(dayOf("2024-07-15")).month // 7
 */
export const monthOf = (day: DayNumber): Month => {
  const { year, month } = civilOfDay(day);
  return { year, month, firstDay: dayOfYmd(year, month, 1), nextFirstDay: dayOfYmd(year, month + 1, 1) };
};
