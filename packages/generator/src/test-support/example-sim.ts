import { type DayNumber, dayOf } from "@coop-ledger/domain";
import { type Month, monthOf } from "../calendar.js";
import { genProvince } from "../geography.js";
import { Prng } from "../prng.js";
import { createProvinceSim, stepProvince } from "../province-sim.js";
import { Recorder } from "../recorder.js";
import type { SimContext, SimCoop } from "../sim-model.js";

// The one small simulation the TSDoc examples of the generator's steps start from (issue #17), so each
// example shows the step it documents rather than seven lines of setup. Not API: a test double (the
// build leaves test-support/ out).

/** What {@link exampleSim} returns. */
export interface ExampleSim {
  readonly ctx: SimContext;
  /** The first co-op still active and not suspended after the first month (a co-op step's subject). */
  readonly coop: SimCoop;
  /** The months after the first, to the simulation's last day. */
  readonly months: readonly Month[];
  /** The types of the events recorded since the last call (or since the first month), in recording order. */
  readonly recorded: () => string[];
}

/**
 * Province 60 (Bình Thuận, as `createProvinceSim`'s example sets it up: 20 co-ops that already exist, a
 * fund, seed 42) from `from` to `to`, after its first month: the co-ops that already exist are
 * recorded, and so are the first month's events (drained: `recorded()` starts empty).
 * @example
 * const { ctx, coop, months, recorded } = exampleSim();
 * console.log(ctx.coops.length >= 21, coop.status, months.length, recorded()); // true "active" 23 []
 */
export const exampleSim = (from = "2021-01-01", to = "2022-12-31"): ExampleSim => {
  const province = genProvince("60");
  if (province === undefined) throw new Error("exampleSim: no province 60");
  const rec = new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY);
  const params = {
    initialCoops: 20,
    foundingsPerMonth: 1.5,
    loansPerYear: 10,
    hasFund: true,
    recordsSuccessorAlliance: true,
  };
  const startDay: DayNumber = dayOf(from);
  const ctx = createProvinceSim(
    new Prng(42, 100),
    new Prng(42, 50_000),
    rec,
    province,
    params,
    startDay,
    dayOf(to),
  );
  const first = monthOf(startDay);
  stepProvince(ctx, first, true);
  const recorded = (): string[] => [...rec.drain()].map((e) => e.event.type);
  recorded();
  const coop = ctx.coops.find((c) => c.status === "active" && c.suspendedSpan === undefined);
  if (coop === undefined) throw new Error("exampleSim: no active co-op");
  const months: Month[] = [];
  for (let m = monthOf(first.nextFirstDay); m.firstDay <= ctx.endDay; m = monthOf(m.nextFirstDay))
    months.push(m);
  return { ctx, coop, months, recorded };
};
