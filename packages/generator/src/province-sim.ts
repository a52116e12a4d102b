import {
  allianceStream,
  type DayNumber,
  type DomainConfig,
  dayOf,
  defaultDomainConfig,
  type FundId,
  fundStream,
} from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import { foundCoop } from "./coop-founding.js";
import { stepCoop } from "./coop-life.js";
import type { GenProvince } from "./geography.js";
import type { Prng } from "./prng.js";
import { stepAllianceActivities, stepAllianceMembership, stepAwarenessClasses } from "./province-alliance.js";
import { stepFund, stepLoans } from "./province-fund.js";
import { stepReorganisations, stepValueChains } from "./province-programs.js";
import { newClock, type Recorder } from "./recorder.js";
import type { ProvinceParams, SimContext } from "./sim-model.js";

/**
 * Sets up one province's simulation: its alliance and fund streams and who records what. Nothing is
 * recorded until the first {@link stepProvince}.
 *
 * `extra` draws only what later generator versions added (see {@link SimContext.extra}).
 *
 * @example
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const rec = new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY);
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), rec, province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * // A year, month by month (the first step records the co-ops that already exist).
 * for (let m = monthOf(dayOf("2022-01-01")), first = true; m.firstDay <= ctx.endDay; m = monthOf(m.nextFirstDay), first = false)
 *   stepProvince(ctx, m, first);
 * console.log([...rec.drain()].length > 20); // true: 20 foundings and the year's events
 */
export const createProvinceSim = (
  rng: Prng,
  extra: Prng,
  rec: Recorder,
  province: GenProvince,
  params: ProvinceParams,
  startDay: DayNumber,
  endDay: DayNumber,
  config: DomainConfig = defaultDomainConfig,
): SimContext => {
  const fundId = `qht-${province.code}` as FundId;
  const allianceOld = newClock(allianceStream(province.code));
  const establishedOn = Math.max(startDay + 30, dayOf(`${rng.int(2014, 2021)}-01-01`) + rng.int(0, 364));
  return {
    rng,
    extra,
    rec,
    province,
    params,
    startDay,
    endDay,
    config,
    coops: [],
    ...(params.hasFund
      ? {
          fund: {
            id: fundId,
            clock: newClock(fundStream(fundId)),
            establishedOn,
            capital: rng.int(10, 30) * 1e9,
            live: false,
          },
        }
      : {}),
    allianceOld,
    // A province that kept its code keeps its alliance stream: one stream, one clock.
    allianceNew:
      province.successorCode === province.code
        ? allianceOld
        : newClock(allianceStream(province.successorCode)),
    reorgClocks: new Map(),
    seq: { coop: 0, loan: 0, app: 0, manager: 0, product: 0, link: 0, reorg: 0 },
    by: {
      registry: `so-khdt-${province.code}/can-bo-${rng.int(1, 5)}`,
      alliance: `lien-minh-htx-${province.code}/van-thu`,
      fund: `qht-${province.code}/tin-dung`,
    },
    byStream: new Map(),
    issuer: (d) => `Phòng Tài chính – Kế hoạch ${d.name}`,
  };
};

const FORMS = [
  ["cooperative", 93],
  ["group", 6],
  ["union", 1],
] as const;

/**
 * Simulates one month of a province, in valid time: the co-ops that exist at the start (first month
 * only), new foundings, every co-op's month, then the province-wide programmes.
 * @example
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const rec = new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY);
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), rec, province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * stepProvince(ctx, monthOf(dayOf("2022-01-01")), true); // the first month also records the 20 co-ops that already exist
 * ctx.coops.length >= 20 // true
 */
export const stepProvince = (ctx: SimContext, m: Month, first: boolean): void => {
  const { rng, params } = ctx;
  if (first) {
    for (let i = 0; i < params.initialCoops; i++) {
      // People's credit funds (quỹ tín dụng nhân dân) are ~3.5 % of co-ops, almost all long-established.
      const sector = rng.chance(0.035) ? "peoplesCreditFund" : undefined;
      foundCoop(ctx, {
        day: ctx.startDay,
        form: "cooperative",
        preExisting: true,
        ...(sector ? { sector } : {}),
      });
    }
    foundCoop(ctx, { day: ctx.startDay, form: "union", preExisting: true });
  }
  const foundings = rng.poisson(params.foundingsPerMonth);
  for (let i = 0; i < foundings; i++) {
    const day = m.firstDay + rng.int(0, m.nextFirstDay - m.firstDay - 1);
    if (day > ctx.endDay || day < ctx.startDay) continue;
    foundCoop(ctx, { day, form: rng.weighted(FORMS) });
  }
  const n = ctx.coops.length;
  for (let i = 0; i < n; i++) stepCoop(ctx, ctx.coops[i] as SimContext["coops"][number], m);
  stepFund(ctx, m);
  stepLoans(ctx, m);
  stepAllianceMembership(ctx, m);
  stepValueChains(ctx, m);
  stepAllianceActivities(ctx, m);
  stepReorganisations(ctx, m);
  // Last, and on the extra stream: nothing above draws differently for it.
  stepAwarenessClasses(ctx, m);
  if (m.month === 12) compact(ctx);
};

/** Drops co-ops that can produce nothing more, so a national run's working set stays small. */
const compact = (ctx: SimContext): void => {
  let w = 0;
  const cs = ctx.coops;
  for (let r = 0; r < cs.length; r++) {
    const c = cs[r] as SimContext["coops"][number];
    if (c.status === "gone") ctx.byStream.delete(c.clock.streamId);
    else cs[w++] = c;
  }
  cs.length = w;
};
