import type { DayNumber } from "@coop-ledger/domain";
import type { SimContext, SimCoop } from "./sim-model.js";

/** A random co-op satisfying `ok`, trying a bounded number of times (the population is large and mixed). */
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
 */
export const operating = (c: SimCoop, day: DayNumber, minAgeDays: number): boolean =>
  c.status === "active" &&
  c.form === "cooperative" &&
  c.sector !== "peoplesCreditFund" &&
  c.foundedDay <= day - minAgeDays;
