import { addMonthsDay, coopStream, dayOf, isoDate, makeDate, type Rating } from "@coop-ledger/domain";
import { mk } from "../recorder.js";
import { addDays, dayOfSpread, type ScenarioWorld, type Unit } from "./scenario-world.js";

/**
 * Schedules the co-ops' own lives on the world's timeline, drawn from the first seeded stream (`rnd`) in
 * world order: foundings (pre-existing, new, unions), dissolutions, OCOP rounds, ratings, membership
 * at each year end and annual reports in March.
 *
 * @example
 * import { scenarioWorld } from "../src/scenarios/scenario-world.js";
 * const w = scenarioWorld(SCENARIOS["004"].spec);
 * scheduleCoopLives(w);
 * w.happenings.length > 0 // true: nothing has happened yet, it is scheduled
 */
export const scheduleCoopLives = (w: ScenarioWorld): void => {
  const { spec, found, activeOn, at, push, int, rnd } = w;
  const { registry, alliance } = w.by;
  const pick = w.pickOf(rnd);
  for (let i = 0; i < spec.preExisting.count; i++)
    at(spec.preExisting.on, 0, () =>
      found(spec.preExisting.on, "cooperative", true, int(spec.members.min, spec.members.max)),
    );
  for (const y of spec.founded)
    for (let i = 0; i < y.count; i++) {
      const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
      // The `advised` of the year spread evenly over its foundings (no draw: other figures do not move).
      const a = Math.min(y.advised ?? 0, y.count);
      const advised = Math.floor(((i + 1) * a) / y.count) > Math.floor((i * a) / y.count);
      at(on, 1, () => found(on, "cooperative", false, int(spec.members.min, spec.members.max), rnd, advised));
    }
  for (const u of spec.unions) at(u.foundedOn, 1, () => found(u.foundedOn, "union", false, u.members));
  for (const y of spec.dissolved)
    for (let i = 0; i < y.count; i++) {
      const on = dayOfSpread(y.year, i, y.count, y.fromMonth, y.toMonth);
      at(on, 2, () => {
        // A co-op at least a year old, not a union, holding no valid OCOP certificate.
        const candidates = activeOn(on).filter(
          (c) =>
            addDays(c.foundedOn, 365) <= on && (c.ocopValidUntil === undefined || c.ocopValidUntil <= on),
        );
        const victim = pick(candidates);
        victim.dissolvedOn = on;
        push(
          coopStream(victim.id),
          on,
          mk("CoopDissolved", {
            coopId: victim.id,
            effectiveDate: on,
            // Compulsory dissolutions name their ground (Law 23/2012/QH13 art. 54(2)).
            ...(rnd() < 0.7 ? { mode: "voluntary" } : { mode: "compulsory", ground: "notOperating12Months" }),
          } as never),
          registry,
        );
      });
    }
  let product = 0;
  for (const round of spec.ocopRounds)
    at(round.on, 3, () => {
      const holders = activeOn(round.on).filter(
        (c) => c.ocopValidUntil === undefined || c.ocopValidUntil <= round.on,
      );
      // Certificates are valid 36 months (Decision 148/QĐ-TTg 2023; Decision 1048/QĐ-TTg 2019 before it).
      const validUntil = isoDate(addMonthsDay(dayOf(round.on), 36));
      for (let i = 0; i < round.coops; i++) {
        const coop = holders.splice(Math.floor(rnd() * holders.length), 1)[0] as Unit;
        coop.ocopValidUntil = validUntil;
        const n = round.productsCycle[i % round.productsCycle.length] as number;
        for (let k = 0; k < n; k++) {
          product += 1;
          const score = int(50, 95);
          push(
            coopStream(coop.id),
            round.on,
            mk("OcopCertified", {
              coopId: coop.id,
              effectiveDate: round.on,
              productId: `p-${spec.provinceCode}-${product}`,
              productName: `Sản phẩm ${product}`,
              score,
              stars: score >= 90 ? 5 : score >= 70 ? 4 : 3,
              validUntil,
              level: "province",
            } as never),
            alliance,
          );
        }
      }
    });
  // Ratings for year Y (February Y+1) of co-ops active at the end of Y and founded before Y began.
  for (let y = spec.ratedYears.from; y <= spec.ratedYears.to; y++) {
    const on = makeDate(y + 1, 2, 15);
    at(on, 4, () => {
      const stillActive = new Set(activeOn(on));
      const rated = activeOn(makeDate(y, 12, 31)).filter(
        (c) => c.foundedOn < makeDate(y, 1, 1) && stillActive.has(c),
      );
      rated.forEach((c, i) => {
        const rating = spec.ratingCycle[i % spec.ratingCycle.length] as Rating;
        push(
          coopStream(c.id),
          on,
          mk("CoopAssessed", {
            coopId: c.id,
            effectiveDate: on,
            year: y,
            scheme: "circular-01-2020-TT-BKHDT",
            score: { good: 85, fair: 70, average: 55, weak: 40 }[rating],
            rating,
          } as never),
          alliance,
        );
      });
    });
  }
  // Membership at each year end (farm households among them) and annual reports in March.
  const membership = (c: Unit, on: string) => {
    const farm =
      c.form === "group"
        ? c.members
        : c.agricultural
          ? Math.round(c.members * spec.farmHouseholdShareOfMembers)
          : 0;
    push(
      coopStream(c.id),
      on,
      mk("MembershipReported", {
        coopId: c.id,
        effectiveDate: on,
        officialMembers: c.members,
        memberHouseholds: c.members,
        farmHouseholds: farm,
      } as never),
      alliance,
    );
  };
  for (let y = spec.reportedYears.from; y <= spec.reportedYears.to; y++) {
    const yearEnd = makeDate(y, 12, 31);
    const filed = makeDate(y + 1, 3, 15);
    at(yearEnd, 5, () => {
      for (const c of activeOn(yearEnd)) {
        c.members += int(0, spec.members.yearlyGrowth);
        membership(c, yearEnd);
      }
      for (const g of activeOn(yearEnd, "group")) membership(g, yearEnd);
    });
    at(filed, 5, () => {
      for (const c of activeOn(filed).filter((x) => x.foundedOn <= yearEnd)) {
        const capital = int(200, 2000) * 1_000_000;
        push(
          coopStream(c.id),
          filed,
          mk("AnnualReportFiled", {
            coopId: c.id,
            effectiveDate: filed,
            fiscalYear: y,
            charterCapitalVnd: capital,
            totalAssetsVnd: capital * 2,
            revenueVnd: capital * 3,
            profitVnd: int(-50, 300) * 1_000_000,
            memberMonthlyIncomeVnd:
              int(spec.memberIncomeVnd.min / 1000, spec.memberIncomeVnd.max / 1000) * 1000,
          } as never),
          alliance,
        );
      }
    });
  }
};
