import { CoopForm, type Instant, Sector } from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { type CliError, usage } from "../errors/cli-error.js";
import { parseInstantOption } from "../options/dates.js";
import type { RawQueryOptions } from "../options/query.js";

/**
 * A request parameter, trimmed; undefined when absent or blank.
 * @example
 * param(new URLSearchParams("a=1"), "a") // "1"
 */
export const param = (p: URLSearchParams, name: string): string | undefined => {
  const v = p.get(name);
  return v === null || v.trim() === "" ? undefined : v.trim();
};

/**
 * The scope and dates of a request, with the same checks (and messages) as the CLI's options.
 * @example rawQuery(new URLSearchParams("validAt=2022-12-31&province=01"))
 */
export const rawQuery = (p: URLSearchParams): E.Either<CliError, RawQueryOptions> => {
  const validAt = param(p, "validAt");
  if (validAt === undefined)
    return E.left(usage("validAt: missing", "give a valid date, e.g. validAt=2022-12-31"));
  const sector = param(p, "sector");
  if (sector !== undefined && !Sector.is(sector))
    return E.left(
      usage(`sector: not a sector: ${JSON.stringify(sector)}`, `use one of ${Sector.values.join(", ")}`),
    );
  const form = param(p, "form");
  if (form !== undefined && !CoopForm.is(form))
    return E.left(
      usage(`form: not a form: ${JSON.stringify(form)}`, `use one of ${CoopForm.values.join(", ")}`),
    );
  const pick = (k: string) => (param(p, k) !== undefined ? { [k]: param(p, k) } : {});
  return E.right({
    validAt,
    ...pick("knownAt"),
    ...pick("province"),
    ...pick("district"),
    ...(sector !== undefined ? { sector } : {}),
    ...(form !== undefined ? { form } : {}),
    ...pick("geography"),
  });
};

/**
 * The two knowledge instants `a` and `b` of a compare (both required, either order), earlier first.
 * @example instantPair(new URLSearchParams("a=2024-06-30&b=2023-01-15")) // Right([2023-01-15…, 2024-06-30…])
 */
export const instantPair = (p: URLSearchParams): E.Either<CliError, readonly [Instant, Instant]> => {
  const aText = param(p, "a");
  const bText = param(p, "b");
  if (aText === undefined || bText === undefined)
    return E.left(usage("a and b: give both knowledge instants", "e.g. a=2023-01-15&b=2024-06-30"));
  const a = parseInstantOption("a", aText);
  if (E.isLeft(a)) return a;
  const b = parseInstantOption("b", bText);
  if (E.isLeft(b)) return b;
  return E.right(a.right <= b.right ? [a.right, b.right] : [b.right, a.right]);
};
