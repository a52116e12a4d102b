import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { BusinessDate } from "./time.js";

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Why {@link parseBusinessDate} refused a text: not `YYYY-MM-DD` nor `DD/MM/YYYY`, or not a real date.
 *
 * @example const e: DateTextError = { _tag: "InvalidDateText", text: "31/02/2021", message: "..." };
 */
export interface DateTextError {
  readonly _tag: "InvalidDateText";
  readonly text: string;
  readonly message: string;
}

/**
 * `DD/MM/YYYY` (how Vietnamese documents write dates: ngày/tháng/năm) as `YYYY-MM-DD`; any other text
 * trimmed and unchanged.
 *
 * @example dayMonthYearToIso("1/7/2025") // "2025-07-01"
 */
export const dayMonthYearToIso = (text: string): string => {
  const m = DMY.exec(text.trim());
  return m === null
    ? text.trim()
    : `${m[3]}-${(m[2] as string).padStart(2, "0")}-${(m[1] as string).padStart(2, "0")}`;
};

/**
 * Parses a business date typed by a person: `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`), a real
 * calendar date between 1900 and 2999. The one parser behind the CLI's date options, for library users
 * who have text dates.
 *
 * @example parseBusinessDate("31/12/2020") // Right("2020-12-31")
 * @example parseBusinessDate("2020-12-31") // Right("2020-12-31")
 * @example parseBusinessDate("30/02/2020") // Left(InvalidDateText)
 */
export const parseBusinessDate = (text: string): E.Either<DateTextError, BusinessDate> => {
  const iso = dayMonthYearToIso(text);
  return BusinessDate.is(iso)
    ? E.right(iso)
    : E.left({
        _tag: "InvalidDateText",
        text,
        message: `not a valid date: ${JSON.stringify(text)} (write YYYY-MM-DD or DD/MM/YYYY, e.g. 2020-12-31 or 31/12/2020)`,
      });
};

/**
 * An io-ts codec from date text (`YYYY-MM-DD` or `DD/MM/YYYY`) to a {@link BusinessDate}; encodes back
 * to `YYYY-MM-DD`. For forms and files that carry Vietnamese-style dates.
 *
 * @example BusinessDateFromText.decode("01/07/2025") // Right("2025-07-01")
 * @example t.type({ born: BusinessDateFromText }).decode({ born: "2020-02-30" }) // Left
 */
export const BusinessDateFromText: t.Type<BusinessDate, string, unknown> = new t.Type<
  BusinessDate,
  string,
  unknown
>(
  "BusinessDateFromText",
  BusinessDate.is,
  (u, c) => {
    if (typeof u !== "string") return t.failure(u, c, "expected a date text");
    const parsed = parseBusinessDate(u);
    return E.isRight(parsed) ? t.success(parsed.right) : t.failure(u, c, parsed.left.message);
  },
  (d) => d,
);
