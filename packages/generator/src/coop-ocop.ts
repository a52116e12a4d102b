import type { Score, Text } from "@coop-ledger/domain";
import { addMonthsDay, type DayNumber, isoDate } from "@coop-ledger/domain";
import type { Month } from "./calendar.js";
import { mk } from "./recorder.js";
import { doc, type SimContext, type SimCoop } from "./sim-model.js";
import { inMonth } from "./sim-month.js";

// A co-op's OCOP products in the simulation: certification, renewal or lapse, revocation. Called from
// the monthly step (coop-life.ts).

const OCOP_LEVEL = (stars: 3 | 4 | 5): "national" | "province" => (stars === 5 ? "national" : "province");

const certifyOcop = (
  ctx: SimContext,
  coop: SimCoop,
  product: SimCoop["products"][number],
  day: DayNumber,
  upgrade: boolean,
): void => {
  const { rng } = ctx;
  const stars = rng.weighted<3 | 4 | 5>(
    upgrade
      ? [
          [3, 55],
          [4, 40],
          [5, 5],
        ]
      : [
          [3, 75],
          [4, 23],
          [5, 2],
        ],
  );
  const [lo, hi] = stars === 3 ? [50, 69.5] : stars === 4 ? [70, 89.5] : [90, 98];
  const score = lo + Math.round(rng.next() * (hi - lo) * 2) / 2;
  const validUntil = addMonthsDay(day, 36);
  ctx.rec.record(
    coop.clock,
    mk("OcopCertified", {
      coopId: coop.id,
      effectiveDate: isoDate(day),
      productId: product.id,
      productName: product.name as Text,
      score: score as Score,
      stars,
      validUntil: isoDate(validUntil),
      level: OCOP_LEVEL(stars),
      certificateNumber: `${rng.int(100, 9999)}/QĐ-UBND` as Text,
    }),
    {
      mode: "ordered",
      at: ctx.rec.at(day, rng.int(3, 30)),
      by: ctx.by.registry,
      source: doc(
        "certificate",
        `${rng.int(100, 9999)}/QĐ-UBND`,
        isoDate(day),
        `UBND tỉnh ${ctx.province.name}`,
      ),
    },
  );
  product.certified = true;
  product.certifiedOn = day;
  product.nextDay = validUntil;
};

/**
 * Certifies, renews or lets lapse each OCOP product of a co-op whose next step falls in month `m`.
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim("2021-01-01", "2024-12-31");
 * const coop = ctx.coops.find((c) => c.products.length > 0);
 * if (coop === undefined) throw new Error("no co-op with OCOP products");
 * for (const m of months) stepProducts(ctx, coop, m);
 * recorded() // ["OcopCertified", "OcopCertified", "OcopCertified"]
 * coop.products.every((p) => p.certified) // true
 */
export const stepProducts = (ctx: SimContext, coop: SimCoop, m: Month): void => {
  const { rng } = ctx;
  for (const p of coop.products) {
    if (!inMonth(p.nextDay, m) || p.nextDay > ctx.endDay) continue;
    if (!p.certified) certifyOcop(ctx, coop, p, Math.max(p.nextDay, m.firstDay), false);
    else if (rng.chance(0.65))
      certifyOcop(ctx, coop, p, Math.max(m.firstDay, p.nextDay - rng.int(0, 30)), true);
    else {
      // Lapsed: expiry needs no event, validity is computed from validUntil.
      p.certified = false;
      p.nextDay = Number.POSITIVE_INFINITY;
    }
  }
};

/**
 * Revokes the co-op's first certified OCOP product certified before `day` (a hazard's outcome).
 * @example
 * import { exampleSim } from "../src/test-support/example-sim.js";
 * const { ctx, months, recorded } = exampleSim("2021-01-01", "2024-12-31");
 * const coop = ctx.coops.find((c) => c.products.length > 0);
 * if (coop === undefined) throw new Error("no co-op with OCOP products");
 * for (const m of months) stepProducts(ctx, coop, m); // certifies them
 * recorded();
 * revokeOcop(ctx, coop, dayOf("2024-12-01"));
 * recorded() // ["OcopEnded"]
 * coop.products.filter((p) => p.certified).length // 2
 */
export const revokeOcop = (ctx: SimContext, coop: SimCoop, day: DayNumber): void => {
  const p = coop.products.find((x) => x.certified && x.certifiedOn < day);
  if (p === undefined) return;
  ctx.rec.record(
    coop.clock,
    mk("OcopEnded", { coopId: coop.id, effectiveDate: isoDate(day), productId: p.id, reason: "revoked" }),
    { mode: "ordered", at: ctx.rec.at(day, ctx.rng.int(3, 30)), by: ctx.by.registry },
  );
  p.certified = false;
  p.nextDay = Number.POSITIVE_INFINITY;
};
