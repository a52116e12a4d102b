import type { DayNumber } from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import type { SimContext } from "./sim-model.js";

// Small helpers of the monthly simulation step, shared by the co-op's life (coop-life.ts), its annual
// reports (coop-reports.ts) and its OCOP products (coop-ocop.ts).

/**
 * Whether a scheduled day falls before the end of month `m` (an undefined day never does).
 * @example inMonth(undefined, { firstDay: 0, nextFirstDay: 31 } as Parameters<typeof inMonth>[1]) // false
 */
export const inMonth = (day: DayNumber | undefined, m: Month): day is DayNumber =>
  day !== undefined && day < m.nextFirstDay;

/**
 * A day of month `m` drawn from the simulation's random stream.
 * @example dayIn({ rng: { int: (lo: number) => lo } } as unknown as Parameters<typeof dayIn>[0], { firstDay: 100, nextFirstDay: 131 } as Parameters<typeof dayIn>[1]) // 100
 */
export const dayIn = (ctx: SimContext, m: Month): DayNumber =>
  m.firstDay + ctx.rng.int(0, m.nextFirstDay - m.firstDay - 1);

/**
 * `n` rounded to a multiple of `unit`, never below 0.
 * @example round(1_260, 100) // 1_300
 */
export const round = (n: number, unit: number): number => Math.max(0, Math.round(n / unit) * unit);

/**
 * Months until the next event of a monthly hazard `p` (geometric, 0 = next month).
 * @example
 * import { createProvinceSim } from "../src/province-sim.js";
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY), province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * geometricMonths(ctx, 1) // 0: a certain event happens next month
 * geometricMonths(ctx, 0) // 10000: never, in practice
 */
export const geometricMonths = (ctx: SimContext, p: number): number =>
  p <= 0 ? 10_000 : p >= 1 ? 0 : Math.floor(Math.log(1 - ctx.rng.next()) / Math.log(1 - p));
