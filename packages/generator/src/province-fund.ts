import {
  type ApplicationId,
  addMonthsDay,
  type DayNumber,
  type EventData,
  type FundKind,
  isoDate,
  type LoanId,
  type Text,
} from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import { GAZETTEER_2025_DAY } from "./law-in-force.js";
import { mk } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";
import { dayIn } from "./sim-month.js";
import { operating, pickCoop } from "./sim-population.js";

// The province's support fund in the simulation: its establishment, charter capital, loan applications
// and loans. Called from the monthly step (province-sim.ts).

/**
 * The support fund (Quỹ hỗ trợ phát triển HTX tỉnh): establishment and charter-capital changes.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim(); // the fund was established in January 2021
 * for (const m of months) stepFund(ctx, m);
 * recorded() // ["FundCapitalChanged"]
 * ctx.fund?.live // true
 */
export const stepFund = (ctx: SimContext, m: Month): void => {
  const f = ctx.fund;
  if (f === undefined) return;
  const { rng } = ctx;
  if (!f.live && f.establishedOn < m.nextFirstDay && f.establishedOn <= ctx.endDay) {
    const day = f.establishedOn;
    const after = day >= GAZETTEER_2025_DAY;
    ctx.rec.record(
      f.clock,
      mk("FundEstablished", {
        fundId: f.id,
        effectiveDate: isoDate(day),
        kind: "provincialSupportFund",
        name: `Quỹ hỗ trợ phát triển HTX tỉnh ${after ? ctx.province.successorName : ctx.province.name}` as Text,
        charterCapitalVnd: f.capital as never,
        provinceCode: after ? ctx.province.successorCode : ctx.province.code,
        gazetteer: after ? "2025-07-01" : "2008-08-01",
      }),
      {
        mode: "ordered",
        at: ctx.rec.at(day, rng.int(1, 20)),
        by: ctx.by.fund,
        source: doc("decision", `${rng.int(1, 999)}/QĐ-UBND`, isoDate(day), `UBND tỉnh ${ctx.province.name}`),
      },
    );
    f.live = true;
    return;
  }
  if (f.live && m.month === 1 && rng.chance(0.35) && f.capital < 100e9) {
    const day = dayIn(ctx, m);
    if (day > ctx.endDay) return;
    f.capital += rng.int(5, 15) * 1e9;
    ctx.rec.record(
      f.clock,
      mk("FundCapitalChanged", {
        fundId: f.id,
        effectiveDate: isoDate(day),
        charterCapitalVnd: f.capital as never,
        reason: "Ngân sách tỉnh bổ sung vốn điều lệ" as Text,
      }),
      { mode: "ordered", at: ctx.rec.at(day, rng.int(1, 20)), by: ctx.by.fund },
    );
  }
};

const PURPOSES = [
  "Đầu tư máy móc chế biến",
  "Mua vật tư nông nghiệp",
  "Xây dựng nhà kho, sân phơi",
  "Mở rộng sản xuất",
  "Đầu tư hệ thống tưới tiết kiệm",
] as const;

const receiveApplication = (
  ctx: SimContext,
  coop: SimCoop,
  day: DayNumber,
  requested: number,
): ApplicationId | undefined => {
  const f = ctx.fund;
  if (f === undefined || !f.live || day < f.establishedOn) return undefined;
  const id = `hs-${ctx.province.code}-${String(++ctx.seq.app).padStart(6, "0")}` as ApplicationId;
  ctx.rec.record(
    f.clock,
    mk("LoanApplicationReceived", {
      fundId: f.id,
      effectiveDate: isoDate(day),
      applicationId: id,
      coopId: coop.id,
      requestedVnd: requested as never,
    }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(0, 5)), by: ctx.by.fund },
  );
  return id;
};

/**
 * New loans of the month (brief §7: 10–60 a year, 100 m–2 bn VND, 12–60 months) from the provincial fund
 * (after an application), the central fund or the National Employment Fund (≤ 2 bn VND per project since
 * 2019-11-08, Decree 74/2019/NĐ-CP). Most are repaid on schedule; some late, some rescheduled.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim(); // 10 loans a year
 * for (const m of months) stepLoans(ctx, m);
 * const events = recorded();
 * [...new Set(events)] // ["LoanApplicationReceived", "LoanDisbursed"]
 * events.filter((e) => e === "LoanDisbursed").length // 11
 */
export const stepLoans = (ctx: SimContext, m: Month): void => {
  const { rng } = ctx;
  const n = rng.poisson(ctx.params.loansPerYear / 12);
  for (let i = 0; i < n; i++) {
    const day = dayIn(ctx, m);
    if (day > ctx.endDay) return;
    const coop = pickCoop(ctx, (c) => operating(c, day, 180) && c.loans.length < 2);
    if (coop === undefined) continue;
    const principal = Math.round(Math.exp(Math.log(1e8) + rng.next() * Math.log(20)) / 1e7) * 1e7;
    const fundLive = ctx.fund?.live === true && day - 20 >= ctx.fund.establishedOn;
    const fundKind: FundKind = fundLive
      ? rng.weighted<FundKind>([
          ["provincialSupportFund", 60],
          ["nationalEmploymentFund", 25],
          ["centralSupportFund", 15],
        ])
      : rng.weighted<FundKind>([
          ["nationalEmploymentFund", 60],
          ["centralSupportFund", 40],
        ]);
    const applicationId =
      fundKind === "provincialSupportFund"
        ? receiveApplication(ctx, coop, Math.max(m.firstDay, day - rng.int(5, 20)), principal)
        : undefined;
    const term = rng.pick([12, 18, 24, 36, 36, 48, 60]);
    const maturity = addMonthsDay(day, term);
    const step = term <= 24 ? 6 : 12;
    const dueDays: DayNumber[] = [];
    for (let k = step; k < term; k += step) dueDays.push(addMonthsDay(day, k));
    dueDays.push(maturity);
    const fate = rng.next();
    const id = `loan-${ctx.province.code}-${String(++ctx.seq.loan).padStart(6, "0")}` as LoanId;
    const loan: SimCoop["loans"][number] = { id, outstanding: principal, dueDays, reschedule: undefined };
    if (fate < 0.08) dueDays[dueDays.length - 1] = maturity + rng.int(90, 270);
    else if (fate < 0.14)
      loan.reschedule = { onDay: maturity - rng.int(10, 60), newMaturity: addMonthsDay(maturity, 12) };
    const data: EventData<"LoanDisbursed"> = {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      loanId: id,
      fundKind,
      principalVnd: principal as never,
      termMonths: term as never,
      maturityDate: isoDate(maturity),
      annualInterestBp: rng.int(300, 800) as never,
      purpose: rng.pick(PURPOSES) as Text,
      ...(fundKind === "provincialSupportFund" && ctx.fund !== undefined ? { fundId: ctx.fund.id } : {}),
      ...(applicationId !== undefined ? { applicationId } : {}),
    };
    ctx.rec.record(coop.clock, mk("LoanDisbursed", data), {
      mode: "ordered",
      at: ctx.rec.at(day, rng.int(0, 10)),
      by: ctx.by.fund,
      source: doc(
        "contract",
        `HĐTD-${id}`,
        isoDate(day),
        fundKind === "provincialSupportFund" ? "Quỹ hỗ trợ phát triển HTX tỉnh" : "Liên minh HTX tỉnh",
      ),
    });
    coop.loans.push(loan);
  }
  // Applications that come to nothing (rejected or withdrawn) still count in fund.applications.
  if (ctx.fund?.live === true && rng.chance(ctx.params.loansPerYear / 40)) {
    const day = dayIn(ctx, m);
    const coop = pickCoop(ctx, (c) => operating(c, day, 180));
    if (coop !== undefined && day <= ctx.endDay) receiveApplication(ctx, coop, day, rng.int(10, 150) * 1e7);
  }
};
