import {
  BusinessDate,
  Count,
  FiscalYear,
  FundKind,
  literals,
  PositiveInt,
  struct,
} from "@coop-ledger/domain";
import * as t from "io-ts";

// The options belong to the catalogue: each indicator's definition names the options that change it,
// and docs/indicators.md (rendered from the catalogue) documents them. A query carries them
// (query/projection-query.ts re-exports the codec), so the query folder depends on the catalogue and
// never the other way round.

/**
 * The brand of a score from 0 to 100 (a named interface, so that the query's declarations can name it).
 * @example const score = 70 as t.Branded<number, Score0to100Brand>;
 */
export interface Score0to100Brand {
  readonly Score0to100: unique symbol;
}

const Score0to100 = t.brand(
  t.number,
  (n): n is t.Branded<number, Score0to100Brand> => Number.isInteger(n) && n >= 0 && n <= 100,
  "Score0to100",
);

/**
 * Options where sources disagree, each with a documented default (see docs/indicators.md):
 * - `fiscalYear` (annual indicators): default the year before `validAt`'s (the last year whose reports
 *   and ratings can exist by then: they are filed after the year ends);
 * - `periodFrom` (period indicators): default 1 January of `validAt`'s year; the period ends at `validAt`;
 * - `effectiveRule`: "effective" co-ops are those rated `fairOrGood` (default) or with a score of at
 *   least `effectiveMinScore` (default 65, the fair band of Circular 01/2020/TT-BKHĐT art. 8(2));
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
