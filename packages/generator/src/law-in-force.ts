import type { CoopForm, DayNumber, Location } from "@coop-ledger/domain";
import { dayOf } from "@coop-ledger/domain";
import { communeFor } from "./communes-2025.js";
import type { GenDistrict } from "./geography.js";
import type { SimContext, SimCoop } from "./sim-model.js";

// The legal and geographic turning points a generated history straddles (the co-op laws of 2003, 2012
// and 2023, Decree 77/2019/NĐ-CP, the 2025 gazetteer), and what is in force on a given day: the law's
// regime, the founders it asks for, where a co-op is. Apart from founding itself (coop-founding.ts), the
// life, reports and programmes of the simulation read them too.

/**
 * Day numbers of the legal and geographic turning points the generator must straddle.
 * @example
 * LAW_2012_DAY === dayOf("2013-07-01") // true
 */
export const LAW_2012_DAY = dayOf("2013-07-01");
/**
 * Law 17/2023/QH15 takes effect.
 * @example
 * LAW_2023_DAY === dayOf("2024-07-01") // true
 */
export const LAW_2023_DAY = dayOf("2024-07-01");
/**
 * The 34-province gazetteer takes effect (Resolution 202/2025/QH15).
 * @example
 * GAZETTEER_2025_DAY === dayOf("2025-07-01") // true
 */
export const GAZETTEER_2025_DAY = dayOf("2025-07-01");

/**
 * When a co-op under Law 23/2012/QH13 amends its charter for Law 17/2023/QH15 (seven in ten do, by the
 * 2025-12-31 deadline or a little after), or never (`Infinity`).
 * @example
 * planConformance2023({ rng: new Prng(42, 1) }, dayOf("2024-08-01")) === Number.POSITIVE_INFINITY // true: founded under the 2023 law
 * const day = planConformance2023({ rng: new Prng(42, 1) }, dayOf("2015-01-01"));
 * day === Number.POSITIVE_INFINITY || day >= LAW_2023_DAY // true
 */
export const planConformance2023 = (ctx: Pick<SimContext, "rng">, foundedDay: DayNumber): DayNumber =>
  foundedDay < LAW_2023_DAY && ctx.rng.chance(0.7)
    ? LAW_2023_DAY + ctx.rng.int(0, 548)
    : Number.POSITIVE_INFINITY;

/**
 * The co-op law in force on a day: Law 18/2003/QH11, Law 23/2012/QH13 (from 2013-07-01) or Law 17/2023/QH15
 * (from 2024-07-01).
 * @example
 * regimeOnDay(dayOf("2013-06-30")) // "2003"
 * regimeOnDay(dayOf("2024-07-01")) // "2023"
 */
export const regimeOnDay = (day: DayNumber): "2003" | "2012" | "2023" =>
  day < LAW_2012_DAY ? "2003" : day < LAW_2023_DAY ? "2012" : "2023";

/** The day Decree 77/2019/NĐ-CP took over cooperative groups from Decree 151/2007/NĐ-CP (in force 2019-11-25). */
const DECREE_77_DAY = dayOf("2019-11-25");

/**
 * Minimum founders the generator always satisfies: co-op ≥ 7 (Law 23/2012/QH13 art. 3) / ≥ 5 (Law
 * 17/2023/QH15 art. 4(7)); union ≥ 4 / ≥ 3 co-ops; group ≥ 3 under the Civil Code 2005 and Decree
 * 151/2007/NĐ-CP, ≥ 2 from Decree 77/2019/NĐ-CP (the domain's `groupFounders` rule). Under the 2003 law
 * the 2012 figures are used too, so pre-existing records never need the "historical" leniency.
 * @example
 * minimumFounders("cooperative", dayOf("2019-03-01")) // 7 (Law 23/2012/QH13)
 * minimumFounders("cooperative", dayOf("2024-07-01")) // 5 (Law 17/2023/QH15)
 * minimumFounders("group", dayOf("2019-03-01")) // 3 (Decree 151/2007/NĐ-CP, until 2019-11-25)
 */
export const minimumFounders = (form: CoopForm, day: DayNumber): number =>
  form === "group"
    ? day < DECREE_77_DAY
      ? 3
      : 2
    : form === "union"
      ? day < LAW_2023_DAY
        ? 4
        : 3
      : day < LAW_2023_DAY
        ? 7
        : 5;

/**
 * Where a co-op is, in the gazetteer in force on `day`. From 2025-07-01: the new province, no district,
 * and a 2025 commune formed from a commune of the co-op's old district (the transfer table), so the
 * place can be traced back to its old province exactly (docs/concepts.md, "Old provinces after
 * 2025-07-01").
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { coop } = exampleSim(); // a co-op of Hàm Thuận Bắc district (597), old province 60
 * locationOn(coop, dayOf("2025-06-30")) // { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "597" }
 * locationOn(coop, dayOf("2025-07-01")) // { gazetteer: "2025-07-01", provinceCode: "68", communeCode: "23089" }
 */
export const locationOn = (
  coop: { id: string; province: SimCoop["province"]; district: GenDistrict },
  day: DayNumber,
): Location => {
  const commune = day < GAZETTEER_2025_DAY ? undefined : communeFor(coop.id, coop.district.code);
  return (
    day < GAZETTEER_2025_DAY
      ? {
          gazetteer: "2008-08-01",
          provinceCode: coop.province.code,
          // Without a district gazetteer the stand-in district has no code: the location omits it.
          ...(coop.district.code === undefined ? {} : { districtCode: coop.district.code }),
        }
      : {
          gazetteer: "2025-07-01",
          provinceCode: coop.province.successorCode,
          ...(commune === undefined ? {} : { communeCode: commune }),
        }
  ) as Location;
};
