import {
  type DayNumber,
  deriveReorganisationEffects,
  type EventData,
  isoDate,
  type LinkageId,
  type ReorganisationId,
  type ReorganisationKind,
  reorganisationStream,
  type SuccessorCoop,
  type Text,
} from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import { appointManager, makeCoop } from "./coop-founding.js";
import { settleLoans } from "./coop-life.js";
import { LAW_2023_DAY, locationOn, minimumFounders } from "./law-in-force.js";
import { PARTNERS, PRODUCT_WORDS } from "./names.js";
import { mk, newClock, type RecordMode } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";
import { dayIn } from "./sim-month.js";
import { operating, pickCoop } from "./sim-population.js";

/**
 * Value-chain linkages (liên kết chuỗi giá trị) made and ended.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim(); // 2021–2022, after January 2021
 * for (const m of months) stepValueChains(ctx, m);
 * [...new Set(recorded())] // ["ValueChainLinked", "ValueChainUnlinked"]
 */
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
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim(); // 2021–2022, after January 2021
 * for (const m of months) stepReorganisations(ctx, m);
 * recorded() // ["ReorganisationDecided", "CoopSpunOff", "CoopFounded", "ManagerAppointed", "ManagerAppointed"] (a spin-off and the co-op it founds)
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
