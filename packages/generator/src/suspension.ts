import type { DomainConfig, Text } from "@coop-ledger/domain";
import { addMonthsDay, DAY_MS, type DayNumber, dayOfYmd, isoDate } from "@coop-ledger/domain";
import { mk } from "./recorder.js";
import type { SimContext, SimCoop } from "./sim-model.js";
import { geometricMonths } from "./sim-month.js";

// A simulated co-op's suspensions (tạm ngừng hoạt động) and the days it stopped operating per calendar year: rating schemes that do not rate a co-op
// which stopped too long in the year (Circular 01/2020/TT-BKHĐT) are mirrored from the domain's
// configuration, so the generator never writes a rating the decider would refuse.

/**
 * Ends the running suspension on `day` (a resumption or the start of dissolution): its days, up to the day
 * before or its recorded last day if that came first, are added to `stoppedDays` per calendar year.
 * @example
 * import { createProvinceSim, stepProvince } from "../src/province-sim.js";
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY), province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * stepProvince(ctx, monthOf(dayOf("2022-01-01")), true); // records the 20 co-ops that already exist
 * const coop = ctx.coops.find((c) => c.status === "active" && c.suspendedSpan === undefined);
 * if (coop === undefined) throw new Error("no active co-op");
 * suspend(ctx, coop, dayOf("2022-03-01"));
 * endSuspension(coop, dayOf("2022-06-01"));
 * coop.suspendedSpan === undefined // true
 */
export const endSuspension = (coop: SimCoop, day: DayNumber): void => {
  const span = coop.suspendedSpan;
  if (span === undefined) return;
  coop.suspendedSpan = undefined;
  const last = Math.min(day - 1, span.until);
  for (let d = span.from; d <= last; ) {
    const year = new Date(d * DAY_MS).getUTCFullYear();
    const yearEnd = Math.min(last, dayOfYmd(year, 12, 31));
    coop.stoppedDays.set(year, (coop.stoppedDays.get(year) ?? 0) + yearEnd - d + 1);
    d = yearEnd + 1;
  }
};

/**
 * Whether the rating scheme excludes the co-op for `year` because it stopped operating too long in it,
 * under the configuration the ledger is generated for (its `notRatedWhenStopped`, e.g. Circular
 * 01/2020/TT-BKHĐT: more than 90 days), read as the decider reads it: the scheme's first rule in force
 * at the end of the year decides.
 * @example stoppedTooLong(defaultDomainConfig, { stoppedDays: new Map([[2021, 120]]) }, 2021, "circular-01-2020-TT-BKHDT") // true
 */
export const stoppedTooLong = (
  config: DomainConfig,
  coop: Pick<SimCoop, "stoppedDays">,
  year: number,
  scheme: string,
): boolean => {
  const rule = (config.notRatedWhenStopped ?? []).find(
    (r) => r.scheme === scheme && r.from <= isoDate(dayOfYmd(year, 12, 31)),
  );
  return rule !== undefined && (coop.stoppedDays.get(year) ?? 0) > rule.maximumDays;
};

/**
 * Suspends the co-op on `day` for up to 12 months, and plans how the suspension ends.
 * @example
 * import { createProvinceSim, stepProvince } from "../src/province-sim.js";
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY), province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * stepProvince(ctx, monthOf(dayOf("2022-01-01")), true); // records the 20 co-ops that already exist
 * const coop = ctx.coops.find((c) => c.status === "active" && c.suspendedSpan === undefined);
 * if (coop === undefined) throw new Error("no active co-op");
 * suspend(ctx, coop, dayOf("2022-03-01"));
 * coop.suspendedSpan?.from === dayOf("2022-03-01") // true
 */
export const suspend = (ctx: SimContext, coop: SimCoop, day: DayNumber): void => {
  const until = addMonthsDay(day, 12);
  coop.suspendedSpan = { from: day, until };
  ctx.rec.record(
    coop.clock,
    mk("CoopSuspended", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      until: isoDate(until),
      reason: ctx.rng.pick([
        "Khó khăn về vốn",
        "Thiếu thị trường tiêu thụ",
        "Thành viên không tham gia",
      ]) as Text,
    }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(1, 30)), by: ctx.by.registry },
  );
  coop.status = "suspended";
  coop.statusSince = day;
  // Resumes after 5 months at the earliest (9 % a month), or is dissolved compulsorily after 12 months
  // of not operating (6 % a month; Law 23/2012/QH13 art. 54(2)(a)), whichever comes first.
  const resume = 5 + geometricMonths(ctx, 0.09);
  const dissolve = 12 + geometricMonths(ctx, 0.06);
  coop.suspensionEndsBy = dissolve < resume ? "dissolution" : "resumption";
  coop.suspensionEndsOn = addMonthsDay(day, Math.min(resume, dissolve));
};
