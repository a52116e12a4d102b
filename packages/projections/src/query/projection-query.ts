import {
  BusinessDate,
  CoopForm,
  Count,
  DistrictCode,
  FiscalYear,
  FundKind,
  GazetteerVersion,
  Instant,
  literals,
  PositiveInt,
  ProvinceCode,
  Sector,
  struct,
} from "@coop-ledger/domain";
import * as t from "io-ts";
import { IndicatorId } from "../catalogue/indicator-id.js";

/**
 * Which part of the ledger a figure covers: a province (in the reporting geography), a district (only in
 * a geography with districts), a sector, a form — or any combination; nothing means the whole ledger.
 *
 * @example Scope.decode({ province: "60", sector: "agriculture" }) // Right
 */
export const Scope = struct(
  {},
  { province: ProvinceCode, district: DistrictCode, sector: Sector, form: CoopForm },
  "Scope",
);
/** @see Scope */
export type Scope = t.TypeOf<typeof Scope>;

/**
 * The geography a figure is reported in: `asOf` (the gazetteer in force on the valid date: 63 provinces
 * before 2025-07-01, 34 from then) or a gazetteer version to re-map every location into (e.g. the 2025
 * provinces for 2022 figures: new Lâm Đồng 68 = old 60 + 67 + 68).
 *
 * @example Geography.decode("2025-07-01") // Right
 */
export const Geography = t.union([t.literal("asOf"), GazetteerVersion], "Geography");
/** @see Geography */
export type Geography = t.TypeOf<typeof Geography>;

const Score0to100 = t.brand(
  t.number,
  (n): n is t.Branded<number, { readonly Score0to100: unique symbol }> =>
    Number.isInteger(n) && n >= 0 && n <= 100,
  "Score0to100",
);

/**
 * Options where sources disagree, each with a documented default (see docs/indicators.md):
 * - `fiscalYear` (annual indicators): default the year before `validAt`'s (the last year whose reports
 *   and ratings can exist by then: they are filed after the year ends);
 * - `periodFrom` (period indicators): default 1 January of `validAt`'s year; the period ends at `validAt`;
 * - `effectiveRule`: "effective" co-ops are those rated `fairOrGood` (default) or with a score of at
 *   least `effectiveMinScore` (default 65, the fair band of Circular 01/2020/TT-BKHĐT);
 * - `ratingDenominator`: co-ops `rated` for the year (default) or `activeAtYearEnd` (active on 31/12);
 * - `peoplesCreditFunds`: `include` (default) or `exclude` people's credit funds from member figures;
 * - `law2012IncludesLaw2023`: count co-ops already under Law 17/2023/QH15 as conforming (default true);
 * - `incomeAverage`: `perCoop` (default: mean of the co-ops' reported averages) or per person, total
 *   paid ÷ people: `perWorker` / `perMember` (one reading: worker income weighted by regular workers,
 *   member income by official members);
 * - `fundKind`: restrict loan figures to one fund;
 * - `farmHouseholds`: the province's farm households (an input: the ledger does not know it);
 * - `districtCount`: the number of districts of the scope's province (an input, from the gazetteer).
 *
 * @example ProjectionOptions.decode({ effectiveRule: "minScore", effectiveMinScore: 70 }) // Right
 */
export const ProjectionOptions = struct(
  {},
  {
    fiscalYear: FiscalYear,
    periodFrom: BusinessDate,
    effectiveRule: literals(["fairOrGood", "minScore"], "EffectiveRule"),
    effectiveMinScore: Score0to100,
    ratingDenominator: literals(["rated", "activeAtYearEnd"], "RatingDenominator"),
    peoplesCreditFunds: literals(["include", "exclude"], "PeoplesCreditFunds"),
    law2012IncludesLaw2023: t.boolean,
    incomeAverage: literals(["perCoop", "perWorker", "perMember"], "IncomeAverage"),
    fundKind: FundKind,
    farmHouseholds: Count,
    districtCount: PositiveInt,
  },
  "ProjectionOptions",
);
/** @see ProjectionOptions */
export type ProjectionOptions = t.TypeOf<typeof ProjectionOptions>;

/**
 * A point-in-time query, the codec for the CLI/HTTP boundary: `validAt` (valid time: the date the
 * figures are for), `knownAt` (transaction time: only what was recorded by then, retractions included;
 * omitted = everything), `scope`, `geography` (default `asOf`), `options`, and optionally the
 * `indicators` to compute (default: all).
 *
 * @example ProjectionQuery.decode({ validAt: "2022-12-31", knownAt: "2023-01-15T23:59:59.999Z", scope: { province: "60" } })
 */
export const ProjectionQuery = struct(
  { validAt: BusinessDate },
  {
    knownAt: Instant,
    scope: Scope,
    geography: Geography,
    options: ProjectionOptions,
    indicators: t.array(IndicatorId),
  },
  "ProjectionQuery",
);
/** @see ProjectionQuery */
export type ProjectionQuery = t.TypeOf<typeof ProjectionQuery>;

/**
 * A query as typed by hand in code: plain strings accepted for dates and codes (they are validated by
 * {@link ProjectionQuery} when the query is run).
 */
export interface QueryInput {
  readonly validAt: string;
  readonly knownAt?: string;
  readonly scope?: {
    readonly province?: string;
    readonly district?: string;
    readonly sector?: string;
    readonly form?: string;
  };
  readonly geography?: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly indicators?: ReadonlyArray<string>;
}
