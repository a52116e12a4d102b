import {
  DAY_MS,
  type DayNumber,
  type DistrictGazetteer,
  type DomainConfig,
  dayOf,
  defaultDomainConfig,
  isoDate,
} from "@coop-ledger/domain";
import { monthOf } from "./calendar.js";
import { type GenProvince, genProvince, genProvinces } from "./geography.js";
import { Prng } from "./prng.js";
import { createProvinceSim, stepProvince } from "./province-sim.js";
import { type GeneratedEvent, Recorder } from "./recorder.js";
import type { ProvinceParams, SimContext } from "./sim-model.js";

/** The two dataset sizes of brief §7. */
export type LedgerPreset = "province" | "national";

/** Options of {@link generateLedger}. */
export interface GenerateLedgerOptions {
  /** `province`: one province, ≈ 10 k events; `national`: 63 provinces, ≈ 1 M+ events, ~35 k co-ops. */
  readonly preset: LedgerPreset;
  /** Any integer; the same seed (and options) gives the same events, ids and instants. */
  readonly seed: number;
  /** First valid day of the ledger (`YYYY-MM-DD`); default `2013-01-01`. */
  readonly from?: string;
  /**
   * Last valid day (`YYYY-MM-DD`); default `2026-06-30`. Events recorded after the end of this day are
   * left out (the ledger has not learnt them yet), so late-recorded events near the end are missing,
   * as they would be in a real ledger.
   */
  readonly to?: string;
  /** For the `province` preset: the province's 2008 code; default `60` (Bình Thuận, now in Lâm Đồng). */
  readonly province?: string;
  /**
   * The districts of the 2008-08-01 gazetteer; default: the GSO list shipped with `@coop-ledger/domain`
   * (`districtGazetteer()`, 696 districts as recorded on 2025-03-01), so the output for a seed is the same
   * wherever the package is installed. Pass another list (e.g. parsed with `parseDistrictGazetteer`) only
   * to generate over different districts.
   */
  readonly districts?: DistrictGazetteer;
  /**
   * The domain's configuration the ledger is generated for; default `defaultDomainConfig`. Pass the one
   * the decider runs with when it differs: the generator leaves out what its rules refuse (a rating of
   * a co-op that stopped operating longer than its `notRatedWhenStopped` allows).
   */
  readonly config?: DomainConfig;
}

/**
 * Default first and last valid days: every dataset spans the 2024-07-01 law and 2025-07-01 geography changes.
 * @example
 * [DEFAULT_FROM, DEFAULT_TO].join(" to ") // "2013-01-01 to 2026-06-30"
 */
export const DEFAULT_FROM = "2013-01-01";
/**
 * @see DEFAULT_FROM
 * @example
 * DEFAULT_TO > "2025-07-01" // true: the 34-province geography is in every dataset
 */
export const DEFAULT_TO = "2026-06-30";

/** The first Prng stream of the provinces' `extra` draws (streams 0, 1 and 100 + i are taken). */
const EXTRA_STREAM = 50_000;

const provinceParams = (rng: Prng, weight: number, recordsSuccessorAlliance: boolean): ProvinceParams => ({
  initialCoops: Math.round(rng.int(130, 180) * weight),
  foundingsPerMonth: (1.2 + rng.next() * 0.6) * weight,
  loansPerYear: Math.round(rng.int(10, 60) * Math.sqrt(weight)),
  hasFund: rng.chance(0.7),
  recordsSuccessorAlliance,
});

/**
 * The province that keeps the merged alliance's log after 2025-07-01: the old province whose code the
 * new one kept, else the first merged in.
 */
const keepsAlliance = (p: GenProvince, all: ReadonlyArray<GenProvince>): boolean => {
  const group = all.filter((q) => q.successorCode === p.successorCode);
  const keeper = group.find((q) => q.code === q.successorCode) ?? group[0];
  return keeper?.code === p.code;
};

/**
 * Generates a realistic, valid ledger as a stream: a seeded, deterministic, lazy iterator of events in
 * recording order (non-decreasing `recordedAt`), each with its stream id, a deterministic event id and
 * metadata, ready to append. It simulates co-ops month by month in valid time (foundings, members,
 * managers, annual reports, ratings ~20/45/25/10, OCOP, loans with repayments, alliance and fund,
 * value chains, suspensions, dissolutions, reorganisations, conversions, conformance to the 2012 and 2023
 * laws, head offices re-recorded in the 2025 gazetteer) and emits each event once it is due in
 * transaction time: reports are back-dated, about one dissolution in eight is recorded a year late, and a
 * few duplicates are retracted. Memory holds the live co-ops and the events not yet due, never the
 * dataset.
 *
 * Every stream's events, in order, are accepted by the domain's decider (tested per stream).
 *
 * @example
 * // One year of Bình Thuận (province 60); each event is ready for a store's `append(e.streamId, [e], …)`.
 * let events = 0;
 * let last = "";
 * const streams = new Set<string>();
 * for (const e of generateLedger({ preset: "province", seed: 42, from: "2022-01-01", to: "2022-12-31" })) {
 *   if (e.metadata.recordedAt < last) throw new Error("not in recording order");
 *   last = e.metadata.recordedAt;
 *   streams.add(e.streamId);
 *   events += 1;
 * }
 * console.log(events, streams.size); // 551 events on their co-ops', funds' and alliance's streams
 */
export function* generateLedger(options: GenerateLedgerOptions): Generator<GeneratedEvent, void, undefined> {
  const startDay: DayNumber = dayOf(options.from ?? DEFAULT_FROM);
  const endDay: DayNumber = dayOf(options.to ?? DEFAULT_TO);
  if (!Number.isFinite(startDay) || !Number.isFinite(endDay) || endDay < startDay) {
    throw new RangeError(
      `generateLedger: bad date range ${options.from ?? DEFAULT_FROM}..${options.to ?? DEFAULT_TO}`,
    );
  }
  const seed = Math.trunc(options.seed) | 0;
  const master = new Prng(seed, 0);
  const rec = new Recorder(seed, new Prng(seed, 1), (endDay + 1) * DAY_MS - 1);
  const sims: SimContext[] = [];
  if (options.preset === "province") {
    const p = genProvince(options.province ?? "60", options.districts);
    if (p === undefined) throw new RangeError(`generateLedger: unknown province code ${options.province}`);
    const rng = new Prng(seed, 100);
    sims.push(
      // Weight 0.75: ~110 pre-existing co-ops and ~1.1 foundings a month give ≈ 10–12 k events.
      createProvinceSim(
        rng,
        new Prng(seed, EXTRA_STREAM),
        rec,
        p,
        { ...provinceParams(rng, 0.75, true), hasFund: true },
        startDay,
        endDay,
        options.config ?? defaultDomainConfig,
      ),
    );
  } else {
    const all = genProvinces(options.districts);
    all.forEach((p, i) => {
      const rng = new Prng(seed, 100 + i);
      // Provinces differ in size: a log-normal weight around 1.35 gives ~35 k co-ops nationally.
      const weight = Math.min(5, master.logNormal(1.35, 0.45));
      sims.push(
        createProvinceSim(
          rng,
          new Prng(seed, EXTRA_STREAM + i),
          rec,
          p,
          provinceParams(rng, weight, keepsAlliance(p, all)),
          startDay,
          endDay,
          options.config ?? defaultDomainConfig,
        ),
      );
    });
  }
  let m = monthOf(startDay);
  let first = true;
  while (m.firstDay <= endDay) {
    rec.stepStartMs = Math.max(m.firstDay, startDay) * DAY_MS;
    for (const sim of sims) stepProvince(sim, m, first);
    first = false;
    yield* rec.dueBefore(m.nextFirstDay * DAY_MS);
    m = monthOf(m.nextFirstDay);
  }
  yield* rec.drain();
}

/**
 * The first and last valid days a dataset spans (for reports).
 * @example
 * ledgerSpan({ preset: "province", seed: 1 })
 */
export const ledgerSpan = (
  options: GenerateLedgerOptions,
): { readonly from: string; readonly to: string } => ({
  from: isoDate(dayOf(options.from ?? DEFAULT_FROM)),
  to: isoDate(dayOf(options.to ?? DEFAULT_TO)),
});
