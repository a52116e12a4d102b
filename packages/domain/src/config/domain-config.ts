import * as t from "io-ts";
import { AssessmentScheme, FundKind } from "../values/classification.js";
import { struct } from "../values/codec-helpers.js";
import { Vnd } from "../values/money.js";
import { Count, PositiveInt, Score } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";

const Founders = struct({ cooperative: Count, union: Count, group: Count }, {}, "MinimumFounders");

/**
 * A cap on the principal a fund may lend per project, in force from a date. Loans disbursed before
 * `from` are accepted with a warning when they exceed it (the rule came later).
 * @example
 * const cap = { fundKind: "nationalEmploymentFund", from: "2019-11-08", maxPrincipalVnd: 2_000_000_000 };
 * E.isRight(FundCap.decode(cap)) // true
 * E.isRight(FundCap.decode({ ...cap, maxPrincipalVnd: 2.5 })) // false (VND is an integer)
 */
export const FundCap = struct(
  { fundKind: FundKind, from: BusinessDate, maxPrincipalVnd: Vnd },
  { basis: t.string },
  "FundCap",
);
/** @see FundCap */
export type FundCap = t.TypeOf<typeof FundCap>;

/**
 * A period (`from`–`to`, inclusive) in which the fewest members of a cooperative group (tổ hợp tác) is
 * set by the civil law and its decree rather than the co-op laws, with the rule's source. Outside every
 * period the co-op law regime's `group` figure applies.
 * @example
 * E.isRight(GroupFoundersRule.decode({ from: "2006-01-01", to: "2019-11-24", minimum: 3, basis: "Civil Code 2005 art. 111(1)" })) // true
 */
export const GroupFoundersRule = struct(
  { from: BusinessDate, to: BusinessDate, minimum: Count },
  { basis: t.string },
  "GroupFoundersRule",
);
/** @see GroupFoundersRule */
export type GroupFoundersRule = t.TypeOf<typeof GroupFoundersRule>;

/**
 * A rating scheme's exclusion of co-ops that stopped operating: from `from` (the scheme's effective date),
 * a co-op suspended on more than `maximumDays` days of a fiscal year is not rated for that year under
 * `scheme`, with the rule's source. The days of every suspension within the year count together.
 * @example
 * E.isRight(StoppedOperatingRule.decode({ scheme: "circular-01-2020-TT-BKHDT", from: "2020-04-01", maximumDays: 90 })) // true
 */
export const StoppedOperatingRule = struct(
  { scheme: AssessmentScheme, from: BusinessDate, maximumDays: Count },
  { basis: t.string },
  "StoppedOperatingRule",
);
/** @see StoppedOperatingRule */
export type StoppedOperatingRule = t.TypeOf<typeof StoppedOperatingRule>;

/**
 * The domain's thresholds, as configuration with documented defaults ({@link defaultDomainConfig}):
 * figures the brief marks [verify] are our best reading of the law, so they are data, not constants.
 *
 * - `minimumFounders`: per law regime (`2012`, `2023`) and form, the fewest official founding members
 *   (for a union: member co-ops). No numeric rule is enforced for 2003-era records.
 * - `ratingBands`: the lowest score of each rating (good / fair / average); below `average` is weak.
 * - `minimumAgeToRateMonths`: a co-op younger than this at the end of the rated year is not rated.
 * - `ocopStarBands`: the lowest OCOP score for 5★, 4★ and 3★ (below 3★: no certificate).
 * - `ocopValidityMonths`: how long an OCOP certificate is valid.
 * - `fundCaps`: per-project principal caps by fund, each in force from a date.
 * - `conformanceDeadlines`: the day by which co-ops must conform to the 2012 / 2023 law (later
 *   conformance is accepted with a warning).
 * - `groupFounders` (optional): periods in which a cooperative group's minimum members comes from the
 *   Civil Code and its decree, not from the co-op law in force ({@link GroupFoundersRule}).
 * - `notRatedWhenStopped` (optional): schemes that do not rate a co-op which stopped operating too long
 *   in the year ({@link StoppedOperatingRule}).
 *
 * @example DomainConfig.decode(defaultDomainConfig) // Right
 */
export const DomainConfig = struct(
  {
    minimumFounders: struct({ "2012": Founders, "2023": Founders }, {}, "MinimumFoundersByLaw"),
    ratingBands: struct({ good: Score, fair: Score, average: Score }, {}, "RatingBands"),
    minimumAgeToRateMonths: Count,
    ocopStarBands: struct({ five: Score, four: Score, three: Score }, {}, "OcopStarBands"),
    ocopValidityMonths: PositiveInt,
    fundCaps: t.array(FundCap),
    conformanceDeadlines: struct({ "2012": BusinessDate, "2023": BusinessDate }, {}, "ConformanceDeadlines"),
  },
  { groupFounders: t.array(GroupFoundersRule), notRatedWhenStopped: t.array(StoppedOperatingRule) },
  "DomainConfig",
);
/** @see DomainConfig */
export type DomainConfig = t.TypeOf<typeof DomainConfig>;

/**
 * The default configuration, each figure with its source (the pages that confirm them are listed in
 * docs/resolutions.md, "Citations and their sources"):
 * - founders: co-op ≥ 7 members (Law 23/2012/QH13 art. 3(1)) / ≥ 5 official members (Law 17/2023/QH15
 *   art. 4(7)); union ≥ 4 co-ops (Law 23/2012/QH13 art. 3(2)) / ≥ 3 official members (Law 17/2023/QH15
 *   art. 4); group ≥ 2 members (Decree 77/2019/NĐ-CP art. 3(1); Law 17/2023/QH15 art. 4(21));
 * - groups from 2006-01-01 to 2019-11-24: ≥ 3 members — a group rested on a cooperation contract "của từ
 *   ba cá nhân trở lên" (Civil Code 2005, Law 33/2005/QH11, art. 111(1), in force 2006-01-01) and Decree
 *   151/2007/NĐ-CP of 2007-10-10 (seed 002 still cites it in August 2019), until Decree 77/2019/NĐ-CP
 *   (dated 2019-10-10) replaced it "từ ngày 25 tháng 11 năm 2019" (in force 2019-11-25, not 2019-11-26 as
 *   this default once said); before 2006 no numeric rule is enforced;
 * - rating bands good ≥ 80, fair 65–< 80, average 50–< 65, weak < 50 (Circular 01/2020/TT-BKHĐT art. 8(2),
 *   in force 2020-04-01; Circular 09/2017/TT-BNNPTNT of 2017-04-17 for agricultural co-ops);
 * - not rated under 12 months old at the end of the rated year (both circulars: "chưa đủ 12 tháng";
 *   01/2020 art. 8(3));
 * - not rated under Circular 01/2020/TT-BKHĐT art. 8(3) (in force 2020-04-01) when the co-op stopped
 *   operating for more than three months in the year ("ngừng hoạt động từ trên 3 tháng trong năm thì không
 *   tiến hành đánh giá và xếp loại"); three months are counted as 90 days, the days of separate suspensions added up, since a month is thirty days when a
 *   period does not run continuously (Civil Code 2015, Law 91/2015/QH13, art. 146(1)(c)). Circular
 *   09/2017/TT-BNNPTNT (agricultural co-ops) has no such exclusion here: its summary names none;
 * - OCOP 5★ ≥ 90, 4★ 70–< 90, 3★ 50–< 70 on a 100-point scale (Decision 1048/QĐ-TTg 2019, amended by
 *   781/QĐ-TTg of 2020-06-08; both replaced on 2023-02-24 by Decision 148/QĐ-TTg, which keeps the 100
 *   points and five ranks [verify: its band thresholds]); certificates valid 36 months;
 * - National Employment Fund ≤ 2 bn VND per project from 2019-11-08 (Decree 74/2019/NĐ-CP of 2019-09-23
 *   art. 1(2), amending Decree 61/2015/NĐ-CP art. 24(1));
 * - conform to the 2012 law by 2016-06-30 (Law 23/2012/QH13 art. 62: 36 months from 2013-07-01)
 *   [verify]; amend non-conforming charters under the 2023 law within 18 months of 2024-07-01, by
 *   2025-12-31 (Law 17/2023/QH15 art. 115(1)).
 *
 * @example defaultDomainConfig.ratingBands.good // 80
 */
export const defaultDomainConfig: DomainConfig = {
  minimumFounders: {
    "2012": { cooperative: 7, union: 4, group: 2 } as DomainConfig["minimumFounders"]["2012"],
    "2023": { cooperative: 5, union: 3, group: 2 } as DomainConfig["minimumFounders"]["2023"],
  },
  ratingBands: { good: 80, fair: 65, average: 50 } as DomainConfig["ratingBands"],
  minimumAgeToRateMonths: 12 as Count,
  ocopStarBands: { five: 90, four: 70, three: 50 } as DomainConfig["ocopStarBands"],
  ocopValidityMonths: 36 as PositiveInt,
  fundCaps: [
    {
      fundKind: "nationalEmploymentFund",
      from: "2019-11-08" as BusinessDate,
      maxPrincipalVnd: 2_000_000_000 as Vnd,
      basis:
        "Decree 74/2019/NĐ-CP art. 1(2), amending Decree 61/2015/NĐ-CP art. 24(1) (National Employment Fund loans)",
    },
  ],
  conformanceDeadlines: {
    "2012": "2016-06-30" as BusinessDate,
    "2023": "2025-12-31" as BusinessDate,
  },
  groupFounders: [
    {
      from: "2006-01-01" as BusinessDate,
      to: "2019-11-24" as BusinessDate,
      minimum: 3 as Count,
      basis:
        "Civil Code 2005 (Law 33/2005/QH11) art. 111(1); Decree 151/2007/NĐ-CP, until Decree 77/2019/NĐ-CP took over on 2019-11-25",
    },
  ],
  notRatedWhenStopped: [
    {
      scheme: "circular-01-2020-TT-BKHDT",
      from: "2020-04-01" as BusinessDate,
      maximumDays: 90 as Count,
      basis:
        "Circular 01/2020/TT-BKHĐT art. 8(3) (in force 2020-04-01): a co-op that stopped operating for more than three months in the year is not assessed; 3 months = 90 days (Civil Code 2015 art. 146(1)(c))",
    },
  ],
};
