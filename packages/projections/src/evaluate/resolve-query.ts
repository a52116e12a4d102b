import {
  type BusinessDate,
  dateParts,
  dayOf,
  formatValidationErrors,
  type GazetteerVersion,
  gazetteerOn,
  instantMs,
  isProvince,
  startOfYear,
} from "@coop-ledger/domain";
import * as E from "fp-ts/lib/Either.js";
import { IndicatorId } from "../catalogue/indicator-id.js";
import type { ResolvedScope } from "../model/cells.js";
import type { ProjectionError } from "../query/projection-error.js";
import { type Geography, type ProjectionOptions, ProjectionQuery } from "../query/projection-query.js";

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly fiscalYear: number;
  readonly periodFrom: BusinessDate;
  readonly effectiveRule: "fairOrGood" | "minScore";
  readonly effectiveMinScore: number;
  readonly ratingDenominator: "rated" | "activeAtYearEnd";
  readonly peoplesCreditFunds: "include" | "exclude";
  readonly law2012IncludesLaw2023: boolean;
  readonly incomeAverage: "perCoop" | "perWorker" | "perMember";
  readonly fundKind: ProjectionOptions["fundKind"];
  readonly farmHouseholds: number | undefined;
  readonly districtCount: number | undefined;
}

/** A validated query with defaults applied and times as numbers. */
export interface ResolvedQuery {
  readonly validAt: BusinessDate;
  readonly validDay: number;
  readonly knownAt: string | undefined;
  readonly knownAtMs: number;
  readonly geography: Geography;
  readonly reportIn: GazetteerVersion;
  readonly scope: ResolvedScope;
  readonly options: ResolvedOptions;
  readonly indicators: ReadonlyArray<IndicatorId>;
}

/**
 * Validates a query (any JSON: the CLI/HTTP boundary) and fills in the defaults. Never throws.
 *
 * @example resolveQuery({ validAt: "2022-12-31", scope: { district: "593" }, geography: "2025-07-01" }) // Left DistrictsNotInGazetteer
 */
export const resolveQuery = (input: unknown): E.Either<ProjectionError, ResolvedQuery> => {
  const decoded = ProjectionQuery.decode(input);
  if (E.isLeft(decoded)) {
    const problems = formatValidationErrors(decoded.left);
    return E.left({ _tag: "InvalidQuery", problems, message: `invalid query: ${problems.join("; ")}` });
  }
  const q = decoded.right;
  const geography = q.geography ?? "asOf";
  const reportIn = geography === "asOf" ? gazetteerOn(q.validAt) : geography;
  const scope = q.scope ?? {};
  if (scope.district !== undefined && reportIn !== "2008-08-01") {
    return E.left({
      _tag: "DistrictsNotInGazetteer",
      gazetteer: reportIn,
      message: `district-level figures need a geography with districts; the ${reportIn} gazetteer has none (districts were abolished on 2025-07-01): report in geography "2008-08-01"`,
    });
  }
  if (scope.province !== undefined && !isProvince(reportIn, scope.province)) {
    return E.left({
      _tag: "UnknownProvince",
      province: scope.province,
      gazetteer: reportIn,
      message: `province ${scope.province} is not a province of the ${reportIn} gazetteer`,
    });
  }
  const o = q.options ?? {};
  const year = dateParts(q.validAt).year;
  return E.right({
    validAt: q.validAt,
    validDay: dayOf(q.validAt),
    knownAt: q.knownAt,
    knownAtMs: q.knownAt === undefined ? Number.POSITIVE_INFINITY : instantMs(q.knownAt),
    geography,
    reportIn,
    scope: {
      reportIn,
      ...(scope.province !== undefined ? { province: scope.province } : {}),
      ...(scope.district !== undefined ? { district: scope.district } : {}),
      ...(scope.sector !== undefined ? { sector: scope.sector } : {}),
      ...(scope.form !== undefined ? { form: scope.form } : {}),
    },
    options: {
      fiscalYear: o.fiscalYear ?? year - 1,
      periodFrom: o.periodFrom ?? startOfYear(year),
      effectiveRule: o.effectiveRule ?? "fairOrGood",
      effectiveMinScore: o.effectiveMinScore ?? 65,
      ratingDenominator: o.ratingDenominator ?? "rated",
      peoplesCreditFunds: o.peoplesCreditFunds ?? "include",
      law2012IncludesLaw2023: o.law2012IncludesLaw2023 ?? true,
      incomeAverage: o.incomeAverage ?? "perCoop",
      fundKind: o.fundKind,
      farmHouseholds: o.farmHouseholds,
      districtCount: o.districtCount,
    },
    indicators: q.indicators ?? IndicatorId.values,
  });
};
