import {
  type AllianceActivityKind,
  type ApplicationId,
  addMonthsDay,
  type DayNumber,
  deriveReorganisationEffects,
  type EventData,
  type FundKind,
  isoDate,
  type LinkageId,
  type LoanId,
  type ProvinceCode,
  type ReorganisationId,
  type ReorganisationKind,
  reorganisationStream,
  type SuccessorCoop,
  type Text,
} from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import {
  appointManager,
  GAZETTEER_2025_DAY,
  LAW_2023_DAY,
  locationOn,
  makeCoop,
  minimumFounders,
} from "./coop-founding.js";
import { settleLoans } from "./coop-life.js";
import { PARTNERS, PRODUCT_WORDS } from "./names.js";
import { mk, newClock, Recorder, type RecordMode, type StreamClock } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";

const dayIn = (ctx: SimContext, m: Month): DayNumber =>
  m.firstDay + ctx.rng.int(0, m.nextFirstDay - m.firstDay - 1);

/** A random co-op satisfying `ok`, trying a bounded number of times (the population is large and mixed). */
const pickCoop = (ctx: SimContext, ok: (c: SimCoop) => boolean, tries = 24): SimCoop | undefined => {
  if (ctx.coops.length === 0) return undefined;
  for (let i = 0; i < tries; i++) {
    const c = ctx.rng.pick(ctx.coops);
    if (ok(c)) return c;
  }
  return undefined;
};

const operating = (c: SimCoop, day: DayNumber, minAgeDays: number): boolean =>
  c.status === "active" &&
  c.form === "cooperative" &&
  c.sector !== "peoplesCreditFund" &&
  c.foundedDay <= day - minAgeDays;

/** The support fund (Quỹ hỗ trợ phát triển HTX tỉnh): establishment and charter-capital changes. */
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
 * 2019-11-08, Decree 74/2019/NĐ-CP [verify]). Most are repaid on schedule; some late, some rescheduled.
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

/** Joins and leaves of the provincial Cooperative Alliance (≥ 3 new members a year, resolution 000). */
export const stepAllianceMembership = (ctx: SimContext, m: Month): void => {
  const { rng } = ctx;
  const joins = rng.poisson(0.45);
  for (let i = 0; i < joins; i++) {
    const day = dayIn(ctx, m);
    const coop = pickCoop(
      ctx,
      (c) => c.status === "active" && c.form !== "group" && !c.allianceMember && c.foundedDay < m.firstDay,
    );
    if (coop === undefined || day > ctx.endDay) continue;
    const after = day >= GAZETTEER_2025_DAY;
    ctx.rec.record(
      coop.clock,
      mk("CoopJoinedAlliance", {
        coopId: coop.id,
        effectiveDate: isoDate(day),
        allianceProvinceCode: after ? ctx.province.successorCode : ctx.province.code,
        allianceGazetteer: after ? "2025-07-01" : "2008-08-01",
      }),
      { mode: "ordered", at: ctx.rec.at(day, rng.int(1, 20)), by: ctx.by.alliance },
    );
    coop.allianceMember = true;
  }
  if (rng.chance(0.08)) {
    const day = dayIn(ctx, m);
    const coop = pickCoop(ctx, (c) => c.status === "active" && c.allianceMember, 40);
    if (coop === undefined || day > ctx.endDay) return;
    ctx.rec.record(
      coop.clock,
      mk("CoopLeftAlliance", {
        coopId: coop.id,
        effectiveDate: isoDate(day),
        reason: "Không còn nhu cầu" as Text,
      }),
      { mode: "ordered", at: ctx.rec.at(day, rng.int(1, 20)), by: ctx.by.alliance },
    );
    coop.allianceMember = false;
  }
};

/** Value-chain linkages (liên kết chuỗi giá trị) made and ended. */
export const stepValueChains = (ctx: SimContext, m: Month): void => {
  const { rng } = ctx;
  const n = rng.poisson(1.1);
  for (let i = 0; i < n; i++) {
    const day = dayIn(ctx, m);
    const coop = pickCoop(
      ctx,
      (c) => operating(c, day, 90) && c.sector === "agriculture" && c.linkages.length < 3,
    );
    if (coop === undefined || day > ctx.endDay) continue;
    const id = `lk-${ctx.province.code}-${String(++ctx.seq.link).padStart(6, "0")}` as LinkageId;
    ctx.rec.record(
      coop.clock,
      mk("ValueChainLinked", {
        coopId: coop.id,
        effectiveDate: isoDate(day),
        linkageId: id,
        partner: rng.pick(PARTNERS) as Text,
        product: rng.pick(PRODUCT_WORDS) as Text,
      }),
      {
        mode: "ordered",
        at: ctx.rec.at(day, rng.int(1, 30)),
        by: ctx.by.alliance,
        source: doc("contract", `HĐLK-${id}`, isoDate(day), coop.name),
      },
    );
    coop.linkages.push({ id, since: day });
  }
  if (rng.chance(0.3)) {
    const day = dayIn(ctx, m);
    const coop = pickCoop(
      ctx,
      (c) => c.status === "active" && (c.linkages[0]?.since ?? Number.POSITIVE_INFINITY) < m.firstDay,
      40,
    );
    if (coop === undefined || day > ctx.endDay) return;
    const id = coop.linkages.shift()?.id as LinkageId;
    ctx.rec.record(
      coop.clock,
      mk("ValueChainUnlinked", { coopId: coop.id, effectiveDate: isoDate(day), linkageId: id }),
      {
        mode: "ordered",
        at: ctx.rec.at(day, rng.int(1, 30)),
        by: ctx.by.alliance,
      },
    );
  }
};

const ACTIVITIES: ReadonlyArray<readonly [AllianceActivityKind, number, number, number]> = [
  // kind, probability in a month, min count, max count (resolution 000: ≥ 70 news items, ≥ 100
  // trade-promotion participations, ≥ 15 training classes a year)
  ["newsItem", 0.95, 3, 9],
  ["tradePromotion", 0.6, 5, 20],
  ["trainingClass", 0.6, 1, 3],
  ["foundingAdvice", 0.4, 1, 3],
];

/**
 * The alliance's monthly activity log. Before 2025-07-01 on `alliance-<old code>`; from then on the
 * merged alliance of the 2025 province (`alliance-<new code>`), kept by one of its old provinces.
 */
export const stepAllianceActivities = (ctx: SimContext, m: Month): void => {
  const { rng } = ctx;
  const after = m.firstDay >= GAZETTEER_2025_DAY;
  if (after && !ctx.params.recordsSuccessorAlliance) return;
  const clock: StreamClock = after ? ctx.allianceNew : ctx.allianceOld;
  const provinceCode: ProvinceCode = after ? ctx.province.successorCode : ctx.province.code;
  for (const [kind, p, lo, hi] of ACTIVITIES) {
    if (!rng.chance(p)) continue;
    const day = dayIn(ctx, m);
    if (day > ctx.endDay) continue;
    const event = mk("AllianceActivityRecorded", {
      effectiveDate: isoDate(day),
      provinceCode,
      gazetteer: after ? "2025-07-01" : "2008-08-01",
      kind,
      count: rng.int(lo, hi) * (after ? 2 : 1),
    } as EventData<"AllianceActivityRecorded">);
    if (kind === "trainingClass") withParticipants(ctx, event.data);
    const first = ctx.rec.record(clock, event, {
      mode: "ordered",
      at: ctx.rec.at(day, rng.int(0, 10)),
      by: ctx.by.alliance,
    });
    if (rng.chance(0.01)) {
      // Entered twice by mistake, then retracted (EventRetracted).
      const dup = ctx.rec.record(clock, event, {
        mode: "ordered",
        at: first.ms + 60_000,
        by: ctx.by.alliance,
      });
      const on = day + rng.int(10, 40);
      if (on <= ctx.endDay)
        ctx.rec.record(
          clock,
          mk("EventRetracted", {
            effectiveDate: isoDate(on),
            retractedEventId: ctx.rec.eventIdOf(clock.streamId, dup.index),
            reason: "Nhập trùng hoạt động" as Text,
          }),
          { mode: "ordered", at: ctx.rec.at(on, 1), notBefore: dup.ms + 1000, by: ctx.by.alliance },
        );
    }
  }
};

/**
 * People per class (lượt người), drawn on the extra stream. The seeds count classes, never attendance
 * (000: "ít nhất 15 lớp tập huấn, bồi dưỡng" a year; 002: "04 lớp bồi dưỡng", "16 lớp tuyên truyền"):
 * 25–50 a class is the generator's assumption, a common size for a commune- or district-level class.
 */
const PARTICIPANTS_PER_CLASS = { min: 25, max: 50 } as const;

/** Adds the recorded attendance (`participants`) to a class activity, before it is recorded. */
const withParticipants = (ctx: SimContext, data: EventData<"AllianceActivityRecorded">): void => {
  let people = 0;
  for (let i = 0; i < data.count; i++)
    people += ctx.extra.int(PARTICIPANTS_PER_CLASS.min, PARTICIPANTS_PER_CLASS.max);
  (data as { participants?: number }).participants = people;
};

/**
 * Awareness classes on the cooperative law and policy (lớp tuyên truyền), held with the mass
 * associations and communes: seed 002 (Đắk Nông, Jan–Jul 2019) reports 16 in seven months ("mở 16 lớp
 * tuyên truyền về Luật HTX 2012, Nghị định 151/2007/NĐ-CP"), about 2.3 a month; here a month has them with
 * probability 0.5, 1–4 at a time (≈ 1.25 a month, 15 a year), doubled after the 2025 mergers like the
 * other activities. Drawn on the extra stream and recorded as supplement events (ids from the second
 * index space), so a ledger generated before they existed gains them and changes in nothing else.
 * @example stepAwarenessClasses(ctx, monthOf(dayOf("2019-03-01")))
 */
export const stepAwarenessClasses = (ctx: SimContext, m: Month): void => {
  const x = ctx.extra;
  const after = m.firstDay >= GAZETTEER_2025_DAY;
  if (after && !ctx.params.recordsSuccessorAlliance) return;
  if (!x.chance(0.5)) return;
  const day = m.firstDay + x.int(0, m.nextFirstDay - m.firstDay - 1);
  if (day > ctx.endDay) return;
  const data = {
    effectiveDate: isoDate(day),
    provinceCode: after ? ctx.province.successorCode : ctx.province.code,
    gazetteer: after ? "2025-07-01" : "2008-08-01",
    kind: "awarenessClass",
    count: x.int(1, 4) * (after ? 2 : 1),
  } as EventData<"AllianceActivityRecorded">;
  withParticipants(ctx, data);
  ctx.rec.record(after ? ctx.allianceNew : ctx.allianceOld, mk("AllianceActivityRecorded", data), {
    mode: "independent",
    supplement: true,
    at: Recorder.atWith(x, day, x.int(0, 10)),
    by: ctx.by.alliance,
  });
};

const successorOf = (ctx: SimContext, like: SimCoop, members: number, day: DayNumber): SuccessorCoop => {
  const s = makeCoop(ctx, {
    day,
    form: "cooperative",
    sector: like.sector,
    district: like.district,
    members,
  });
  return {
    coopId: s.id,
    name: s.name as Text,
    form: "cooperative",
    sector: s.sector,
    location: locationOn(s, day),
    members: s.members as never,
    ...(s.agricultureKind !== undefined ? { agricultureKind: s.agricultureKind } : {}),
    registrationCode: `${ctx.province.code}${String(ctx.rng.int(0, 99_999_999)).padStart(8, "0")}` as never,
    charterCapitalVnd: s.capital as never,
  };
};

/**
 * Reorganisations (tổ chức lại; Law 23/2012/QH13 art. 53, Law 17/2023/QH15 art. 94–96): a decision on
 * `reorganisation-<id>`, then the effects derived from it by the domain's `deriveReorganisationEffects`
 * on every co-op stream it touches. More of them after 2024-07-01, as co-ops reorganise under the 2023
 * law (resolution 001).
 */
export const stepReorganisations = (ctx: SimContext, m: Month): void => {
  const { rng } = ctx;
  const n = rng.poisson(m.firstDay < LAW_2023_DAY ? 0.04 : 0.2);
  for (let i = 0; i < n; i++) {
    const day = dayIn(ctx, m);
    if (day > ctx.endDay) return;
    const kind = rng.weighted<ReorganisationKind>([
      ["merger", 45],
      ["consolidation", 20],
      ["split", 15],
      ["spinOff", 20],
    ]);
    const min = minimumFounders("cooperative", day);
    const nSources = kind === "consolidation" ? 2 : kind === "merger" ? (rng.chance(0.2) ? 2 : 1) : 1;
    const chosen: SimCoop[] = [];
    const wanted = nSources + (kind === "merger" ? 1 : 0);
    const big = kind === "split" || kind === "spinOff";
    for (let k = 0; k < wanted; k++) {
      const c = pickCoop(
        ctx,
        (x) =>
          operating(x, day, 365) &&
          !chosen.includes(x) &&
          (!big || x.members >= 2 * min + 2) &&
          // A source's termination may not precede events already effective on its stream.
          (k >= nSources || x.clock.maxEffective <= isoDate(day)),
        40,
      );
      if (c !== undefined) chosen.push(c);
    }
    if (chosen.length < wanted) continue;
    const sources = chosen.slice(0, nSources);
    const absorbing = kind === "merger" ? chosen[nSources] : undefined;
    const first = sources[0] as SimCoop;
    const total = sources.reduce((a, c) => a + c.members, 0);
    const newCoops: SuccessorCoop[] =
      kind === "merger"
        ? []
        : kind === "consolidation"
          ? [successorOf(ctx, first, Math.max(min, total), day)]
          : kind === "split"
            ? [
                successorOf(ctx, first, Math.max(min, Math.floor(total / 2)), day),
                successorOf(ctx, first, Math.max(min, total - Math.floor(total / 2)), day),
              ]
            : [successorOf(ctx, first, rng.int(min, Math.floor(total / 2)), day)];
    const id = `tcl-${ctx.province.code}-${String(++ctx.seq.reorg).padStart(4, "0")}` as ReorganisationId;
    const data: EventData<"ReorganisationDecided"> = {
      reorganisationId: id,
      effectiveDate: isoDate(day),
      kind,
      sources: sources.map((s) => s.id),
      newCoops,
      ...(absorbing !== undefined ? { absorbingCoopId: absorbing.id, absorbedMembers: total as never } : {}),
    };
    for (const s of sources) if (kind !== "spinOff") settleLoans(ctx, s, day);
    const clock = newClock(reorganisationStream(id));
    ctx.reorgClocks.set(id, clock);
    let t = ctx.rec.at(day, rng.int(2, 20));
    for (const s of sources) t = Math.max(t, s.clock.maxRecorded + 1000, s.clock.lastOrdered + 1000);
    if (absorbing !== undefined) t = Math.max(t, absorbing.clock.lastOrdered + 1000);
    ctx.rec.record(clock, mk("ReorganisationDecided", data), {
      mode: "ordered",
      at: t,
      by: ctx.by.registry,
      source: doc("resolution", `${rng.int(1, 99)}/NQ-ĐHTV`, isoDate(day), first.name),
    });
    let k = 0;
    for (const effect of deriveReorganisationEffects(data)) {
      const coop = ctx.byStream.get(effect.streamId);
      if (coop === undefined) continue;
      for (const event of effect.events) {
        const terminal = event.type === "CoopReorganisedAway";
        const mode: RecordMode = terminal ? "terminal" : "ordered";
        const r = ctx.rec.record(coop.clock, event, { mode, at: t + 1000 * ++k, by: ctx.by.registry });
        if (event.type === "CoopFounded") {
          coop.clock.floor = r.ms + 1000;
          appointManager(ctx, coop, "director", day);
          appointManager(ctx, coop, "chair", day);
        }
      }
    }
    for (const s of sources) {
      if (kind === "spinOff")
        s.members = Math.max(min, s.members - newCoops.reduce((a, c) => a + c.members, 0));
      else {
        s.status = "gone";
        s.statusSince = day;
      }
    }
    if (absorbing !== undefined) absorbing.members += total;
  }
};
