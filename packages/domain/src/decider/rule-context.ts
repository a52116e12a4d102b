import * as E from "fp-ts/lib/Either.js";
import type { DomainConfig } from "../config/domain-config.js";
import type { CommuneTransfers } from "../geography/commune-transfers.js";
import type { CommuneGazetteer } from "../geography/communes.js";
import type { DistrictGazetteer } from "../geography/district-gazetteer.js";
import type { Action, DomainError, DomainErrorOf, DomainErrorTag } from "./domain-error.js";
import type { DomainWarning } from "./domain-warning.js";

/**
 * Optional unit lists for finer location checks. Province codes are always checked (they are typed in);
 * districts and communes only when their lists are supplied (the caller parses the files with
 * `parseDistrictGazetteer`, `parseCommunes`, `parseCommuneTransfers`).
 *
 * @example
 * import { defaultDomainConfig, districtGazetteer, type GeographyData, makeCommand, makeLedgerDecider } from "@coop-ledger/domain";
 * const geography: GeographyData = { districts: districtGazetteer() };
 * const decider = makeLedgerDecider(defaultDomainConfig, { geography });
 * const found = makeCommand("FoundCoop", {
 *   coopId: "htx-1", effectiveDate: "2019-03-01", name: "HTX Thanh Long", form: "cooperative", sector: "agriculture",
 *   location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "001" }, // a Hà Nội district, not Bình Thuận's
 *   foundingMembers: 7,
 * });
 * if (found._tag === "Right") {
 *   const r = decider.decide(found.right, decider.initialState);
 *   console.log(r._tag === "Left" && r.left._tag); // "UnknownDistrict"
 * }
 */
export interface GeographyData {
  readonly districts?: DistrictGazetteer;
  readonly communes?: CommuneGazetteer;
  readonly communeTransfers?: CommuneTransfers;
}

/** What every rule sees: the configuration, the optional unit lists, and the action being judged. */
export interface RuleContext {
  readonly config: DomainConfig;
  readonly geography: GeographyData | undefined;
  readonly action: Action;
}

/** The outcome of checking one event: refused, or accepted with warnings. */
export type Check = E.Either<DomainError, ReadonlyArray<DomainWarning>>;

/**
 * Accepted, no warnings.
 * @example
 * E.isRight(ok) && ok.right.length // 0
 */
export const ok: Check = E.right([]);

/**
 * Makes a refusal.
 * @example
 * const ctx = { config: defaultDomainConfig, geography: undefined, action: "DisburseLoan" } as const;
 * const r = fail(ctx, "UnknownLoan", { loanId: "loan-1" }, "no loan loan-1 on this stream");
 * E.isLeft(r) && r.left.message // "DisburseLoan: no loan loan-1 on this stream"
 */
export const fail = <T extends DomainErrorTag>(
  ctx: RuleContext,
  tag: T,
  fields: Omit<DomainErrorOf<T>, "_tag" | "action" | "message">,
  message: string,
): E.Either<DomainError, never> =>
  E.left({
    _tag: tag,
    action: ctx.action,
    ...fields,
    message: `${ctx.action}: ${message}`,
  } as unknown as DomainError);

/**
 * Runs checks in order: the first refusal wins, warnings accumulate.
 * @example
 * E.isRight(all(() => ok, () => ok)) // true
 */
export const all = (...checks: ReadonlyArray<() => Check>): Check => {
  const warnings: DomainWarning[] = [];
  for (const c of checks) {
    const r = c();
    if (E.isLeft(r)) return r;
    warnings.push(...r.right);
  }
  return E.right(warnings);
};
