import {
  BusinessDate,
  CoopForm,
  DistrictCode,
  GazetteerVersion,
  Instant,
  ProvinceCode,
  Sector,
  struct,
} from "@coop-ledger/domain";
import * as t from "io-ts";
import { IndicatorId } from "../catalogue/indicator-id.js";
import { ProjectionOptions } from "../catalogue/indicator-options.js";

export { ProjectionOptions } from "../catalogue/indicator-options.js";

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
