import {
  type AgricultureKind,
  addMonthsDay,
  type BusinessDate,
  type CoopForm,
  type CoopId,
  coopStream,
  type DayNumber,
  dayOf,
  type EventData,
  isoDate,
  type ManagerId,
  type ManagerRole,
  type ProductId,
  type Qualification,
  type Sector,
  type Text,
  yearOf,
} from "@coop-ledger/domain";
import type { GenDistrict } from "./geography.js";
import {
  LAW_2012_DAY,
  LAW_2023_DAY,
  locationOn,
  minimumFounders,
  planConformance2023,
  regimeOnDay,
} from "./law-in-force.js";
import { coopName, PRODUCT_WORDS } from "./names.js";
import { mk, newClock } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";

const SECTORS: ReadonlyArray<readonly [Sector, number]> = [
  ["agriculture", 66],
  ["commerceServices", 10],
  ["industryHandicraft", 6],
  ["transport", 5],
  ["environment", 4],
  ["construction", 3],
  ["housing", 1],
  ["other", 5],
];

const AGRI_KINDS: ReadonlyArray<readonly [AgricultureKind, number]> = [
  ["crop", 45],
  ["general", 25],
  ["livestock", 12],
  ["fishery", 10],
  ["forestry", 5],
  ["salt", 3],
];

/** Share of managers with intermediate (trung cấp) or higher qualification, rising over the years. */
const qualification = (ctx: SimContext, year: number): Qualification => {
  const p = Math.min(0.8, 0.35 + 0.03 * (year - 2013));
  return ctx.rng.chance(p)
    ? ctx.rng.weighted<Qualification>([
        ["intermediate", 40],
        ["college", 20],
        ["university", 35],
        ["postgraduate", 5],
      ])
    : ctx.rng.weighted<Qualification>([
        ["none", 40],
        ["primary", 60],
      ]);
};

/**
 * Appoints a manager (bổ nhiệm cán bộ quản lý) aged 25–60 on `day`.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, coop, recorded } = exampleSim();
 * appointManager(ctx, coop, "controller", dayOf("2021-05-03"));
 * recorded() // ["ManagerAppointed"]
 * coop.managers.at(-1)?.role // "controller"
 */
export const appointManager = (ctx: SimContext, coop: SimCoop, role: ManagerRole, day: DayNumber): void => {
  const id = `cb-${ctx.province.code}-${String(++ctx.seq.manager).padStart(6, "0")}` as ManagerId;
  const ageYears = Math.round(Math.max(25, Math.min(60, 44 + 9 * ctx.rng.normal())));
  const birthDay = day - ageYears * 365 - ctx.rng.int(0, 364);
  coop.managers.push({ id, role, birthDay, retireDay: birthDay + Math.round(62 * 365.25) });
  ctx.rec.record(
    coop.clock,
    mk("ManagerAppointed", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      managerId: id,
      role,
      birthDate: isoDate(birthDay),
      qualification: qualification(ctx, yearOf(day)),
    }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(1, 20)), by: ctx.by.registry },
  );
};

/**
 * Share of agricultural co-ops that come to apply high technology in production (ứng dụng công nghệ
 * cao). The seeds give no rate: seed 004 (2021) says only that "đã xuất hiện một số hợp tác xã có mô hình
 * ứng dụng công nghệ cao" (a few co-ops have appeared), and seed 000 (2020) sets "đẩy mạnh ứng dụng tiến bộ
 * kỹ thuật, công nghệ cao" as a task. One in ten, adopting in a year from 2016 to 2025, gives "a few" (≈ 5 %)
 * in 2021 and twice that by 2025 — an assumption of the generator, not a statistic.
 * @example HIGH_TECH_SHARE // 0.1
 */
export const HIGH_TECH_SHARE = 0.1;

/**
 * Share of co-ops and unions founded new whose founding the provincial alliance advised and supported
 * (`CoopFounded.advisedByAlliance`). Seed 002 (Đắk Nông, 2019): 12 founding groups advised and 6 co-ops
 * founded from them by August ("hoàn thiện hồ sơ tư vấn cho 12 nhóm sáng lập viên, đến nay đã thành lập
 * được 6 HTX"), against 20 foundings targeted for the year — about half; seed 003 (the alliance's party
 * cell, 2020): 70 new-model co-ops advised in a five-year term, 14 a year, for a province founding 15–25.
 * @example ADVISED_SHARE // 0.5
 */
export const ADVISED_SHARE = 0.5;

/** The first fiscal year a co-op's reports say it applies high technology (see {@link HIGH_TECH_SHARE}). */
const planHighTechnology = (ctx: SimContext, coop: SimCoop): number => {
  if (coop.form !== "cooperative" || coop.sector !== "agriculture") return Number.POSITIVE_INFINITY;
  if (!ctx.extra.chance(HIGH_TECH_SHARE)) return Number.POSITIVE_INFINITY;
  return Math.max(yearOf(coop.foundedDay) + 1, ctx.extra.int(2016, 2025));
};

/** The shape of a co-op to found; what is not given is drawn. */
export interface FoundingPlan {
  readonly day: DayNumber;
  readonly form: CoopForm;
  readonly sector?: Sector;
  readonly preExisting?: boolean;
  readonly members?: number;
  readonly district?: GenDistrict;
  readonly origin?: EventData<"CoopFounded">["origin"];
  readonly id?: CoopId;
}

const newCoopId = (ctx: SimContext, form: CoopForm): CoopId => {
  const prefix = form === "union" ? "lhhtx" : form === "group" ? "tht" : "htx";
  return `${prefix}-${ctx.province.code}-${String(++ctx.seq.coop).padStart(5, "0")}` as CoopId;
};

/**
 * Makes the simulation state of a new co-op, union or group and registers it, without recording
 * anything (see {@link foundCoop}; reorganisations record the founding derived from their decision).
 * Founding members respect the minimum of the law in force on the founding day.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, recorded } = exampleSim();
 * const group = makeCoop(ctx, { day: dayOf("2021-03-01"), form: "group" });
 * group.members >= minimumFounders("group", group.foundedDay) // true
 * ctx.coops.includes(group) // true
 * recorded() // [] (nothing recorded)
 */
export const makeCoop = (ctx: SimContext, plan: FoundingPlan): SimCoop => {
  const { rng } = ctx;
  const form = plan.form;
  const sector: Sector =
    plan.sector ??
    (form === "group"
      ? "agriculture"
      : form === "union"
        ? rng.pick(["agriculture", "commerceServices"] as const)
        : rng.weighted(SECTORS));
  const agricultureKind = sector === "agriculture" ? rng.weighted(AGRI_KINDS) : undefined;
  const district = plan.district ?? rng.pick(ctx.province.districts);
  const min = minimumFounders(form, plan.day);
  const members = Math.max(
    min,
    plan.members ??
      (form === "union"
        ? rng.int(min, 8)
        : form === "group"
          ? rng.int(2, 15)
          : sector === "peoplesCreditFund"
            ? Math.round(rng.logNormal(2500, 0.6))
            : Math.round(rng.logNormal(plan.preExisting ? 20 : 12, 0.75))),
  );
  const id = plan.id ?? newCoopId(ctx, form);
  const quality = Math.max(-1, Math.min(1, rng.normal() * 0.45));
  const coop: SimCoop = {
    id,
    clock: newClock(coopStream(id)),
    province: ctx.province,
    district,
    form,
    sector,
    agricultureKind,
    name: coopName(rng, sector, district.name, form),
    foundedDay: plan.day,
    status: "active",
    statusSince: plan.day,
    law: plan.preExisting
      ? plan.day < LAW_2012_DAY
        ? "2003"
        : plan.day < LAW_2023_DAY
          ? "2012"
          : "2023"
      : regimeOnDay(plan.day),
    members,
    associates: form === "cooperative" ? Math.round(members * rng.next() * 0.3) : 0,
    workers: form === "group" ? 0 : Math.max(1, Math.round(members * (0.1 + rng.next() * 0.3))),
    capital: Math.round(rng.logNormal(sector === "peoplesCreditFund" ? 5e9 : 8e8, 0.8) / 1e6) * 1e6,
    assets: 0,
    revenue: 0,
    workerIncome:
      Math.round(((2_500_000 + (yearOf(plan.day) - 2013) * 250_000) * (1 + 0.2 * rng.normal())) / 1000) *
      1000,
    memberIncome: 0,
    quality,
    highTechFrom: Number.POSITIVE_INFINITY,
    managers: [],
    loans: [],
    products: [],
    linkages: [],
    allianceMember: false,
    reRecordedIn2025: false,
    // Every field is present from the start (V8 keeps one hidden class for all co-ops: a national run
    // touches them millions of times).
    dissolveOn: undefined,
    dissolveMode: undefined,
    dissolveGround: undefined,
    conform2012On: undefined,
    conform2023On: undefined,
    convertOn: undefined,
    suspendedSpan: undefined,
    stoppedDays: new Map(),
    suspensionEndsBy: "resumption",
    suspensionEndsOn: Number.POSITIVE_INFINITY,
    hazardOn: Number.POSITIVE_INFINITY,
    wake: Number.NEGATIVE_INFINITY,
  };
  if (coop.law === "2012") coop.conform2023On = planConformance2023(ctx, plan.day);
  coop.highTechFrom = planHighTechnology(ctx, coop);
  coop.assets = Math.round(coop.capital * (1.5 + rng.next()));
  coop.revenue = Math.round(coop.assets * (0.6 + rng.next()));
  coop.memberIncome = Math.round(coop.workerIncome * (1.05 + 0.2 * rng.next()));
  if (coop.law === "2003") {
    // Law 23/2012/QH13 art. 62: conform by 2016-06-30 [verify]; a few conform late, a few never.
    const r = rng.next();
    if (r < 0.85) coop.conform2012On = LAW_2012_DAY + rng.int(0, dayOf("2016-06-30") - LAW_2012_DAY);
    else if (r < 0.95) coop.conform2012On = dayOf("2016-07-01") + rng.int(0, 900);
  }
  if (form === "group" && rng.chance(0.35)) coop.convertOn = addMonthsDay(plan.day, rng.int(12, 48));
  if (
    form === "cooperative" &&
    (sector === "agriculture" || sector === "industryHandicraft" || sector === "commerceServices") &&
    rng.chance(0.3)
  ) {
    // OCOP (One Commune One Product) started certifying in 2019 (Decision 490/QĐ-TTg of 2018).
    const n = rng.weighted([
      [1, 60],
      [2, 28],
      [3, 12],
    ] as const);
    for (let i = 0; i < n; i++) {
      const first = Math.max(dayOf("2019-03-01") + rng.int(0, 365 * 5), plan.day + 365 + rng.int(0, 700));
      coop.products.push({
        id: `ocop-${ctx.province.code}-${String(++ctx.seq.product).padStart(6, "0")}` as ProductId,
        name: `${rng.pick(PRODUCT_WORDS)} ${district.name}`,
        nextDay: first,
        certified: false,
        certifiedOn: Number.POSITIVE_INFINITY,
      });
    }
  }
  ctx.coops.push(coop);
  ctx.byStream.set(coop.clock.streamId, coop);
  return coop;
};

/**
 * Founds a co-op, union or group: makes it (see {@link makeCoop}), records CoopFounded with the location
 * in the gazetteer in force on the founding day, then its first managers.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, recorded } = exampleSim();
 * const coop = foundCoop(ctx, { day: dayOf("2021-03-01"), form: "cooperative" });
 * recorded()[0] // "CoopFounded" (then its first managers' ManagerAppointed)
 * coop.status // "active"
 */
export const foundCoop = (ctx: SimContext, plan: FoundingPlan): SimCoop => {
  const { rng } = ctx;
  const coop = makeCoop(ctx, plan);
  const { form, sector, agricultureKind, district, id } = coop;

  const registrationCode =
    form === "group" ? undefined : `${ctx.province.code}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
  const originallyFoundedOn = plan.preExisting ? isoDate(plan.day - rng.int(365, 365 * 30)) : undefined;
  const data: EventData<"CoopFounded"> = {
    coopId: id,
    effectiveDate: isoDate(plan.day),
    name: coop.name as Text,
    form,
    sector,
    location: locationOn(coop, plan.day),
    foundingMembers: coop.members as never,
    origin:
      plan.origin ??
      (plan.preExisting
        ? {
            kind: "preExisting",
            lawRegime: coop.law as never,
            ...(originallyFoundedOn !== undefined ? { originallyFoundedOn } : {}),
          }
        : { kind: "new" }),
    ...(agricultureKind !== undefined ? { agricultureKind } : {}),
    ...(registrationCode !== undefined ? { registrationCode: registrationCode as never } : {}),
    ...(coop.associates > 0 ? { associateMembers: coop.associates as never } : {}),
    ...(form !== "group" ? { charterCapitalVnd: coop.capital as never } : {}),
    // Only new foundings can have been advised; the draw is on the extra stream (SimContext.extra).
    ...(form !== "group" &&
    plan.origin === undefined &&
    plan.preExisting !== true &&
    ctx.extra.chance(ADVISED_SHARE)
      ? { advisedByAlliance: true }
      : {}),
  };
  const { ms } = ctx.rec.record(coop.clock, mk("CoopFounded", data), {
    mode: "ordered",
    at: ctx.rec.at(plan.day, plan.preExisting ? rng.int(0, 30) : rng.int(1, 15)),
    by: ctx.by.registry,
    source: doc(
      form === "group" ? "contract" : "registrationCertificate",
      registrationCode ?? `HĐ-${id}`,
      isoDate(plan.day) as BusinessDate,
      ctx.issuer(district),
    ),
  });
  coop.clock.floor = ms + 1000;
  if (form !== "group") {
    // In small co-ops the chair is also the director (Law 23/2012/QH13 art. 36), so one appointment.
    appointManager(ctx, coop, "director", plan.day);
    if (rng.chance(0.5)) appointManager(ctx, coop, "chair", plan.day);
    if (rng.chance(0.5)) appointManager(ctx, coop, "chiefAccountant", plan.day);
    if (rng.chance(0.25)) appointManager(ctx, coop, "controller", plan.day);
  }
  return coop;
};
