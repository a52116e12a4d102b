import {
  type BusinessDate,
  BusinessDate as BusinessDateCodec,
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
  return BusinessDateCodec.is(iso)
    ? E.right(iso)
    : E.left(
        usage(
          `${option}: not a valid date: ${JSON.stringify(text)}`,
          "write the date as YYYY-MM-DD or DD/MM/YYYY, e.g. 2022-12-31 or 31/12/2022",
        ),
      );
};

/**
 * Parses a `--known-at` instant through the domain's `parseInstant` (ISO 8601 with `Z` or an offset;
 * a bare date means the end of that day, UTC); `DD/MM/YYYY` is accepted as a bare date too.
 *
 * @example parseInstantOption("--known-at", "2023-01-15") // Right("2023-01-15T23:59:59.999Z")
 */
export const parseInstantOption = (option: string, text: string): E.Either<CliError, Instant> => {
  const parsed = parseInstant(fromDayMonthYear(text));
  return parsed !== undefined
    ? E.right(parsed)
    : E.left(
        usage(
          `${option}: not a valid instant: ${JSON.stringify(text)}`,
          "write e.g. 2023-01-15T08:00:00Z, 2023-01-15T15:00:00+07:00, or a date (end of that day, UTC)",
        ),
      );
};
