import type { EventData, Score, Text } from "@coop-ledger/domain";
import { DAY_MS, type DayNumber, dayOfYmd, isoDate } from "@coop-ledger/domain";
import { type Month, monthOf } from "./calendar.js";
import { minimumFounders } from "./law-in-force.js";
import { mk } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";
import { round } from "./sim-month.js";
import { stoppedTooLong } from "./suspension.js";

// A co-op's yearly paperwork in the simulation: its membership report, its annual financial report and
// its assessment (rating). Called from the monthly step (coop-life.ts).

/** Records a membership report for the year ending `yearEnd`, sometimes entered twice and retracted. */
const reportMembership = (ctx: SimContext, coop: SimCoop, yearEnd: DayNumber): void => {
  const { rng } = ctx;
  const min = minimumFounders(coop.form, yearEnd);
  coop.members = Math.max(
    min,
    Math.round(coop.members * (1 + 0.02 + 0.04 * coop.quality + 0.06 * rng.normal())),
  );
  coop.associates = Math.max(0, Math.round(coop.associates * (1 + 0.05 * rng.normal())));
  const households = Math.max(1, Math.round(coop.members * (0.85 + 0.1 * rng.next())));
  const data: EventData<"MembershipReported"> = {
    coopId: coop.id,
    effectiveDate: isoDate(yearEnd),
    officialMembers: coop.members as never,
    ...(coop.associates > 0 ? { associateMembers: coop.associates as never } : {}),
    ...(coop.form !== "union" ? { memberHouseholds: households as never } : {}),
    ...(coop.sector === "agriculture" && coop.form !== "union"
      ? { farmHouseholds: Math.round(households * (0.7 + 0.25 * rng.next())) as never }
      : {}),
    ...(coop.workers > 0 ? { regularWorkers: coop.workers as never } : {}),
  };
  const event = mk("MembershipReported", data);
  const options = {
    mode: "independent" as const,
    at: ctx.rec.at(yearEnd, rng.int(3, 50)),
    by: ctx.by.registry,
  };
  ctx.rec.record(coop.clock, event, options);
  if (rng.chance(0.015)) {
    // A report keyed in twice, noticed and retracted weeks later (EventRetracted, "Nhập trùng").
    const dup = ctx.rec.record(coop.clock, event, {
      ...options,
      at: options.at + rng.int(1, 48) * 3_600_000,
    });
    const decidedOn = Math.floor(dup.ms / DAY_MS) + rng.int(5, 60);
    if (decidedOn <= ctx.endDay) {
      ctx.rec.record(
        coop.clock,
        mk("EventRetracted", {
          effectiveDate: isoDate(decidedOn),
          retractedEventId: ctx.rec.eventIdOf(coop.clock.streamId, dup.index),
          reason: "Nhập trùng báo cáo thành viên" as Text,
        }),
        {
          mode: "independent",
          at: ctx.rec.at(decidedOn, rng.int(0, 5)),
          notBefore: dup.ms + 1000,
          by: ctx.by.registry,
        },
      );
    }
  }
};

/** Files the annual report (báo cáo năm) of `year` in March of the next year; one in ten is entered late. */
const fileAnnualReport = (ctx: SimContext, coop: SimCoop, year: number, m: Month): void => {
  const { rng } = ctx;
  const q = coop.quality;
  const grow = (base: number, trend: number): number =>
    Math.round(base * (1 + trend + 0.04 * q + 0.05 * rng.normal()));
  coop.capital = Math.max(10_000_000, round(grow(coop.capital, 0.05), 1_000_000));
  coop.assets = Math.max(coop.capital, round(grow(coop.assets, 0.06), 1_000_000));
  coop.revenue = Math.max(0, round(grow(coop.revenue, coop.status === "suspended" ? -0.5 : 0.06), 1_000_000));
  coop.workerIncome = round(coop.workerIncome * (1.05 + 0.03 * rng.normal()), 1000);
  coop.memberIncome = round(coop.memberIncome * (1.05 + 0.03 * rng.normal()), 1000);
  const profit = round(coop.revenue * (0.03 + 0.04 * q + 0.03 * rng.normal()), 1_000_000);
  const day = m.firstDay + rng.int(0, 30);
  const data: EventData<"AnnualReportFiled"> = {
    coopId: coop.id,
    effectiveDate: isoDate(day),
    fiscalYear: year as never,
    charterCapitalVnd: coop.capital as never,
    totalAssetsVnd: coop.assets as never,
    revenueVnd: coop.revenue as never,
    profitVnd: (coop.revenue === 0 ? 0 : profit * (rng.chance(0.12) ? -1 : 1)) as never,
    ...(coop.workers > 0
      ? { regularWorkers: coop.workers as never, workerMonthlyIncomeVnd: coop.workerIncome as never }
      : {}),
    memberMonthlyIncomeVnd: coop.memberIncome as never,
    generalMeetingHeldOn: isoDate(dayOfYmd(year + 1, 1, 1) + rng.int(14, 58)),
    ...(year >= coop.highTechFrom ? { highTechnology: true } : {}),
  };
  ctx.rec.record(coop.clock, mk("AnnualReportFiled", data), {
    mode: "independent",
    at: ctx.rec.at(day, rng.chance(0.1) ? rng.int(90, 270) : rng.int(1, 20)),
    by: ctx.by.registry,
    source: doc("report", `BC-${year}/${coop.id}`, isoDate(day), coop.name),
  });
};

const BANDS = [
  ["good", 80, 98],
  ["fair", 65, 79.5],
  ["average", 50, 64.5],
  ["weak", 20, 49.5],
] as const;

/**
 * Rates a co-op for `year` (Circular 09/2017/TT-BNNPTNT for agricultural co-ops from 2017, 01/2020/TT-BKHĐT
 * for the others from 2020), roughly 20 % good, 45 % fair, 25 % average, 10 % weak, shifted by quality. The
 * score lies in the band of the rating (default bands), except that an administrative sanction forces
 * `weak` for an agricultural co-op whatever the score.
 */
const assess = (ctx: SimContext, coop: SimCoop, year: number, m: Month): void => {
  const { rng } = ctx;
  const agri = coop.sector === "agriculture";
  const scheme = agri ? "circular-09-2017-TT-BNNPTNT" : "circular-01-2020-TT-BKHDT";
  if (year < (agri ? 2017 : 2020) || coop.foundedDay >= dayOfYmd(year, 1, 1) || !rng.chance(0.8)) return;
  const q = coop.quality;
  const [rating, lo, hi] = rng.weighted(
    BANDS.map((b, i) => [b, [20 * (1 + q), 45, 25 * (1 - q / 2), 10 * (1 - q)][i] as number] as const),
  );
  let score = lo + Math.round(rng.next() * (hi - lo) * 2) / 2;
  let sanction = false;
  if (agri && rng.chance(0.01)) {
    // A sanctioned agricultural co-op is rated weak whatever its score (Circular 09/2017/TT-BNNPTNT).
    sanction = true;
    score = 50 + Math.round(rng.next() * 60) / 2;
  }
  const day = m.firstDay + rng.int(0, 28);
  const event = mk("CoopAssessed", {
    coopId: coop.id,
    effectiveDate: isoDate(day),
    year: year as never,
    scheme,
    score: score as Score,
    rating: sanction ? "weak" : rating,
    ...(agri ? { administrativeSanction: sanction || (rating === "weak" && rng.chance(0.2)) } : {}),
  });
  const options = {
    mode: "independent",
    at: ctx.rec.at(day, rng.int(1, 25)),
    by: ctx.by.registry,
    source: doc("decision", `${rng.int(1, 999)}/QĐ-UBND`, isoDate(day), ctx.issuer(coop.district)),
  } as const;
  // The draws above are made either way, so leaving out a rating the scheme forbids changes nothing else
  // in the history but the event ids that follow.
  if (stoppedTooLong(ctx.config, coop, year, scheme)) return;
  ctx.rec.record(coop.clock, event, options);
};

/**
 * A co-op's yearly paperwork in month `m` of the simulation: in January the membership report for the
 * year just ended; in March (not for cooperative groups) the annual financial report of the year
 * before and, for an active cooperative other than a people's credit fund, its assessment.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, coop, months, recorded } = exampleSim(); // 2021–2022, after January 2021
 * for (const m of months) stepAnnualPaperwork(ctx, coop, m);
 * recorded() // ["MembershipReported", "AnnualReportFiled"] (on 2021; it existed only from 2021-01-01)
 */
export const stepAnnualPaperwork = (ctx: SimContext, coop: SimCoop, m: Month): void => {
  if (m.month === 1) {
    const yearEnd = dayOfYmd(m.year - 1, 12, 31);
    if (coop.foundedDay <= yearEnd) reportMembership(ctx, coop, yearEnd);
  } else if (m.month === 3 && coop.form !== "group") {
    if (coop.foundedDay <= dayOfYmd(m.year - 1, 9, 30)) fileAnnualReport(ctx, coop, m.year - 1, m);
    if (coop.status === "active" && coop.form === "cooperative" && coop.sector !== "peoplesCreditFund") {
      assess(ctx, coop, m.year - 1, monthOf(m.nextFirstDay));
    }
  }
};
