import {
  type BusinessDate,
  BusinessDate as BusinessDateCodec,
  daysInMonth,
  type Instant,
  parseInstant,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { type CliError, usage } from "../errors/cli-error.js";

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `DD/MM/YYYY` (how Vietnamese documents write dates) to `YYYY-MM-DD`; other text unchanged. */
const fromDayMonthYear = (text: string): string => {
  const m = DMY.exec(text.trim());
  return m === null ? text.trim() : `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
};

/**
 * Parses a `--valid-at`-style date: `YYYY-MM-DD` or `DD/MM/YYYY`, a real calendar date.
 *
 * @example parseDateOption("--valid-at", "31/12/2022") // Right("2022-12-31")
 * @example parseDateOption("--valid-at", "2022-02-30") // Left(UsageError)
 */
export const parseDateOption = (option: string, text: string): E.Either<CliError, BusinessDate> => {
  const iso = fromDayMonthYear(text);
  if (BusinessDateCodec.is(iso)) return E.right(iso);
  return E.left(
    dateRefusal(option, text, iso) ?? usage(`${option}: not a valid date: ${JSON.stringify(text)}`, FORMS),
  );
};

const FORMS = "write the date as YYYY-MM-DD or DD/MM/YYYY, e.g. 2022-12-31 or 31/12/2022";

/** The range of dates a ledger can hold (the domain's `BusinessDate`: years 1900 to 2999). */
const DATE_RANGE = { from: "1900-01-01", to: "2999-12-31" } as const;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Why a text shaped like `YYYY-MM-DD` is not a business date, said precisely: a year outside the
 * allowed range (the range given), a month that does not exist, or a day past the month's end (its
 * length given). `undefined` when the text is not date-shaped at all.
 */
const dateRefusal = (option: string, text: string, iso: string): CliError | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const shown = JSON.stringify(text);
  if (month < 1 || month > 12)
    return usage(`${option}: not a calendar date: ${shown} (there is no month ${month})`, FORMS);
  if (day < 1 || day > daysInMonth(year, month))
    return usage(
      `${option}: not a calendar date: ${shown} (${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days)`,
      FORMS,
    );
  return usage(
    `${option}: ${shown} is outside the dates a ledger can hold (${DATE_RANGE.from} to ${DATE_RANGE.to})`,
    `give a date from ${DATE_RANGE.from} to ${DATE_RANGE.to}`,
  );
};

/**
 * Refuses a reversed range (`to` before `from`) as a usage error naming both options and dates.
 *
 * @example dateRange("--from", "2023-01-01", "--to", "2020-01-01") // Left(UsageError "--to 2020-01-01 is before --from 2023-01-01")
 */
export const dateRange = <D extends string>(
  fromOption: string,
  from: D,
  toOption: string,
  to: D,
): E.Either<CliError, { readonly from: D; readonly to: D }> =>
  to < from
    ? E.left(
        usage(
          `${toOption} ${to} is before ${fromOption} ${from}: the range is reversed`,
          `give ${fromOption} the earlier date and ${toOption} the later one (${fromOption} ${to} ${toOption} ${from})`,
        ),
      )
    : E.right({ from, to });

/**
 * Parses a `--known-at` instant through the domain's `parseInstant` (ISO 8601 with `Z` or an offset;
 * a bare date means the end of that day, UTC); `DD/MM/YYYY` is accepted as a bare date too.
 *
 * @example parseInstantOption("--known-at", "2023-01-15") // Right("2023-01-15T23:59:59.999Z")
 */
export const parseInstantOption = (option: string, text: string): E.Either<CliError, Instant> => {
  const iso = fromDayMonthYear(text);
  // The date part is checked first: `Date.parse` rolls 2023-02-30T00:00Z over to 2 March.
  const datePart = /^\d{4}-\d{2}-\d{2}(?=$|T)/.exec(iso.trim());
  const refusal =
    datePart !== null && !BusinessDateCodec.is(datePart[0])
      ? dateRefusal(option, text, datePart[0])
      : undefined;
  if (refusal !== undefined) return E.left(refusal);
  const parsed = parseInstant(iso);
  return parsed !== undefined
    ? E.right(parsed)
    : E.left(
        usage(
          `${option}: not a valid instant: ${JSON.stringify(text)}`,
          "write e.g. 2023-01-15T08:00:00Z, 2023-01-15T15:00:00+07:00, or a date (end of that day, UTC)",
        ),
      );
};
