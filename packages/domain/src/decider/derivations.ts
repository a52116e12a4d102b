import type { DomainConfig, GroupFoundersRule } from "../config/domain-config.js";
import type { OcopStars } from "../events/products-and-links.js";
import type { AssessmentScheme, CoopForm, Rating, Sector } from "../values/classification.js";
import type { LawRegime } from "../values/law.js";

/**
 * The rating a score earns by the configured bands (good ≥ 80, fair 65–< 80, average 50–< 65, weak < 50
 * by default; Circular 01/2020/TT-BKHĐT art. 8(2), 09/2017/TT-BNNPTNT). For an agricultural co-op assessed under
 * Circular 09/2017/TT-BNNPTNT, an administrative sanction in the year forces `weak`.
 *
 * @example ratingFor(defaultDomainConfig, { score: 82, sector: "agriculture", scheme: "circular-09-2017-TT-BNNPTNT", administrativeSanction: true }) // "weak"
 */
export const ratingFor = (
  config: DomainConfig,
  a: {
    score: number;
    sector: Sector;
    scheme: AssessmentScheme;
    administrativeSanction?: boolean | undefined;
  },
): Rating => {
  if (
    a.administrativeSanction === true &&
    a.sector === "agriculture" &&
    a.scheme === "circular-09-2017-TT-BNNPTNT"
  ) {
    return "weak";
  }
  const b = config.ratingBands;
  return a.score >= b.good ? "good" : a.score >= b.fair ? "fair" : a.score >= b.average ? "average" : "weak";
};

/**
 * The OCOP stars a score earns (5★ ≥ 90, 4★ 70–< 90, 3★ 50–< 70 by default), or `undefined` below 3★
 * (no certificate).
 *
 * @example ocopStarsFor(defaultDomainConfig, 74) // 4
 */
export const ocopStarsFor = (config: DomainConfig, score: number): OcopStars | undefined => {
  const b = config.ocopStarBands;
  return score >= b.five ? 5 : score >= b.four ? 4 : score >= b.three ? 3 : undefined;
};

/**
 * The fewest founding members a form needs under a law (2003-era records: no numeric rule, 0).
 *
 * @example minimumFounders(defaultDomainConfig, "2023", "cooperative") // 5
 */
export const minimumFounders = (config: DomainConfig, regime: LawRegime, form: CoopForm): number =>
  regime === "2003" ? 0 : config.minimumFounders[regime][form];

/**
 * The rule for a cooperative group founded on `date` when the Civil Code and its decree set it (see
 * `DomainConfig.groupFounders`), else `undefined` (the co-op law regime's figure applies).
 * @example groupFoundersRule(defaultDomainConfig, "2015-05-01")?.minimum // 3
 */
export const groupFoundersRule = (config: DomainConfig, date: string): GroupFoundersRule | undefined =>
  config.groupFounders?.find((r) => r.from <= date && date <= r.to);

/**
 * The article that sets the founder minimum, for messages.
 * @example
 * foundersArticle("2012", "union")
 */
export const foundersArticle = (regime: LawRegime, form: CoopForm): string =>
  regime === "2012"
    ? form === "group"
      ? "Decree 77/2019/NĐ-CP art. 3(1)"
      : `Law 23/2012/QH13 art. 3(${form === "union" ? 2 : 1})`
    : regime === "2023"
      ? form === "union"
        ? "Law 17/2023/QH15 art. 4"
        : `Law 17/2023/QH15 art. 4(${form === "group" ? 21 : 7})`
      : "Law 18/2003/QH11 (no numeric minimum enforced)";
