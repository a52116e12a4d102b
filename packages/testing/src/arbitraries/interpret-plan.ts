import {
  addMonthsDay,
  type CoopId,
  coopStream,
  DAY_MS,
  type DayNumber,
  type DomainConfig,
  type DomainEvent,
  dayOf,
  dayOfYmd,
  daysStoppedIn,
  defaultDomainConfig,
  type EventData,
  type EventId,
  endSuspension,
  type Instant,
  isoDate,
  isoInstant,
  type Location,
  type ProvinceCode,
  type SuspensionPeriod,
  type Text,
  yearOf,
} from "@coop-ledger/domain";
import { type GeneratedEvent, generatedEventId, genProvince } from "@coop-ledger/generator";
import {
  GAZETTEER_2025_DAY,
  LAW_2012_DAY,
  LAW_2023_DAY,
  minimumFounders,
  mk,
} from "@coop-ledger/generator/internal";
import type { CoopPlan } from "./coop-plan.js";

const BASE = dayOf("2011-01-01");
/**
 * Plans stop at this valid day.
 * @example
 * PLAN_END_DAY === dayOf("2026-06-30") // true
 */
export const PLAN_END_DAY = dayOf("2026-06-30");

const locationOf = (province: string, day: DayNumber, knob: number): Location => {
  const p = genProvince(province);
  if (p === undefined) throw new Error(`unknown province ${province}`);
  if (day >= GAZETTEER_2025_DAY)
    return { gazetteer: "2025-07-01", provinceCode: p.successorCode } as Location;
  const d = p.districts[knob % p.districts.length];
  return {
    gazetteer: "2008-08-01",
    provinceCode: p.code,
    ...(d?.code === undefined ? {} : { districtCode: d.code }),
  } as Location;
};

const ratingOf = (score: number): "good" | "fair" | "average" | "weak" =>
  score >= 80 ? "good" : score >= 65 ? "fair" : score >= 50 ? "average" : "weak";

/**
 * Interprets a co-op plan into its stream's events, deterministically: each step happens `gapDays`
 * after the previous one and is recorded `delayDays` later (never before the stream's previous event),
 * and a step the co-op's state does not allow (repaying with no loan, resuming an active co-op, anything
 * after a dissolution) is skipped. The result is a valid history by the decider's rules, with ids
 * `generatedEventId(idSeed, streamId, n)` (the ledger's event-id scheme). `config` is the domain
 * configuration the decider runs with (default `defaultDomainConfig`): a rating its
 * `notRatedWhenStopped` forbids is left out.
 *
 * @example
 * import { coopPlanArbitrary, interpretCoopPlan } from "@coop-ledger/testing";
 * import fc from "fast-check";
 * const [plan] = fc.sample(coopPlanArbitrary(), { numRuns: 1, seed: 3 });
 * if (plan === undefined) throw new Error("no plan");
 * const events = interpretCoopPlan(plan, "htx-1", 7);
 * const again = interpretCoopPlan(plan, "htx-1", 7);
 * console.log(events[0]?.streamId, JSON.stringify(events) === JSON.stringify(again)); // "coop-htx-1" true (deterministic)
 */
export const interpretCoopPlan = (
  plan: CoopPlan,
  coopId: string,
  idSeed: number,
  config: DomainConfig = defaultDomainConfig,
): GeneratedEvent[] => {
  const id = coopId as CoopId;
  const streamId = coopStream(id);
  const out: GeneratedEvent[] = [];
  let lastMs = Number.NEGATIVE_INFINITY;
  let counter = 0;
  const emit = (event: DomainEvent, day: DayNumber, delay: number): EventId => {
    const ms = Math.max((day + delay) * DAY_MS + 3_600_000 + (counter % 3600) * 1000, lastMs + 1000);
    lastMs = ms;
    const eventId = generatedEventId(idSeed, streamId, counter++);
    out.push({
      streamId,
      eventId,
      event,
      metadata: { recordedAt: isoInstant(ms) as Instant, recordedBy: "plan/clerk" as Text },
    });
    return eventId;
  };
  const start = BASE + plan.startOffset;
  const sector = plan.agricultural ? "agriculture" : "commerceServices";
  const regime = start < LAW_2012_DAY ? "2003" : start < LAW_2023_DAY ? "2012" : "2023";
  const founded: EventData<"CoopFounded"> = {
    coopId: id,
    effectiveDate: isoDate(start),
    name: `HTX Kế hoạch ${coopId}` as Text,
    form: plan.form,
    sector,
    location: locationOf(plan.province, start, plan.members),
    foundingMembers: Math.max(plan.members, minimumFounders(plan.form, start)) as never,
    origin: plan.preExisting ? { kind: "preExisting", lawRegime: regime as never } : { kind: "new" },
    ...(plan.agricultural ? { agricultureKind: "crop" as const } : {}),
  };
  emit(mk("CoopFounded", founded), start, 3);

  let law = regime;
  let status: "active" | "suspended" | "dissolving" = "active";
  // Suspension periods as the decider keeps them: a scheme does not rate a co-op stopped too long in the year.
  let suspensions: ReadonlyArray<SuspensionPeriod> = [];
  let member = false;
  let province = plan.province;
  const loans = new Map<string, { outstanding: number; on: DayNumber }>();
  const managers = new Map<string, DayNumber>();
  const products = new Map<string, DayNumber>();
  const links = new Map<string, DayNumber>();
  const reports: EventId[] = [];
  let seq = 0;
  let day = start;
  for (const s of plan.steps) {
    day += s.gapDays;
    if (day > PLAN_END_DAY) break;
    const date = isoDate(day);
    const k = s.knob;
    const d = s.delayDays;
    const base = { coopId: id, effectiveDate: date };
    const operating = status === "active";
    switch (s.kind) {
      case "members":
        reports.push(
          emit(mk("MembershipReported", { ...base, officialMembers: (k % 300) as never }), day, d),
        );
        break;
      case "report":
        emit(
          mk("AnnualReportFiled", {
            ...base,
            fiscalYear: Math.max(yearOf(start), yearOf(day) - 1) as never,
            charterCapitalVnd: (k * 1_000_000) as never,
            totalAssetsVnd: (k * 2_000_000) as never,
            revenueVnd: (k * 3_000_000) as never,
            profitVnd: ((k - 500) * 100_000) as never,
          }),
          day,
          d,
        );
        break;
      case "assess": {
        const year = yearOf(day) - 1;
        if (plan.form !== "cooperative" || dayOfYmd(year, 1, 1) <= start) break;
        const scheme = plan.agricultural ? "circular-09-2017-TT-BNNPTNT" : "circular-01-2020-TT-BKHDT";
        // The decider's reading: the scheme's first rule in force at the end of the rated year decides.
        const rule = (config.notRatedWhenStopped ?? []).find(
          (r) => r.scheme === scheme && r.from <= isoDate(dayOfYmd(year, 12, 31)),
        );
        if (rule !== undefined && daysStoppedIn(suspensions, year) > rule.maximumDays) break;
        const score = (k % 201) / 2;
        emit(
          mk("CoopAssessed", {
            ...base,
            year: year as never,
            scheme,
            score: score as never,
            rating: ratingOf(score),
          }),
          day,
          d,
        );
        break;
      }
      case "appoint": {
        const m = `cb-${++seq}`;
        emit(
          mk("ManagerAppointed", {
            ...base,
            managerId: m as never,
            role: k % 2 === 0 ? "director" : "chair",
            birthDate: isoDate(day - 365 * (25 + (k % 35))),
            qualification: k % 3 === 0 ? "university" : "primary",
          }),
          day,
          d,
        );
        managers.set(m, day);
        break;
      }
      case "managerLeaves": {
        const m = [...managers.keys()][k % Math.max(1, managers.size)];
        if (m === undefined) break;
        emit(mk("ManagerLeft", { ...base, managerId: m as never }), day, d);
        managers.delete(m);
        break;
      }
      case "loan": {
        if (!operating) break;
        const l = `loan-${++seq}`;
        const principal = (10 + (k % 191)) * 10_000_000;
        const term = 12 + (k % 49);
        emit(
          mk("LoanDisbursed", {
            ...base,
            loanId: l as never,
            fundKind: k % 2 === 0 ? "provincialSupportFund" : "nationalEmploymentFund",
            principalVnd: principal as never,
            termMonths: term as never,
            maturityDate: isoDate(addMonthsDay(day, term)),
          }),
          day,
          d,
        );
        loans.set(l, { outstanding: principal, on: day });
        break;
      }
      case "repay":
      case "reschedule": {
        const open = [...loans.entries()].filter(([, v]) => v.outstanding > 0);
        const pick = open[k % Math.max(1, open.length)];
        if (pick === undefined) break;
        const [l, v] = pick;
        if (s.kind === "repay") {
          const amount = Math.max(1, Math.ceil((v.outstanding * ((k % 100) + 1)) / 100));
          emit(mk("LoanRepaid", { ...base, loanId: l as never, principalVnd: amount as never }), day, d);
          v.outstanding -= amount;
        } else {
          emit(
            mk("LoanRescheduled", {
              ...base,
              loanId: l as never,
              newMaturityDate: isoDate(addMonthsDay(day, 12)),
            }),
            day,
            d,
          );
        }
        break;
      }
      case "suspend":
        if (!operating) break;
        emit(mk("CoopSuspended", base), day, d);
        status = "suspended";
        suspensions = [...endSuspension(suspensions, date), { from: date, until: undefined }];
        break;
      case "resume":
        if (status !== "suspended") break;
        emit(mk("CoopResumed", base), day, d);
        status = "active";
        suspensions = endSuspension(suspensions, date);
        break;
      case "ocop": {
        if (!operating) break;
        const score = 50 + (k % 100) / 2;
        const p = `ocop-${++seq}`;
        emit(
          mk("OcopCertified", {
            ...base,
            productId: p as never,
            productName: "Sản phẩm OCOP" as Text,
            score: score as never,
            stars: score >= 90 ? 5 : score >= 70 ? 4 : 3,
            validUntil: isoDate(addMonthsDay(day, 36)),
          }),
          day,
          d,
        );
        products.set(p, day);
        break;
      }
      case "ocopEnd": {
        const p = [...products.keys()][k % Math.max(1, products.size)];
        if (p === undefined) break;
        emit(mk("OcopEnded", { ...base, productId: p as never, reason: "revoked" }), day, d);
        products.delete(p);
        break;
      }
      case "link": {
        if (!operating) break;
        const l = `lk-${++seq}`;
        emit(
          mk("ValueChainLinked", {
            ...base,
            linkageId: l as never,
            partner: "Công ty CP" as Text,
            product: "Gạo" as Text,
          }),
          day,
          d,
        );
        links.set(l, day);
        break;
      }
      case "unlink": {
        const l = [...links.keys()][k % Math.max(1, links.size)];
        if (l === undefined) break;
        emit(mk("ValueChainUnlinked", { ...base, linkageId: l as never }), day, d);
        links.delete(l);
        break;
      }
      case "join": {
        if (!operating || member || plan.form === "group") break;
        const after = day >= GAZETTEER_2025_DAY;
        const p = genProvince(plan.province);
        emit(
          mk("CoopJoinedAlliance", {
            ...base,
            allianceProvinceCode: (after ? p?.successorCode : province) as ProvinceCode,
            allianceGazetteer: after ? "2025-07-01" : "2008-08-01",
          }),
          day,
          d,
        );
        member = true;
        break;
      }
      case "leave":
        if (!member) break;
        emit(mk("CoopLeftAlliance", base), day, d);
        member = false;
        break;
      case "conform": {
        if (status === "dissolving") break;
        const to =
          law === "2003" && day >= LAW_2012_DAY
            ? "2012"
            : law === "2012" && day >= LAW_2023_DAY
              ? "2023"
              : undefined;
        if (to === undefined) break;
        emit(mk("CoopConformedToLaw", { ...base, law: to as never, method: "charterAmended" }), day, d);
        law = to;
        break;
      }
      case "move": {
        // Within the province (a move would otherwise change which alliance it may join).
        emit(mk("HeadOfficeMoved", { ...base, location: locationOf(plan.province, day, k) }), day, d);
        province = plan.province;
        break;
      }
      case "retract": {
        const target = reports.pop();
        if (target === undefined) break;
        emit(
          mk("EventRetracted", { effectiveDate: date, retractedEventId: target, reason: "Ghi nhầm" as Text }),
          day,
          d,
        );
        break;
      }
      case "dissolve": {
        if (status === "dissolving") {
          emit(mk("CoopDissolved", { ...base, mode: "voluntary" }), day, d);
          return out;
        }
        emit(mk("DissolutionStarted", { ...base, mode: "voluntary" }), day, d);
        status = "dissolving";
        suspensions = endSuspension(suspensions, date);
        break;
      }
    }
  }
  return out;
};
