import type { CompulsoryDissolutionGround, EventData, Location, Score, Text } from "@coop-ledger/domain";
import { addMonthsDay, DAY_MS, type DayNumber, dayOf, dayOfYmd, isoDate } from "@coop-ledger/domain";
import { type Month, monthOf } from "./calendar.js";
import {
  appointManager,
  foundCoop,
  GAZETTEER_2025_DAY,
  LAW_2012_DAY,
  LAW_2023_DAY,
  locationOn,
  minimumFounders,
  planConformance2023,
} from "./coop-founding.js";
import { mk } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";

const inMonth = (day: DayNumber | undefined, m: Month): day is DayNumber =>
  day !== undefined && day < m.nextFirstDay;

const dayIn = (ctx: SimContext, m: Month): DayNumber =>
  m.firstDay + ctx.rng.int(0, m.nextFirstDay - m.firstDay - 1);

/** The latest effective day on the co-op's stream (its founding at least). */
const lastEffectiveDay = (coop: SimCoop): DayNumber =>
  coop.clock.maxEffective === "" ? Number.NEGATIVE_INFINITY : dayOf(coop.clock.maxEffective);

const round = (n: number, unit: number): number => Math.max(0, Math.round(n / unit) * unit);

/** Repays every outstanding loan in full on `day` (before a dissolution or a reorganisation ends the co-op). */
export const settleLoans = (ctx: SimContext, coop: SimCoop, day: DayNumber): void => {
  for (const loan of coop.loans) {
    if (loan.outstanding > 0) {
      ctx.rec.record(
        coop.clock,
        mk("LoanRepaid", {
          coopId: coop.id,
          effectiveDate: isoDate(day),
          loanId: loan.id,
          principalVnd: loan.outstanding as never,
        }),
        { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(1, 10)), by: ctx.by.fund },
      );
    }
  }
  coop.loans.length = 0;
};

/** Starts a dissolution (DissolutionStarted); CoopDissolved follows one to four months later. */
export const startDissolution = (
  ctx: SimContext,
  coop: SimCoop,
  day: DayNumber,
  mode: "voluntary" | "compulsory",
  ground?: CompulsoryDissolutionGround,
): void => {
  settleLoans(ctx, coop, day);
  const data: EventData<"DissolutionStarted"> = {
    coopId: coop.id,
    effectiveDate: isoDate(day),
    mode,
    ...(ground !== undefined ? { ground } : {}),
  };
  ctx.rec.record(coop.clock, mk("DissolutionStarted", data), {
    mode: "ordered",
    at: ctx.rec.at(day, ctx.rng.int(1, 20)),
    by: ctx.by.registry,
    source: doc(
      mode === "voluntary" ? "resolution" : "decision",
      `${ctx.rng.int(1, 999)}/QĐ-UBND`,
      isoDate(day),
      ctx.issuer(coop.district),
    ),
  });
  coop.status = "dissolving";
  coop.statusSince = day;
  // Never before an event already effective on the stream (a late retraction, a report).
  coop.dissolveOn = Math.max(day + ctx.rng.int(30, 120), lastEffectiveDay(coop));
  coop.dissolveMode = mode;
  coop.dissolveGround = ground;
};

const finishDissolution = (ctx: SimContext, coop: SimCoop, day: DayNumber): void => {
  // About one dissolution in eight reaches the ledger a year late (brief §4: "a 2019 dissolution may be
  // recorded in 2021"): the co-op is gone in the world, the ledger learns it later.
  const late = ctx.rng.chance(0.12);
  const mode = coop.dissolveMode ?? "voluntary";
  const data: EventData<"CoopDissolved"> = {
    coopId: coop.id,
    effectiveDate: isoDate(day),
    mode,
    ...(coop.dissolveGround !== undefined ? { ground: coop.dissolveGround } : {}),
  };
  ctx.rec.record(coop.clock, mk("CoopDissolved", data), {
    mode: "terminal",
    at: ctx.rec.at(day, late ? ctx.rng.int(300, 420) : ctx.rng.int(2, 30)),
    by: ctx.by.registry,
    source: doc("decision", `${ctx.rng.int(1, 999)}/QĐ-UBND`, isoDate(day), ctx.issuer(coop.district)),
  });
  coop.status = "gone";
  coop.statusSince = day;
};

const repayLoans = (ctx: SimContext, coop: SimCoop, m: Month): void => {
  for (const loan of coop.loans) {
    if (loan.reschedule !== undefined && loan.reschedule.onDay < m.nextFirstDay) {
      const { onDay, newMaturity } = loan.reschedule;
      ctx.rec.record(
        coop.clock,
        mk("LoanRescheduled", {
          coopId: coop.id,
          effectiveDate: isoDate(onDay),
          loanId: loan.id,
          newMaturityDate: isoDate(newMaturity),
          reason: "Gia hạn do thiên tai, mất mùa" as Text,
        }),
        { mode: "ordered", at: ctx.rec.at(onDay, ctx.rng.int(1, 10)), by: ctx.by.fund },
      );
      loan.dueDays[loan.dueDays.length - 1] = newMaturity;
      loan.reschedule = undefined;
    }
    while (loan.dueDays.length > 0 && (loan.dueDays[0] as number) < m.nextFirstDay) {
      const due = loan.dueDays.shift() as number;
      const amount =
        loan.dueDays.length === 0
          ? loan.outstanding
          : round(loan.outstanding / (loan.dueDays.length + 1), 1_000_000);
      if (amount <= 0) continue;
      loan.outstanding -= amount;
      ctx.rec.record(
        coop.clock,
        mk("LoanRepaid", {
          coopId: coop.id,
          effectiveDate: isoDate(Math.max(due, m.firstDay)),
          loanId: loan.id,
          principalVnd: amount as never,
          interestVnd: round(amount * 0.03, 1000) as never,
        }),
        { mode: "ordered", at: ctx.rec.at(Math.max(due, m.firstDay), ctx.rng.int(0, 7)), by: ctx.by.fund },
      );
    }
  }
  for (let i = coop.loans.length - 1; i >= 0; i--) {
    if ((coop.loans[i]?.dueDays.length ?? 0) === 0) coop.loans.splice(i, 1);
  }
};

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
  ctx.rec.record(
    coop.clock,
    mk("CoopAssessed", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      year: year as never,
      scheme: agri ? "circular-09-2017-TT-BNNPTNT" : "circular-01-2020-TT-BKHDT",
      score: score as Score,
      rating: sanction ? "weak" : rating,
      ...(agri ? { administrativeSanction: sanction || (rating === "weak" && rng.chance(0.2)) } : {}),
    }),
    {
      mode: "independent",
      at: ctx.rec.at(day, rng.int(1, 25)),
      by: ctx.by.registry,
      source: doc("decision", `${rng.int(1, 999)}/QĐ-UBND`, isoDate(day), ctx.issuer(coop.district)),
    },
  );
};

const OCOP_LEVEL = (stars: 3 | 4 | 5): "national" | "province" => (stars === 5 ? "national" : "province");

const certifyOcop = (
  ctx: SimContext,
  coop: SimCoop,
  product: SimCoop["products"][number],
  day: DayNumber,
  upgrade: boolean,
): void => {
  const { rng } = ctx;
  const stars = rng.weighted<3 | 4 | 5>(
    upgrade
      ? [
          [3, 55],
          [4, 40],
          [5, 5],
        ]
      : [
          [3, 75],
          [4, 23],
          [5, 2],
        ],
  );
  const [lo, hi] = stars === 3 ? [50, 69.5] : stars === 4 ? [70, 89.5] : [90, 98];
  const score = lo + Math.round(rng.next() * (hi - lo) * 2) / 2;
  const validUntil = addMonthsDay(day, 36);
  ctx.rec.record(
    coop.clock,
    mk("OcopCertified", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      productId: product.id,
      productName: product.name as Text,
      score: score as Score,
      stars,
      validUntil: isoDate(validUntil),
      level: OCOP_LEVEL(stars),
      certificateNumber: `${rng.int(100, 9999)}/QĐ-UBND` as Text,
    }),
    {
      mode: "ordered",
      at: ctx.rec.at(day, rng.int(3, 30)),
      by: ctx.by.registry,
      source: doc(
        "certificate",
        `${rng.int(100, 9999)}/QĐ-UBND`,
        isoDate(day),
        `UBND tỉnh ${ctx.province.name}`,
      ),
    },
  );
  product.certified = true;
  product.certifiedOn = day;
  product.nextDay = validUntil;
};

const stepProducts = (ctx: SimContext, coop: SimCoop, m: Month): void => {
  const { rng } = ctx;
  for (const p of coop.products) {
    if (!inMonth(p.nextDay, m) || p.nextDay > ctx.endDay) continue;
    if (!p.certified) certifyOcop(ctx, coop, p, Math.max(p.nextDay, m.firstDay), false);
    else if (rng.chance(0.65))
      certifyOcop(ctx, coop, p, Math.max(m.firstDay, p.nextDay - rng.int(0, 30)), true);
    else {
      // Lapsed: expiry needs no event, validity is computed from validUntil.
      p.certified = false;
      p.nextDay = Number.POSITIVE_INFINITY;
    }
  }
};

const revokeOcop = (ctx: SimContext, coop: SimCoop, day: DayNumber): void => {
  const p = coop.products.find((x) => x.certified && x.certifiedOn < day);
  if (p === undefined) return;
  ctx.rec.record(
    coop.clock,
    mk("OcopEnded", { coopId: coop.id, effectiveDate: isoDate(day), productId: p.id, reason: "revoked" }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(3, 30)), by: ctx.by.registry },
  );
  p.certified = false;
  p.nextDay = Number.POSITIVE_INFINITY;
};

/** Months until the next event of a monthly hazard `p` (geometric, 0 = next month). */
const geometricMonths = (ctx: SimContext, p: number): number =>
  p <= 0 ? 10_000 : p >= 1 ? 0 : Math.floor(Math.log(1 - ctx.rng.next()) / Math.log(1 - p));

const suspend = (ctx: SimContext, coop: SimCoop, day: DayNumber): void => {
  ctx.rec.record(
    coop.clock,
    mk("CoopSuspended", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      until: isoDate(addMonthsDay(day, 12)),
      reason: ctx.rng.pick([
        "Khó khăn về vốn",
        "Thiếu thị trường tiêu thụ",
        "Thành viên không tham gia",
      ]) as Text,
    }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(1, 30)), by: ctx.by.registry },
  );
  coop.status = "suspended";
  coop.statusSince = day;
  // Resumes after 5 months at the earliest (9 % a month), or is dissolved compulsorily after 12 months
  // of not operating (6 % a month; Law 23/2012/QH13 art. 54(2)(a)), whichever comes first.
  const resume = 5 + geometricMonths(ctx, 0.09);
  const dissolve = 12 + geometricMonths(ctx, 0.06);
  coop.suspensionEndsBy = dissolve < resume ? "dissolution" : "resumption";
  coop.suspensionEndsOn = addMonthsDay(day, Math.min(resume, dissolve));
};

const moveHeadOffice = (ctx: SimContext, coop: SimCoop, day: DayNumber, location: Location): void => {
  ctx.rec.record(
    coop.clock,
    mk("HeadOfficeMoved", { coopId: coop.id, effectiveDate: isoDate(day), location }),
    {
      mode: "ordered",
      at: ctx.rec.at(day, ctx.rng.int(2, 30)),
      by: ctx.by.registry,
    },
  );
};

/** Upper bounds of the monthly hazards of an active co-op (thinned to the actual rates when one fires). */
const HAZARD = {
  managerLeaves: 0.005,
  suspension: 0.0055,
  dissolution: 0.0013,
  move: 0.0008,
  moveAfter2025: 0.05,
  revocation: 0.0008,
};

const hazardBound = (coop: SimCoop): number =>
  HAZARD.managerLeaves * coop.managers.length +
  HAZARD.suspension +
  HAZARD.dissolution +
  HAZARD.moveAfter2025 +
  HAZARD.revocation * coop.products.length;

/** One of the random happenings of an active co-op, by its actual rate on `day` (or none). */
const fireHazard = (ctx: SimContext, coop: SimCoop, day: DayNumber): "dissolving" | undefined => {
  const { rng } = ctx;
  const ageMonths = (day - coop.foundedDay) / 30.4;
  const pcf = coop.sector === "peoplesCreditFund";
  const afterReform = day >= GAZETTEER_2025_DAY;
  const rates: ReadonlyArray<readonly [string, number]> = [
    ["managerLeaves", HAZARD.managerLeaves * coop.managers.length],
    ["suspension", ageMonths > 12 ? (pcf ? 0.0002 : HAZARD.suspension) : 0],
    ["dissolution", ageMonths > 18 ? (pcf ? 0.0001 : 0.0009 - 0.0004 * coop.quality) : 0],
    [
      "move",
      coop.form === "group"
        ? 0
        : afterReform
          ? coop.reRecordedIn2025
            ? 0
            : HAZARD.moveAfter2025
          : HAZARD.move,
    ],
    ["revocation", HAZARD.revocation * coop.products.filter((p) => p.certified).length],
  ];
  const bound = hazardBound(coop);
  const used = rates.reduce((a, [, r]) => a + r, 0);
  const what = rng.weighted([...rates, ["none", Math.max(0, bound - used)]]);
  switch (what) {
    case "managerLeaves": {
      const i = rng.int(0, coop.managers.length - 1);
      leaveAndReplace(ctx, coop, i, day, "Hết nhiệm kỳ");
      return undefined;
    }
    case "suspension":
      suspend(ctx, coop, day);
      return undefined;
    case "dissolution":
      startDissolution(ctx, coop, day, "voluntary");
      return "dissolving";
    case "move":
      if (afterReform) {
        // After the 2025-07-01 reform head offices are re-recorded with the new province (no district).
        coop.reRecordedIn2025 = true;
      } else coop.district = rng.pick(coop.province.districts);
      moveHeadOffice(ctx, coop, day, locationOn(coop, day));
      return undefined;
    case "revocation":
      revokeOcop(ctx, coop, day);
      return undefined;
    default:
      return undefined;
  }
};

const leaveAndReplace = (ctx: SimContext, coop: SimCoop, i: number, day: DayNumber, reason: string): void => {
  const mgr = coop.managers[i];
  if (mgr === undefined) return;
  ctx.rec.record(
    coop.clock,
    mk("ManagerLeft", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      managerId: mgr.id,
      reason: reason as Text,
    }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(1, 20)), by: ctx.by.registry },
  );
  coop.managers.splice(i, 1);
  appointManager(ctx, coop, mgr.role, day);
};

/** The next day anything is due for a co-op: the simulation skips it until then (or a report month). */
const scheduleWake = (ctx: SimContext, coop: SimCoop, m: Month): void => {
  let wake = Number.POSITIVE_INFINITY;
  const min = (d: number | undefined): void => {
    if (d !== undefined && d < wake) wake = d;
  };
  for (const loan of coop.loans) {
    min(loan.dueDays[0]);
    min(loan.reschedule?.onDay);
  }
  if (coop.status === "dissolving") min(coop.dissolveOn);
  else if (coop.status === "suspended") min(coop.suspensionEndsOn);
  else if (coop.status === "active") {
    coop.hazardOn = addMonthsDay(m.nextFirstDay, geometricMonths(ctx, hazardBound(coop)));
    min(coop.hazardOn);
    min(coop.convertOn);
    if (coop.law === "2003") min(coop.conform2012On);
    if (coop.law === "2012") min(coop.conform2023On);
    for (const p of coop.products) min(p.nextDay);
    for (const mgr of coop.managers) min(mgr.retireDay);
  }
  coop.wake = wake;
};

/**
 * One month in the life of one co-op: loan instalments, lifecycle changes (conformance to a new law,
 * manager turnover, suspension, resumption, dissolution, conversion of a group), OCOP certificates,
 * head-office re-recording after the 2025 geography change, and the yearly reports (members in January
 * for 31 December, annual report in March, rating in April). A co-op with nothing due is skipped: random
 * happenings are drawn as waiting times (geometric, so memoryless), not month by month, which keeps a
 * national run to a few visits per co-op a year.
 */
export const stepCoop = (ctx: SimContext, coop: SimCoop, m: Month): void => {
  const { rng } = ctx;
  // A co-op's first month holds only its founding: later events never precede it in valid time.
  if (coop.status === "gone" || coop.foundedDay >= m.firstDay) return;
  const forced = m.month === 1 || m.month === 3 || m.firstDay === GAZETTEER_2025_DAY;
  if (!forced && coop.wake >= m.nextFirstDay) return;
  if (coop.loans.length > 0) repayLoans(ctx, coop, m);

  if (coop.status === "dissolving") {
    if (inMonth(coop.dissolveOn, m) && coop.dissolveOn <= ctx.endDay)
      finishDissolution(ctx, coop, coop.dissolveOn);
    else coop.wake = coop.dissolveOn ?? Number.POSITIVE_INFINITY;
    return;
  }
  const day = dayIn(ctx, m);
  if (day > ctx.endDay) return;

  if (coop.status === "suspended") {
    if (inMonth(coop.suspensionEndsOn, m)) {
      if (coop.suspensionEndsBy === "dissolution") {
        startDissolution(ctx, coop, day, "compulsory", "notOperating12Months");
        coop.wake = coop.dissolveOn ?? Number.POSITIVE_INFINITY;
        return;
      }
      ctx.rec.record(coop.clock, mk("CoopResumed", { coopId: coop.id, effectiveDate: isoDate(day) }), {
        mode: "ordered",
        at: ctx.rec.at(day, rng.int(1, 20)),
        by: ctx.by.registry,
      });
      coop.status = "active";
      coop.statusSince = day;
    }
  } else if (coop.form === "group" && inMonth(coop.convertOn, m) && day >= lastEffectiveDay(coop)) {
    // A cooperative group converts into a co-op (chuyển đổi THT thành HTX, Law 17/2023/QH15 art. 108).
    const successor = foundCoop(ctx, {
      day,
      form: "cooperative",
      sector: coop.sector,
      district: coop.district,
      members: Math.max(minimumFounders("cooperative", day), coop.members + rng.int(2, 8)),
      origin: { kind: "conversion", fromCoopId: coop.id, fromForm: "group" },
    });
    ctx.rec.record(
      coop.clock,
      mk("CoopConverted", {
        coopId: coop.id,
        effectiveDate: isoDate(day),
        toCoopId: successor.id,
        toForm: "cooperative",
      }),
      { mode: "terminal", at: ctx.rec.at(day, rng.int(1, 15)), by: ctx.by.registry },
    );
    coop.status = "gone";
    return;
  } else {
    if (coop.law === "2003" && inMonth(coop.conform2012On, m)) {
      const on = Math.max(coop.conform2012On, LAW_2012_DAY, m.firstDay);
      ctx.rec.record(
        coop.clock,
        mk("CoopConformedToLaw", {
          coopId: coop.id,
          effectiveDate: isoDate(on),
          // The codec's static type reads the literal keys as numbers; the runtime value is the string.
          law: "2012" as never,
          method: rng.chance(0.6) ? "reRegistered" : "charterAmended",
        }),
        { mode: "ordered", at: ctx.rec.at(on, rng.int(1, 20)), by: ctx.by.registry },
      );
      coop.law = "2012";
      coop.conform2023On = planConformance2023(ctx, coop.foundedDay);
    } else if (coop.law === "2012" && inMonth(coop.conform2023On, m) && coop.conform2023On >= LAW_2023_DAY) {
      // Law 17/2023/QH15 art. 115: charters that do not conform are amended by 2025-12-31.
      const on = Math.max(coop.conform2023On, m.firstDay);
      ctx.rec.record(
        coop.clock,
        mk("CoopConformedToLaw", {
          coopId: coop.id,
          effectiveDate: isoDate(on),
          law: "2023" as never,
          method: "charterAmended",
        }),
        { mode: "ordered", at: ctx.rec.at(on, rng.int(1, 20)), by: ctx.by.registry },
      );
      coop.law = "2023";
    }
    for (let i = coop.managers.length - 1; i >= 0; i--) {
      if ((coop.managers[i]?.retireDay ?? Number.POSITIVE_INFINITY) < m.nextFirstDay)
        leaveAndReplace(ctx, coop, i, day, "Nghỉ hưu");
    }
    stepProducts(ctx, coop, m);
    if (coop.hazardOn < m.nextFirstDay && fireHazard(ctx, coop, day) === "dissolving") {
      coop.wake = coop.dissolveOn ?? Number.POSITIVE_INFINITY;
      return;
    }
  }

  if (m.month === 1) {
    const yearEnd = dayOfYmd(m.year - 1, 12, 31);
    if (coop.foundedDay <= yearEnd) reportMembership(ctx, coop, yearEnd);
  } else if (m.month === 3 && coop.form !== "group") {
    if (coop.foundedDay <= dayOfYmd(m.year - 1, 9, 30)) fileAnnualReport(ctx, coop, m.year - 1, m);
    if (coop.status === "active" && coop.form === "cooperative" && coop.sector !== "peoplesCreditFund") {
      assess(ctx, coop, m.year - 1, monthOf(m.nextFirstDay));
    }
  }
  scheduleWake(ctx, coop, m);
};
