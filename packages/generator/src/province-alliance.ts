import {
  type AllianceActivityKind,
  type EventData,
  isoDate,
  type ProvinceCode,
  type Text,
} from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import { GAZETTEER_2025_DAY } from "./law-in-force.js";
import { mk, Recorder, type StreamClock } from "./recorder.js";
import type { SimContext } from "./sim-model.js";
import { dayIn } from "./sim-month.js";
import { pickCoop } from "./sim-population.js";

// The provincial Cooperative Alliance in the simulation: its members joining and leaving, its
// activities and awareness classes. Called from the monthly step (province-sim.ts).

/**
 * Joins and leaves of the provincial Cooperative Alliance (≥ 3 new members a year, resolution 000).
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim(); // 2021–2022, after January 2021
 * for (const m of months) stepAllianceMembership(ctx, m);
 * [...new Set(recorded())] // ["CoopJoinedAlliance"]
 * ctx.coops.filter((c) => c.allianceMember).length // 12
 */
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
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim(); // 2021–2022, after January 2021
 * for (const m of months) stepAllianceActivities(ctx, m);
 * const activities = recorded();
 * [...new Set(activities)] // ["AllianceActivityRecorded"]
 * activities.length // 57
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
 * @example
 * import { createProvinceSim } from "../src/province-sim.js";
 * import { Recorder } from "../src/recorder.js";
 * const province = genProvince("60");
 * if (province === undefined) throw new Error("no province 60");
 * const rec = new Recorder(42, new Prng(42, 1), Number.POSITIVE_INFINITY);
 * const params = { initialCoops: 20, foundingsPerMonth: 1.5, loansPerYear: 10, hasFund: true, recordsSuccessorAlliance: true };
 * const ctx = createProvinceSim(new Prng(42, 100), new Prng(42, 50_000), rec, province, params, dayOf("2022-01-01"), dayOf("2022-12-31"));
 * for (let m = monthOf(dayOf("2022-01-01")); m.firstDay <= ctx.endDay; m = monthOf(m.nextFirstDay)) stepAwarenessClasses(ctx, m);
 * const classes = [...rec.drain()].filter((e) => e.event.type === "AllianceActivityRecorded");
 * console.log(classes.length <= 12); // true: at most one class a month, on about half the months
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
