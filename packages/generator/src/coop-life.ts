import type { CompulsoryDissolutionGround, EventData, Location, Text } from "@coop-ledger/domain";
import { addMonthsDay, type DayNumber, dayOf, isoDate } from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import { appointManager, foundCoop } from "./coop-founding.js";
import { revokeOcop, stepProducts } from "./coop-ocop.js";
import { stepAnnualPaperwork } from "./coop-reports.js";
import {
  GAZETTEER_2025_DAY,
  LAW_2012_DAY,
  LAW_2023_DAY,
  locationOn,
  minimumFounders,
  planConformance2023,
} from "./law-in-force.js";
import { mk } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";
import { dayIn, geometricMonths, inMonth, round } from "./sim-month.js";
import { endSuspension, suspend } from "./suspension.js";

/** The latest effective day on the co-op's stream (its founding at least). */
const lastEffectiveDay = (coop: SimCoop): DayNumber =>
  coop.clock.maxEffective === "" ? Number.NEGATIVE_INFINITY : dayOf(coop.clock.maxEffective);

/**
 * Repays every outstanding loan in full on `day` (before a dissolution or a reorganisation ends the co-op).
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * import { stepLoans } from "../src/province-fund.js";
 * const { ctx, months, recorded } = exampleSim();
 * for (const m of months) stepLoans(ctx, m);
 * const borrower = ctx.coops.find((c) => c.loans.length > 0);
 * if (borrower === undefined) throw new Error("no loan");
 * recorded(); // the loans' applications and disbursements
 * settleLoans(ctx, borrower, dayOf("2022-12-01"));
 * recorded() // ["LoanRepaid"]
 * borrower.loans.length // 0
 */
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

/**
 * Starts a dissolution (DissolutionStarted); CoopDissolved follows one to four months later.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, coop, recorded } = exampleSim();
 * startDissolution(ctx, coop, dayOf("2021-03-01"), "voluntary");
 * recorded() // ["DissolutionStarted"]
 * coop.status // "dissolving"
 */
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
  endSuspension(coop, day);
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
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, coop, months, recorded } = exampleSim(); // 2021–2022, after January 2021
 * for (const m of months) stepCoop(ctx, coop, m);
 * recorded() // ["MembershipReported", "AnnualReportFiled"] (its reports on 2021, in January and March 2022)
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
      endSuspension(coop, day);
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

  stepAnnualPaperwork(ctx, coop, m);
  scheduleWake(ctx, coop, m);
};
