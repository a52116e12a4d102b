import type { BusinessDate, Instant } from "@coop-ledger/domain";
import type { ProjectionQuery } from "@coop-ledger/projections";
import * as E from "fp-ts/lib/Either.js";
import type { CliError } from "../errors/cli-error.js";
import { parseDateOption, parseInstantOption } from "./dates.js";
import { type CliScope, parseScope, type RawScopeOptions } from "./scope.js";

/** The raw point-in-time options as commander hands them over. */
export interface RawQueryOptions extends RawScopeOptions {
  readonly validAt: string;
  readonly knownAt?: string;
}

/** A parsed point-in-time question: valid date, optional knowledge instant, scope. */
export interface CliQuery {
  readonly validAt: BusinessDate;
  readonly knownAt?: Instant;
  readonly scope: CliScope;
}

/**
 * Parses `--valid-at`, `--known-at` and the scope options.
 * @example parseQuery({ validAt: "31/12/2022" }) // Right({ validAt: "2022-12-31", scope: { geography: "as-of" } })
 */
export const parseQuery = (raw: RawQueryOptions): E.Either<CliError, CliQuery> => {
  const validAt = parseDateOption("--valid-at", raw.validAt);
  if (E.isLeft(validAt)) return validAt;
  const knownAt = raw.knownAt === undefined ? undefined : parseInstantOption("--known-at", raw.knownAt);
  if (knownAt !== undefined && E.isLeft(knownAt)) return knownAt;
  const scope = parseScope(raw);
  if (E.isLeft(scope)) return scope;
  return E.right({
    validAt: validAt.right,
    ...(knownAt !== undefined ? { knownAt: knownAt.right } : {}),
    scope: scope.right,
  });
};

/**
 * The engine's query for a CLI query (`as-of` is the engine's `asOf`).
 * @example
 * const q = toProjectionQuery({ validAt: "2022-12-31" as BusinessDate, scope: { province: "60" as ProvinceCode, geography: "as-of" } });
 * console.log(q); // { validAt: "2022-12-31", scope: { province: "60" }, geography: "asOf" }
 */
export const toProjectionQuery = (q: CliQuery, knownAt: Instant | undefined = q.knownAt): ProjectionQuery => {
  const { geography, ...scope } = q.scope;
  return {
    validAt: q.validAt,
    ...(knownAt !== undefined ? { knownAt } : {}),
    scope,
    geography: geography === "as-of" ? "asOf" : geography,
  };
};
