import type { DayNumber } from "@coop-ledger/domain";
import type { SimContext, SimCoop } from "./sim-model.js";

/**
 * A random co-op satisfying `ok`, trying a bounded number of times (the population is large and mixed).
 * @example
 * import { createProvinceSim, stepProvince } from "../src/province-sim.js";
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY), province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * for (let m = monthOf(dayOf("2022-01-01")), first = true; m.firstDay <= ctx.endDay; m = monthOf(m.nextFirstDay), first = false)
 *   stepProvince(ctx, m, first);
 * const picked = pickCoop(ctx, (c) => operating(c, ctx.endDay, 365));
 * picked === undefined || picked.status === "active" // true
 */
export const pickCoop = (ctx: SimContext, ok: (c: SimCoop) => boolean, tries = 24): SimCoop | undefined => {
  if (ctx.coops.length === 0) return undefined;
  for (let i = 0; i < tries; i++) {
    const c = ctx.rng.pick(ctx.coops);
    if (ok(c)) return c;
  }
  return undefined;
};

/**
 * Whether a co-op is an operating cooperative (active, not a people's credit fund) founded at least
 * `minAgeDays` before `day`: the ones the provincial programmes pick from.
 * @example
 * import { createProvinceSim, stepProvince } from "../src/province-sim.js";
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY), province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * stepProvince(ctx, monthOf(dayOf("2022-01-01")), true);
 * ctx.coops.filter((c) => operating(c, ctx.endDay, 0)).every((c) => c.form === "cooperative") // true
 */
export const operating = (c: SimCoop, day: DayNumber, minAgeDays: number): boolean =>
  c.status === "active" &&
  c.form === "cooperative" &&
  c.sector !== "peoplesCreditFund" &&
  c.foundedDay <= day - minAgeDays;
