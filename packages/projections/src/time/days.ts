import type { BusinessDate, Instant } from "@coop-ledger/domain";

const MS_PER_DAY = 86_400_000;

/**
 * A business date as a whole day number (days since 1970-01-01, negative before): the valid-time axis
 * of the index, an integer so that comparisons and binary searches are cheap.
 *
 * @example dayOf("1970-01-02" as BusinessDate) // 1
 */
export const dayOf = (d: BusinessDate | string): number => {
  // Parsing by hand is several times faster than Date.parse and this runs once per event.
  const y =
    (d.charCodeAt(0) - 48) * 1000 +
    (d.charCodeAt(1) - 48) * 100 +
    (d.charCodeAt(2) - 48) * 10 +
    (d.charCodeAt(3) - 48);
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const day = (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
  return Date.UTC(y, m - 1, day) / MS_PER_DAY;
};

/**
 * The business date of a day number (inverse of {@link dayOf}).
 * @example dateOfDay(1) // "1970-01-02"
 */
export const dateOfDay = (day: number): BusinessDate =>
  new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as BusinessDate;

/**
 * A recording instant as milliseconds since the epoch: the transaction-time axis of the index.
 * Pure (parses the canonical string; never reads the clock).
 *
 * @example instantMs("1970-01-01T00:00:01.000Z" as Instant) // 1000
 */
export const instantMs = (i: Instant | string): number => Date.parse(i);
